#include "read/plan_ini.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/dates.h"
#include "read/values.h"
#include "util/ini_file.h"
#include "util/text.h"

static const char *const KEYS[] = {"title", "area", "kind", "start", "checkpoint_3m", "checkpoint_6m",
                                   "checkpoint_12m", "organisations", "contact", "end", "revisit",
                                   "inspection", "revisit_report", "accountable_officers", "advisers", "governance"};
enum {
    K_TITLE, K_AREA, K_KIND, K_START, K_CP3, K_CP6, K_CP12, K_ORGS, K_CONTACT, K_END, K_REVISIT,
    K_INSPECTION, K_REVISIT_REPORT, K_OFFICERS, K_ADVISERS, K_GOVERNANCE, K_COUNT
};

typedef struct text_buf {
    char *s;
    size_t n, cap;
} text_buf;

typedef struct ini_ctx {
    const char *path, *file; /* the file read, and as messages name it */
    sp_plan *plan;
    sp_diags *diags;
    bool seen[K_COUNT];
    text_buf annex[K_GOVERNANCE - K_INSPECTION + 1]; /* the Annex A texts, over continuation lines */
    size_t glossary_cap;
    bool ok;
} ini_ctx;

/* [glossary]: "JCHCB = Joint Child Health Commissioning Board", one abbreviation a line. */
static void on_glossary(ini_ctx *c, sp_src src, const char *name, const char *value)
{
    sp_plan_info *info = &c->plan->info;
    if (!value[0]) {
        sp_error(c->diags, src, "glossary: '%s' has no expansion: write '%s = what it stands for'", name, name);
        c->ok = false;
        return;
    }
    for (size_t i = 0; i < info->n_glossary; i++)
        if (strcmp(info->glossary[i].abbr, name) == 0)
            sp_warning(c->diags, src, "glossary: '%s' is set twice; the first expansion is used", name);
    if (info->n_glossary == c->glossary_cap) {
        c->glossary_cap = c->glossary_cap ? 2 * c->glossary_cap : 16;
        sp_abbreviation *bigger = sp_arena_alloc(&c->plan->arena, c->glossary_cap * sizeof *bigger);
        if (info->n_glossary)
            memcpy(bigger, info->glossary, info->n_glossary * sizeof *bigger);
        info->glossary = bigger;
    }
    info->glossary[info->n_glossary++] = (sp_abbreviation){
        sp_arena_strdup(&c->plan->arena, name), sp_arena_strdup(&c->plan->arena, value), src};
}

/* The column of value[at] on the file's line: libinih hands over the value alone. */
static unsigned value_column(const char *path, unsigned line, const char *value, size_t at)
{
    sp_input_problem why;
    FILE *fp = sp_input_open(path, &why);
    char *buf = NULL;
    size_t cap = 0;
    unsigned col = 1;
    for (unsigned n = 1; fp && getline(&buf, &cap, fp) >= 0; n++) {
        if (n < line)
            continue;
        const char *sep = strpbrk(buf, "=:");
        const char *hit = sep ? strstr(sep + 1, value) : NULL;
        if (hit)
            col = (unsigned)(hit - buf + (ptrdiff_t)at) + 1;
        break;
    }
    free(buf);
    if (fp)
        fclose(fp);
    return col;
}

/* The Annex A keys (input contract): text as written. An indented line below a key continues
 * it: one more date, officer or adviser (kept as a new line), or governance's prose wrapped
 * (joined with a space). The text grows in a buffer, kept when the file has been read. The date
 * keys take dates as written ("Inspection – 10-14 June 2019"); one without a year is said. */
static void on_annex_a(ini_ctx *c, sp_src src, int key, const char *value, bool continued)
{
    text_buf *b = &c->annex[key - K_INSPECTION];
    const char *sep = continued && b->n && value[0] ? (key == K_GOVERNANCE ? " " : "\n") : "";
    if (!continued)
        b->n = 0;
    size_t add = strlen(sep) + strlen(value);
    if (b->n + add + 1 > b->cap) {
        b->cap = 2 * (b->n + add + 1);
        b->s = sp_xrealloc(b->s, b->cap);
    }
    b->n += (size_t)snprintf(b->s + b->n, b->cap - b->n, "%s%s", sep, value);
    if (key != K_INSPECTION && key != K_REVISIT_REPORT)
        return;
    bool year = false;
    for (const char *p = value; *p && !year; p++)
        year = (p[0] == '1' || p[0] == '2') && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
               p[3] >= '0' && p[3] <= '9' && (p == value || (unsigned)(p[-1] - '0') > 9) &&
               (unsigned)(p[4] - '0') > 9;
    if (value[0] && !year)
        sp_warning(c->diags, src, "%s: '%s' names no year: it is printed as written (write e.g. 10-14 June 2019)",
                   KEYS[key], value);
}

/* The Annex A texts into the plan, when the file has been read. */
static void keep_annex_a(ini_ctx *c)
{
    sp_plan_info *info = &c->plan->info;
    const char **fields[] = {&info->inspection, &info->revisit_report, &info->accountable_officers, &info->advisers,
                             &info->governance};
    for (int k = K_INSPECTION; k <= K_GOVERNANCE; k++) {
        text_buf *b = &c->annex[k - K_INSPECTION];
        if (c->seen[k])
            *fields[k - K_INSPECTION] = sp_arena_strndup(&c->plan->arena, b->s ? b->s : "", b->n);
        free(b->s);
    }
}

/* An indented line continues the value above it, joined with a space: a long glossary
 * expansion or title may be wrapped. */
static bool continue_value(ini_ctx *c, sp_src src, const char *section, const char *name, const char *value)
{
    sp_plan_info *info = &c->plan->info;
    const char **target = NULL;
    if (strcmp(section, "glossary") == 0 && info->n_glossary &&
        strcmp(info->glossary[info->n_glossary - 1].abbr, name) == 0)
        target = &info->glossary[info->n_glossary - 1].expansion;
    else if (sp_ieq(name, "title"))
        target = &info->title;
    else if (sp_ieq(name, "area"))
        target = &info->area;
    else if (sp_ieq(name, "organisations"))
        target = &info->organisations;
    else if (sp_ieq(name, "contact"))
        target = &info->contact;
    for (int k = K_INSPECTION; k <= K_GOVERNANCE; k++)
        if (sp_ieq(name, KEYS[k]) && c->seen[k]) { /* one more date, officer or adviser, or governance wrapped */
            on_annex_a(c, src, k, value, true);
            return true;
        }
    if (!target || !*target) {
        sp_error(c->diags, src, "an indented line continues a text above it; '%s' takes one line", name);
        c->ok = false;
        return true;
    }
    size_t at;
    const char *unsafe = sp_unsafe_text(&c->plan->arena, value, &at);
    if (unsafe) {
        sp_error(c->diags, src, "%s: %s: remove it", name, unsafe);
        c->ok = false;
        return true;
    }
    *target = sp_arena_printf(&c->plan->arena, "%s %s", *target, value);
    return true;
}

static int on_value(void *user, unsigned line, bool continued, const char *section, const char *name,
                    const char *value)
{
    ini_ctx *c = user;
    sp_src src = {c->file, line, 1};
    if (continued && continue_value(c, src, section, name, value))
        return 1;
    if (strcmp(section, "glossary") == 0) {
        on_glossary(c, src, name, value);
        return 1;
    }
    if (strcmp(section, "plan") != 0) {
        sp_error(c->diags, src, "unknown section [%s]: plan.ini has the sections [plan] and [glossary]", section);
        c->ok = false;
        return 1;
    }
    int key = -1;
    for (int k = 0; k < K_COUNT; k++)
        if (sp_ieq(name, KEYS[k]))
            key = k;
    if (key < 0) {
        sp_error(c->diags, src,
                 "unknown key '%s' (accepted: title, area, kind, start, checkpoint_3m, checkpoint_6m, "
                 "checkpoint_12m, organisations, contact, end, revisit, inspection, revisit_report, "
                 "accountable_officers, advisers, governance)",
                 name);
        c->ok = false;
        return 1;
    }
    if (c->seen[key])
        sp_warning(c->diags, src, "'%s' is set twice; the last value is used", KEYS[key]);
    c->seen[key] = true;

    sp_plan_info *info = &c->plan->info;
    char err[256];
    size_t at;
    const char *unsafe = sp_unsafe_text(&c->plan->arena, value, &at);
    if (unsafe) {
        /* the title, area and organisations go into every document's header and properties */
        src.col = value_column(c->file, line, value, at);
        sp_error(c->diags, src, "%s: %s: remove it", KEYS[key], unsafe);
        c->ok = false;
        return 1;
    }
    switch (key) {
    case K_TITLE: info->title = sp_arena_strdup(&c->plan->arena, value); break;
    case K_AREA: info->area = sp_arena_strdup(&c->plan->arena, value); break;
    case K_ORGS: info->organisations = sp_arena_strdup(&c->plan->arena, value); break;
    case K_CONTACT: info->contact = sp_arena_strdup(&c->plan->arena, value); break;
    case K_INSPECTION:
    case K_REVISIT_REPORT:
    case K_OFFICERS:
    case K_ADVISERS:
    case K_GOVERNANCE: on_annex_a(c, src, key, value, false); break;
    case K_KIND:
        if (!sp_parse_plan_kind(value, &info->kind)) {
            sp_error(c->diags, src, "kind '%s' is not one of WSoA, APP, Priority action plan", value);
            c->ok = false;
        }
        break;
    default: {
        sp_date date;
        bool words;
        if (!value[0] || !sp_parse_date_cell(value, &date, &words, err, sizeof err)) {
            sp_error(c->diags, src, "%s: %s", KEYS[key], value[0] ? err : "no date given");
            c->ok = false;
        } else if (key == K_START) {
            info->start = date;
        } else if (key == K_END) {
            info->end = date;
        } else if (key == K_REVISIT) {
            info->revisit = date;
        } else {
            info->checkpoint[key - K_CP3] = date;
            info->checkpoint_set[key - K_CP3] = true;
        }
    }
    }
    return 1;
}

bool sp_read_plan_ini(const char *path, const char *file, sp_plan *p, sp_diags *d)
{
    ini_ctx c = {.path = path, .file = file, .plan = p, .diags = d, .ok = true};
    p->info.kind = SP_KIND_APP;
    p->info.src = (sp_src){file, 1, 1};
    p->info.start = SP_NO_DATE;
    p->info.end = p->info.revisit = SP_NO_DATE;
    for (int k = 0; k < SP_N_CHECKPOINTS; k++)
        p->info.checkpoint[k] = SP_NO_DATE;
    sp_input_problem why;
    int r = sp_ini_parse(path, on_value, &c, &why);
    keep_annex_a(&c);
    if (r < 0) {
        if (why.missing)
            sp_error(d, ((sp_src){file, 0, 0}), "missing file: every plan folder needs plan.ini with a [plan] section");
        else
            sp_error(d, ((sp_src){file, why.line, why.line ? 1 : 0}), "%s", why.why);
        return false;
    }
    if (r > 0) {
        sp_error(d, ((sp_src){file, (unsigned)r, 1}), "not an INI line: expected 'key = value' or '[plan]'");
        return false;
    }
    sp_src top = {file, 1, 1};
    if (!p->info.title || !p->info.title[0]) {
        sp_error(d, top, "missing key 'title': the plan's title, printed on every page");
        c.ok = false;
    }
    if (!p->info.area)
        p->info.area = "";
    if (!p->info.organisations)
        p->info.organisations = "";
    if (!p->info.contact)
        p->info.contact = "";
    if (!c.seen[K_START]) {
        sp_error(d, top, "missing key 'start': the plan's start (baseline) date, e.g. start = 2022-06-30");
        c.ok = false;
    }
    if (p->info.start != SP_NO_DATE) {
        static const int months[] = {3, 6, 12};
        for (int k = 0; k < SP_N_CHECKPOINTS; k++)
            if (p->info.checkpoint[k] == SP_NO_DATE)
                p->info.checkpoint[k] = sp_date_add_months(p->info.start, months[k]);
    }
    return c.ok;
}
