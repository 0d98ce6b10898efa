#!/bin/bash
# The Debian package (packaging/package.cmake): `cpack -G DEB` of the build, unpacked with
# dpkg-deb into a scratch root. It holds the binary, the templates, the man page, the copyright
# (DEP-5), the changelog and the guides and examples; its version is `sendpack --version`'s and
# the changelog's; it depends on the libraries the binary links and on fonts-liberation2. The
# unpacked sendpack, run from another folder, writes the demo packs with its own templates; the
# man page renders without warnings; the monthly timer, its condition and the cron line pick
# the first working day of every month; lintian, where installed, finds no error.
set -u
fail() { echo "FAIL: $*"; exit 1; }
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    command -v $tool >/dev/null || { echo "SKIP: $tool is not installed (tools/install-deps.sh test installs it)"; exit 77; }
done
work="$WORK_DIR/package"
rm -rf "$work" && mkdir -p "$work/root" "$work/elsewhere"
cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || fail "cpack: $(tail -5 "$work/cpack.log")"
deb=$(ls "$work"/sendpack_*.deb 2>/dev/null)
[ -f "$deb" ] || fail "no .deb: $(tail -5 "$work/cpack.log")"
dpkg-deb -x "$deb" "$work/root" || fail "dpkg-deb -x"
root="$work/root"

# contents
for f in usr/bin/sendpack usr/share/sendpack/templates/scrutiny.ini usr/share/sendpack/templates/dfe-nhse.ini \
         usr/share/sendpack/templates/local-offer.ini usr/share/man/man1/sendpack.1.gz \
         usr/share/doc/sendpack/copyright usr/share/doc/sendpack/changelog.gz usr/share/doc/sendpack/README.md \
         usr/share/doc/sendpack/docs/user-guide.md usr/share/doc/sendpack/docs/json.md \
         usr/share/doc/sendpack/examples/sendpack-monthly.service usr/share/doc/sendpack/examples/sendpack-monthly.timer \
         usr/share/doc/sendpack/examples/sendpack.cron; do
    [ -f "$root/$f" ] || fail "not in the package: $f"
done
[ -x "$root/usr/bin/sendpack" ] || fail "usr/bin/sendpack is not executable"
head -1 "$root/usr/share/doc/sendpack/copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    fail "the copyright file is not in DEP-5 form"
if find "$root" -type d -empty | grep -q .; then fail "empty folders: $(find "$root" -type d -empty)"; fi

# one version: the package's, the program's, the changelog's, the man page's
version=$(dpkg-deb -f "$deb" Version)
[ -n "$version" ] || fail "no Version in the package"
[ "$("$root/usr/bin/sendpack" --version)" = "sendpack $version" ] || fail "sendpack --version says '$("$root/usr/bin/sendpack" --version)', the package $version"
zcat "$root/usr/share/doc/sendpack/changelog.gz" | head -1 | grep -q "^sendpack ($version) " ||
    fail "the changelog's latest entry is not $version: $(zcat "$root/usr/share/doc/sendpack/changelog.gz" | head -1)"
[ "$(basename "$deb")" = "sendpack_${version}_$(dpkg-deb -f "$deb" Architecture).deb" ] || fail "package file name $(basename "$deb")"

# dependencies from the libraries the binary links (dpkg-shlibdeps), and the font
depends=$(dpkg-deb -f "$deb" Depends)
for dep in fonts-liberation2 libhpdf libxlsxwriter libcsv libjansson libinih libutf8proc libc6; do
    grep -q "\b$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

# the unpacked sendpack, from another folder: its own templates (an edit to the unpacked
# scrutiny.ini shows in the pack), the demo's packs in every format
sed -i 's/^title = .*/title = {plan}: packaged monitoring report/' "$root/usr/share/sendpack/templates/scrutiny.ini"
(cd "$work/elsewhere" && for t in scrutiny dfe-nhse local-offer; do
    "$root/usr/bin/sendpack" --as-of 2022-12-31 --template $t --output packs "$SOURCE_DIR/input/peterborough-app-2022" >/dev/null 2>"$work/run.err" ||
        { cat "$work/run.err"; exit 1; }
done) || fail "the unpacked sendpack failed"
for t in scrutiny dfe-nhse local-offer; do
    for ext in json xlsx pdf html; do
        [ -s "$work/elsewhere/packs/peterborough-app-2022-$t-2022-12-31.$ext" ] || fail "no peterborough-app-2022-$t-2022-12-31.$ext"
    done
done
grep -q "packaged monitoring report" "$work/elsewhere/packs/peterborough-app-2022-scrutiny-2022-12-31.html" ||
    fail "the unpacked sendpack did not use the unpacked templates"

# the man page, as man shows it: no warnings, the version in its footer
page="$root/usr/share/man/man1/sendpack.1.gz"
if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man warns: $warnings"
    MANWIDTH=80 man -l "$page" 2>/dev/null | tail -1 | grep -q "sendpack $version" || fail "the man page's footer lacks the version"
else
    zcat "$page" | groff -man -ww -z 2>"$work/groff.err" && [ ! -s "$work/groff.err" ] || fail "groff: $(cat "$work/groff.err")"
fi

# the monthly schedule: for 36 months, the timer's start times, the service's ExecCondition
# and the cron line each pick the month's first Monday-to-Friday day and no other
examples="$root/usr/share/doc/sendpack/examples"
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec /bin/date -d "$FAKE_DAY" "$@"\n' > "$work/bin/date"
printf '#!/bin/sh\necho "sendpack $*" >> "$CALLS"\n' > "$work/bin/sendpack"
chmod +x "$work/bin/date" "$work/bin/sendpack"
condition=$(sed -n "s/^ExecCondition=\/bin\/sh -c '\(.*\)'\$/\1/p" "$examples/sendpack-monthly.service" | sed 's/%%/%/g')
[ -n "$condition" ] || fail "no ExecCondition=/bin/sh -c '...' in the service"
cron=$(grep -E '^[0-9]' "$examples/sendpack.cron" | sed 's/\\%/%/g')
[ "$(awk '{print $3, $4, $5, $6}' <<<"$cron")" = "1-3 * * sendpack" ] || fail "the cron line's days: $cron"
cron_command=$(cut -d' ' -f7- <<<"$cron")
calendar=$(sed -n 's/^OnCalendar=//p' "$examples/sendpack-monthly.timer")
first_working_day() { # YYYY-MM -> the day, by counting from the 1st
    local d=1
    while [ "$(/bin/date -d "$1-0$d" +%u)" -gt 5 ]; do d=$((d + 1)); done
    echo "$1-0$d"
}
starts=""
if command -v systemd-analyze >/dev/null; then
    starts=$(systemd-analyze calendar --base-time=2027-01-01 --iterations=120 "$calendar" 2>/dev/null |
             grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}')
fi
[ -n "$starts" ] || starts=$(for m in $(seq 0 40); do for d in 01 02 03; do # the calendar by hand
    day=$(/bin/date -d "2027-01-01 +$m month" +%Y-%m)-$d; [ "$(/bin/date -d "$day" +%u)" -le 5 ] && echo "$day"; done; done)
ran_service="" ran_cron="" expected=""
for m in $(seq 0 35); do
    month=$(/bin/date -d "2027-01-01 +$m month" +%Y-%m)
    for d in 01 02 03; do
        day="$month-$d"
        if grep -qx "$day" <<<"$starts" && FAKE_DAY=$day PATH="$work/bin:$PATH" sh -c "$condition"; then
            ran_service+="$day "
        fi
        rm -f "$work/calls"
        FAKE_DAY=$day CALLS="$work/calls" PATH="$work/bin:$PATH" sh -c "$cron_command"
        [ -s "$work/calls" ] && ran_cron+="$day "
    done
    expected+="$(first_working_day "$month") "
done
[ "$ran_service" = "$expected" ] || fail "the timer and its condition run on: $ran_service"$'\n'"not on the first working days: $expected"
[ "$ran_cron" = "$expected" ] || fail "the cron line runs on: $ran_cron"$'\n'"not on the first working days: $expected"
[ "$(grep -c '^ExecStart=/usr/bin/sendpack' "$examples/sendpack-monthly.service")" = 3 ] || fail "the service does not make the three packs"

# lintian, where installed: no errors (warnings are printed)
if command -v lintian >/dev/null; then
    lintian --pedantic "$deb" >"$work/lintian.log" 2>&1
    grep -v 'running with root privileges' "$work/lintian.log"
    if grep -q '^E:' "$work/lintian.log"; then fail "lintian finds errors"; fi
else
    echo "lintian is not installed: not run"
fi
echo "package ok: $(basename "$deb"), Depends: $depends"
