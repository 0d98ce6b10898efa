#include "view/template_read.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/values.h"
#include "util/ini_file.h"
#include "util/text.h"

static const int DEFAULT_SECTIONS[] = {SP_SEC_GLANCE, SP_SEC_CHANGES, SP_SEC_EXCEPTIONS, SP_SEC_AREAS,
                                       SP_SEC_SCORECARD, SP_SEC_KPIS, SP_SEC_RISKS, SP_SEC_KEY};
static const int DEFAULT_SCORECARD[] = {SP_PS_KPI, SP_PS_BASELINE, SP_PS_LATEST,   SP_PS_TARGET_12M,
                                        SP_PS_RAG, SP_PS_VARIATION, SP_PS_ASSURANCE};
static const int DEFAULT_SHEETS[] = {SP_SHEET_SUMMARY,    SP_SHEET_CHANGES, SP_SHEET_ACTIONS,      SP_SHEET_KPIS,
                                     SP_SHEET_SPC,        SP_SHEET_EXCEPTIONS, SP_SHEET_RISKS, SP_SHEET_DATA_QUALITY,
                                     SP_SHEET_KEY};
static const int DEFAULT_ACTION_COLUMNS[] = {
    SP_AC_AREA,      SP_AC_REF,        SP_AC_ACTION,   SP_AC_MILESTONE,     SP_AC_OWNER,     SP_AC_ACCOUNTABLE, SP_AC_DUE,
    SP_AC_DUE_AS_WRITTEN, SP_AC_REVISED_DUE, SP_AC_COMPLETED, SP_AC_REPORTED, SP_AC_DERIVED, SP_AC_DAYS_OVERDUE,
    SP_AC_SLIPPAGE,  SP_AC_CHALLENGE,  SP_AC_REASON,   SP_AC_PROGRESS,      SP_AC_SOURCE};

#define COPY_LIST(dst, n, src)                                                                           \
    do {                                                                                                 \
        n = (int)(sizeof src / sizeof *src);                                                             \
        memcpy(dst, src, sizeof src);                                                                    \
    } while (0)

void sp_template_defaults(sp_template *t)
{
    memset(t, 0, sizeof *t);
    t->name = "scrutiny";
    t->path = "(built in)";
    t->title = "{plan}";
    t->audience = "";
    t->type_scale = 1.0f;
    COPY_LIST(t->sections, t->n_sections, DEFAULT_SECTIONS);
    COPY_LIST(t->sheets, t->n_sheets, DEFAULT_SHEETS);
    COPY_LIST(t->action_columns, t->n_action_columns, DEFAULT_ACTION_COLUMNS);
    t->n_kpi_columns = SP_N_KPI_COLUMNS;
    for (int i = 0; i < SP_N_KPI_COLUMNS; i++)
        t->kpi_columns[i] = i;
    t->n_pdf_exception_columns = SP_N_PDF_EXCEPTION_COLUMNS;
    for (int i = 0; i < SP_N_PDF_EXCEPTION_COLUMNS; i++)
        t->pdf_exception_columns[i] = i;
    COPY_LIST(t->pdf_scorecard_columns, t->n_pdf_scorecard_columns, DEFAULT_SCORECARD);
    t->charts_attention_only = true; /* decisions #5 */
    t->redact_contacts = true;       /* public papers */
    for (int s = SP_RED; s <= SP_GREY; s++)
        t->status_label[s] = sp_status_word((sp_status)s);
    t->status_label[SP_STATUS_NONE] = "";
    for (int a = 0; a < 4; a++)
        t->assessment_label[a] = sp_area_assessment_word((sp_area_assessment)a);
    sp_rules_default(&t->rules);
}

/* Where the named templates are, first match: beside an installed binary
 * (PREFIX/bin/sendpack -> PREFIX/share/sendpack/templates, so an installed tree can be
 * moved), beside a binary in a build folder of the source tree (build/../templates), the
 * install prefix compiled in, and the source tree compiled in. */
const char *sp_template_dir(void)
{
    static char dir[PATH_MAX];
    static const char *const beside_binary[] = {"../share/sendpack/templates", "../templates"};
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            for (size_t i = 0; i < sizeof beside_binary / sizeof *beside_binary; i++) {
                snprintf(dir, sizeof dir, "%.*s/%s", (int)(sizeof dir - 40), exe, beside_binary[i]);
                if (access(dir, R_OK) == 0)
                    return dir;
            }
        }
    }
    if (access(SENDPACK_INSTALLED_TEMPLATE_DIR, R_OK) == 0)
        return SENDPACK_INSTALLED_TEMPLATE_DIR;
    return SENDPACK_TEMPLATE_DIR;
}

typedef struct loader {
    sp_template *t;
    sp_diags *d;
    const char *file;
    bool ok;
    char last[96]; /* section.key of the previous line: an indented line continues a list */
    struct seen_key { char key[96]; unsigned line; } seen[96]; /* each key once (decisions #18) */
    size_t n_seen;
} loader;

__attribute__((format(printf, 3, 4))) static void bad(loader *l, unsigned line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sp_error(l->d, ((sp_src){l->file, line, 1}), "%s", msg);
    l->ok = false;
}

static const char *accepted(sp_arena *a, const char *const *keys, int n)
{
    const char *s = "";
    for (int i = 0; i < n; i++)
        s = sp_arena_printf(a, "%s%s%s", s, i ? ", " : "", keys[i]);
    return s;
}

/* "glance, exceptions, key" -> indices into keys. A continuation line (libinih calls the
 * handler again with the same key) appends to the list. Each name at most once: a table
 * never has more columns than it has names (decisions #18). */
static void parse_list(loader *l, unsigned line, const char *what, const char *value, const char *const *keys,
                       int n_keys, int *out, int *n_out, bool append)
{
    int n = append ? *n_out : 0;
    const char *p = value;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        const char *next = comma ? comma + 1 : p + len;
        const char *k = sp_trim(p, &len);
        p = next;
        if (!len)
            continue;
        int found = -1;
        for (int i = 0; i < n_keys; i++)
            if (strlen(keys[i]) == len && sp_ieqn(k, keys[i], len))
                found = i;
        if (found < 0) {
            bad(l, line, "%s: unknown name '%.*s' (accepted: %s)", what, len > 60 ? 60 : (int)len, k,
                accepted(&l->t->arena, keys, n_keys));
            return;
        }
        if (n == n_keys) { /* out holds n_keys names */
            bad(l, line, "%s: more names than the %d it has: each may appear once", what, n_keys);
            return;
        }
        for (int i = 0; i < n; i++)
            if (out[i] == found) {
                bad(l, line, "%s: '%s' is named twice: each may appear once", what, keys[found]);
                return;
            }
        out[n++] = found;
    }
    if (n == 0) {
        bad(l, line, "%s: give at least one name", what);
        return;
    }
    *n_out = n;
}

/* A key given twice is an error: the reader cannot tell which was meant. */
static bool first_time(loader *l, unsigned line, const char *section, const char *key)
{
    char k[96];
    snprintf(k, sizeof k, "%s.%s", section, key);
    for (char *c = k; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    for (size_t i = 0; i < l->n_seen; i++)
        if (strcmp(l->seen[i].key, k) == 0) {
            bad(l, line, "'%s' in [%s] is given twice (first on line %u): give it once", key, section,
                l->seen[i].line);
            return false;
        }
    if (l->n_seen < sizeof l->seen / sizeof *l->seen) {
        snprintf(l->seen[l->n_seen].key, sizeof l->seen[l->n_seen].key, "%s", k);
        l->seen[l->n_seen++].line = line;
    }
    return true;
}

static bool int_value(loader *l, unsigned line, const char *key, const char *value, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (!value[0] || *end || v < lo || v > hi) {
        bad(l, line, "%s = '%s': give a whole number from %d to %d", key, value, lo, hi);
        return false;
    }
    *out = (int)v;
    return true;
}

/* "25%" or "0.25" */
static bool share_value(loader *l, unsigned line, const char *key, const char *value, double *out)
{
    double v;
    bool pct;
    size_t n = sp_scan_number(value, &v, &pct);
    if (!n || value[n] || v < 0 || (pct && v > 100) || (!pct && v > 1)) {
        bad(l, line, "%s = '%s': give a percentage such as 25%% (or a fraction such as 0.25)", key, value);
        return false;
    }
    *out = pct ? v / 100 : v;
    return true;
}

static const char *const SECTIONS[] = {"report", "sections", "columns", "labels", "thresholds", "filter", "redact"};

static bool is_list(const char *section, const char *key)
{
    static const char *const lists[] = {"sections.pdf", "sections.workbook", "columns.actions", "columns.kpis",
                                        "columns.pdf_exceptions", "columns.pdf_scorecard"};
    char k[96];
    snprintf(k, sizeof k, "%s.%s", section, key);
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        if (sp_ieq(k, lists[i]))
            return true;
    return false;
}

static int on_value(void *user, unsigned line, bool continued, const char *section, const char *key,
                    const char *value)
{
    loader *l = user;
    sp_template *t = l->t;
    const char *v = sp_arena_strdup(&t->arena, value);
    char this_key[96];
    snprintf(this_key, sizeof this_key, "%s.%s", section, key);
    bool append = continued && strcmp(this_key, l->last) == 0;
    snprintf(l->last, sizeof l->last, "%s", this_key);
    if (append && !is_list(section, key)) {
        bad(l, line, "%s: only a list of names may continue on an indented line", key);
        return 1;
    }
    if (!append && !first_time(l, line, section, key))
        return 1;
    size_t at;
    const char *unsafe = sp_unsafe_text(&t->arena, v, &at);
    if (unsafe) { /* titles and words go into every document */
        bad(l, line, "%s: %s (at character %zu of the value): remove it", key, unsafe, at + 1);
        return 1;
    }
#define IS(s, k) (sp_ieq(section, s) && sp_ieq(key, k))
    if (IS("report", "name")) {
        if (!v[0] || strpbrk(v, "/ \\"))
            bad(l, line, "name = '%s': a short name without spaces or slashes, used in file names", v);
        t->name = v;
    } else if (IS("report", "title")) {
        t->title = v;
    } else if (IS("report", "audience")) {
        t->audience = v;
    } else if (IS("report", "plain_english")) {
        if (!sp_parse_yes_no(v, &t->plain_english))
            bad(l, line, "plain_english = '%s': yes or no", v);
    } else if (IS("report", "type_scale")) {
        double s;
        size_t n = sp_scan_number(v, &s, NULL);
        if (!n || v[n] || s < 0.8 || s > 2)
            bad(l, line, "type_scale = '%s': give a number from 0.8 to 2", v);
        else
            t->type_scale = (float)s;
    } else if (IS("sections", "pdf")) {
        parse_list(l, line, "pdf", v, SP_SECTION_KEYS, SP_N_SECTIONS, t->sections, &t->n_sections, append);
    } else if (IS("sections", "charts")) {
        if (sp_ieq(v, "attention"))
            t->charts_attention_only = true;
        else if (sp_ieq(v, "all"))
            t->charts_attention_only = false;
        else
            bad(l, line, "charts = '%s': all, or attention (only the KPIs that need it)", v);
    } else if (IS("sections", "workbook")) {
        parse_list(l, line, "workbook", v, SP_SHEET_KEYS, SP_N_SHEETS, t->sheets, &t->n_sheets, append);
    } else if (IS("columns", "actions")) {
        parse_list(l, line, "actions", v, SP_ACTION_COLUMN_KEYS, SP_N_ACTION_COLUMNS, t->action_columns,
                   &t->n_action_columns, append);
    } else if (IS("columns", "kpis")) {
        parse_list(l, line, "kpis", v, SP_KPI_COLUMN_KEYS, SP_N_KPI_COLUMNS, t->kpi_columns, &t->n_kpi_columns,
                   append);
    } else if (IS("columns", "pdf_exceptions")) {
        parse_list(l, line, "pdf_exceptions", v, SP_PDF_EXCEPTION_COLUMN_KEYS, SP_N_PDF_EXCEPTION_COLUMNS,
                   t->pdf_exception_columns, &t->n_pdf_exception_columns, append);
    } else if (IS("columns", "pdf_scorecard")) {
        parse_list(l, line, "pdf_scorecard", v, SP_PDF_SCORECARD_COLUMN_KEYS, SP_N_PDF_SCORECARD_COLUMNS,
                   t->pdf_scorecard_columns, &t->n_pdf_scorecard_columns, append);
    } else if (sp_ieq(section, "labels")) {
        static const char *const status_keys[] = {"", "red", "amber", "green", "blue", "grey"};
        static const char *const assessment_keys[] = {"on_track", "at_risk", "off_track", "complete"};
        bool known = false;
        for (int s = SP_RED; s <= SP_GREY; s++)
            if (sp_ieq(key, status_keys[s]))
                t->status_label[s] = v, known = true;
        for (int a = 0; a < 4; a++)
            if (sp_ieq(key, assessment_keys[a]))
                t->assessment_label[a] = v, known = true;
        if (!known)
            bad(l, line, "unknown label '%s' (accepted: blue, green, amber, red, grey, complete, on_track, at_risk, "
                         "off_track)", key);
        else if (!v[0])
            bad(l, line, "label %s is empty", key);
    } else if (IS("thresholds", "due_soon_days")) {
        int_value(l, line, key, v, 1, 366, &t->rules.due_soon_days);
    } else if (IS("thresholds", "stale_days")) {
        int_value(l, line, key, v, 1, 3660, &t->rules.stale_days);
    } else if (IS("thresholds", "off_track_overdue_days")) {
        int_value(l, line, key, v, 0, 3660, &t->rules.off_track_overdue_days);
    } else if (IS("thresholds", "off_track_share")) {
        share_value(l, line, key, v, &t->rules.off_track_share);
    } else if (IS("thresholds", "tolerance_share")) {
        share_value(l, line, key, v, &t->rules.tolerance_share);
    } else if (IS("thresholds", "standing_tolerance_share")) {
        share_value(l, line, key, v, &t->rules.standing_tolerance_share);
    } else if (IS("thresholds", "reporting_lag_months")) {
        int_value(l, line, key, v, 0, 12, &t->rules.reporting_lag_months);
    } else if (IS("thresholds", "cohort_min_start_age")) {
        int_value(l, line, key, v, 0, 25, &t->rules.cohort_min_start_age);
    } else if (IS("thresholds", "spc_min_points")) {
        int_value(l, line, key, v, 2, 1000, &t->rules.spc.min_points);
    } else if (IS("thresholds", "spc_run_length")) {
        int_value(l, line, key, v, 6, 8, &t->rules.spc.run_length);
    } else if (IS("thresholds", "spc_fix_after")) {
        int_value(l, line, key, v, 0, 1000, &t->rules.spc.fix_after);
    } else if (IS("thresholds", "spc_screen_outliers")) {
        if (!sp_parse_yes_no(v, &t->rules.spc.screen_outliers))
            bad(l, line, "spc_screen_outliers = '%s': yes or no", v);
    } else if (IS("thresholds", "forecast_dated_share")) {
        share_value(l, line, key, v, &t->rules.forecast.dated_share);
    } else if (IS("thresholds", "forecast_pace_months")) {
        int_value(l, line, key, v, 1, 60, &t->rules.forecast.pace_months);
    } else if (IS("thresholds", "forecast_runs")) {
        int_value(l, line, key, v, 100, 1000000, &t->rules.forecast.runs);
    } else if (IS("thresholds", "forecast_chance")) {
        if (share_value(l, line, key, v, &t->rules.forecast.chance) &&
            (t->rules.forecast.chance < 0.5 || t->rules.forecast.chance > 0.99))
            bad(l, line, "%s = '%s': give a chance from 50%% to 99%%", key, v);
    } else if (IS("thresholds", "forecast_cap_months")) {
        int_value(l, line, key, v, 12, 600, &t->rules.forecast.cap_months);
    } else if (IS("thresholds", "forecast_min_completions")) {
        int_value(l, line, key, v, 1, 1000, &t->rules.forecast.min_completions);
    } else if (IS("filter", "cohort") || IS("filter", "focus_cohort")) {
        if (v[0] && !sp_is_age_range(v))
            bad(l, line, "%s = '%s': give an age range LOW-HIGH with LOW <= HIGH, e.g. 18-25 (or nothing: everyone)",
                key, v);
        else if (sp_ieq(key, "cohort"))
            t->rules.cohort = v[0] ? v : NULL;
        else
            t->rules.focus_cohort = v[0] ? v : NULL;
    } else if (IS("redact", "contacts")) {
        if (!sp_parse_yes_no(v, &t->redact_contacts))
            bad(l, line, "contacts = '%s': yes or no", v);
    } else {
        bool known_section = false;
        for (size_t i = 0; i < sizeof SECTIONS / sizeof *SECTIONS; i++)
            known_section = known_section || sp_ieq(section, SECTIONS[i]);
        if (!known_section)
            bad(l, line, "unknown section [%s] (accepted: report, sections, columns, labels, thresholds, filter, redact)",
                section);
        else
            bad(l, line, "unknown key '%s' in [%s]", key, section);
    }
#undef IS
    return 1;
}

bool sp_template_load(const char *name_or_path, sp_template *t, sp_diags *d)
{
    sp_template_defaults(t);
    bool is_path = strchr(name_or_path, '/') || strstr(name_or_path, ".ini");
    const char *path = is_path ? sp_arena_strdup(&t->arena, name_or_path)
                               : sp_arena_printf(&t->arena, "%s/%s.ini", sp_template_dir(), name_or_path);
    t->path = path;
    if (!is_path) {
        for (const char *p = name_or_path; *p; p++) {
            if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_') {
                sp_error(d, ((sp_src){name_or_path, 0, 0}), "template names are letters, digits and hyphens");
                return false;
            }
        }
    }
    /* the name in file names: [report] name, else the file's own name */
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".ini") == 0)
        len -= 4;
    t->name = sp_slug(&t->arena, sp_arena_strndup(&t->arena, base, len));
    loader l = {.t = t, .d = d, .file = path, .ok = true};
    sp_input_problem why;
    int r = sp_ini_parse(path, on_value, &l, &why);
    if (r < 0) {
        if (why.missing && !is_path)
            sp_error(d, ((sp_src){path, 0, 0}), "no template '%s' (the bundled ones are scrutiny, dfe-nhse and local-offer)",
                     name_or_path);
        else
            sp_error(d, ((sp_src){path, why.line, why.line ? 1 : 0}), "%s", why.why);
        return false;
    }
    if (r > 0) {
        sp_error(d, ((sp_src){path, (unsigned)r, 1}), "not an INI line: expected 'key = value' or '[section]'");
        return false;
    }
    return l.ok;
}
