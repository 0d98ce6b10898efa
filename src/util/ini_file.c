#include "util/ini_file.h"

#include <ini.h>
#include <stdio.h>
#include <string.h>

typedef struct counted {
    FILE *fp;
    unsigned line;
    bool at_line_start;
    bool indented;       /* the line being read starts with a space or tab */
    size_t line_length;  /* bytes of it read so far */
    bool too_long, nul;  /* stop: the line is over SP_MAX_LINE, or holds a NUL byte */
    sp_ini_handler handler;
    void *user;
} counted;

static char *read_line(char *str, int num, void *stream)
{
    counted *c = stream;
    if (c->too_long || c->nul)
        return NULL;
    char *r = fgets(str, num, c->fp);
    if (!r)
        return NULL;
    /* libinih asks for the rest of a long line in further calls: count a line once */
    if (c->at_line_start) {
        c->line++;
        c->indented = r[0] == ' ' || r[0] == '\t';
        c->line_length = 0;
    }
    size_t n = strlen(r);
    c->line_length += n;
    c->at_line_start = n > 0 && r[n - 1] == '\n';
    if (!c->at_line_start && c->line_length >= SP_MAX_LINE)
        c->too_long = true;
    if (n + 1 < (size_t)num && !c->at_line_start && !feof(c->fp))
        c->nul = true; /* fgets stopped early without a newline or the end: a NUL byte */
    return c->too_long || c->nul ? NULL : r;
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
    counted *c = user;
    return c->handler(c->user, c->line, c->indented, section, name, value);
}

int sp_ini_parse(const char *path, sp_ini_handler handler, void *user, sp_input_problem *p)
{
    counted c = {.at_line_start = true, .handler = handler, .user = user};
    c.fp = sp_input_open(path, p);
    if (!c.fp)
        return -1;
    /* Debian's libinih reads these at run time: a heap line that grows as a line needs */
    ini_use_stack = false;
    ini_allow_realloc = true;
    ini_max_line = (int)SP_MAX_LINE + 3;
    int r = ini_parse_stream(read_line, &c, on_value, &c);
    fclose(c.fp);
    if (c.too_long || c.nul) {
        p->line = c.line;
        snprintf(p->why, sizeof p->why, c.nul ? "a NUL byte: the file is not text" : "a line longer than %zu MiB",
                 SP_MAX_LINE >> 20);
        return -1;
    }
    return r;
}
