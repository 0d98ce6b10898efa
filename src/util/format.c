#include "util/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void sp_format_number(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "–");
        return;
    }
    char raw[64];
    /* sendpack never calls setlocale, so %f writes '.' */
    snprintf(raw, sizeof raw, "%.2f", fabs(v) < 0.005 ? 0.0 : v);
    char *dot = strchr(raw, '.');
    if (dot) {
        char *end = raw + strlen(raw) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    /* thousands separators in the integer part */
    const char *digits = raw[0] == '-' ? raw + 1 : raw;
    size_t int_len = strcspn(digits, ".");
    char out[96];
    size_t o = 0;
    if (raw[0] == '-')
        out[o++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    snprintf(out + o, sizeof out - o, "%s", digits + int_len);
    snprintf(buf, n, "%s", out);
}

void sp_format_value(double v, sp_unit unit, char *buf, size_t n)
{
    char num[64];
    sp_format_number(v, num, sizeof num);
    switch (unit) {
    case SP_UNIT_PERCENT: snprintf(buf, n, "%s%%", num); break;
    case SP_UNIT_RATE: snprintf(buf, n, "%s per 10,000", num); break;
    case SP_UNIT_DAYS: snprintf(buf, n, "%s days", num); break;
    case SP_UNIT_WEEKS: snprintf(buf, n, "%s weeks", num); break;
    default: snprintf(buf, n, "%s", num); break;
    }
}

void sp_format_whole_percent(double v, char *buf, size_t n)
{
    double r = round(v);
    snprintf(buf, n, "%.0f%%", r == 0 ? 0.0 : r); /* round(-0.3) is -0: printed as "-0" */
}
