/* readability.c - Flesch-Kincaid grade level; the formula and its source are in readability.h. */
#include "view/readability.h"

#include <string.h>

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }
static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_vowel(char c)
{
    c = lower(c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

int sp_syllables(const char *word, size_t len)
{
    /* letters only, lower case: "co-ordinate" counts as "coordinate" */
    char w[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof w - 1; i++)
        if (is_letter(word[i]))
            w[n++] = lower(word[i]);
    w[n] = '\0';
    if (n == 0)
        return 0;
    if (n <= 3)
        return 1;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            groups++;
    /* silent endings: "make", "makes", "planned" (but "table", "needed", "places") */
    if (w[n - 1] == 'e' && !(w[n - 2] == 'l' && !is_vowel(w[n - 3])) && !is_vowel(w[n - 2]))
        groups--;
    else if (w[n - 1] == 's' && w[n - 2] == 'e' && !strchr("cgsxz", w[n - 3]) && !is_vowel(w[n - 3]))
        groups--;
    else if (w[n - 1] == 'd' && w[n - 2] == 'e' && w[n - 3] != 't' && w[n - 3] != 'd' && !is_vowel(w[n - 3]))
        groups--;
    return groups < 1 ? 1 : groups;
}

sp_readability sp_readability_of(const char *text)
{
    sp_readability r = {0};
    int words_in_sentence = 0;
    for (const char *p = text; *p;) {
        if (is_letter(*p)) {
            const char *start = p;
            while (is_letter(*p) || ((*p == '\'' || *p == '-') && is_letter(p[1])))
                p++;
            r.words++;
            r.syllables += (size_t)sp_syllables(start, (size_t)(p - start));
            words_in_sentence++;
        } else if (*p >= '0' && *p <= '9') {
            while ((*p >= '0' && *p <= '9') || ((*p == '.' || *p == ',') && p[1] >= '0' && p[1] <= '9'))
                p++;
        } else {
            if ((*p == '.' || *p == '!' || *p == '?' || *p == '\n') && words_in_sentence) {
                r.sentences++;
                words_in_sentence = 0;
            }
            p++;
        }
    }
    if (words_in_sentence)
        r.sentences++;
    if (r.words)
        r.grade = 0.39 * (double)r.words / (double)r.sentences + 11.8 * (double)r.syllables / (double)r.words - 15.59;
    return r;
}
