#!/bin/bash
# The pipeline's shape, from the compiled stage libraries (given in pipeline order as
# NAME=PATH): no stage calls a later one, and the renderers call nothing that reads, checks,
# judges or redacts - from the assessment they may use only its words and keys
# (sp_*_word, sp_*_key). Everything a renderer shows comes through the view.
set -u
fail=0
names=() libs=()
for arg in "$@"; do names+=("${arg%%=*}"); libs+=("${arg#*=}"); done
defined() { nm --defined-only -g "$1" 2>/dev/null | awk 'NF == 3 && $2 ~ /[TDRB]/ {print $3}' | sort -u; }
undefined() { nm -u "$1" 2>/dev/null | awk '{print $NF}' | sort -u; }
n=${#libs[@]}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 0; i < n; i++)); do
    defined "${libs[i]}" >"$tmp/def.$i"
    undefined "${libs[i]}" >"$tmp/undef.$i"
done
for ((i = 0; i < n; i++)); do
    for ((j = i + 1; j < n; j++)); do
        bad=$(comm -12 "$tmp/undef.$i" "$tmp/def.$j")
        if [ -n "$bad" ]; then
            echo "FAIL: stage ${names[i]} calls the later stage ${names[j]}:" $bad
            fail=1
        fi
    done
done
index_of() { for ((k = 0; k < n; k++)); do [ "${names[k]}" = "$1" ] && echo "$k"; done; }
r=$(index_of render)
[ -n "$r" ] || { echo "FAIL: no render library given"; exit 1; }
calls=$(cat "$tmp/undef.$r")
for stage in read check; do
    bad=$(comm -12 <(echo "$calls") "$tmp/def.$(index_of $stage)")
    [ -z "$bad" ] || { echo "FAIL: a renderer calls the $stage stage:" $bad; fail=1; }
done
bad=$(comm -12 <(echo "$calls") "$tmp/def.$(index_of assess)" | grep -Ev '^sp_[a-z0-9_]+_(word|key)$')
[ -z "$bad" ] || { echo "FAIL: a renderer calls the assessment's judging functions:" $bad; fail=1; }
bad=$(echo "$calls" | grep -E '^sp_redact')
[ -z "$bad" ] || { echo "FAIL: a renderer calls the redaction:" $bad; fail=1; }
# the test can fail: the render library does reach the view and the assessment's words
echo "$calls" | grep -q '^sp_change_word$' || { echo "FAIL: nm found no call from render to sp_change_word"; fail=1; }
[ $fail = 0 ] && echo "ok: ${names[*]}: no stage calls a later one; renderers only lay out the view"
exit $fail
