/*
 * dates.h - UK dates as council exports write them.
 *
 * Accepted (input contract, "Dates"): 2022-12-31, 31/12/2022, 31/12/22, 31 December 2022,
 * December 2022, Dec 2022, Dec 22, Sept 2022, Sept 22, June 23 — anywhere in a cell, with
 * words around them. A month without a day stands for the last day of that month. US order
 * (12/31/2022) is refused with an error that says so.
 */
#ifndef SP_DATES_H
#define SP_DATES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"

typedef struct sp_date_token {
    sp_date date;  /* the day, or the last day of the month when has_day is false */
    bool has_day;
    size_t start, end; /* byte range in the cell */
} sp_date_token;

/* Finds the dates in s, in order. Returns how many (at most max), or -1 with a message in
 * err when s holds something date-shaped that is not a valid UK date. */
int sp_scan_dates(const char *s, sp_date_token *out, int max, char *err, size_t errlen);

/* A cell that must hold one date (words around it allowed; with several, the latest).
 * Empty: returns true with *out = SP_NO_DATE. No date: false with a message. */
bool sp_parse_date_cell(const char *s, sp_date *out, bool *has_words, char *err, size_t errlen);

/* A deadline cell: a date, several dates, "May 2021 (revised from Nov 2019)", COMPLETE,
 * Ongoing, TBC. Empty gives SP_DUE_NONE. */
bool sp_parse_deadline(const char *s, sp_deadline *out, char *err, size_t errlen);

/* An observation period: a month (2022-07, Jul 2022, July 22, or any date within it) or a
 * calendar quarter (2022-Q3, Q3 2022). */
bool sp_parse_period(const char *s, sp_date *start, sp_date *end, bool *quarter, char *err, size_t errlen);

/* Within 10 years of the plan's start (decisions 10)? A two-digit year reads as 20yy, so
 * "31/12/99" is 2099: false with "'31/12/99' reads as 2099 ...: write the year in full". True
 * when the plan has no start or the date is none. */
#define SP_DATE_RANGE_YEARS 10
bool sp_date_near_start(const sp_plan *p, sp_date date, const char *cell, char *err, size_t errlen);

#endif
