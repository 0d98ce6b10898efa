/* pdf_families.c - the Local Offer text for families (view/families.c) in the PDF: the same
 * words as the HTML page, laid out for print. */
#include <stdio.h>
#include <string.h>

#include "render/pdf/pdf_sections.h"
#include "view/families.h"

/* The height of paragraphs of body text at an indent, to keep a label with what it labels. */
static float body_height(pd_doc *d, const char *const *texts, size_t n, float indent)
{
    float size = BODY * d->scale, h = 0;
    for (size_t i = 0; i < n; i++) {
        const char **lines;
        h += (float)pd_wrap(d, d->regular, size, texts[i], PD_BODY_W - indent, &lines) * size * 1.3f;
    }
    return h;
}

void pdf_plain(pd_doc *d, const sp_report *r)
{
    const sp_families *f = r->families;
    if (!f)
        return; /* only a plain-English template has the families' text */
    pd_new_page(d);
    pd_heading(d, f->title, 0, NULL);
    if (f->publisher)
        pd_paragraph(d, f->publisher, d->regular, BODY, 0);
    pd_space(d, 4);
    pd_paragraph(d, f->intro, d->regular, BODY, 0);
    if (f->notice) {
        pd_space(d, 4);
        pd_paragraph(d, f->notice, d->bold, BODY, 0);
    }
    pd_space(d, 8);
    pd_heading(d, "In short", 1, NULL);
    pd_paragraph(d, f->position, d->bold, BODY, 0);
    if (f->has_changes) {
        pd_space(d, 8);
        pd_heading(d, "What has changed since last time", 1, NULL);
        for (size_t i = 0; i < f->n_changes; i++)
            pdf_bullet(d, f->changes[i]);
    }
    pd_space(d, 8);
    HPDF_Outline doing = pd_heading(d, "What we are doing", 1, NULL);
    for (size_t i = 0; i < f->n_parts; i++) {
        const sp_family_part *part = &f->parts[i];
        pd_space(d, 8);
        pd_ensure(d, PLAIN_PART_H * d->scale);
        pd_heading(d, part->heading, 2, doing);
        pd_paragraph(d, sp_arena_printf(&d->arena, "%s. %s", part->status_word, part->summary), d->regular, BODY, 0);
        for (size_t j = 0; j < part->n_actions; j++) {
            const sp_family_action *a = &part->actions[j];
            for (size_t k = 0; k < a->n; k++) {
                const sp_family_promise *p = &a->promises[k];
                const char *texts[3] = {sp_arena_printf(&d->arena, "What we said we would do: %s", p->said),
                                        sp_arena_printf(&d->arena, "What we have done: %s", p->done),
                                        sp_arena_printf(&d->arena, "What happens next: %s", p->next)};
                /* a promise stays on one page with its label, and the action's heading with its first */
                float h = body_height(d, texts, 3, 8) + 2 * BODY * d->scale * 1.3f;
                if (k == 0 && a->heading)
                    h += body_height(d, &a->heading, 1, 0) + 4;
                pd_space(d, 4);
                pd_ensure(d, h);
                if (k == 0 && a->heading)
                    pd_minor_heading(d, a->heading, d->bold, BODY, 0);
                pd_paragraph(d, p->status_word, d->bold, BODY, 8);
                for (int t = 0; t < 3; t++)
                    pd_paragraph(d, texts[t], d->regular, BODY, 8);
            }
        }
    }
    if (f->n_outcomes) {
        pd_space(d, 8);
        pd_heading(d, "How we will know it is working", 1, NULL);
        pd_paragraph(d, f->outcomes_intro, d->regular, BODY, 0);
        for (size_t i = 0; i < f->n_outcomes; i++)
            pdf_bullet(d, sp_arena_printf(&d->arena, "%s %s. %s", f->outcomes[i].name, f->outcomes[i].word,
                                          f->outcomes[i].sentence));
    }
    pd_space(d, 8);
    pd_heading(d, "Ask a question or tell us what you think", 1, NULL);
    pd_paragraph(d, f->contact_text, d->regular, BODY, 0);
    if (f->contact[0])
        pd_paragraph(d, f->contact, d->bold, BODY, 0);
    if (f->n_glossary) {
        pd_space(d, 8);
        pd_heading(d, "Words we use", 1, NULL);
        for (size_t i = 0; i < f->n_glossary; i++) {
            const sp_gloss_entry *e = f->glossary[i];
            char first = e->expansion[0] >= 'a' && e->expansion[0] <= 'z' ? (char)(e->expansion[0] - 32) : e->expansion[0];
            pd_paragraph(d, sp_arena_printf(&d->arena, "%s: %c%s", e->abbr, first, e->expansion + 1), d->regular, BODY, 0);
        }
    }
}
