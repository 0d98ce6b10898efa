/*
 * text.h - the small text operations every reader needs: trimming, header keys,
 * UTF-8 validation, case-insensitive matching and natural ordering of refs.
 */
#ifndef SP_TEXT_H
#define SP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

/* Trims ASCII white space and no-break spaces (U+00A0) from both ends, in place
 * on the pointer/length pair. Returns the new start. */
const char *sp_trim(const char *s, size_t *len);

/* A header's matching key: Unicode case-folded and NFKC-normalised by utf8proc (so a
 * no-break space is a space), ends trimmed and white-space runs folded to one space. */
char *sp_header_key(sp_arena *a, const char *s);

/* Returns the byte offset of the first invalid UTF-8 sequence in s[0..n), or n if valid. */
size_t sp_utf8_invalid_at(const char *s, size_t n);
/* Returns the byte offset of the first U+FFFE or U+FFFF (not characters: no XML document,
 * so no workbook, may hold them) in valid UTF-8 s[0..n), or n if there is none. */
size_t sp_nonchar_at(const char *s, size_t n);
/* A line of text for a document title or property: returns NULL if s is fine, else what is
 * wrong with it ("a control character (U+001B)", "U+FFFE is not a character", "invalid
 * UTF-8"), with *at its byte offset. */
const char *sp_unsafe_text(sp_arena *a, const char *s, size_t *at);
/* A ref as matched and shown: NFKC-normalised, with default-ignorable code points (zero-width
 * joiners and spaces, soft hyphens) removed, so refs that print alike are one ref. */
const char *sp_ref_clean(sp_arena *a, const char *s);
/* Text for a workbook cell: literal "_xHHHH_" becomes "_x005F_xHHHH_", or Excel would show
 * it as the character HHHH. Returns s itself when there is nothing to escape. */
const char *sp_excel_literal(sp_arena *a, const char *s);
/* Number of UTF-16 code units (how Excel counts a cell's length). */
size_t sp_utf16_len(const char *s);
/* Largest prefix length <= max bytes that does not cut a UTF-8 sequence. */
size_t sp_utf8_clip(const char *s, size_t max);

/* ASCII case-insensitive comparisons. */
bool sp_ieq(const char *a, const char *b);
bool sp_ieqn(const char *a, const char *b, size_t n);
/* Finds needle as a whole word (ASCII letters around it do not count as a match). */
const char *sp_ifind_word(const char *hay, const char *needle);

/* Natural order: digit runs compare as numbers, so "1.2" < "1.10" and "APP-2" < "APP-10". */
int sp_natcmp(const char *a, const char *b);

/* Writes a lower-case, hyphenated ASCII slug of s (for file names) into the arena. */
char *sp_slug(sp_arena *a, const char *s);
/* The name a plan folder gives its packs: its last component (trailing slashes ignored, "."
 * and ".." read as "plan"), slugged. Different folders can share one (decisions #2). */
char *sp_folder_slug(sp_arena *a, const char *dir);

#endif
