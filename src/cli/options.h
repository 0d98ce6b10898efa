/*
 * options.h - the command line. Parsing only: sp_run (run.h) does the work.
 */
#ifndef SP_OPTIONS_H
#define SP_OPTIONS_H

#include <stdbool.h>

#include "util/date.h"

/* Exit statuses, as in BSD sysexits.h. */
enum { SP_EXIT_OK = 0, SP_EXIT_USAGE = 64, SP_EXIT_DATA = 65, SP_EXIT_IO = 74 };

enum { SP_FORMAT_JSON = 1, SP_FORMAT_XLSX = 2, SP_FORMAT_PDF = 4, SP_FORMAT_ALL = 7 };

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
    int jobs;
    const char **plans;
    int n_plans;
} sp_options;

/* Parses argv. Returns -1 to go on, or an exit status (help, version, usage error). */
int sp_parse_options(int argc, char **argv, sp_options *o);

#endif
