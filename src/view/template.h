/*
 * template.h - a report template: which sections and columns a pack shows, in what order,
 * with which labels, thresholds, cohort and redactions. Read from templates/NAME.ini by
 * view/template_read.c; the vocabulary below is the whole of what a template may name. It
 * is the view's specification, so it lives with the view: after the assessment, whose
 * thresholds (assess/rules.h) it may change.
 */
#ifndef SP_TEMPLATE_H
#define SP_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "assess/assess.h"
#include "assess/rules.h"

/* PDF sections. */
typedef enum {
    SP_SEC_GLANCE, SP_SEC_CHANGES, SP_SEC_EXCEPTIONS, SP_SEC_SCORECARD, SP_SEC_AREAS, SP_SEC_ACTIONS,
    SP_SEC_KPIS, SP_SEC_SPC, SP_SEC_COHORT, SP_SEC_PLAIN, SP_SEC_RISKS, SP_SEC_KEY,
    SP_SEC_ANNEX_A, /* the DfE and NHS England header: opens the pack wherever it is listed */
    SP_N_SECTIONS
} sp_section;

/* Workbook sheets (Cover and Contents always come first). */
typedef enum {
    SP_SHEET_SUMMARY, SP_SHEET_CHANGES, SP_SHEET_ACTIONS, SP_SHEET_KPIS, SP_SHEET_SPC, SP_SHEET_EXCEPTIONS,
    SP_SHEET_COHORT, SP_SHEET_PLAIN, SP_SHEET_RISKS, SP_SHEET_DATA_QUALITY, SP_SHEET_KEY, SP_SHEET_PROGRESS,
    SP_SHEET_FORECAST, SP_SHEET_CHECKPOINTS, SP_N_SHEETS
} sp_sheet;

/* Columns of the Actions sheet. */
typedef enum {
    SP_AC_AREA, SP_AC_REF, SP_AC_ACTION, SP_AC_MILESTONE, SP_AC_OWNER, SP_AC_DUE, SP_AC_DUE_AS_WRITTEN,
    SP_AC_REVISED_DUE, SP_AC_COMPLETED, SP_AC_REPORTED, SP_AC_DERIVED, SP_AC_DAYS_OVERDUE, SP_AC_SLIPPAGE,
    SP_AC_CHALLENGE, SP_AC_REASON, SP_AC_PROGRESS, SP_AC_RESOURCE, SP_AC_COHORT, SP_AC_SOURCE, SP_AC_ACCOUNTABLE,
    SP_N_ACTION_COLUMNS
} sp_action_column;

/* Columns of the KPIs sheet. */
typedef enum {
    SP_KC_REF, SP_KC_NAME, SP_KC_UNIT, SP_KC_DIRECTION, SP_KC_BASELINE, SP_KC_BASELINE_AS_WRITTEN, SP_KC_TARGET_3M,
    SP_KC_TARGET_3M_VALUE, SP_KC_TARGET_6M, SP_KC_TARGET_6M_VALUE, SP_KC_TARGET_12M, SP_KC_TARGET_12M_VALUE,
    SP_KC_LATEST, SP_KC_LATEST_PERIOD, SP_KC_TRAJECTORY, SP_KC_RAG, SP_KC_PROGRESS, SP_KC_TRAVEL, SP_KC_ENGLAND,
    SP_KC_ENGLAND_COMPARISON, SP_KC_NEIGHBOURS, SP_KC_NEIGHBOURS_COMPARISON, SP_KC_NEXT_CHECKPOINT,
    SP_KC_NEXT_TARGET, SP_KC_REASON, SP_KC_SPC_VARIATION, SP_KC_SPC_ASSURANCE, SP_KC_SOURCE, SP_KC_FINAL_TARGET,
    SP_KC_DIRECTION_SOURCE, SP_N_KPI_COLUMNS
} sp_kpi_column;

/* Columns of the PDF's exceptions table and impact scorecard. */
typedef enum { SP_PE_WHAT, SP_PE_STATUS, SP_PE_OWNER, SP_PE_WHY, SP_N_PDF_EXCEPTION_COLUMNS } sp_pdf_exception_column;
typedef enum {
    SP_PS_KPI, SP_PS_BASELINE, SP_PS_TARGET_3M, SP_PS_TARGET_6M, SP_PS_TARGET_12M, SP_PS_LATEST, SP_PS_RAG,
    SP_PS_EVIDENCE, SP_PS_VARIATION, SP_PS_ASSURANCE, SP_PS_NEXT_CHECKPOINT, SP_PS_FINAL_TARGET, SP_N_PDF_SCORECARD_COLUMNS
} sp_pdf_scorecard_column;

extern const char *const SP_SECTION_KEYS[SP_N_SECTIONS];
extern const char *const SP_PDF_EXCEPTION_COLUMN_KEYS[SP_N_PDF_EXCEPTION_COLUMNS];
extern const char *const SP_PDF_SCORECARD_COLUMN_KEYS[SP_N_PDF_SCORECARD_COLUMNS];
extern const char *const SP_SHEET_KEYS[SP_N_SHEETS];
extern const char *const SP_ACTION_COLUMN_KEYS[SP_N_ACTION_COLUMNS];
extern const char *const SP_KPI_COLUMN_KEYS[SP_N_KPI_COLUMNS];

typedef struct sp_template {
    const char *name;      /* used in output file names */
    const char *path;      /* the file read, for messages */
    const char *title;     /* pattern: {plan}, {area}, {date} */
    const char *audience;  /* who the pack is for, printed under the title */
    float type_scale;      /* PDF type size multiplier */
    int sections[SP_N_SECTIONS]; /* each name at most once (decisions #18) */
    int n_sections;
    int sheets[SP_N_SHEETS]; /* each name at most once (decisions #18) */
    int n_sheets;
    int action_columns[SP_N_ACTION_COLUMNS]; /* each name at most once (decisions #18) */
    int n_action_columns;
    int kpi_columns[SP_N_KPI_COLUMNS]; /* each name at most once (decisions #18) */
    int n_kpi_columns;
    int pdf_exception_columns[SP_N_PDF_EXCEPTION_COLUMNS]; /* each name at most once (decisions #18) */
    int n_pdf_exception_columns;
    int pdf_scorecard_columns[SP_N_PDF_SCORECARD_COLUMNS]; /* each name at most once (decisions #18) */
    int n_pdf_scorecard_columns;
    const char *status_label[SP_GREY + 1];   /* by sp_status */
    const char *assessment_label[4];         /* by sp_area_assessment */
    sp_rules rules;                          /* thresholds, cohort, focus cohort */
    bool redact_contacts;                    /* remove e-mail addresses and phone numbers */
    bool plain_english;                      /* a public audience: plain cover, key and summary */
    bool charts_attention_only;              /* PDF charts only for KPIs needing attention (decisions #5) */
    sp_arena arena;
} sp_template;

void sp_template_free(sp_template *t);
bool sp_template_has_section(const sp_template *t, sp_section s);
bool sp_template_has_sheet(const sp_template *t, sp_sheet s);
/* The title with {plan}, {area} and {date} filled in, in arena a. */
const char *sp_template_title(const sp_template *t, sp_arena *a, const char *plan, const char *area, sp_date as_of);

#endif
