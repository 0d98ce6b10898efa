/*
 * ini_file.h - libinih with line numbers, lines of any length and only ordinary files.
 * Debian's libinih is built without INI_HANDLER_LINENO, so the handler cannot tell where a
 * key stands; this reads through ini_parse_stream with a reader that counts lines, and hands
 * the handler the line. Debian's build reads lines of at most 200 bytes into a stack buffer
 * unless told otherwise at run time (its ini_use_stack, ini_allow_realloc and ini_max_line):
 * this tells it to grow a heap buffer to SP_MAX_LINE, so a long glossary expansion is read
 * whole, and a longer line is an error.
 */
#ifndef SP_INI_FILE_H
#define SP_INI_FILE_H

#include <stdbool.h>

#include "util/input_file.h"

/* continued: the line is indented and continues the previous key's value (libinih calls
 * the handler again with the same key). */
typedef int (*sp_ini_handler)(void *user, unsigned line, bool continued, const char *section, const char *key,
                              const char *value);

/* Parses the file at path. Returns 0; -1 when it cannot be read (*p says why: missing, not an
 * ordinary file, a line over SP_MAX_LINE, a NUL byte); or the line of the first syntax error. */
int sp_ini_parse(const char *path, sp_ini_handler handler, void *user, sp_input_problem *p);

#endif
