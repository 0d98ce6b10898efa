/*
 * json_writer.h - a streaming JSON writer for the JSON pack (render/json.c): the bytes
 * jansson 2.14's json_dump_file(root, path, JSON_INDENT(2) | JSON_REAL_PRECISION(15)) writes
 * for the same tree, without building the tree. Nothing is held but the nesting depth, the
 * key waiting for its value and the text not yet passed on to the FILE: the writer keeps its
 * own output buffer and hands the FILE one large fwrite() at a time, not one per token.
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
#define SP_JW_SPARE 4096 /* the in-struct buffer: sp_jw_init, or sp_jw_open when malloc fails */

typedef struct {
    FILE *f;
    char *out;              /* text not yet passed on to f: spare, or a large malloc'd buffer */
    size_t len;             /* bytes waiting in out */
    size_t cap;             /* size of out */
    bool owned;             /* out is malloc'd (freed by sp_jw_close) */
    bool write_error;       /* an fwrite() to f came up short */
    int error;              /* errno of the first failure to open, write or close (0: none known) */
    int depth;              /* open containers */
    size_t n[SP_JW_MAX_DEPTH]; /* members written so far in each open container */
    bool object[SP_JW_MAX_DEPTH]; /* each open container: an object (else an array) */
    const char *key;        /* the key waiting for its value (inside an object) */
    bool failed;            /* nesting too deep or unbalanced */
    char spare[SP_JW_SPARE];
} sp_jw;

/* Writes to f, through the writer's buffer: call sp_jw_flush() before reading or closing f. */
void sp_jw_init(sp_jw *w, FILE *f);
/* Opens path for writing with a large output buffer; false when it cannot be opened. */
bool sp_jw_open(sp_jw *w, const char *path);
/* Passes the buffered text on to f (f stays open, and is not fflush()ed); false if any
 * write to f has failed so far. */
bool sp_jw_flush(sp_jw *w);
/* Flushes and closes f; false if any write failed or the nesting was unbalanced. */
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
 * returns its length, or -1. buf of at least 100 bytes. Takes the fast path when it can,
 * else the snprintf path; both give the same bytes. */
int sp_jw_format_real(char *buf, size_t size, double v);
/* The two paths, apart for the tests: the snprintf path is jansson's own jsonp_dtostr; the
 * fast path returns -1 for a v it does not take (only 0 and short decimals, 1e-4 <= |v| <
 * 1e15, whose %.15g text it can write without printf). */
int sp_jw_format_real_printf(char *buf, size_t size, double v);
int sp_jw_format_real_fast(char *buf, size_t size, double v);

#endif
