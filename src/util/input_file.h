/*
 * input_file.h - opening what a user names as an input file (decisions #17): it must be a
 * regular file. A FIFO is opened without blocking and refused, as are devices and folders,
 * before a byte is read; a line over SP_MAX_LINE is refused while reading, before the buffer
 * grows past it.
 */
#ifndef SP_INPUT_FILE_H
#define SP_INPUT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SP_MAX_LINE ((size_t)16 << 20)  /* 16 MiB: a line of any input */
#define SP_MAX_CELL ((size_t)1 << 20)   /* 1 MiB: a CSV cell */
#define SP_MAX_COLUMNS 1000             /* cells in a CSV row */

/* Why an input cannot be read: a sentence without a trailing full stop, and where (line 0:
 * the file as a whole). `missing` when the file does not exist (nothing else set then). */
typedef struct sp_input_problem {
    bool missing;
    unsigned line;
    char why[160];
} sp_input_problem;

/* Opens path for reading when it is a regular file; NULL with *p filled otherwise. */
FILE *sp_input_open(const char *path, sp_input_problem *p);

/* Reads a regular file whole into a malloc'd, NUL-terminated buffer; NULL with *p filled when
 * it cannot be opened or read, or a line is longer than max_line bytes. */
char *sp_input_read(const char *path, size_t *len, size_t max_line, sp_input_problem *p);

#endif
