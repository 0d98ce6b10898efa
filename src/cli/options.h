/*
 * options.h - the command line. Parsing only: sp_run (run.h) does the work.
 */
#ifndef SP_OPTIONS_H
#define SP_OPTIONS_H

#include <stdbool.h>

#include "util/date.h"

/* Exit statuses, as in BSD sysexits.h. */
enum { SP_EXIT_OK = 0, SP_EXIT_USAGE = 64, SP_EXIT_DATA = 65, SP_EXIT_SOFTWARE = 70, SP_EXIT_IO = 74 };

/* Every format the tool writes is in ALL (decisions.md #4); the HTML fragment is asked for alone. */
enum { SP_FORMAT_JSON = 1, SP_FORMAT_XLSX = 2, SP_FORMAT_PDF = 4, SP_FORMAT_HTML = 8, SP_FORMAT_ALL = 15,
       SP_FORMAT_HTML_FRAGMENT = 16 };

typedef struct sp_options {
    bool check;
    bool verbose;               /* every row of a grouped warning */
    sp_date as_of;
    unsigned formats;
    const char *template_name; /* a name in templates/ or a path */
    const char *output_dir;
    const char *previous_dir;
    sp_date previous_as_of;     /* SP_NO_DATE: one calendar month before as_of */
    const char *history_dir;    /* earlier JSON packs of the plan, for the burn-up and pace */
    const char *cohort;
    bool html_fragment;         /* --html-fragment */
    int html_heading_level;     /* --html-heading-level: the fragment's first heading, 2 to 6 */
    int jobs;
    const char **plans;
    int n_plans;
} sp_options;

/* Parses argv. Returns -1 to go on, or an exit status (help, version, usage error). */
int sp_parse_options(int argc, char **argv, sp_options *o);

#endif
