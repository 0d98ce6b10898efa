/*
 * html.c - the pack as one self-contained, accessible HTML5 page (inline CSS, inline SVG, no
 * script, nothing fetched from anywhere), or as a fragment for a Local Offer site's CMS: the
 * same content without html/head/body, headings from h2 (or --html-heading-level). Lays out
 * the template's sections in its order; judges nothing.
 */
#include <stdio.h>
#include <string.h>

#include "render/html/html_sections.h"

/* A fragment goes without the stylesheet, into a CMS page whose CSS is unknown: the contents
 * links keep a 24 px target (WCAG 2.2 target size) by themselves. */
#define FRAGMENT_ITEM " style=\"margin-bottom:10px\""

typedef void (*section_fn)(hd_doc *, const sp_report *);

static void at_the_top(hd_doc *d, const sp_report *r)
{
    (void)d, (void)r; /* the DfE and NHS England header opens the page, under its title (body below) */
}

static const section_fn SECTIONS[SP_N_SECTIONS] = {
    [SP_SEC_GLANCE] = html_glance,       [SP_SEC_CHANGES] = html_changes, [SP_SEC_EXCEPTIONS] = html_exceptions,
    [SP_SEC_SCORECARD] = html_scorecard, [SP_SEC_AREAS] = html_areas,     [SP_SEC_ACTIONS] = html_actions,
    [SP_SEC_KPIS] = html_kpis,           [SP_SEC_SPC] = html_spc,         [SP_SEC_COHORT] = html_cohort,
    [SP_SEC_PLAIN] = html_plain,         [SP_SEC_RISKS] = html_risks,     [SP_SEC_KEY] = html_key,
    [SP_SEC_ANNEX_A] = at_the_top,
};

static void contents(hd_doc *d, const sp_report *r)
{
    size_t n = 0;
    for (int i = 0; i < r->tmpl->n_sections; i++)
        n += html_section_title(d, r, r->tmpl->sections[i]) != NULL;
    if (n < 2 && !r->tmpl->plain_english)
        return;
    hd_raw(d, "<nav class=\"sp-contents\" aria-labelledby=\"" HD_ID_PREFIX "contents\">\n");
    hd_heading(d, 1, "contents", "Contents");
    hd_raw(d, "<ol>\n");
    for (int i = 0; i < r->tmpl->n_sections; i++) {
        sp_section s = r->tmpl->sections[i];
        const char *title = html_section_title(d, r, s);
        if (!title)
            continue;
        if (s == SP_SEC_PLAIN && r->tmpl->plain_english) {
            html_plain_contents(d, r); /* the families' page lists its own parts */
            continue;
        }
        hd_rawf(d, "<li%s><a href=\"#" HD_ID_PREFIX "%s\">", d->top > 1 ? FRAGMENT_ITEM : "", html_section_id(s));
        hd_text(d, title);
        hd_raw(d, "</a></li>\n");
    }
    hd_raw(d, "</ol>\n</nav>\n");
    d->last_level = d->top; /* the sections' headings follow the title's level, not the contents' */
}

static void body(hd_doc *d, const sp_report *r, const char *title)
{
    hd_heading(d, 0, NULL, title);
    if (!r->tmpl->plain_english) {
        if (r->tmpl->audience[0])
            hd_para(d, "sp-lead", r->tmpl->audience);
        const sp_plan *p = r->plan;
        const char *meta = sp_arena_printf(&d->arena, "%s · %s · highlight report at %s · plan start %s%s%s",
                                           sp_plan_kind_name(p->info.kind), p->info.area,
                                           html_date(d, r->assessment->as_of), html_date(d, p->info.start),
                                           r->assessment->rules.cohort ? " · cohort " : "",
                                           r->assessment->rules.cohort ? r->assessment->rules.cohort : "");
        hd_para(d, "sp-secondary", meta);
    }
    if (r->section[SP_SEC_ANNEX_A])
        html_annex_a(d, r);
    contents(d, r);
    for (int i = 0; i < r->tmpl->n_sections; i++)
        if (r->section[r->tmpl->sections[i]]) /* the view leaves out what has nothing to show */
            SECTIONS[r->tmpl->sections[i]](d, r);
}

static bool render(const sp_report *r, const char *path, bool fragment, char *err, size_t errlen)
{
    hd_doc doc, *d = &doc;
    if (!hd_open(d, fragment ? (r->html_heading_level ? r->html_heading_level : 2) : 1, path, err, errlen)) {
        hd_free(d);
        return false;
    }
    const sp_plan *p = r->plan;
    const sp_families *f = r->tmpl->plain_english ? html_families(d, r) : NULL;
    const char *title = f ? f->title
                          : sp_template_title(r->tmpl, &d->arena, p->info.title, p->info.area, r->assessment->as_of);
    if (fragment) {
        hd_raw(d, "<div class=\"sp-pack\" lang=\"en-GB\">\n");
        body(d, r, title);
        hd_raw(d, "</div>\n");
    } else {
        hd_raw(d, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        hd_text(d, title);
        hd_text(d, sp_arena_printf(&d->arena, " – %s", html_date(d, r->assessment->as_of)));
        hd_raw(d, "</title>\n<meta name=\"generator\" content=\"sendpack " SENDPACK_VERSION "\">\n<style>\n");
        hd_raw(d, HD_CSS);
        hd_raw(d, "</style>\n</head>\n<body>\n<a class=\"sp-skip\" href=\"#" HD_ID_PREFIX "main\">Skip to main content</a>\n"
                  "<header class=\"sp-header\"><p>");
        /* the Local Offer page names its publishers under the title, where abbreviations are written out */
        hd_text(d, f ? sp_arena_printf(&d->arena, "%s Local Offer", p->info.area[0] ? p->info.area : "SEND")
                     : p->info.organisations[0] ? p->info.organisations : p->info.area);
        hd_raw(d, "</p></header>\n<div class=\"sp-page\">\n<main id=\"" HD_ID_PREFIX "main\">\n");
        body(d, r, title);
        hd_raw(d, "</main>\n<footer class=\"sp-footer\"><p>");
        if (f)
            hd_text(d, sp_arena_printf(&d->arena, "This page shows how things stood on %s.",
                                       html_date(d, r->assessment->as_of)));
        else
            hd_text(d, sp_arena_printf(&d->arena, "%s. Report date %s. Made by sendpack from the plan's own records.",
                                       p->info.title, html_date(d, r->assessment->as_of)));
        hd_raw(d, "</p></footer>\n</div>\n</body>\n</html>\n");
    }
    bool ok = hd_save(d, path, err, errlen);
    hd_free(d);
    return ok;
}

bool sp_render_html(const sp_report *r, const char *path, char *err, size_t errlen)
{
    return render(r, path, false, err, errlen);
}

bool sp_render_html_fragment(const sp_report *r, const char *path, char *err, size_t errlen)
{
    return render(r, path, true, err, errlen);
}
