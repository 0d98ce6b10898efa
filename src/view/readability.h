/*
 * readability.h - how hard a text is to read, to hold the Local Offer text to a reading age
 * of about 11 to 12.
 *
 * Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers and Chissom, 1975, "Derivation of new
 * readability formulas for Navy enlisted personnel", Research Branch Report 8-75):
 *     grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 * A US school grade; the reading age in years is about grade + 5.
 */
#ifndef SP_VIEW_READABILITY_H
#define SP_VIEW_READABILITY_H

#include <stddef.h>

typedef struct sp_readability {
    size_t sentences, words, syllables;
    double grade; /* Flesch-Kincaid grade level; 0 for a text without words */
} sp_readability;

/* Syllables in one word by the usual heuristic: runs of vowels (a e i o u y), less a silent
 * final "e" (but not "-le" after a consonant: "table"), "-es"/"-ed" endings that add none
 * ("makes", "planned"), at least one. */
int sp_syllables(const char *word, size_t len);

/* Counts a text's sentences (ended by . ! ? or a line break after words), words (runs of
 * letters, with ' and - inside) and syllables, and its grade. Numbers are not words. */
sp_readability sp_readability_of(const char *text);

#endif
