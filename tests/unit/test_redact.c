/* Contact details out of public text in every way people write them (decision 16); dates, age
 * ranges, figures, references and English left alone. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "util/contact.h"
#include "view/redact.h"

static sp_arena arena;

static void removed(const char *in, const char *out)
{
    const char *got = sp_redact_contacts_text(&arena, in);
    if (strcmp(got, out) != 0)
        fail_msg("'%s' -> '%s', expected '%s'", in, got, out);
}

#define R SP_REDACTED

/* Every way of writing a phone number the issue found passing, each in a sentence: only the
 * number goes, the words around it stay as written. */
static const char *const PHONES[] = {
    "01632 960001",                    /* plain */
    "01632960001",                     /* no spaces */
    "01632\xC2\xA0" "960001",          /* no-break space (Outlook signatures, Word paste) */
    "01632\xE2\x80\x89" "960001",      /* thin space */
    "01632\xE2\x80\xAF" "960\xE2\x80\xAF" "001", /* narrow no-break spaces */
    "01632\xE2\x80\x91" "960001",      /* non-breaking hyphen */
    "01632\xE2\x80\x93" "960001",      /* en dash */
    "01632\xE2\x80\x94" "960\xE2\x88\x92" "001", /* em dash, minus sign */
    "01632.960.001",                   /* dots */
    "\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x96\xEF\xBC\x93\xEF\xBC\x92 \xEF\xBC\x99\xEF\xBC\x96\xEF\xBC\x90"
    "\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x91", /* fullwidth digits */
    "01632\n960001",                   /* broken across a line */
    "01632 96\r\n0001",                /* broken mid-group, CRLF */
    "01632\xE2\x80\x8B" "960001",      /* zero-width space */
    "0163\xC2\xAD" "2 960001",         /* soft hyphen */
    "01632\xE2\x81\xA0" "960\xEF\xBB\xBF" "001", /* word joiner, byte-order mark */
    "+44 (0)1632 960001",
    "+44\xC2\xA0" "7700\xC2\xA0" "900123",
    "(01733) 747 474",
    "01632 960001 - 07700 900123",     /* two numbers joined by " - ": both go */
    "01632 960001 \xE2\x80\x93 07700 900123",
    "0 1 6 3 2 9 6 0 0 0 1",
};

static void phones(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof PHONES / sizeof *PHONES; i++) {
        char in[200], out[200];
        snprintf(in, sizeof in, "Call %s today.", PHONES[i]);
        removed(in, "Call " R " today.");
        snprintf(in, sizeof in, "Ask Ann (%s).", PHONES[i]);
        snprintf(out, sizeof out, "Ask Ann (%s).", R);
        removed(in, out);
        removed(PHONES[i], R);
    }
    /* two numbers joined by '/': each is found */
    removed("01632 960001/07700 900123", R "/" R);
    removed("01632 960001 / 07700 900123", R " / " R);
    /* "Tel" with any separator; a local number after a telephone word, an extension after "ext" */
    removed("Tel-01632960001", "Tel-" R);
    removed("tel/01632 960001", "tel/" R);
    removed("Tel: 960001", "Tel: " R);
    removed("TEL.960 001", "TEL." R);
    removed("phone no. 960001", "phone no. " R);
    removed("Mobile:07700900123", "Mobile:" R);
    removed("switchboard, ext 4521", "switchboard, ext " R);
    removed("\xEF\xBD\x94\xEF\xBD\x85\xEF\xBD\x8C: 960001", "\xEF\xBD\x94\xEF\xBD\x85\xEF\xBD\x8C: " R); /* fullwidth tel */
}

static const char *const ADDRESSES[] = {
    "ann.lee@example.org",
    "ann.lee\xEF\xBC\xA0" "example.org",         /* fullwidth @ */
    "ann.lee\xEF\xB9\xAB" "example.org",         /* small @ */
    "ann.lee[at]example.org",
    "ann.lee (at) example.org",
    "ann.lee [AT] example [dot] org",
    "ann.lee{at}example.org",
    "ann.lee<at>example.org",
    "ann.lee%40example.org",
    "ann.lee@exa\xE2\x80\x8B" "mple.org",         /* zero-width space inside */
    "ann\xC2\xAD.lee@example.org",                /* soft hyphen inside */
    "ann.lee@\xE2\x80\x8D" "example\xE2\x80\x8C.org", /* joiners */
    "jos\xC3\xA9@caf\xC3\xA9.example",            /* accented local part and domain (IDN) */
    "ann@\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84", /* Cyrillic domain */
    "ann.lee @ example.org",                      /* spaces around the @ */
    "ann.lee\n@example.org",                      /* a line break before it */
    "ann.lee@\r\nexample.org",                    /* and after it */
    "ann.lee\xC2\xA0@\xC2\xA0" "example.org",     /* no-break spaces around it */
    "ann.lee at example.org",                     /* "at" as a word, where it makes an address */
    "ann_lee at example dot org",
    "ann.lee@example",                            /* no dot: removed in doubt */
    "\xEF\xBD\x81\xEF\xBD\x8E\xEF\xBD\x8E\xEF\xBC\xA0\xEF\xBD\x85\xEF\xBD\x98\xEF\xBC\x8E\xEF\xBD\x8F"
    "\xEF\xBD\x92\xEF\xBD\x87", /* all fullwidth */
};

static void addresses(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ADDRESSES / sizeof *ADDRESSES; i++) {
        char in[200];
        snprintf(in, sizeof in, "Email %s, today.", ADDRESSES[i]);
        removed(in, "Email " R ", today.");
        removed(ADDRESSES[i], R);
    }
    removed("Ann Lee, ann.lee@peterborough.gov.uk", "Ann Lee, " R);
    removed("Ann ann.lee[a\bt]example", "Ann " R); /* a control character is invisible (found by fuzz_redact) */
    /* an address that reads as one only once the number in it is cut out (found by fuzz_redact) */
    removed("ann.lee at example.gov.01632960001uk/x", R "." R "uk/x");
    removed("mail ann.lee@example.org.", "mail " R ".");
    removed("Email send.team@example.org.uk then call 01733 863606", "Email " R " then call " R);
}

/* what the data-quality list hears of: removed all the same, but perhaps not a contact detail */
static void doubts(void **state)
{
    (void)state;
    bool doubtful;
    sp_redact_text(&arena, "Call 01632 960001.", &doubtful);
    assert_false(doubtful);
    sp_redact_text(&arena, "ann.lee@example.org", &doubtful);
    assert_false(doubtful);
    sp_redact_text(&arena, "Reference 12345 67890 123", &doubtful);
    assert_true(doubtful);
    sp_redact_text(&arena, "ann@example", &doubtful);
    assert_true(doubtful);
    sp_redact_text(&arena, "01632 960001 - 07700 900123", &doubtful);
    assert_false(doubtful);
}

static void left_alone(void **state)
{
    (void)state;
    static const char *const same[] = {
        "Due 31/12/2022, revised 2023-03-31",
        "Due 01/04/2023 (was 01/10/2022)",
        "From 01/04/2023 to 31/03/2024",
        "Young people aged 0-25 and 14-17 and 18-25",
        "Reduce waits from 1,204 to 1,100 by 2023",
        "Budget \xC2\xA3" "1,250,000 (2022-23) and \xC2\xA3" "350k",
        "Increase on baseline of at least 20%",
        "KPI 21.25% against 17.5% (England 19.8%)",
        "Ref 1.1a, 4.3a, K01; APP-03",
        "Years 2022-2023 and 2023\xE2\x80\x93" "2024",
        "Q3 2022-23, Sept 22, June 23",
        "Twitter @sendteam and 'at' signs without a domain",
        "We met at 10.30 at the school. Families at risk; at least 12.",
        "Sessions are held at Peterborough.gov offices",
        "Published at www.peterborough.gov.uk/localoffer and at peterborough.gov.uk/send",
        "Phone survey 2023: 45 replies",
        "the score was 5 @ 10.5",
        "Tel. and email as above",
        "ring 1, 2 and 3",
        "fifty\xC2\xA0per cent\xE2\x80\x94" "about 1 in 2",
        "",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        removed(same[i], same[i]);
}

/* The shortcut (no @ in any form, fewer than ten digits, no telephone word) never skips a text
 * the full reading would change, for every form above and each of its one-character cuts. */
static void shortcut_is_safe(void **state)
{
    (void)state;
    const char *const *lists[] = {PHONES, ADDRESSES};
    size_t ns[] = {sizeof PHONES / sizeof *PHONES, sizeof ADDRESSES / sizeof *ADDRESSES};
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < ns[l]; i++) {
            const char *s = lists[l][i];
            size_t n = strlen(s);
            for (size_t cut = 0; cut <= n; cut++) {
                char buf[200];
                memcpy(buf, s, n);
                memmove(buf + cut, s + cut + (cut < n), n - cut - (cut < n));
                buf[n - (cut < n)] = '\0';
                size_t count;
                free(sp_contact_find(buf, strlen(buf), &count));
                if (count && !sp_contact_possible(buf))
                    fail_msg("the shortcut skips '%s'", buf);
            }
        }
}

/* Every code point Unicode calls a space or a dash is a separator in a phone number, every
 * one that reads as @ (NFKC) makes an address, every invisible one is ignored inside both. */
static void every_space_dash_at_and_invisible(void **state)
{
    (void)state;
    size_t spaces = 0, dashes = 0, ats = 0, invisible = 0;
    for (utf8proc_int32_t cp = 0x80; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        utf8proc_uint8_t ch[8] = {0};
        utf8proc_encode_char(cp, ch);
        utf8proc_int32_t form[32];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, form, 32, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
        bool at = m == 1 && form[0] == '@';
        utf8proc_category_t cat = utf8proc_category(cp);
        bool ignorable = utf8proc_get_property(cp)->ignorable;
        char in[64];
        if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_PD) {
            snprintf(in, sizeof in, "Call 01632%s960001 now", (char *)ch);
            removed(in, "Call " R " now");
            cat == UTF8PROC_CATEGORY_ZS ? spaces++ : dashes++;
        }
        if (at) {
            snprintf(in, sizeof in, "Email ann%sexample.org now", (char *)ch);
            removed(in, "Email " R " now");
            ats++;
        }
        if (ignorable) {
            snprintf(in, sizeof in, "Call 0163%s2 960001 or ann%s@example.org", (char *)ch, (char *)ch);
            removed(in, "Call " R " or " R);
            invisible++;
        }
    }
    print_message("%zu spaces, %zu dashes, %zu @, %zu invisible\n", spaces, dashes, ats, invisible);
    /* the test did look: Unicode 15 has 16 spaces above ASCII, 25 dashes, 2 @ lookalikes */
    assert_true(spaces >= 16 && dashes >= 20 && ats >= 2 && invisible >= 100);
}

/* the ASCII table the shortcut reads by agrees with the reader */
static void ascii_table(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 128; c++)
        assert_int_equal(SP_ASCII_KIND[c], sp_ch_kind_of(c));
}

/* A hostile text is read in one pass: a megabyte of "x%40" (each an @ after a long local part) */
static void linear_time(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = "x%40"[i % 4];
    s[n] = '\0';
    clock_t t = clock();
    const char *out = sp_redact_contacts_text(&arena, s);
    double secs = (double)(clock() - t) / CLOCKS_PER_SEC;
    assert_true(strstr(out, R) != NULL);
    assert_true(secs < 5); /* quadratic took minutes */
    free(s);
}

static int teardown(void **state)
{
    (void)state;
    sp_arena_free(&arena);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(phones),           cmocka_unit_test(addresses),
                                       cmocka_unit_test(doubts),           cmocka_unit_test(left_alone),
                                       cmocka_unit_test(shortcut_is_safe), cmocka_unit_test(every_space_dash_at_and_invisible),
                                       cmocka_unit_test(ascii_table),      cmocka_unit_test(linear_time)};
    return cmocka_run_group_tests_name("redact", tests, NULL, teardown);
}
