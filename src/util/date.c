#include "util/date.h"

#include <stdio.h>
#include <time.h>

static const char *const ABBR[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

sp_date sp_date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (sp_date)(era * 146097 + (int)doe - 719468);
}

void sp_date_ymd(sp_date z, int *y, int *m, int *d)
{
    int zz = z + 719468;
    const int era = (zz >= 0 ? zz : zz - 146096) / 146097;
    const unsigned doe = (unsigned)(zz - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int yy = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (mm <= 2);
    *m = (int)mm;
    *d = (int)dd;
}

int sp_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

bool sp_date_valid_ymd(int y, int m, int d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= sp_days_in_month(y, m);
}

sp_date sp_date_end_of_month(sp_date d)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    return sp_date_from_ymd(y, m, sp_days_in_month(y, m));
}

sp_date sp_date_start_of_month(sp_date d)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    return sp_date_from_ymd(y, m, 1);
}

sp_date sp_date_add_months(sp_date d, int months)
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    int dim = sp_days_in_month(y, m);
    /* The last day of a month stays the last day: 30 Jun + 6 months is 31 Dec. */
    int old_y, old_m, old_d;
    sp_date_ymd(d, &old_y, &old_m, &old_d);
    if (old_d == sp_days_in_month(old_y, old_m) || day > dim)
        day = dim;
    return sp_date_from_ymd(y, m, day);
}

int sp_months_between(sp_date a, sp_date b)
{
    if (b < a)
        return -sp_months_between(b, a);
    int ya, ma, da, yb, mb, db;
    sp_date_ymd(a, &ya, &ma, &da);
    sp_date_ymd(b, &yb, &mb, &db);
    int months = (yb - ya) * 12 + (mb - ma);
    /* A month is complete when b reaches a's day, or b is the last day of its month. */
    if (db < da && db != sp_days_in_month(yb, mb))
        months--;
    return months;
}

sp_date sp_date_today(void)
{
    return (sp_date)(time(NULL) / 86400);
}

void sp_date_iso(sp_date d, char out[11])
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 13u, (unsigned)day % 32u);
}

void sp_date_long(sp_date d, char out[20])
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    snprintf(out, 20, "%d %s %04d", day, ABBR[m - 1], y % 10000);
}

void sp_date_month(sp_date d, char out[16])
{
    int y, m, day;
    sp_date_ymd(d, &y, &m, &day);
    snprintf(out, 16, "%s %04d", ABBR[m - 1], y % 10000);
}
