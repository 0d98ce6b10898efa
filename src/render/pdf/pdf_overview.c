/* pdf_overview.c - the first pages and the last: at a glance, since the last report, exceptions, risks, key. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "view/key.h"
#include "render/pdf/pdf_burnup.h"
#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_sections.h"
#include "render/style.h"
#include "util/format.h"

/* The DfE and NHS England header (Annex A), as their table lays it out: a label and its value a row. */
static void annex_a_table(pd_doc *d, const sp_report *r)
{
    pd_space(d, 6);
    pd_heading(d, r->annex_a_heading, 1, NULL);
    static const char *const headers[] = {"Annex A", "As the plan records it"};
    static const float widths[] = {0.3f, 0.7f};
    pd_table t = {2, headers, widths, SMALL + 0.5f, false, true}; /* each row named by its first cell */
    pd_table_begin(d, &t);
    for (int i = 0; i < SP_VIEW_ANNEX_ROWS; i++) {
        const sp_view_annex_row *row = &r->annex_a[i];
        pd_cell cells[2] = {{row->label, 0, true}, {row->text, 0, false}};
        pd_table_row(d, &t, cells);
    }
    pd_table_end(d);
}

/* Whether the glance opens the pack (the first section the template lists, the header apart). */
static bool glance_opens(const sp_report *r)
{
    for (int i = 0; i < r->tmpl->n_sections; i++)
        if (r->tmpl->sections[i] != SP_SEC_ANNEX_A)
            return r->tmpl->sections[i] == SP_SEC_GLANCE;
    return false;
}

/* The pack's title, who it is for and the plan's facts; under them, where the template shows
 * it and this block opens the pack, the DfE and NHS England header. */
static void title_block(pd_doc *d, const sp_report *r, bool opens)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    char date[20], start[20];
    sp_date_long(a->as_of, date);
    sp_date_long(p->info.start, start);
    pd_heading(d, sp_template_title(r->tmpl, &d->arena, p->info.title, p->info.area, a->as_of), 0, NULL);
    if (r->tmpl->audience[0])
        pd_paragraph(d, r->tmpl->audience, d->bold, BODY, 0);
    pd_paragraph(d,
                 sp_arena_printf(&d->arena, "%s · %s · highlight report at %s · plan start %s%s%s",
                                 sp_plan_kind_name(p->info.kind), p->info.area, date, start,
                                 a->rules.cohort ? " · cohort " : "", a->rules.cohort ? a->rules.cohort : ""),
                 d->regular, BODY, 0);
    if (opens && r->section[SP_SEC_ANNEX_A])
        annex_a_table(d, r);
}

void pdf_annex_a(pd_doc *d, const sp_report *r)
{
    if (glance_opens(r))
        return; /* under the title on the glance's first page */
    pd_new_page(d);
    title_block(d, r, true);
}

void pdf_glance(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    pd_new_page(d);
    title_block(d, r, glance_opens(r));
    pd_space(d, 6);
    if (p->values_illustrative) {
        const char **lines;
        size_t n = pd_wrap(d, d->bold, BODY * d->scale, SP_NOTE_ILLUSTRATIVE, PD_BODY_W - 16, &lines);
        float h = (float)n * BODY * d->scale * 1.3f + 10;
        pd_ensure(d, h + 4);
        pd_fill_rect(d, PD_MARGIN_X, d->y - h, PD_BODY_W, h, SP_TINT_AMBER);
        pd_space(d, 5);
        pd_paragraph(d, SP_NOTE_ILLUSTRATIVE, d->bold, BODY, 8);
        pd_space(d, 9);
    }
    pd_paragraph(d, a->overall, d->bold, BODY + 1, 0);
    pdf_forecast_sentence(d, r);
    pd_space(d, 8);

    HPDF_Outline areas = pd_heading(d, "Areas at a glance", 1, NULL);
    (void)areas;
    for (size_t j = 0; j < r->areas.n; j++) {
        size_t i = r->areas.at[j];
        const sp_area_result *ar = &a->areas[i];
        pd_ensure(d, AREA_GLANCE_H * d->scale);
        pd_paragraph(d, sp_arena_printf(&d->arena, "Area %zu: %s", i + 1, p->areas.items[i].name), d->bold, BODY, 0);
        pd_space(d, 3);
        float size = BODY * d->scale;
        d->y -= size;
        pd_block_begin(d, PD_BLOCK_PARAGRAPH, NULL);
        float tw = pd_status_tag(d, PD_MARGIN_X, d->y, sp_assessment_tint(ar->assessment),
                                 ASSESSMENT(ar->assessment), size);
        pd_block_end(d);
        pd_decoration_begin(d); /* the counts the next paragraph gives in words */
        pd_status_bar(d, PD_MARGIN_X + tw + 8, d->y + size, 200, size * 1.35f, &ar->counts);
        pd_decoration_end(d);
        d->y -= size * 0.6f;
        pd_paragraph(d, pdf_counts_words(d, &ar->counts), d->regular, SMALL, 0);
        pd_paragraph(d, ar->reason, d->regular, BODY, 0);
        if (!r->section[SP_SEC_AREAS]) /* else under the area's own heading */
            pdf_area_forecast(d, r, i);
        pd_space(d, 6);
    }

    pd_heading(d, "KPIs and challenges", 1, NULL);
    const sp_counts *k = &a->kpi_counts;
    const struct {
        sp_status s;
        size_t n;
    } tags[] = {{SP_BLUE, k->blue}, {SP_GREEN, k->green}, {SP_AMBER, k->amber}, {SP_RED, k->red}, {SP_GREY, k->grey}};
    float size = BODY * d->scale;
    pd_ensure(d, size * 2);
    d->y -= size;
    float x = PD_MARGIN_X;
    pd_block_begin(d, PD_BLOCK_PARAGRAPH, NULL);
    for (int i = 0; i < 5; i++) {
        char word[32];
        snprintf(word, sizeof word, "%s %zu", LABEL(tags[i].s), tags[i].n);
        x += pd_status_tag(d, x, d->y, tags[i].s, word, size) + 6;
    }
    pd_block_end(d);
    d->y -= size * 0.8f;
    pd_paragraph(d, r->glance_kpis, d->regular, SMALL, 0);
    pd_space(d, 4);
    if (r->glance_missing)
        pd_paragraph(d, r->glance_missing, d->regular, BODY, 0);
    pd_paragraph(d, r->glance_challenges, d->regular, BODY, 0);
    pd_paragraph(d, r->glance_on_time, d->regular, BODY, 0);
    pdf_progress_glance(d, r);
}

void pdf_changes(pd_doc *d, const sp_report *r)
{
    const sp_changes *ch = r->changes;
    if (!ch)
        return; /* only with --previous */
    char when[20];
    sp_date_long(ch->previous_as_of, when);
    pd_space(d, 8);
    pd_ensure(d, 140);
    pd_heading(d, sp_arena_printf(&d->arena, "Since the last report (%s)", when), 1, NULL);
    const char *summary = "";
    for (int k = 0; k < SP_N_CHANGE_KINDS; k++)
        if (ch->counts[k])
            summary = sp_arena_printf(&d->arena, "%s%s%s: %zu", summary, summary[0] ? "; " : "",
                                      sp_change_word((sp_change_kind)k), ch->counts[k]);
    pd_paragraph(d, ch->n ? sp_arena_printf(&d->arena, "%s.", summary) : "Nothing changed since the last report.",
                 d->regular, BODY, 0);
    if (!ch->n)
        return;
    pd_space(d, 4);
    static const char *const headers[] = {"Change", "What", "Before → now", "Detail"};
    static const float widths[] = {0.15f, 0.35f, 0.17f, 0.33f};
    pd_table t = {4, headers, widths, SMALL, false, false};
    pd_table_begin(d, &t);
    for (size_t i = 0; i < ch->n; i++) {
        const sp_change *c = &ch->items[i];
        pd_cell cells[4] = {
            {sp_change_word(c->kind), 0, true},
            {c->ref[0] ? sp_arena_printf(&d->arena, "%s %s", c->ref, c->what) : c->what, 0, false},
            {c->from[0] || c->to[0] ? sp_arena_printf(&d->arena, "%s → %s", c->from[0] ? c->from : "–",
                                                      c->to[0] ? c->to : "–")
                                    : "",
             0, false},
            {c->sentence, 0, false},
        };
        pd_table_row(d, &t, cells);
    }
}

/* One exception told in full: what and where it stands, then why, the officer's stance and
 * the latest progress narrative (its first ~300 characters; the workbook has it whole). */
static bool has_column(const sp_report *r, sp_pdf_exception_column col)
{
    for (int i = 0; i < r->tmpl->n_pdf_exception_columns; i++)
        if (r->tmpl->pdf_exception_columns[i] == (int)col)
            return true;
    return false;
}

static void exception_story(pd_doc *d, const sp_report *r, const sp_view_exception *x)
{
    float size = BODY * d->scale;
    pd_ensure(d, (x->excerpt[0] ? 120.0f : 70.0f) * d->scale);
    pd_space(d, 3);
    pd_paragraph(d, sp_arena_printf(&d->arena, "%s %s", x->ref, x->title), d->bold, BODY, 0);
    pd_ensure(d, size * 2);
    d->y -= size * 1.1f;
    pd_block_begin(d, PD_BLOCK_PARAGRAPH, NULL);
    float w = pd_status_tag(d, PD_MARGIN_X, d->y, x->status, LABEL(x->status), size * 0.9f);
    const char *facts = x->kind_word;
    if (x->deadline[0])
        facts = sp_arena_printf(&d->arena, "%s · %s", facts, x->deadline);
    if (has_column(r, SP_PE_OWNER))
        facts = sp_arena_printf(&d->arena, "%s · %s", facts, x->who);
    const char **lines;
    size_t n = pd_wrap(d, d->regular, SMALL * d->scale, facts, PD_BODY_W - w - 8, &lines);
    for (size_t k = 0; k < n; k++) {
        pd_text_at(d, d->regular, SMALL * d->scale, PD_MARGIN_X + w + 8, d->y, pd_line(d, lines, n, k), SP_TEXT_DARK);
        if (k + 1 < n)
            d->y -= SMALL * d->scale * 1.3f;
    }
    pd_block_end(d);
    d->y -= size * 0.5f;
    if (has_column(r, SP_PE_WHY))
        pd_paragraph(d, x->account, d->regular, SMALL + 0.5f, 12);
    if (x->excerpt[0])
        pd_paragraph(d, sp_arena_printf(&d->arena, "%s%s", x->narrative_label, x->excerpt), d->regular,
                     SMALL + 0.5f, 12);
    else if (!x->is_kpi)
        pd_paragraph(d, "Progress: no update recorded.", d->regular, SMALL + 0.5f, 12);
}

void pdf_exceptions(pd_doc *d, const sp_report *r)
{
    pd_space(d, 8);
    pd_ensure(d, 160); /* the heading, its note and the first rows together */
    HPDF_Outline top = pd_heading(d, "Exceptions: what needs attention", 1, NULL);
    if (!r->n_exceptions) {
        pd_paragraph(d, "Nothing is overdue, slipped, challenged, Red or Amber at this report date.", d->regular, BODY, 0);
        return;
    }
    pd_paragraph(d,
                 r->grouped ? sp_arena_printf(&d->arena,
                                              "%zu exceptions, by area. In each area worst first (Red before Amber, "
                                              "challenged before unchallenged, the longest overdue first); the first %d "
                                              "with their story, the rest in a line each. The workbook's Exceptions "
                                              "sheet has every story in full.",
                                              r->n_exceptions, SP_VIEW_STORIES_PER_GROUP)
                            : "Worst first: Red; then KPIs with no value reported and missing updates; then Amber. "
                              "Challenged before unchallenged, the longest overdue first.",
                 d->regular, SMALL, 0);
    const int *keep = r->tmpl->pdf_exception_columns;
    int n_keep = r->tmpl->n_pdf_exception_columns;
    for (size_t g = 0; g < r->n_groups; g++) {
        const sp_view_group *grp = &r->groups[g];
        if (r->grouped) {
            pd_space(d, 6);
            pd_ensure(d, 150 * d->scale);
            pd_heading(d, grp->heading, 2, top);
            if (grp->area != SIZE_MAX) {
                const sp_view_area *av = &r->area_views[grp->area];
                pdf_area_opening(d, av);
                pd_paragraph(d, av->counts, d->regular, SMALL + 0.5f, 0);
            }
        }
        for (size_t k = 0; k < grp->n_stories; k++)
            exception_story(d, r, &r->exceptions[grp->items.at[k]]);
        if (grp->n_stories == grp->items.n)
            continue;
        pd_space(d, 4);
        pd_paragraph(d, sp_arena_printf(&d->arena, "Also in this area (%zu):", grp->items.n - grp->n_stories), d->bold,
                     SMALL + 0.5f, 0);
        static const char *const compact[SP_N_PDF_EXCEPTION_COLUMNS] = {"What", "Status", "Owner", "Deadline"};
        static const float compact_widths[SP_N_PDF_EXCEPTION_COLUMNS] = {0.56f, 0.09f, 0.16f, 0.19f};
        pd_table t = pdf_pick_columns(d, compact, compact_widths, keep, n_keep, SMALL);
        t.row_names = keep[0] == SP_PE_WHAT;
        for (size_t k = grp->n_stories; k < grp->items.n; k++) {
            const sp_view_exception *x = &r->exceptions[grp->items.at[k]];
            pd_cell cells[SP_N_PDF_EXCEPTION_COLUMNS] = {{0}};
            cells[SP_PE_WHAT].text = sp_arena_printf(&d->arena, "%s: %s %s", x->kind_word, x->ref, x->title);
            cells[SP_PE_STATUS] = (pd_cell){LABEL(x->status), x->status, true};
            cells[SP_PE_OWNER].text = x->responsible;
            cells[SP_PE_WHY].text = x->brief;
            pd_table_row(d, &t, pdf_pick_cells(d, cells, keep, n_keep));
        }
    }
}

static void pdf_risks(pd_doc *d, const sp_report *r)
{
    const sp_plan *p = r->plan;
    pd_space(d, 8);
    pd_heading(d, "Risk register", 1, NULL);
    if (r->risks_none) {
        pd_paragraph(d, r->risks_none, d->regular, BODY, 0);
        return;
    }
    static const char *const headers[] = {"Risk", "Severity", "Mitigation", "After mitigation", "Progress"};
    static const float widths[] = {0.27f, 0.09f, 0.28f, 0.1f, 0.26f};
    pd_table t = {5, headers, widths, SMALL, false, true};
    pd_table_begin(d, &t);
    for (size_t i = 0; i < p->risks.n; i++) {
        const sp_risk *k = &p->risks.items[i];
        pd_cell cells[5] = {{k->text, 0, false},
                            {sp_severity_word(k->severity), 0, true},
                            {k->mitigation, 0, false},
                            {sp_severity_word(k->residual), 0, false},
                            {k->progress, 0, false}};
        pd_table_row(d, &t, cells);
    }
}

static void pdf_key(pd_doc *d, const sp_report *r)
{
    pd_space(d, 8);
    pd_heading(d, "Key: what the colours and figures mean", 1, NULL);
    static const char *const headers[] = {"Term", "Meaning"};
    static const float widths[] = {0.22f, 0.78f};
    pd_table t = {2, headers, widths, SMALL, false, true};
    pd_table_begin(d, &t);
    for (size_t j = 0; j < r->key_rows.n; j++) {
        size_t i = r->key_rows.at[j];
        const char *term = SP_KEY_ROWS[i].status ? LABEL(SP_KEY_ROWS[i].status) : SP_KEY_ROWS[i].term;
        pd_cell cells[2] = {{term, SP_KEY_ROWS[i].status, true}, {sp_key_meaning(&SP_KEY_ROWS[i], &r->assessment->rules, &d->arena), 0, false}};
        pd_table_row(d, &t, cells);
    }
}

static void pdf_plain_key(pd_doc *d, const sp_report *r)
{
    pd_space(d, 10);
    pd_heading(d, "What the words mean", 1, NULL);
    float size = BODY * d->scale, whole = 0;
    const char ***lines = sp_arena_alloc(&d->arena, (r->n_plain_key + 1) * sizeof *lines);
    size_t *n_lines = sp_arena_alloc(&d->arena, (r->n_plain_key + 1) * sizeof *n_lines);
    float *tag_w = sp_arena_alloc(&d->arena, (r->n_plain_key + 1) * sizeof *tag_w);
    for (size_t k = 0; k < r->n_plain_key; k++) {
        const sp_view_key_row *row = &r->plain_key[k];
        tag_w[k] = pd_text_width(d, d->bold, size, row->word) + 8; /* as pd_status_tag draws it */
        n_lines[k] = pd_wrap(d, d->regular, size, row->meaning, PD_BODY_W - tag_w[k] - 8, &lines[k]);
        whole += size + (float)(n_lines[k] - (n_lines[k] > 0)) * size * 1.3f + size * 0.9f;
    }
    if (whole < (PD_TOP - PD_BOTTOM) / 2)
        pd_ensure(d, whole); /* a short key is kept whole, never a stray row on a page of its own */
    for (size_t k = 0; k < r->n_plain_key; k++) {
        const sp_view_key_row *row = &r->plain_key[k];
        pd_ensure(d, size * 2);
        d->y -= size;
        pd_block_begin(d, PD_BLOCK_PARAGRAPH, NULL);
        float w = pd_status_tag(d, PD_MARGIN_X, d->y, row->status, row->word, size);
        size_t n = n_lines[k];
        for (size_t l = 0; l < n; l++) {
            pd_text_at(d, d->regular, size, PD_MARGIN_X + w + 8, d->y, pd_line(d, lines[k], n, l), SP_TEXT_DARK);
            if (l + 1 < n)
                d->y -= size * 1.3f;
        }
        pd_block_end(d);
        d->y -= size * 0.9f;
    }
}

void pdf_key_section(pd_doc *d, const sp_report *r)
{
    if (r->tmpl->plain_english)
        pdf_plain_key(d, r);
    else
        pdf_key(d, r);
}

void pdf_risks_section(pd_doc *d, const sp_report *r)
{
    if (r->section[SP_SEC_RISKS])
        pdf_risks(d, r);
}
