/*
 * ini_file.h - libinih with line numbers. Debian's libinih is built without
 * INI_HANDLER_LINENO, so the handler cannot tell where a key stands; this reads through
 * ini_parse_stream with a reader that counts lines, and hands the handler the line.
 */
#ifndef SP_INI_FILE_H
#define SP_INI_FILE_H

typedef int (*sp_ini_handler)(void *user, unsigned line, const char *section, const char *key, const char *value);

/* Parses the file at path. Returns 0, -1 when it cannot be opened (errno set), or the line
 * of the first syntax error. */
int sp_ini_parse(const char *path, sp_ini_handler handler, void *user);

#endif
