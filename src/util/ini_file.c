#include "util/ini_file.h"

#include <ini.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct counted {
    FILE *fp;
    unsigned line;
    bool at_line_start;
    sp_ini_handler handler;
    void *user;
} counted;

static char *read_line(char *str, int num, void *stream)
{
    counted *c = stream;
    char *r = fgets(str, num, c->fp);
    if (r) {
        /* libinih reads at most INI_MAX_LINE bytes at a time: count a line once */
        if (c->at_line_start)
            c->line++;
        size_t n = strlen(r);
        c->at_line_start = n > 0 && r[n - 1] == '\n';
    }
    return r;
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
    counted *c = user;
    return c->handler(c->user, c->line, section, name, value);
}

int sp_ini_parse(const char *path, sp_ini_handler handler, void *user)
{
    counted c = {.at_line_start = true, .handler = handler, .user = user};
    c.fp = fopen(path, "r");
    if (!c.fp)
        return -1;
    int r = ini_parse_stream(read_line, &c, on_value, &c);
    fclose(c.fp);
    return r;
}
