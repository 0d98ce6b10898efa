/*
 * families.h - the Local Offer text: the plan told to families in plain English.
 *
 * Built once per pack, from the same rows and judgements as every other output, and laid out
 * by both the HTML page and the PDF. It says each promise once (what we said we would do, what
 * we have done, what happens next), says a late item's planned and new dates in words, gives
 * outcomes in words, what has changed since last time (with --previous), how to ask a question
 * or give views (plan.ini contact), and expands every abbreviation on first use with a glossary
 * at the end. It holds no owners, officers' contact details, resource codes, risks,
 * data-quality notes, challenges or notices meant for the tool's users.
 */
#ifndef SP_VIEW_FAMILIES_H
#define SP_VIEW_FAMILIES_H

#include <stdbool.h>
#include <stddef.h>

#include "assess/assess.h"
#include "assess/changes.h"
#include "view/template.h"
#include "view/glossary.h"
#include "view/readability.h"

/* A part At risk only because of its KPIs (decision 12), and what the page says it means. */
#define SP_FAMILIES_MEASURES_BEHIND "The measures are behind"

typedef struct sp_family_promise {
    size_t milestone;        /* index into plan milestones */
    sp_status status;        /* the derived status, for the tag's colour */
    const char *status_word; /* the template's word: "Done", "On track", "Running late" */
    const char *said;        /* what we said we would do */
    const char *done;        /* what we have done */
    const char *next;        /* what happens next, with the planned and new dates of a late item */
} sp_family_promise;

typedef struct sp_family_action {
    const char *heading;     /* the action, in the plan's words; NULL when its one promise says it */
    sp_family_promise *promises;
    size_t n;
} sp_family_action;

typedef struct sp_family_part {
    size_t area;             /* index into plan areas */
    const char *heading;     /* "Part 1: Early identification of needs" */
    sp_status tint;          /* colour of its tag */
    const char *status_word; /* "On track", "Some things are running late" */
    const char *summary;     /* "We said we would do 5 things here. 2 are done and 1 is late." */
    sp_family_action *actions;
    size_t n_actions;
} sp_family_part;

typedef struct sp_family_outcome {
    size_t kpi;
    const char *name;
    sp_status rag;
    const char *word;        /* "On track", "Behind where we hoped", "No new figure yet" */
    const char *sentence;    /* where it started, where it is, what we aim for, in words */
} sp_family_outcome;

typedef struct sp_families {
    const char *publisher;     /* "This page is from <the plan's organisations>."; NULL when none */
    const char *title;
    const char *intro;         /* what the page is and the date it describes */
    const char *notice;        /* illustrative figures, in families' words; NULL when not needed */
    const char *position;      /* "We said we would do 13 things. …" */
    sp_family_part *parts;
    size_t n_parts;
    sp_family_outcome *outcomes;
    size_t n_outcomes;
    const char *outcomes_intro;
    bool has_changes;          /* --previous was given */
    const char **changes;      /* one sentence each */
    size_t n_changes;
    const char *contact_text;  /* how to ask a question or give views */
    const char *contact;       /* the plan's contact ("" when none) */
    bool contact_is_email, contact_is_web;
    const sp_gloss_entry **glossary; /* the abbreviations used, A to Z */
    size_t n_glossary;
    const char **unexplained;  /* abbreviations in the text that no glossary explains, first use first */
    size_t n_unexplained;
    const char *text;          /* every sentence above in reading order, one a line: for readability */
    sp_readability readability;
    const char *own_text;      /* the same without the sentences that hold the plan's own words */
    sp_readability own_readability;
} sp_families;

/* Builds the Local Offer text of an assessed plan. Everything lives in arena a. */
void sp_families_build(sp_families *f, sp_arena *a, const sp_plan *p, const sp_assessment *as,
                       const sp_changes *changes, const sp_template *t);

#endif
