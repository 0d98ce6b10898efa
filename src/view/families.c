/* families.c - the Local Offer text for families (families.h): plain words, each promise once,
 * dates in full, abbreviations expanded on first use. */
#include "view/families.h"

#include <stdio.h>
#include <string.h>

#include "util/format.h"
#include "util/text.h"
#include "view/redact.h"
#include "view/view.h"

static const char *const MONTHS[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

/* "January 2020": families read month names in full. */
static const char *month_year(sp_arena *a, sp_date d)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    return sp_arena_printf(a, "%s %d", MONTHS[m - 1], y);
}

typedef struct text_buf {
    char *s;
    size_t n, cap;
} text_buf;

typedef struct ctx {
    sp_families *f;
    sp_arena *a;
    const sp_plan *p;
    const sp_assessment *as;
    const sp_template *t;
    sp_glossary g;
    text_buf all; /* every sentence shown */
    text_buf own; /* the sentences sendpack writes, without the plan's own words */
} ctx;

static void append(sp_arena *a, text_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->n + n + 2 > b->cap) {
        b->cap = 2 * (b->n + n + 2) + 1024;
        char *bigger = sp_arena_alloc(a, b->cap);
        if (b->n)
            memcpy(bigger, b->s, b->n);
        b->s = bigger;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n++] = '\n';
    b->s[b->n] = '\0';
}

/* Every text shown passes here, in reading order: abbreviations are expanded the first time
 * and the sentence joins the text whose readability is measured. */
static const char *say(ctx *c, const char *s)
{
    s = sp_glossary_expand(&c->g, s);
    append(c->a, &c->all, s);
    append(c->a, &c->own, s);
    return s;
}

/* The same for a text holding the plan's own words (a milestone, an area's name): shown as the
 * officers wrote it, and so kept out of the measure of sendpack's own sentences. */
static const char *say_plan(ctx *c, const char *s)
{
    s = sp_glossary_expand(&c->g, s);
    append(c->a, &c->all, s);
    return s;
}

/* A plan text as one sentence: trimmed, one full stop at the end (trackers end some with ".",
 * some with "..", most with none). */
static const char *sentence(ctx *c, const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        n--;
    while (n && s[n - 1] == '.')
        n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    if (n && (s[n - 1] == '?' || s[n - 1] == '!' || s[n - 1] == ':'))
        return sp_arena_strndup(c->a, s, n);
    return sp_arena_printf(c->a, "%.*s.", (int)n, s);
}

/* A plan text as a heading: trimmed, without a closing full stop. */
static const char *heading(ctx *c, const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t' || s[n - 1] == '.'))
        n--;
    return sp_arena_strndup(c->a, s, n);
}

static const char *things(ctx *c, size_t n)
{
    return sp_arena_printf(c->a, "%zu thing%s", n, n == 1 ? "" : "s");
}

static const char *milestone_title(const ctx *c, size_t m)
{
    const sp_milestone *ms = &c->p->milestones.items[m];
    return ms->text && ms->text[0] ? ms->text : c->p->actions.items[ms->action_index].text;
}

/* Work that goes on once it is in place: "COMPLETE (ongoing activity)", "Ongoing from March 2020". */
static bool ongoing_work(const sp_milestone *ms)
{
    return ms->due.kind == SP_DUE_ONGOING || ms->due.kind == SP_DUE_RECURRING || sp_ifind_word(ms->due_text, "ongoing") ||
           sp_ifind_word(ms->text, "ongoing");
}

/* Whether a sentence names an officer: any piece of an owner cell ("Ann Lee, Head of SEND")
 * of two words or more. The page holds no owners (families.h). */
static bool names_officer(const ctx *c, const char *sentence_text, size_t len)
{
    char *t = sp_arena_strndup(c->a, sentence_text, len);
    for (size_t i = 0; i < c->p->milestones.n + c->p->actions.n; i++) {
        const char *owner = i < c->p->milestones.n ? c->p->milestones.items[i].owner
                                                   : c->p->actions.items[i - c->p->milestones.n].owner;
        if (i && i < c->p->milestones.n && owner == c->p->milestones.items[i - 1].owner)
            continue;
        for (const char *q = owner ? owner : ""; *q;) {
            size_t n = strcspn(q, ",;/()\n");
            size_t from = 0;
            while (from < n && q[from] == ' ')
                from++;
            while (n > from && q[n - 1] == ' ')
                n--;
            const char *piece = sp_arena_strndup(c->a, q + from, n - from);
            if (strchr(piece, ' ') && strlen(piece) >= 5 && sp_ifind_word(t, piece))
                return true;
            q += strcspn(q, ",;/()\n");
            if (*q)
                q++;
        }
    }
    return false;
}

/* The first sentence or two of an officer's update, at most about 300 characters: what was
 * done, in the plan's own words (the glossary expands its abbreviations when it is said).
 * A sentence that names an officer or held contact details (redacted at the view's boundary)
 * is left out. NULL when no sentence is left. */
static const char *update_sentences(ctx *c, const char *s)
{
    const char *out = "";
    int taken = 0;
    size_t n = strlen(s);
    for (size_t start = 0, i = 0; i <= n && taken < 2; i++) {
        bool end = i == n || s[i] == '\n' ||
                   ((s[i] == '.' || s[i] == '!' || s[i] == '?') && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\n') &&
                    /* "e.g. ", "i.e. ", an initial "J. Smith": not the end of a sentence */
                    !(s[i] == '.' && i >= 1 && (i < 2 || s[i - 2] == ' ' || s[i - 2] == '.')));
        if (!end)
            continue;
        size_t from = start, to = i < n && s[i] != '\n' ? i + 1 : i;
        start = i + 1;
        while (from < to && (s[from] == ' ' || s[from] == '\t' || s[from] == '\r'))
            from++;
        if (to - from < 12 || strstr(sp_arena_strndup(c->a, s + from, to - from), SP_REDACTED) ||
            names_officer(c, s + from, to - from))
            continue;
        if (taken && strlen(out) + (to - from) > 300)
            break;
        const char *one = sp_arena_strndup(c->a, s + from, to - from);
        if (to - from > 320) { /* one long sentence: cut at a word */
            size_t cut = 300;
            while (cut > 200 && one[cut] != ' ')
                cut--;
            one = sp_arena_printf(c->a, "%.*s…", (int)cut, one);
        } else {
            one = sentence(c, one);
        }
        out = taken ? sp_arena_printf(c->a, "%s %s", out, one) : one;
        taken++;
    }
    for (char *q = (char *)out; *q; q++)
        if (*q == '\t' || *q == '\r')
            *q = ' ';
    return taken ? out : NULL;
}

/* What happens next, with the planned and new dates of a late item in words. */
static const char *next_step(ctx *c, size_t m)
{
    const sp_milestone *ms = &c->p->milestones.items[m];
    const sp_milestone_result *r = &c->as->milestones[m];
    if (r->complete)
        return ongoing_work(ms) ? "This is in place and carries on." : "There is nothing more to do on this.";
    if (r->original_due == SP_NO_DATE)
        return ongoing_work(ms) ? "This work goes on all the time." : "We have not set a date for this yet.";
    const char *planned = month_year(c->a, r->original_due);
    bool moved = r->effective_due != r->original_due;
    bool planned_passed = r->original_due < c->as->as_of;
    bool new_date_ahead = r->effective_due >= c->as->as_of;
    /* past the date first promised, with a new date still ahead: later than planned (Amber) */
    if (moved && planned_passed && new_date_ahead)
        return sp_arena_printf(c->a, "We planned this for %s. It is later than planned; the new date is %s.", planned,
                               month_year(c->a, r->effective_due));
    if (moved && planned_passed)
        return sp_arena_printf(c->a, "We planned this for %s, then for %s. It is late; we will set a new date.",
                               planned, month_year(c->a, r->effective_due));
    if (r->derived == SP_RED)
        return sp_arena_printf(c->a, "We planned this for %s. It is late; we will set a new date.", planned);
    if (moved)
        return sp_arena_printf(c->a, "We first planned this for %s. The new date is %s.", planned,
                               month_year(c->a, r->effective_due));
    return sp_arena_printf(c->a, "We plan to finish this by %s.", month_year(c->a, r->effective_due));
}

static void add_promise(ctx *c, sp_family_action *fa, size_t m)
{
    const sp_milestone_result *r = &c->as->milestones[m];
    sp_family_promise *pr = &fa->promises[fa->n++];
    pr->milestone = m;
    pr->status = r->derived;
    pr->status_word = c->t->status_label[r->derived];
    pr->said = say_plan(c, sentence(c, milestone_title(c, m)));
    const sp_milestone *ms = &c->p->milestones.items[m];
    const char *state = !r->complete                   ? "This is not finished yet."
                        : r->completed_on != SP_NO_DATE ? sp_arena_printf(c->a, "We finished this in %s.",
                                                                          month_year(c->a, r->completed_on))
                        : ongoing_work(ms)              ? "This is in place."
                                                        : "We have finished this.";
    /* what was done, from the officers' update where there is one (decision 13: the action's) */
    const char *update = ms->progress[0] ? update_sentences(c, ms->progress) : NULL;
    if (update) {
        say(c, state);
        pr->done = sp_arena_printf(c->a, "%s %s%s", state, ms->progress_of_action ? "On this work: " : "",
                                   say_plan(c, update));
    } else {
        pr->done = say(c, state);
    }
    pr->next = say(c, next_step(c, m));
}

/* Counts in the committee's five words, one to one (decision 12): "2 are done, 1 is on track,
 * 1 is later than planned and 2 are late." Only the words with items are said; no item is
 * ever counted under two words. */
static const char *counted(ctx *c, const sp_counts *k)
{
    const struct {
        size_t n;
        const char *one, *many;
    } w[] = {{k->blue, "is done", "are done"},
             {k->green, "is on track", "are on track"},
             {k->amber, "is later than planned", "are later than planned"},
             {k->red, "is late", "are late"},
             {k->grey, "has no date yet", "have no date yet"}};
    const char *out = "";
    size_t said = 0, left = 0;
    for (size_t i = 0; i < 5; i++)
        left += w[i].n > 0;
    for (size_t i = 0; i < 5; i++) {
        if (!w[i].n)
            continue;
        said++;
        const char *sep = said == 1 ? "" : said == left ? " and " : ", ";
        out = sp_arena_printf(c->a, "%s%s%zu %s", out, sep, w[i].n, w[i].n == 1 ? w[i].one : w[i].many);
    }
    if (!k->blue)
        out = sp_arena_printf(c->a, "none is done yet%s%s", out[0] ? "; " : "", out);
    return out;
}

/* "We said we would do 5 things here: 2 are done, 1 is on track and 2 are late." */
static const char *part_summary(ctx *c, const sp_counts *k)
{
    const char *s = sp_arena_printf(c->a, "We said we would do %s here: %s.", things(c, k->total), counted(c, k));
    return s;
}

static void build_parts(ctx *c)
{
    const sp_plan *p = c->p;
    sp_families *f = c->f;
    f->parts = sp_arena_alloc(c->a, (p->areas.n + 1) * sizeof *f->parts);
    for (size_t i = 0; i < p->areas.n; i++) {
        const sp_area *area = &p->areas.items[i];
        const sp_area_result *ar = &c->as->areas[i];
        if (!ar->counts.total)
            continue;
        sp_family_part *part = &f->parts[f->n_parts++];
        part->area = i;
        part->heading = say_plan(c, sp_arena_printf(c->a, "Part %zu: %s", f->n_parts, area->name));
        static const sp_status tint[] = {SP_GREEN, SP_AMBER, SP_RED, SP_BLUE};
        part->tint = tint[ar->assessment];
        part->status_word = c->t->assessment_label[ar->assessment];
        part->summary = say(c, part_summary(c, &ar->counts));
        /* At risk with nothing late: its measures are behind, never "late" (decision 12) */
        if (ar->assessment == SP_AREA_AT_RISK && ar->overdue == 0) {
            part->status_word = SP_FAMILIES_MEASURES_BEHIND;
            part->summary = sp_arena_printf(c->a, "%s %s", part->summary,
                                            say(c, "Nothing here is late, but the measures for this part are behind "
                                                   "where we hoped, or have no new figures: see \"How we will know "
                                                   "it is working\" below."));
        }
        part->actions = sp_arena_alloc(c->a, (area->n_actions + 1) * sizeof *part->actions);
        for (size_t j = area->first_action; j < area->first_action + area->n_actions; j++) {
            const sp_action *ac = &p->actions.items[j];
            if (!c->as->actions[j].in_scope)
                continue;
            sp_family_action *fa = &part->actions[part->n_actions++];
            /* an action whose one promise is the action itself is said once, as the promise */
            size_t in_scope = 0, own_text = 0;
            for (size_t m = ac->first_milestone; m < ac->first_milestone + ac->n_milestones; m++)
                if (c->as->milestones[m].in_scope) {
                    in_scope++;
                    own_text += strcmp(sentence(c, milestone_title(c, m)), sentence(c, ac->text)) != 0;
                }
            fa->heading = in_scope == 1 && !own_text ? NULL : say_plan(c, heading(c, ac->text));
            fa->promises = sp_arena_alloc(c->a, (ac->n_milestones + 1) * sizeof *fa->promises);
            for (size_t m = ac->first_milestone; m < ac->first_milestone + ac->n_milestones; m++)
                if (c->as->milestones[m].in_scope)
                    add_promise(c, fa, m);
        }
    }
}

static const char *value(ctx *c, double v, sp_unit u)
{
    char buf[64];
    sp_format_value(v, u, buf, sizeof buf);
    return sp_arena_strdup(c->a, buf);
}

static void build_outcomes(ctx *c)
{
    static const char *const WORD[] = {[SP_STATUS_NONE] = "No new figure yet", [SP_RED] = "Behind where we hoped",
                                       [SP_AMBER] = "A little behind",     [SP_GREEN] = "On track",
                                       [SP_BLUE] = "Aim reached",          [SP_GREY] = "No new figure yet"};
    const sp_plan *p = c->p;
    sp_families *f = c->f;
    f->outcomes = sp_arena_alloc(c->a, (p->kpis.n + 1) * sizeof *f->outcomes);
    for (size_t k = 0; k < p->kpis.n; k++) {
        const sp_kpi *kpi = &p->kpis.items[k];
        const sp_kpi_result *r = &c->as->kpis[k];
        if (!r->in_scope)
            continue;
        sp_family_outcome *o = &f->outcomes[f->n_outcomes++];
        o->kpi = k;
        o->rag = r->rag;
        o->word = WORD[r->rag];
        o->name = say_plan(c, sentence(c, kpi->name));
        const char *s = "";
        if (r->numeric) {
            if (r->baseline_set)
                s = sp_arena_printf(c->a, "When we started it was %s.", value(c, r->baseline, kpi->unit));
            if (r->has_latest) {
                const sp_observation *ob = &p->observations.items[r->latest_obs];
                s = sp_arena_printf(c->a, "%s%sThe latest figure is %s%s, for %s.", s, s[0] ? " " : "",
                                    value(c, r->latest, kpi->unit), ob->projected ? " (an estimate)" : "",
                                    month_year(c->a, ob->period_end));
            } else {
                s = sp_arena_printf(c->a, "%s%sWe do not have a new figure yet.", s, s[0] ? " " : "");
            }
            if (r->final_checkpoint >= 0 && r->target[r->final_checkpoint].numeric)
                s = sp_arena_printf(c->a, "%s We aim for %s by %s.", s,
                                    value(c, r->target[r->final_checkpoint].value, kpi->unit),
                                    month_year(c->a, r->target[r->final_checkpoint].date));
        } else {
            int cp = r->next_checkpoint >= 0 ? r->next_checkpoint : (int)kpi->n_checkpoints - 1;
            const sp_target *t = cp >= 0 ? &kpi->checkpoints[cp].target : NULL;
            const char *aim = !t ? NULL : t->words && t->words[0] ? t->words : t->text;
            if (aim && aim[0])
                s = sp_arena_printf(c->a, "By %s we aim for this: %s", month_year(c->a, c->as->kpis[k].target[cp].date),
                                    sentence(c, aim));
            else
                s = "We check this at each review of the plan.";
        }
        o->sentence = r->numeric ? say(c, s) : say_plan(c, s);
    }
    if (f->n_outcomes)
        f->outcomes_intro = say(c, "We measure these things to see if the changes are helping children and young people.");
}

/* What moved since last time, in families' words: no risks, no rewording, no reported statuses. */
static void build_changes(ctx *c, const sp_changes *ch)
{
    sp_families *f = c->f;
    f->has_changes = true;
    f->changes = sp_arena_alloc(c->a, (ch->n + 1) * sizeof *f->changes);
    for (size_t i = 0; i < ch->n; i++) {
        const sp_change *x = &ch->items[i];
        const char *what = sentence(c, x->what), *s = NULL;
        switch (x->kind) {
        case SP_CH_COMPLETED: s = sp_arena_printf(c->a, "Finished: %s", what); break;
        case SP_CH_NEWLY_OVERDUE: s = sp_arena_printf(c->a, "Now late: %s", what); break;
        case SP_CH_REVISED:
            s = x->from[0] && x->to[0] ? sp_arena_printf(c->a, "New date (%s, was %s): %s", x->to, x->from, what)
                                       : sp_arena_printf(c->a, "New date: %s", what);
            break;
        case SP_CH_MILESTONE_ADDED:
        case SP_CH_ACTION_ADDED: s = sp_arena_printf(c->a, "New in the plan: %s", what); break;
        case SP_CH_MILESTONE_REMOVED:
        case SP_CH_ACTION_REMOVED: s = sp_arena_printf(c->a, "No longer in the plan: %s", what); break;
        case SP_CH_KPI_CHANGED: s = sp_arena_printf(c->a, "New figure: %s", what); break;
        case SP_CH_KPI_ADDED: s = sp_arena_printf(c->a, "Now measured: %s", what); break;
        case SP_CH_KPI_REMOVED: s = sp_arena_printf(c->a, "No longer measured: %s", what); break;
        default: break;
        }
        if (s)
            f->changes[f->n_changes++] = say_plan(c, s);
    }
    if (!f->n_changes)
        f->changes[f->n_changes++] =
            say(c, sp_arena_printf(c->a, "Nothing has changed since %s.", month_year(c->a, ch->previous_as_of)));
}

static void build_contact(ctx *c)
{
    sp_families *f = c->f;
    const char *contact = c->p->info.contact ? c->p->info.contact : "";
    f->contact = contact;
    f->contact_is_email = contact[0] && strchr(contact, '@') && !strchr(contact, ' ') && !strchr(contact, '/');
    f->contact_is_web = strncmp(contact, "https://", 8) == 0 || strncmp(contact, "http://", 7) == 0;
    if (contact[0])
        f->contact_text = say(c, "If you have a question about this plan, or you want to tell us what you think, "
                                 "please get in touch:");
    else /* no address of the plan's own: the routes every local area has, with none made up */
        f->contact_text = say(
            c, sp_arena_printf(c->a,
                               "If you have a question about this plan, or you want to tell us what you think, "
                               "please use the contact details on %s%s Local Offer website, or ask your local SEND "
                               "information, advice and support service. They can pass your views on to us.",
                               c->p->info.area[0] ? c->p->info.area : "your local area's",
                               c->p->info.area[0] ? "'s" : ""));
}


/* "We said we would do 13 things: 2 are done, 9 are on track and 2 are late." The committee's
 * counts in the same run, in the families' words (decision 12). */
static const char *position(ctx *c)
{
    const sp_counts *k = &c->as->milestone_counts;
    return sp_arena_printf(c->a, "We said we would do %s: %s.", things(c, k->total), counted(c, k));
}

/* Words shaped like abbreviations ("JCHB", "CPCCG", "PfA"; a plural "s" dropped) that no
 * glossary explains: families would meet them unexplained, so the run names them to the
 * editor. Two to six ASCII letters, the first a capital, at least two capitals and at most one
 * small letter. */
/* Abbreviations every family knows, which the page never expands (the built-in glossary
 * itself says "NHS England" for NHSE). */
static bool known_to_all(const char *word, size_t len)
{
    static const char *const KNOWN[] = {"NHS", "IT", "UK", "TV", "OK"};
    for (size_t i = 0; i < sizeof KNOWN / sizeof *KNOWN; i++)
        if (strlen(KNOWN[i]) == len && memcmp(KNOWN[i], word, len) == 0)
            return true;
    return false;
}

static void find_unexplained(ctx *c)
{
    sp_families *f = c->f;
    const char *t = f->text;
    size_t cap = 0;
    for (size_t i = 0; t[i];) {
        if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z'))) {
            i++;
            continue;
        }
        size_t start = i, upper = 0, lower = 0;
        while ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')) {
            upper += t[i] >= 'A' && t[i] <= 'Z';
            lower += t[i] >= 'a' && t[i] <= 'z';
            i++;
        }
        size_t len = i - start;
        if (len > 2 && t[i - 1] == 's' && t[i - 2] >= 'A' && t[i - 2] <= 'Z')
            len--, lower--; /* "EHCPs" */
        if (len < 2 || len > 6 || t[start] < 'A' || t[start] > 'Z' || upper < 2 || lower > 1)
            continue;
        if (sp_glossary_find(&c->g, t + start, len) || known_to_all(t + start, len))
            continue;
        bool seen = false;
        for (size_t k = 0; k < f->n_unexplained && !seen; k++)
            seen = strlen(f->unexplained[k]) == len && memcmp(f->unexplained[k], t + start, len) == 0;
        if (seen)
            continue;
        if (f->n_unexplained == cap) {
            cap = cap ? cap * 2 : 8;
            const char **grown = sp_arena_alloc(c->a, cap * sizeof *grown);
            if (f->n_unexplained)
                memcpy(grown, f->unexplained, f->n_unexplained * sizeof *grown);
            f->unexplained = grown;
        }
        f->unexplained[f->n_unexplained++] = sp_arena_strndup(c->a, t + start, len);
    }
}

void sp_families_build(sp_families *f, sp_arena *a, const sp_plan *p, const sp_assessment *as,
                       const sp_changes *changes, const sp_template *t)
{
    memset(f, 0, sizeof *f);
    ctx c = {.f = f, .a = a, .p = p, .as = as, .t = t};
    sp_glossary_build(&c.g, a, p);
    f->title = say(&c, sp_template_title(t, a, p->info.title, p->info.area, as->as_of));
    if (p->info.organisations && p->info.organisations[0])
        f->publisher = say_plan(&c, sp_arena_printf(a, "This page is from %s.", p->info.organisations));
    const char *area = p->info.area && p->info.area[0] ? p->info.area : "our area";
    int y, mo, d;
    sp_date_ymd(as->as_of, &y, &mo, &d);
    f->intro = say(&c, sp_arena_printf(a, "In %s, the council and the NHS have a plan to make SEND support better. "
                                          "This page tells you what we said we would do, what we have done "
                                          "and what happens next. It shows how things stood on %d %s %d.",
                                       area, d, MONTHS[mo - 1], y));
    if (p->values_illustrative)
        f->notice = say(&c, "Please note: the numbers on this page are made up. They are examples, used to test "
                            "this page, and are not real figures.");
    f->position = say(&c, position(&c));
    if (changes)
        build_changes(&c, changes);
    build_parts(&c);
    build_outcomes(&c);
    build_contact(&c);
    f->n_glossary = sp_glossary_used(&c.g, &f->glossary);
    f->text = c.all.s ? c.all.s : "";
    f->readability = sp_readability_of(f->text);
    find_unexplained(&c);
    f->own_text = c.own.s ? c.own.s : "";
    f->own_readability = sp_readability_of(f->own_text);
}

/* The words a part may carry, for the key: each defined where the page uses it. */
static const char *part_word_meaning(const sp_view *v, const char *word, sp_status *tint)
{
    char days[16], share[16];
    snprintf(days, sizeof days, "%d", v->assessment->rules.off_track_overdue_days);
    snprintf(share, sizeof share, "%.0f%%", v->assessment->rules.off_track_share * 100);
    if (strcmp(word, SP_FAMILIES_MEASURES_BEHIND) == 0) {
        *tint = SP_AMBER;
        return "Nothing in this part is late, but the things we measure for it are behind where we hoped, or have "
               "no new figures.";
    }
    if (strcmp(word, v->tmpl->assessment_label[SP_AREA_AT_RISK]) == 0) {
        *tint = SP_AMBER;
        return "At least one thing in this part has passed the date we set and is not finished.";
    }
    if (strcmp(word, v->tmpl->assessment_label[SP_AREA_OFF_TRACK]) == 0) {
        *tint = SP_RED;
        return sp_arena_printf((sp_arena *)&v->arena,
                               "Something in this part is more than %s days late, or %s or more of the things that "
                               "should be done by now are late.",
                               days, share);
    }
    return NULL;
}

void sp_view_build_families(sp_view *v)
{
    sp_families *f = sp_arena_alloc(&v->arena, sizeof *f);
    sp_families_build(f, &v->arena, v->plan, v->assessment, v->changes, v->tmpl);
    v->families = f;
    const size_t cap = sizeof v->plain_key / sizeof *v->plain_key;
    for (size_t i = 0; i < f->n_parts && v->n_plain_key < cap; i++) {
        const char *word = f->parts[i].status_word;
        bool seen = false;
        for (size_t j = 0; j < v->n_plain_key; j++)
            seen = seen || strcmp(v->plain_key[j].word, word) == 0;
        sp_status tint;
        const char *meaning = seen ? NULL : part_word_meaning(v, word, &tint);
        if (meaning)
            v->plain_key[v->n_plain_key++] = (sp_view_key_row){tint, word, meaning};
    }
}
