/*
 * pdf.c - the highlight report: the template's sections in its order (pdf_sections.h), in a
 * document with the plan title and report date on every page. Lays out the assessment;
 * judges nothing.
 */
#include <stdio.h>
#include <string.h>

#include "render/pdf/pdf_sections.h"

typedef void (*section_fn)(pd_doc *, const sp_report *);

static const section_fn SECTIONS[SP_N_SECTIONS] = {
    [SP_SEC_GLANCE] = pdf_glance,       [SP_SEC_CHANGES] = pdf_changes,   [SP_SEC_EXCEPTIONS] = pdf_exceptions,
    [SP_SEC_SCORECARD] = pdf_scorecard, [SP_SEC_AREAS] = pdf_areas,       [SP_SEC_ACTIONS] = pdf_actions,
    [SP_SEC_KPIS] = pdf_kpi_pages,      [SP_SEC_SPC] = pdf_spc_pages,       [SP_SEC_COHORT] = pdf_cohort,
    [SP_SEC_PLAIN] = pdf_plain,         [SP_SEC_RISKS] = pdf_risks_section, [SP_SEC_KEY] = pdf_key_section,
    [SP_SEC_ANNEX_A] = pdf_annex_a,
};

bool sp_render_pdf(const sp_report *r, const char *path, char *err, size_t errlen)
{
    const sp_plan *p = r->plan;
    const sp_assessment *a = r->assessment;
    char date[20];
    sp_date_long(a->as_of, date);
    pd_doc doc, *d = &doc;
    sp_arena names = {0};
    const char *right = sp_arena_printf(&names, "Report date %s", date);
    const char *title = sp_template_title(r->tmpl, &names, p->info.title, p->info.area, a->as_of);
    if (!pd_open(d, title, right, r->tmpl->type_scale)) {
        snprintf(err, errlen, "%s", d->err);
        pd_close(d);
        sp_arena_free(&names);
        return false;
    }
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_TITLE, title);
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_SUBJECT,
                     sp_arena_printf(&names, "Highlight report on the SEND improvement plan at %s", date));
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_AUTHOR, p->info.organisations);
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_CREATOR, "sendpack " SENDPACK_VERSION);
    HPDF_SetInfoAttr(d->pdf, HPDF_INFO_KEYWORDS, "SEND, improvement plan, monitoring, KPI");
    int y, m, day;
    sp_date_ymd(a->as_of, &y, &m, &day);
    HPDF_Date created = {.year = y, .month = m, .day = day, .ind = 'Z'};
    HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, created);
    HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);

    /* the DfE and NHS England header opens the pack wherever the template lists it: under the
     * title on the glance's first page when the glance comes first, else on a page of its own */
    if (r->section[SP_SEC_ANNEX_A])
        pdf_annex_a(d, r);
    for (int i = 0; i < r->tmpl->n_sections; i++)
        if (r->section[r->tmpl->sections[i]] && r->tmpl->sections[i] != SP_SEC_ANNEX_A) /* the view leaves out what has nothing to show */
            SECTIONS[r->tmpl->sections[i]](d, r);

    bool ok = pd_save(d, path);
    if (!ok)
        snprintf(err, errlen, "%s", d->err);
    pd_close(d);
    sp_arena_free(&names);
    return ok;
}
