#include "cli/options.h"

#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess/rules.h"
#include "util/date.h"

static const char USAGE[] =
    "usage: sendpack [OPTIONS] PLAN_DIR...\n"
    "\n"
    "Reads a SEND improvement plan folder (plan.ini, actions.csv, kpis.csv, and optionally\n"
    "kpi_values.csv and risks.csv), judges progress at the report date, and writes the packs.\n"
    "\n"
    "  -c, --check            read and check the plan only: print diagnostics and a summary\n"
    "  -a, --as-of DATE       the report date (default: today), e.g. 2022-12-31\n"
    "  -f, --format LIST      json, xlsx, pdf, html or all, comma-separated (default: all)\n"
    "      --html-fragment    also write the HTML as a fragment for a web page (<name>.fragment.html)\n"
    "      --html-heading-level N  the fragment's first heading level, 2 to 6 (default: 2)\n"
    "  -t, --template NAME    scrutiny (default), dfe-nhse, local-offer, or a template file path\n"
    "  -o, --output DIR       where packs are written (default: output)\n"
    "  -p, --previous DIR     last period's plan folder, for \"what changed since the last report\"\n"
    "      --previous-as-of DATE  its report date (default: one month before --as-of)\n"
    "      --history DIR      earlier JSON packs of the plan, for the burn-up and the pace of the forecast\n"
    "      --cohort RANGE     report only actions and KPIs for this age group, e.g. 18-25\n"
    "  -j, --jobs N           plans to process at once (default: 1)\n"
    "  -v, --verbose          list every row of a warning that many rows share\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Exit status: 0 success (warnings allowed), 64 bad usage, 65 data errors, 74 I/O errors.\n";

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("sendpack: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'sendpack --help'.\n", stderr);
    return SP_EXIT_USAGE;
}

/* A report date on the command line is ISO 8601, YYYY-MM-DD, and a real day: "-2021-01-01"
 * or "2021-02-30" is a mistake to point out, not a date to guess. */
static bool parse_iso_date(const char *s, sp_date *out)
{
    static const char shape[] = "dddd-dd-dd";
    if (strlen(s) != sizeof shape - 1)
        return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1900 || !sp_date_valid_ymd(y, m, d))
        return false;
    *out = sp_date_from_ymd(y, m, d);
    return true;
}

static bool parse_formats(const char *s, unsigned *out)
{
    *out = 0;
    char buf[64];
    if (strlen(s) >= sizeof buf)
        return false;
    strcpy(buf, s);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (strcmp(tok, "json") == 0)
            *out |= SP_FORMAT_JSON;
        else if (strcmp(tok, "xlsx") == 0)
            *out |= SP_FORMAT_XLSX;
        else if (strcmp(tok, "pdf") == 0)
            *out |= SP_FORMAT_PDF;
        else if (strcmp(tok, "html") == 0)
            *out |= SP_FORMAT_HTML;
        else if (strcmp(tok, "all") == 0)
            *out |= SP_FORMAT_ALL;
        else
            return false;
    }
    return *out != 0;
}

int sp_parse_options(int argc, char **argv, sp_options *o)
{
    static const struct option longopts[] = {
        {"check", no_argument, NULL, 'c'},         {"as-of", required_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},  {"template", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},  {"previous", required_argument, NULL, 'p'},
        {"cohort", required_argument, NULL, 'C'},  {"jobs", required_argument, NULL, 'j'},
        {"previous-as-of", required_argument, NULL, 'P'}, {"history", required_argument, NULL, 'H'},
        {"html-fragment", no_argument, NULL, 'F'}, {"html-heading-level", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},          {"version", no_argument, NULL, 'V'},
        {"verbose", no_argument, NULL, 'v'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->as_of = sp_date_today();
    o->formats = SP_FORMAT_ALL;
    o->template_name = "scrutiny";
    o->output_dir = "output";
    o->jobs = 1;
    o->previous_as_of = SP_NO_DATE;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":ca:f:t:o:p:j:hVv", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': o->check = true; break;
        case 'v': o->verbose = true; break;
        case 'a':
            if (!parse_iso_date(optarg, &o->as_of))
                return usage_error("--as-of '%s' is not a date: write it as 2022-12-31", optarg);
            break;
        case 'f':
            if (!parse_formats(optarg, &o->formats))
                return usage_error("--format '%s': use json, xlsx, pdf, html or all", optarg);
            break;
        case 't': o->template_name = optarg; break;
        case 'o': o->output_dir = optarg; break;
        case 'p': o->previous_dir = optarg; break;
        case 'P':
            if (!parse_iso_date(optarg, &o->previous_as_of))
                return usage_error("--previous-as-of '%s' is not a date: write it as 2022-11-30", optarg);
            break;
        case 'C':
            if (!sp_is_age_range(optarg))
                return usage_error("--cohort '%s': give an age range LOW-HIGH with LOW <= HIGH, e.g. 18-25", optarg);
            o->cohort = optarg;
            break;
        case 'H': o->history_dir = optarg; break;
        case 'F': o->html_fragment = true; break;
        case 'L': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 2 || n > 6)
                return usage_error("--html-heading-level '%s': give a heading level from 2 to 6", optarg);
            o->html_heading_level = (int)n;
            break;
        }
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256)
                return usage_error("--jobs '%s': give a number from 1 to 256", optarg);
            o->jobs = (int)n;
            break;
        }
        case 'h': fputs(USAGE, stdout); return SP_EXIT_OK;
        case 'V': printf("sendpack %s\n", SENDPACK_VERSION); return SP_EXIT_OK;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (o->html_fragment)
        o->formats |= SP_FORMAT_HTML_FRAGMENT;
    o->plans = (const char **)(argv + optind);
    o->n_plans = argc - optind;
    if (o->n_plans < 1)
        return usage_error("%s", "no plan folder given");
    if (o->previous_as_of == SP_NO_DATE)
        o->previous_as_of = sp_date_add_months(o->as_of, -1);
    if (o->previous_as_of >= o->as_of) { /* decisions #15: the previous report comes first */
        char prev[11], now[11];
        sp_date_iso(o->previous_as_of, prev);
        sp_date_iso(o->as_of, now);
        return usage_error("--previous-as-of %s is not before the report date %s: the previous report comes "
                           "before this one",
                           prev, now);
    }
    if (o->previous_dir && o->n_plans > 1)
        return usage_error("%s", "--previous compares one plan: give one plan folder with it");
    return -1;
}
