/*
 * html_sections.h - the HTML pack's sections, one function each, in the template's order; the
 * same sections the PDF shows. Each starts with a heading one level below the title, whose id
 * the contents list links to.
 */
#ifndef SP_HTML_SECTIONS_H
#define SP_HTML_SECTIONS_H

#include "render/html/html_chart.h"
#include "render/html/html_doc.h"
#include "render/report.h"
#include "view/families.h"

/* The section's heading text, or NULL when it shows nothing for this pack. */
const char *html_section_title(hd_doc *d, const sp_report *r, sp_section s);

void html_glance(hd_doc *d, const sp_report *r);
void html_progress(hd_doc *d, const sp_report *r); /* the burn-up, after the glance as in the PDF */
void html_changes(hd_doc *d, const sp_report *r);
void html_exceptions(hd_doc *d, const sp_report *r);
void html_scorecard(hd_doc *d, const sp_report *r);
void html_areas(hd_doc *d, const sp_report *r);
void html_actions(hd_doc *d, const sp_report *r);
void html_kpis(hd_doc *d, const sp_report *r);
void html_spc(hd_doc *d, const sp_report *r);
void html_cohort(hd_doc *d, const sp_report *r);
void html_plain(hd_doc *d, const sp_report *r);
void html_risks(hd_doc *d, const sp_report *r);
void html_key(hd_doc *d, const sp_report *r);
/* The DfE and NHS England header (Annex A), at the top of the page under its title. */
void html_annex_a(hd_doc *d, const sp_report *r);

/* Shared helpers. */
void html_section_heading(hd_doc *d, const sp_report *r, sp_section s);
/* The Local Offer text of this pack (built once per document). */
const sp_families *html_families(hd_doc *d, const sp_report *r);
/* The Local Offer page's parts as items of the contents list. */
void html_plain_contents(hd_doc *d, const sp_report *r);
/* How many KPIs get an SPC chart. */
size_t html_spc_count(hd_doc *d, const sp_report *r);
const char *html_ms_title(const sp_report *r, size_t m);
const char *html_ms_owner(const sp_report *r, size_t m);
const char *html_date(hd_doc *d, sp_date date); /* "31 December 2022", "no date" */
const char *html_month(hd_doc *d, sp_date date); /* "Dec 2022" */
const char *html_value(hd_doc *d, const sp_kpi *k, double v);
const char *html_section_id(sp_section s);

#endif
