/*
 * contact.h - phone numbers and e-mail addresses in a text, found as a person reads them
 * (decision 16). The view's redaction (view/redact.h) cuts them out of public packs; the check
 * warns of one in a plan's folder name (it becomes the output file names).
 *
 * A text is read character by character in compatibility form (NFKC: a fullwidth digit is a
 * digit, a fullwidth or small @ is @), its invisible characters (zero-width space, joiners,
 * soft hyphen, byte-order mark: Unicode's default ignorables) dropped, and each character sorted
 * into the few kinds that matter. Every character keeps the bytes of the original text it came
 * from, so what is found is cut out of the text as written, never out of a normalised copy.
 *
 * A phone number is ten or more digits with only spaces (any Unicode space, line breaks), dashes
 * (any Unicode dash), dots, brackets and '+' between them: two numbers joined by " - " are one
 * run and go together; joined by '/' they are two numbers, each found. After a word such as
 * "Tel", "phone", "mobile" or "fax" six digits are enough, after "ext" three.
 * An e-mail address is a local part, an @ and a domain. The @ may be a fullwidth or small @,
 * "%40", or "at" in brackets ("[at]", "(at)", "{at}", "<at>"); with spaces or a line break
 * around the @, or "at" as a plain word, the domain must have a dot and a last part with a
 * letter (and for "at" the local part a dot, '_' or digit, as "ann.lee at example.org"), so
 * English ("meet at 10.30", "Twitter @sendteam") is left alone. Domains may be in any script.
 */
#ifndef SP_CONTACT_H
#define SP_CONTACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    SP_CH_OTHER,   /* punctuation and symbols: , ; : / ! ? _ % ' < > ... */
    SP_CH_DIGIT,   /* any decimal digit (Unicode Nd) after NFKC: 0-9, fullwidth, Arabic-Indic... */
    SP_CH_LETTER,  /* letters, combining marks and other numbers of any script */
    SP_CH_SPACE,   /* any Unicode space (no-break, thin, narrow no-break...), tab, line break */
    SP_CH_DASH,    /* any dash (hyphen, non-breaking hyphen, en and em dash) and the minus sign */
    SP_CH_DOT,     /* full stop, ideographic full stop, middle dot */
    SP_CH_BRACKET, /* ( ) [ ] { } */
    SP_CH_PLUS,
    SP_CH_AT, /* @, fullwidth @, small @ */
} sp_ch_kind;

/* One character as read: its code point in compatibility form (one written character may give
 * several), its kind, and the bytes [start, end) of the original text it came from. */
typedef struct sp_ch {
    uint32_t cp;
    uint32_t start, end;
    uint8_t kind;
} sp_ch;

/* The kind of one code point already in compatibility form; of an ASCII one, also by table. */
extern const uint8_t SP_ASCII_KIND[128];
sp_ch_kind sp_ch_kind_of(uint32_t cp);

/* The characters of s[0..n) as read (malloc'd, *count of them). Bytes that are not UTF-8 are
 * characters of kind OTHER. */
sp_ch *sp_contact_read(const char *s, size_t n, size_t *count);

/* False only when s certainly holds no contact detail: fewer than ten digits, no @ in any form
 * and no telephone word before digits. No allocation; most texts stop here. */
bool sp_contact_possible(const char *s);

/* A contact detail found: bytes [start, end) of the text. `doubtful` when it may not be one
 * (a run of digits no phone number has, an address without a dot in its domain): it is removed
 * all the same, and the data-quality list says so. */
typedef struct sp_contact_span {
    size_t start, end;
    bool doubtful;
} sp_contact_span;

/* Every contact detail in s[0..n), in order, overlapping ones joined (malloc'd, *count of them;
 * NULL when none). Reads the whole text without the sp_contact_possible shortcut. */
sp_contact_span *sp_contact_find(const char *s, size_t n, size_t *count);

/* 1 for a word after which six digits make a phone number ("tel", "mobile"), 2 for three
 * ("ext"), 0 for others: w is n lower-case ASCII letters. */
int sp_contact_phone_word(const char *w, size_t n);

/* Does s hold a contact detail? */
bool sp_contact_in(const char *s);

#endif
