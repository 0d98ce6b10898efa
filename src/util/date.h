/*
 * date.h - calendar dates as whole days, with no time zone and no locale.
 *
 * Every date in a plan is a civil date. Storing it as days since 1970-01-01 (proleptic
 * Gregorian, Howard Hinnant's algorithm) makes comparisons and differences plain integer
 * arithmetic, and keeps TZ and LC_TIME out of every result.
 */
#ifndef SP_DATE_H
#define SP_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t sp_date;
#define SP_NO_DATE INT32_MIN

sp_date sp_date_from_ymd(int y, int m, int d);
void sp_date_ymd(sp_date z, int *y, int *m, int *d);
bool sp_date_valid_ymd(int y, int m, int d);
int sp_days_in_month(int y, int m);
sp_date sp_date_end_of_month(sp_date d);
sp_date sp_date_start_of_month(sp_date d);
/* Adds calendar months, keeping the day where the month has it, else its last day. */
sp_date sp_date_add_months(sp_date d, int months);
/* Whole calendar months from a to b (b >= a): 30 Apr -> 30 Jun is 2, 30 Apr -> 29 Jun is 1. */
int sp_months_between(sp_date a, sp_date b);
/* Today's date in UTC. */
sp_date sp_date_today(void);

/* "2022-04-30" */
void sp_date_iso(sp_date d, char out[11]);
/* "30 Apr 2022" */
void sp_date_long(sp_date d, char out[20]);
/* "Apr 2022" */
void sp_date_month(sp_date d, char out[16]);

#endif
