/* html_families.c - the Local Offer page: the families' text of view/families.c laid out. */
#include <string.h>

#include "render/html/html_sections.h"

const sp_families *html_families(hd_doc *d, const sp_report *r)
{
    (void)d;
    return r->families;
}

/* The parts of the page, for the contents list and the headings' ids. */
enum { P_SHORT, P_CHANGES, P_DOING, P_OUTCOMES, P_CONTACT, P_WORDS, P_N };
static const char *const PART_ID[P_N] = {"in-short", "changes", "plain", "outcomes", "contact", "glossary"};

static const char *part_title(const sp_families *f, int part)
{
    switch (part) {
    case P_SHORT: return "In short";
    case P_CHANGES: return f->has_changes ? "What has changed since last time" : NULL;
    case P_DOING: return "What we are doing";
    case P_OUTCOMES: return f->n_outcomes ? "How we will know it is working" : NULL;
    case P_CONTACT: return "Ask a question or tell us what you think";
    default: return f->n_glossary ? "Words we use" : NULL;
    }
}

void html_plain_contents(hd_doc *d, const sp_report *r)
{
    const sp_families *f = html_families(d, r);
    for (int i = 0; i < P_N; i++) {
        const char *t = part_title(f, i);
        if (!t)
            continue;
        hd_rawf(d, "<li%s><a href=\"#" HD_ID_PREFIX "%s\">", d->top > 1 ? " style=\"margin-bottom:10px\"" : "", PART_ID[i]);
        hd_text(d, t);
        hd_raw(d, "</a></li>\n");
    }
}

static void promise(hd_doc *d, const sp_family_promise *p)
{
    hd_raw(d, "<div class=\"sp-promise\">\n<p>");
    hd_tag(d, p->status, p->status_word);
    hd_raw(d, "</p>\n<dl class=\"sp-said\">\n<dt>What we said we would do</dt><dd>");
    hd_text(d, p->said);
    hd_raw(d, "</dd>\n<dt>What we have done</dt><dd>");
    hd_text(d, p->done);
    hd_raw(d, "</dd>\n<dt>What happens next</dt><dd>");
    hd_text(d, p->next);
    hd_raw(d, "</dd>\n</dl>\n</div>\n");
}

static void contact(hd_doc *d, const sp_families *f)
{
    hd_para(d, NULL, f->contact_text);
    if (!f->contact[0])
        return;
    hd_raw(d, "<p class=\"sp-lead\">");
    if (f->contact_is_web || f->contact_is_email) {
        hd_raw(d, "<a href=\"");
        if (f->contact_is_email)
            hd_raw(d, "mailto:");
        hd_text(d, f->contact);
        hd_raw(d, "\">");
        hd_text(d, f->contact);
        hd_raw(d, "</a>");
    } else {
        hd_text(d, f->contact);
    }
    hd_raw(d, "</p>\n");
}

void html_plain(hd_doc *d, const sp_report *r)
{
    const sp_families *f = html_families(d, r);
    if (f->publisher)
        hd_para(d, "sp-secondary", f->publisher);
    hd_para(d, "sp-lead", f->intro);
    if (f->notice)
        hd_para(d, "sp-notice", f->notice);
    hd_heading(d, 1, PART_ID[P_SHORT], part_title(f, P_SHORT));
    hd_para(d, NULL, f->position);
    if (f->has_changes) {
        hd_heading(d, 1, PART_ID[P_CHANGES], part_title(f, P_CHANGES));
        hd_raw(d, "<ul>\n");
        for (size_t i = 0; i < f->n_changes; i++) {
            hd_raw(d, "<li>");
            hd_text(d, f->changes[i]);
            hd_raw(d, "</li>\n");
        }
        hd_raw(d, "</ul>\n");
    }
    hd_heading(d, 1, PART_ID[P_DOING], part_title(f, P_DOING));
    for (size_t i = 0; i < f->n_parts; i++) {
        const sp_family_part *part = &f->parts[i];
        hd_heading(d, 2, NULL, part->heading);
        hd_tagged(d, "p", part->tint, part->status_word, part->summary);
        for (size_t j = 0; j < part->n_actions; j++) {
            const sp_family_action *a = &part->actions[j];
            if (a->heading)
                hd_heading(d, 3, NULL, a->heading);
            for (size_t k = 0; k < a->n; k++)
                promise(d, &a->promises[k]);
        }
    }
    if (f->n_outcomes) {
        hd_heading(d, 1, PART_ID[P_OUTCOMES], part_title(f, P_OUTCOMES));
        hd_para(d, NULL, f->outcomes_intro);
        hd_raw(d, "<ul>\n");
        for (size_t i = 0; i < f->n_outcomes; i++) {
            const sp_family_outcome *o = &f->outcomes[i];
            hd_raw(d, "<li><strong>");
            hd_text(d, o->name);
            hd_raw(d, "</strong> ");
            hd_tag(d, o->rag, o->word);
            hd_raw(d, "<br>\n");
            hd_text(d, o->sentence);
            hd_raw(d, "</li>\n");
        }
        hd_raw(d, "</ul>\n");
    }
    hd_heading(d, 1, PART_ID[P_CONTACT], part_title(f, P_CONTACT));
    contact(d, f);
    if (f->n_glossary) {
        hd_heading(d, 1, PART_ID[P_WORDS], part_title(f, P_WORDS));
        hd_raw(d, "<dl class=\"sp-summary sp-glossary\">\n");
        for (size_t i = 0; i < f->n_glossary; i++) {
            const sp_gloss_entry *e = f->glossary[i];
            hd_raw(d, "<dt>");
            hd_text(d, e->abbr);
            hd_raw(d, "</dt><dd>");
            /* a capital to start the definition: "Designated Clinical Officer", "Education, health …" */
            char first[2] = {e->expansion[0] >= 'a' && e->expansion[0] <= 'z' ? (char)(e->expansion[0] - 32)
                                                                               : e->expansion[0],
                             '\0'};
            hd_text(d, first);
            hd_text(d, e->expansion + 1);
            hd_raw(d, "</dd>\n");
        }
        hd_raw(d, "</dl>\n");
    }
}
