/* Changes since the last report (see changes.h for how rows are matched). */
#include "assess/changes.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/format.h"
#include "util/strmap.h"
#include "util/vec.h"
#include "util/text.h"

const char *sp_change_word(sp_change_kind k)
{
    static const char *const words[SP_N_CHANGE_KINDS] = {
        "Completed",     "Newly overdue", "Deadline revised", "Status changed", "Reported status changed",
        "Reworded",      "New milestone", "Milestone removed", "New action",    "Action removed",
        "KPI changed",   "New KPI",       "KPI removed",       "New risk",      "Risk closed"};
    return words[k];
}

const char *sp_change_key(sp_change_kind k)
{
    static const char *const keys[SP_N_CHANGE_KINDS] = {
        "completed",   "newly_overdue", "deadline_revised", "status_changed", "reported_changed",
        "reworded",    "milestone_added", "milestone_removed", "action_added",  "action_removed",
        "kpi_changed", "kpi_added",     "kpi_removed",       "risk_new",      "risk_closed"};
    return keys[k];
}

/* ---- text matching ----------------------------------------------------------------------- */

#define MAX_WORDS 128

/* Lower-case ASCII words of s (other bytes split words). */
static size_t words_of(const char *s, char words[][32], size_t max)
{
    size_t n = 0, len = 0;
    for (const unsigned char *p = (const unsigned char *)s;; p++) {
        if (isalnum(*p) && *p < 0x80) {
            if (len < 31 && n < max)
                words[n][len++] = (char)tolower(*p);
        } else {
            if (len && n < max) {
                words[n][len] = '\0';
                n++;
            }
            len = 0;
            if (!*p)
                break;
        }
    }
    return n;
}

double sp_text_similarity(const char *a, const char *b)
{
    char wa[MAX_WORDS][32], wb[MAX_WORDS][32];
    size_t na = words_of(a, wa, MAX_WORDS), nb = words_of(b, wb, MAX_WORDS);
    if (na == 0 && nb == 0)
        return 1;
    if (na == 0 || nb == 0)
        return 0;
    bool used[MAX_WORDS] = {false};
    size_t common = 0;
    for (size_t i = 0; i < na; i++) {
        for (size_t j = 0; j < nb; j++) {
            if (!used[j] && strcmp(wa[i], wb[j]) == 0) {
                used[j] = true;
                common++;
                break;
            }
        }
    }
    return 2.0 * (double)common / (double)(na + nb);
}

#define MATCH_THRESHOLD 0.5

/* The texts of one side as multisets of word numbers: each distinct word (as words_of cuts
 * it) gets a number once, so comparing two texts is comparing two sorted arrays. */
typedef struct word_bags {
    sp_arena arena;
    sp_strmap ids;      /* word -> number */
    unsigned **bag;     /* per text: its words' numbers, sorted */
    size_t *len;        /* per text: how many */
} word_bags;

static int by_number(const void *x, const void *y)
{
    unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;
    return (a > b) - (a < b);
}

static void bag_texts(word_bags *w, const char *const *texts, size_t n)
{
    char words[MAX_WORDS][32];
    w->bag = sp_arena_alloc(&w->arena, (n + 1) * sizeof *w->bag);
    w->len = sp_arena_alloc(&w->arena, (n + 1) * sizeof *w->len);
    for (size_t i = 0; i < n; i++) {
        size_t k = words_of(texts[i], words, MAX_WORDS);
        w->bag[i] = sp_arena_alloc(&w->arena, (k + 1) * sizeof **w->bag);
        w->len[i] = k;
        for (size_t j = 0; j < k; j++) {
            size_t id;
            if (!sp_strmap_get(&w->ids, words[j], &id)) {
                id = w->ids.n;
                sp_strmap_put(&w->ids, sp_arena_strdup(&w->arena, words[j]), id);
            }
            w->bag[i][j] = (unsigned)id;
        }
        qsort(w->bag[i], k, sizeof **w->bag, by_number);
    }
}

/* A text's bag as a map key: equal keys, equal texts but for case, punctuation and spacing
 * (the same words in the same numbers, as sp_text_similarity() == 1 says). */
static const char *bag_key(word_bags *w, size_t i)
{
    char *key = sp_arena_alloc(&w->arena, w->len[i] * 9 + 2), *o = key;
    *o++ = '#';
    for (size_t j = 0; j < w->len[i]; j++)
        o += sprintf(o, "%x,", w->bag[i][j]);
    *o = '\0';
    return key;
}

typedef struct candidate {
    double score;
    size_t i, j;
} candidate;

static int best_first(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return (a->j > b->j) - (a->j < b->j);
}

/* Pairs items a[0..na) with b[0..nb) by text: exact first (each a in order takes the first
 * free b with the same words), then the most similar remaining pairs above the threshold,
 * ties to the earliest. match_a[i] = index in b or -1; reworded[i] set for similarity
 * matches.
 *
 * Linear in the words, not in na x nb: exact matches are found through a map of word bags;
 * for similarity an inverted index from each word to the b texts holding it counts the
 * shared words of exactly the pairs that share any (a pair sharing none scores 0 and is
 * never looked at), each pair's Dice coefficient is computed once, and the pairs are sorted
 * once and taken greedily -- the same matches as repeatedly taking the best remaining pair. */
static void match_texts(const char *const *a, size_t na, const char *const *b, size_t nb, long *match_a,
                        bool *reworded)
{
    word_bags w = {0};
    sp_strmap_init(&w.ids, false);
    bag_texts(&w, b, nb);
    unsigned **b_bag = w.bag;
    size_t *b_len = w.len;
    bag_texts(&w, a, na);
    unsigned **a_bag = w.bag;
    size_t *a_len = w.len;
    bool *taken = sp_arena_alloc(&w.arena, nb + 1);
    memset(taken, 0, nb + 1);

    /* exact: b's texts by bag, each key's texts chained in order */
    sp_strmap exact;
    sp_strmap_init(&exact, false);
    size_t *next = sp_arena_alloc(&w.arena, (nb + 1) * sizeof *next);
    size_t *tail = sp_arena_alloc(&w.arena, (nb + 1) * sizeof *tail);
    for (size_t j = 0; j < nb; j++) {
        w.bag = b_bag, w.len = b_len;
        const char *key = bag_key(&w, j);
        size_t head;
        next[j] = SIZE_MAX;
        if (sp_strmap_get(&exact, key, &head)) {
            next[tail[head]] = j;
            tail[head] = j;
        } else {
            sp_strmap_put(&exact, key, j);
            tail[j] = j;
        }
    }
    w.bag = a_bag, w.len = a_len;
    for (size_t i = 0; i < na; i++) {
        match_a[i] = -1;
        reworded[i] = false;
        size_t j;
        if (!sp_strmap_get(&exact, bag_key(&w, i), &j))
            continue;
        while (j != SIZE_MAX && taken[j])
            j = next[j];
        if (j != SIZE_MAX)
            match_a[i] = (long)j, taken[j] = true;
    }
    sp_strmap_free(&exact);

    /* similarity: postings[word] = the free b texts holding it, with how often */
    size_t n_words = w.ids.n;
    size_t *post_start = sp_arena_alloc(&w.arena, (n_words + 1) * sizeof *post_start);
    memset(post_start, 0, (n_words + 1) * sizeof *post_start);
    for (size_t j = 0; j < nb; j++)
        for (size_t k = 0; !taken[j] && k < b_len[j]; k++)
            if (k == 0 || b_bag[j][k] != b_bag[j][k - 1])
                post_start[b_bag[j][k] + 1]++;
    for (size_t x = 0; x < n_words; x++)
        post_start[x + 1] += post_start[x];
    size_t *fill = sp_arena_alloc(&w.arena, (n_words + 1) * sizeof *fill);
    memcpy(fill, post_start, (n_words + 1) * sizeof *fill);
    size_t total = post_start[n_words];
    size_t *post_text = sp_arena_alloc(&w.arena, (total + 1) * sizeof *post_text);
    unsigned *post_count = sp_arena_alloc(&w.arena, (total + 1) * sizeof *post_count);
    for (size_t j = 0; j < nb; j++) {
        for (size_t k = 0; !taken[j] && k < b_len[j];) {
            size_t run = 1;
            while (k + run < b_len[j] && b_bag[j][k + run] == b_bag[j][k])
                run++;
            size_t at = fill[b_bag[j][k]]++;
            post_text[at] = j;
            post_count[at] = (unsigned)run;
            k += run;
        }
    }
    unsigned *common = sp_arena_alloc(&w.arena, (nb + 1) * sizeof *common);
    memset(common, 0, (nb + 1) * sizeof *common);
    size_t *touched = sp_arena_alloc(&w.arena, (nb + 1) * sizeof *touched);
    SP_VEC(candidate) cands = {0};
    for (size_t i = 0; i < na; i++) {
        if (match_a[i] >= 0)
            continue;
        size_t n_touched = 0;
        for (size_t k = 0; k < a_len[i];) {
            size_t run = 1;
            while (k + run < a_len[i] && a_bag[i][k + run] == a_bag[i][k])
                run++;
            unsigned word = a_bag[i][k];
            for (size_t p = post_start[word]; p < post_start[word + 1]; p++) {
                size_t j = post_text[p];
                if (!common[j])
                    touched[n_touched++] = j;
                common[j] += (unsigned)(run < post_count[p] ? run : post_count[p]);
            }
            k += run;
        }
        for (size_t t = 0; t < n_touched; t++) {
            size_t j = touched[t];
            /* as sp_text_similarity() computes it, to the bit */
            double score = 2.0 * (double)common[j] / (double)(a_len[i] + b_len[j]);
            if (score >= MATCH_THRESHOLD)
                *sp_vec_push(&cands) = (candidate){score, i, j};
            common[j] = 0;
        }
    }
    if (cands.n)
        qsort(cands.items, cands.n, sizeof *cands.items, best_first);
    for (size_t c = 0; c < cands.n; c++) {
        const candidate *pair = &cands.items[c];
        if (match_a[pair->i] >= 0 || taken[pair->j])
            continue;
        match_a[pair->i] = (long)pair->j;
        reworded[pair->i] = true;
        taken[pair->j] = true;
    }
    sp_vec_free(&cands);
    sp_strmap_free(&w.ids);
    sp_arena_free(&w.arena);
}

/* ---- building the list ------------------------------------------------------------------ */

typedef struct builder {
    sp_assessment *cur;
    SP_VEC(sp_change) list;
} builder;

static sp_change *add(builder *b, sp_change_kind kind, const char *ref, const char *what, sp_src src)
{
    sp_change *c = sp_vec_push(&b->list);
    c->kind = kind;
    c->ref = ref;
    c->what = what;
    c->from = c->to = "";
    c->source = src;
    c->milestone = -1;
    return c;
}

static const char *date_text(sp_arena *a, sp_date d)
{
    if (d == SP_NO_DATE)
        return "no date";
    char buf[20];
    sp_date_long(d, buf);
    return sp_arena_strdup(a, buf);
}

static const char *title_of(const sp_plan *p, size_t i)
{
    const sp_milestone *m = &p->milestones.items[i];
    return m->text[0] ? m->text : p->actions.items[m->action_index].text;
}

static void compare_milestone(builder *b, const sp_assessment *prev, size_t pi, size_t ci, bool reworded)
{
    sp_arena *a = &b->cur->arena;
    const sp_plan *pp = prev->plan, *cp = b->cur->plan;
    const sp_milestone_result *was = &prev->milestones[pi], *now = &b->cur->milestones[ci];
    const sp_milestone *pm = &pp->milestones.items[pi], *cm = &cp->milestones.items[ci];
    bool completed = now->complete && !was->complete;
    bool newly_overdue = now->derived == SP_RED && was->derived != SP_RED;
    bool revised = now->effective_due != was->effective_due;
    bool status = now->derived != was->derived;
    bool reported = cm->reported != pm->reported;
    if (!(completed || newly_overdue || revised || status || reported || reworded))
        return;
    sp_change_kind kind = completed ? SP_CH_COMPLETED : newly_overdue ? SP_CH_NEWLY_OVERDUE : revised ? SP_CH_REVISED
                          : status ? SP_CH_STATUS : reported ? SP_CH_REPORTED : SP_CH_REWORDED;
    sp_change *c = add(b, kind, cm->ref, title_of(cp, ci), cm->src);
    c->reworded = reworded;
    c->milestone = (long)ci;
    const char *s = "";
    if (revised) {
        c->from = date_text(a, was->effective_due);
        c->to = date_text(a, now->effective_due);
        s = sp_arena_printf(a, "Deadline moved from %s to %s. ", c->from, c->to);
    }
    if (status) {
        if (!revised)
            c->from = sp_status_word(was->derived), c->to = sp_status_word(now->derived);
        s = sp_arena_printf(a, "%sDerived status %s → %s%s. ", s, sp_status_word(was->derived),
                            sp_status_word(now->derived), completed ? " (completed)" : newly_overdue ? " (now overdue)" : "");
    }
    if (reported) {
        if (!revised && !status)
            c->from = sp_status_word(pm->reported), c->to = sp_status_word(cm->reported);
        s = sp_arena_printf(a, "%sReported status %s → %s. ", s, pm->reported ? sp_status_word(pm->reported) : "none",
                            cm->reported ? sp_status_word(cm->reported) : "none");
    }
    if (reworded)
        s = sp_arena_printf(a, "%sReworded; it was: “%s”.", s, title_of(pp, pi));
    size_t len = strlen(s);
    while (len && s[len - 1] == ' ')
        len--;
    c->sentence = sp_arena_strndup(a, s, len);
}

static void compare_actions(builder *b, const sp_assessment *prev)
{
    const sp_plan *pp = prev->plan, *cp = b->cur->plan;
    sp_arena *a = &b->cur->arena;
    bool *seen_prev = calloc(pp->actions.n + 1, sizeof *seen_prev);
    /* last period's actions by ref (ignoring case), those sharing one chained in order: the
     * first not yet matched is the one a scan would find */
    sp_strmap prev_refs;
    sp_strmap_init(&prev_refs, true);
    size_t *same_ref_next = sp_arena_alloc(a, (pp->actions.n + 1) * sizeof *same_ref_next);
    size_t *same_ref_last = sp_arena_alloc(a, (pp->actions.n + 1) * sizeof *same_ref_last);
    for (size_t j = 0; j < pp->actions.n; j++) {
        size_t head;
        same_ref_next[j] = SIZE_MAX;
        if (sp_strmap_get(&prev_refs, pp->actions.items[j].ref, &head)) {
            same_ref_next[same_ref_last[head]] = j;
            same_ref_last[head] = j;
        } else {
            sp_strmap_put(&prev_refs, pp->actions.items[j].ref, j);
            same_ref_last[j] = j;
        }
    }
    for (size_t ci = 0; ci < cp->actions.n; ci++) {
        const sp_action *ca = &cp->actions.items[ci];
        if (!b->cur->actions[ci].in_scope)
            continue;
        long pi = -1;
        size_t j;
        if (sp_strmap_get(&prev_refs, ca->ref, &j)) {
            while (j != SIZE_MAX && seen_prev[j])
                j = same_ref_next[j];
            pi = j == SIZE_MAX ? -1 : (long)j;
        }
        if (pi < 0) {
            sp_change *c = add(b, SP_CH_ACTION_ADDED, ca->ref, ca->text, ca->src);
            c->sentence = sp_arena_printf(a, "New action with %zu milestone%s.", ca->n_milestones,
                                          ca->n_milestones == 1 ? "" : "s");
            continue;
        }
        seen_prev[pi] = true;
        const sp_action *pa = &pp->actions.items[pi];
        /* milestones of this action, matched by text */
        const char **ct = sp_arena_alloc(a, (ca->n_milestones + 1) * sizeof *ct);
        const char **pt = sp_arena_alloc(a, (pa->n_milestones + 1) * sizeof *pt);
        for (size_t k = 0; k < ca->n_milestones; k++)
            ct[k] = title_of(cp, ca->first_milestone + k);
        for (size_t k = 0; k < pa->n_milestones; k++)
            pt[k] = title_of(pp, pa->first_milestone + k);
        long *match = sp_arena_alloc(a, (ca->n_milestones + 1) * sizeof *match);
        bool *reworded = sp_arena_alloc(a, (ca->n_milestones + 1) * sizeof *reworded);
        match_texts(ct, ca->n_milestones, pt, pa->n_milestones, match, reworded);
        bool *matched_prev = sp_arena_alloc(a, (pa->n_milestones + 1) * sizeof *matched_prev);
        for (size_t k = 0; k < ca->n_milestones; k++) {
            size_t ci_m = ca->first_milestone + k;
            if (match[k] < 0) {
                const sp_milestone *m = &cp->milestones.items[ci_m];
                sp_change *c = add(b, SP_CH_MILESTONE_ADDED, m->ref, ct[k], m->src);
                c->milestone = (long)ci_m;
                c->to = date_text(a, b->cur->milestones[ci_m].effective_due);
                c->sentence = sp_arena_printf(a, "New milestone, due %s.", c->to);
                continue;
            }
            matched_prev[match[k]] = true;
            compare_milestone(b, prev, pa->first_milestone + (size_t)match[k], ci_m, reworded[k]);
        }
        for (size_t k = 0; k < pa->n_milestones; k++) {
            if (matched_prev[k])
                continue;
            const sp_milestone *m = &pp->milestones.items[pa->first_milestone + k];
            sp_change *c = add(b, SP_CH_MILESTONE_REMOVED, m->ref, pt[k], m->src);
            c->from = sp_status_word(prev->milestones[pa->first_milestone + k].derived);
            c->sentence = sp_arena_printf(a, "No longer in the plan (it was %s at the last report).", c->from);
        }
    }
    for (size_t j = 0; j < pp->actions.n; j++) {
        if (seen_prev[j] || !prev->actions[j].in_scope)
            continue;
        const sp_action *pa = &pp->actions.items[j];
        sp_change *c = add(b, SP_CH_ACTION_REMOVED, pa->ref, pa->text, pa->src);
        c->sentence = sp_arena_printf(a, "No longer in the plan, with its %zu milestone%s.", pa->n_milestones,
                                      pa->n_milestones == 1 ? "" : "s");
    }
    sp_strmap_free(&prev_refs);
    free(seen_prev);
}

static const char *kpi_value(sp_arena *a, const sp_plan *p, const sp_kpi *k, const sp_kpi_result *r)
{
    if (!r->has_latest)
        return "no value";
    char v[64], m[16];
    sp_format_value(r->latest, k->unit, v, sizeof v);
    sp_date_month(p->observations.items[r->latest_obs].period_end, m);
    return sp_arena_printf(a, "%s (%s)", v, m);
}

static void compare_kpis(builder *b, const sp_assessment *prev)
{
    const sp_plan *pp = prev->plan, *cp = b->cur->plan;
    sp_arena *a = &b->cur->arena;
    bool *seen_prev = calloc(pp->kpis.n + 1, sizeof *seen_prev);
    sp_strmap prev_refs; /* last period's KPIs by ref, ignoring case: the first of each */
    sp_strmap_init(&prev_refs, true);
    for (size_t j = 0; j < pp->kpis.n; j++)
        if (!sp_strmap_get(&prev_refs, pp->kpis.items[j].ref, &(size_t){0}))
            sp_strmap_put(&prev_refs, pp->kpis.items[j].ref, j);
    for (size_t ci = 0; ci < cp->kpis.n; ci++) {
        const sp_kpi *ck = &cp->kpis.items[ci];
        const sp_kpi_result *now = &b->cur->kpis[ci];
        if (!now->in_scope)
            continue;
        size_t j;
        long pi = sp_strmap_get(&prev_refs, ck->ref, &j) ? (long)j : -1;
        if (pi < 0) {
            sp_change *c = add(b, SP_CH_KPI_ADDED, ck->ref, ck->name, ck->src);
            c->to = sp_status_word(now->rag);
            c->sentence = sp_arena_printf(a, "New KPI, now %s.", c->to);
            continue;
        }
        seen_prev[pi] = true;
        const sp_kpi_result *was = &prev->kpis[pi];
        const char *v_was = kpi_value(a, pp, &pp->kpis.items[pi], was), *v_now = kpi_value(a, cp, ck, now);
        bool value = strcmp(v_was, v_now) != 0, rag = was->rag != now->rag;
        if (!value && !rag)
            continue;
        sp_change *c = add(b, SP_CH_KPI_CHANGED, ck->ref, ck->name, ck->src);
        c->from = sp_arena_printf(a, "%s, %s", v_was, sp_status_word(was->rag));
        c->to = sp_arena_printf(a, "%s, %s", v_now, sp_status_word(now->rag));
        c->sentence = rag ? sp_arena_printf(a, "RAG %s → %s; latest value %s → %s.", sp_status_word(was->rag),
                                            sp_status_word(now->rag), v_was, v_now)
                          : sp_arena_printf(a, "Latest value %s → %s; still %s.", v_was, v_now, sp_status_word(now->rag));
    }
    for (size_t j = 0; j < pp->kpis.n; j++) {
        if (seen_prev[j] || !prev->kpis[j].in_scope)
            continue;
        const sp_kpi *pk = &pp->kpis.items[j];
        sp_change *c = add(b, SP_CH_KPI_REMOVED, pk->ref, pk->name, pk->src);
        c->sentence = "No longer in the plan.";
    }
    sp_strmap_free(&prev_refs);
    free(seen_prev);
}

static void compare_risks(builder *b, const sp_assessment *prev)
{
    const sp_plan *pp = prev->plan, *cp = b->cur->plan;
    sp_arena *a = &b->cur->arena;
    const char **ct = sp_arena_alloc(a, (cp->risks.n + 1) * sizeof *ct);
    const char **pt = sp_arena_alloc(a, (pp->risks.n + 1) * sizeof *pt);
    for (size_t i = 0; i < cp->risks.n; i++)
        ct[i] = cp->risks.items[i].text;
    for (size_t i = 0; i < pp->risks.n; i++)
        pt[i] = pp->risks.items[i].text;
    long *match = sp_arena_alloc(a, (cp->risks.n + 1) * sizeof *match);
    bool *reworded = sp_arena_alloc(a, (cp->risks.n + 1) * sizeof *reworded);
    match_texts(ct, cp->risks.n, pt, pp->risks.n, match, reworded);
    bool *matched = sp_arena_alloc(a, (pp->risks.n + 1) * sizeof *matched);
    for (size_t i = 0; i < cp->risks.n; i++) {
        if (match[i] >= 0) {
            matched[match[i]] = true;
            continue;
        }
        const sp_risk *r = &cp->risks.items[i];
        sp_change *c = add(b, SP_CH_RISK_NEW, "", r->text, r->src);
        c->to = sp_severity_word(r->severity);
        c->sentence = sp_arena_printf(a, "New risk, severity %s.", c->to);
    }
    for (size_t j = 0; j < pp->risks.n; j++) {
        if (matched[j])
            continue;
        const sp_risk *r = &pp->risks.items[j];
        sp_change *c = add(b, SP_CH_RISK_CLOSED, "", r->text, r->src);
        c->from = sp_severity_word(r->severity);
        c->sentence = "No longer on the register.";
    }
}

void sp_compare(const sp_assessment *prev, sp_assessment *cur, sp_changes *out)
{
    memset(out, 0, sizeof *out);
    out->previous = prev->plan;
    out->previous_as_of = prev->as_of;
    builder b = {cur, {0}};
    compare_actions(&b, prev);
    compare_kpis(&b, prev);
    if (prev->plan->has_risks_file || cur->plan->has_risks_file)
        compare_risks(&b, prev);
    out->n = b.list.n;
    out->items = sp_arena_alloc(&cur->arena, (b.list.n + 1) * sizeof *out->items);
    if (b.list.n)
        memcpy(out->items, b.list.items, b.list.n * sizeof *out->items);
    for (size_t i = 0; i < out->n; i++)
        out->counts[out->items[i].kind]++;
    sp_vec_free(&b.list);
}
