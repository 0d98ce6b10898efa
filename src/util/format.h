/*
 * format.h - numbers and values as a UK reader expects to see them: "1,204", "18.9%",
 * "12 weeks". At most two decimals, trailing zeros dropped. Always '.' for decimals.
 */
#ifndef SP_FORMAT_H
#define SP_FORMAT_H

#include <stddef.h>

#include "model/plan.h"

void sp_format_number(double v, char *buf, size_t n);
/* The number with its unit: "18.9%", "412", "12 weeks", "3.2 per 10,000". */
void sp_format_value(double v, sp_unit unit, char *buf, size_t n);

/* A share or progress as a whole percent, "48%": never "-0%" for a hair below zero. */
void sp_format_whole_percent(double v, char *buf, size_t n);

#endif
