/*
 * json_writer.h - a streaming JSON writer for the JSON pack (render/json.c): the bytes
 * jansson 2.14's json_dump_file(root, path, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) writes
 * for the same tree, without building the tree. Nothing is held but the nesting depth and
 * the key waiting for its value.
 *
 * jansson's rules kept: a value jansson would refuse (a NULL or invalid UTF-8 string, a NaN
 * or infinite real) is left out together with its key, as json_object_set_new() leaves it
 * out; empty containers print as {} and []; a real always shows a '.' or an exponent.
 */
#ifndef SP_JSON_WRITER_H
#define SP_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SP_JW_MAX_DEPTH 32

typedef struct {
    FILE *f;
    char *buf;              /* the stdio buffer (setvbuf), when the writer opened the file */
    int depth;              /* open containers */
    size_t n[SP_JW_MAX_DEPTH]; /* members written so far in each open container */
    bool object[SP_JW_MAX_DEPTH]; /* each open container: an object (else an array) */
    const char *key;        /* the key waiting for its value (inside an object) */
    bool failed;            /* nesting too deep or unbalanced */
} sp_jw;

/* Writes to f (not closed by sp_jw_close). */
void sp_jw_init(sp_jw *w, FILE *f);
/* Opens path for writing with a large stdio buffer; false when it cannot be opened. */
bool sp_jw_open(sp_jw *w, const char *path);
/* Flushes and closes a file from sp_jw_open; false if any write failed. */
bool sp_jw_close(sp_jw *w);

/* Names the next value in the open object; ignored when the value is left out. */
void sp_jw_key(sp_jw *w, const char *key);

void sp_jw_begin_object(sp_jw *w);
void sp_jw_end_object(sp_jw *w);
void sp_jw_begin_array(sp_jw *w);
void sp_jw_end_array(sp_jw *w);

void sp_jw_string(sp_jw *w, const char *s); /* NULL or invalid UTF-8: left out */
void sp_jw_integer(sp_jw *w, long long v);
void sp_jw_real(sp_jw *w, double v); /* NaN or infinite: left out */
void sp_jw_bool(sp_jw *w, bool v);
void sp_jw_null(sp_jw *w);

/* key + value shorthands */
static inline void sp_jw_kstring(sp_jw *w, const char *k, const char *s) { sp_jw_key(w, k); sp_jw_string(w, s); }
static inline void sp_jw_kinteger(sp_jw *w, const char *k, long long v) { sp_jw_key(w, k); sp_jw_integer(w, v); }
static inline void sp_jw_kreal(sp_jw *w, const char *k, double v) { sp_jw_key(w, k); sp_jw_real(w, v); }
static inline void sp_jw_kbool(sp_jw *w, const char *k, bool v) { sp_jw_key(w, k); sp_jw_bool(w, v); }
static inline void sp_jw_knull(sp_jw *w, const char *k) { sp_jw_key(w, k); sp_jw_null(w); }

/* The text of v as jansson prints a real at precision 15 (e.g. "391.4", "1.0", "1e20");
 * returns its length, or -1. buf of at least 100 bytes. */
int sp_jw_format_real(char *buf, size_t size, double v);

#endif
