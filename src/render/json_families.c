/* json_families.c - lays out view/families.c's text as JSON, in its reading order. */
#include "render/json_families.h"

#include "view/families.h"

static void promise(sp_jw *w, const sp_report *r, const sp_family_promise *pr)
{
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "ref", r->plan->milestones.items[pr->milestone].ref);
    sp_jw_kstring(w, "status", sp_status_key(pr->status));
    sp_jw_kstring(w, "status_word", pr->status_word);
    sp_jw_kstring(w, "said", pr->said);
    sp_jw_kstring(w, "done", pr->done);
    sp_jw_kstring(w, "next", pr->next);
    sp_jw_end_object(w);
}

static void part(sp_jw *w, const sp_report *r, const sp_family_part *pt)
{
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "heading", pt->heading);
    sp_jw_kstring(w, "status_word", pt->status_word);
    sp_jw_kstring(w, "summary", pt->summary);
    sp_jw_key(w, "actions");
    sp_jw_begin_array(w);
    for (size_t j = 0; j < pt->n_actions; j++) {
        const sp_family_action *ac = &pt->actions[j];
        sp_jw_begin_object(w);
        if (ac->heading)
            sp_jw_kstring(w, "heading", ac->heading);
        else
            sp_jw_knull(w, "heading");
        sp_jw_key(w, "promises");
        sp_jw_begin_array(w);
        for (size_t k = 0; k < ac->n; k++)
            promise(w, r, &ac->promises[k]);
        sp_jw_end_array(w);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
    sp_jw_end_object(w);
}

static void optional(sp_jw *w, const char *key, const char *text)
{
    if (text)
        sp_jw_kstring(w, key, text);
    else
        sp_jw_knull(w, key);
}

void sp_json_families(sp_jw *w, const sp_report *r)
{
    const sp_families *f = r->families;
    if (!f)
        return;
    sp_jw_key(w, "families");
    sp_jw_begin_object(w);
    sp_jw_kstring(w, "title", f->title);
    optional(w, "publisher", f->publisher);
    sp_jw_kstring(w, "intro", f->intro);
    optional(w, "notice", f->notice);
    sp_jw_kstring(w, "position", f->position);
    sp_jw_key(w, "parts");
    sp_jw_begin_array(w);
    for (size_t i = 0; i < f->n_parts; i++)
        part(w, r, &f->parts[i]);
    sp_jw_end_array(w);
    optional(w, "outcomes_intro", f->outcomes_intro);
    sp_jw_key(w, "outcomes");
    sp_jw_begin_array(w);
    for (size_t i = 0; i < f->n_outcomes; i++) {
        const sp_family_outcome *o = &f->outcomes[i];
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "ref", r->plan->kpis.items[o->kpi].ref);
        sp_jw_kstring(w, "name", o->name);
        sp_jw_kstring(w, "status", sp_status_key(o->rag));
        sp_jw_kstring(w, "word", o->word);
        sp_jw_kstring(w, "sentence", o->sentence);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
    if (f->has_changes) {
        sp_jw_key(w, "changes");
        sp_jw_begin_array(w);
        for (size_t i = 0; i < f->n_changes; i++)
            sp_jw_string(w, f->changes[i]);
        sp_jw_end_array(w);
    }
    optional(w, "contact_text", f->contact_text);
    sp_jw_kstring(w, "contact", f->contact);
    sp_jw_key(w, "glossary");
    sp_jw_begin_array(w);
    for (size_t i = 0; i < f->n_glossary; i++) {
        sp_jw_begin_object(w);
        sp_jw_kstring(w, "abbreviation", f->glossary[i]->abbr);
        sp_jw_kstring(w, "meaning", f->glossary[i]->expansion);
        sp_jw_end_object(w);
    }
    sp_jw_end_array(w);
    sp_jw_kreal(w, "reading_grade", f->readability.grade);
    sp_jw_end_object(w);
}
