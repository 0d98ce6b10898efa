/*
 * glossary.h - abbreviations for readers who do not know them: families reading the Local
 * Offer page. Three sources (decisions.md #8), the first that knows an abbreviation wins:
 * plan.ini [glossary], then expansions the plan writes itself ("Chief Operating Team (COT)"),
 * then the built-in SEND glossary. A text run through sp_glossary_expand gets each abbreviation
 * expanded the first time it is used in the document ("Designated Clinical Officer (DCO)"),
 * and the glossary list at the end holds every abbreviation that was used.
 */
#ifndef SP_VIEW_GLOSSARY_H
#define SP_VIEW_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/plan.h"
#include "util/arena.h"

typedef enum { SP_GLOSS_PLAN_INI, SP_GLOSS_LEARNED, SP_GLOSS_BUILT_IN } sp_gloss_source;

typedef struct sp_gloss_entry {
    const char *abbr;      /* as written, case matters: "PfA", "DfE" */
    const char *expansion; /* "Preparing for Adulthood" */
    sp_gloss_source source;
    bool used;             /* met in a text run through sp_glossary_expand */
    bool expanded;         /* its first use has been expanded (or was written expanded) */
    /* Abbreviations differing only by case ("PfA", "PFA") are one term: each is found as
     * written, and the first added holds the term's expansion, whether it has been used and
     * expanded, and the spelling first met (used_as); the others name it here (index + 1). */
    size_t same_as;
    const char *used_as;
} sp_gloss_entry;

typedef struct sp_glossary {
    sp_arena *arena;
    sp_gloss_entry *entries;
    size_t n, cap;
} sp_glossary;

/* The built-in SEND glossary, for tests and documentation. */
extern const sp_gloss_entry SP_SEND_GLOSSARY[];
extern const size_t SP_SEND_GLOSSARY_N;

/* Builds the glossary of a plan: its plan.ini [glossary], every expansion its texts write
 * ("Words Like This (WLT)", where the words' initials spell the abbreviation), and the built-in
 * one. Strings live in arena a. */
void sp_glossary_build(sp_glossary *g, sp_arena *a, const sp_plan *p);
/* Adds an entry unless one with the same abbreviation is there already (earlier sources win). */
void sp_glossary_add(sp_glossary *g, const char *abbr, const char *expansion, sp_gloss_source source);
/* Learns "Chief Operating Team (COT)" style expansions from one text. */
void sp_glossary_learn(sp_glossary *g, const char *text);
/* The entry for an abbreviation exactly as written, or NULL. */
sp_gloss_entry *sp_glossary_find(sp_glossary *g, const char *abbr, size_t len);

/* Returns text with each abbreviation's first use in the document expanded: "DCO" becomes
 * "Designated Clinical Officer (DCO)", "EHCPs" becomes "Education, Health and Care Plans (EHCPs)".
 * A use the text already expands ("Chief Operating Team (COT)") counts as the first. Call it
 * on the document's texts in reading order. */
const char *sp_glossary_expand(sp_glossary *g, const char *text);

/* The terms used so far, once each (however their case varied), spelt as first met, in
 * alphabetical order (case-insensitive), into a new array. */
size_t sp_glossary_used(const sp_glossary *g, const sp_gloss_entry ***out);

#endif
