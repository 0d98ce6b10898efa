/*
 * people.c - who answers for the plan's work, in the words every output shows: an action's
 * owners (one or more: trackers write "Head of SEND; Designated Clinical Officer (NHS)", or one
 * a line in a cell) beside its accountable senior officer, and the DfE and NHS England header
 * (Annex A) with the plan's accountable officers and advisers. Owners are people and roles:
 * names and job titles are shown in every pack; contact details in them are redacted for
 * public packs at the view's boundary, like every other text.
 */
#include <string.h>

#include "util/text.h"
#include "view/redact.h"
#include "view/view_internal.h"

sp_view_list sp_view_split(sp_arena *a, const char *text)
{
    sp_view_list l = {0};
    size_t cap = 1;
    for (const char *p = text ? text : ""; *p; p++)
        cap += *p == ';' || *p == '\n';
    l.items = sp_arena_alloc(a, (cap + 1) * sizeof *l.items);
    for (const char *p = text ? text : ""; *p;) {
        size_t len = strcspn(p, ";\n");
        const char *part = p;
        while (len && (*part == ' ' || *part == '\t' || *part == '\r'))
            part++, len--;
        while (len && (part[len - 1] == ' ' || part[len - 1] == '\t' || part[len - 1] == '\r'))
            len--;
        if (len) /* the text itself when it is one owner as it stands: most cells, no copy */
            l.items[l.n++] = part == text && !part[len] ? text : sp_arena_strndup(a, part, len);
        p += strcspn(p, ";\n");
        if (*p)
            p++;
    }
    return l;
}

const char *sp_view_join(sp_arena *a, sp_view_list l, const char *separator)
{
    if (l.n == 1)
        return l.items[0];
    const char *s = "";
    for (size_t i = 0; i < l.n; i++)
        s = sp_arena_printf(a, "%s%s%s", s, i ? separator : "", l.items[i]);
    return s;
}

/* "Head of SEND; Designated Clinical Officer (NHS) — accountable: Director of Children's Services":
 * owners, else `none`, with the accountable officer beside them when there is one. */
static const char *responsible(sp_arena *a, const char *owners, const char *accountable, const char *none)
{
    if (!accountable[0])
        return owners[0] ? owners : none;
    return sp_arena_printf(a, "%s — accountable: %s", owners[0] ? owners : none, accountable);
}

/* "Owners: A; B · Accountable: C", "Owner: A", "Accountable: C"; `none` for the owners when they
 * must be said and there are none ("" leaves them out). */
static const char *who(sp_arena *a, sp_view_list owners, const char *accountable, const char *none)
{
    const char *s = owners.n   ? sp_arena_printf(a, "%s: %s", owners.n > 1 ? "Owners" : "Owner", sp_view_join(a, owners, "; "))
                    : none[0] ? sp_arena_printf(a, "Owner: %s", none)
                              : "";
    if (accountable[0])
        s = sp_arena_printf(a, "%s%sAccountable: %s", s, s[0] ? " · " : "", accountable);
    return s;
}

void sp_view_build_people(sp_view *v)
{
    sp_arena *a = &v->arena;
    const sp_plan *p = v->plan;
    size_t n = p->milestones.n, na = p->actions.n;
    v->ms_owner = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_owner);
    v->ms_owners = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_owners);
    v->ms_accountable = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_accountable);
    v->ms_responsible = sp_arena_alloc(a, (n + 1) * sizeof *v->ms_responsible);
    v->ac_owners = sp_arena_alloc(a, (na + 1) * sizeof *v->ac_owners);
    v->ac_owner = sp_arena_alloc(a, (na + 1) * sizeof *v->ac_owner);
    v->ac_accountable = sp_arena_alloc(a, (na + 1) * sizeof *v->ac_accountable);
    v->ac_who = sp_arena_alloc(a, (na + 1) * sizeof *v->ac_who);
    for (size_t i = 0; i < na; i++) {
        const sp_action *ac = &p->actions.items[i];
        v->ac_owners[i] = sp_view_split(a, ac->owner);
        v->ac_owner[i] = sp_view_join(a, v->ac_owners[i], "; ");
        v->ac_accountable[i] = sp_view_join(a, sp_view_split(a, ac->accountable), "; ");
        v->ac_who[i] = who(a, v->ac_owners[i], v->ac_accountable[i], "");
    }
    for (size_t i = 0; i < n; i++) {
        const sp_milestone *m = &p->milestones.items[i];
        size_t ai = m->action_index;
        /* its own, else its action's */
        v->ms_owners[i] = m->owner && m->owner[0] ? sp_view_split(a, m->owner) : v->ac_owners[ai];
        v->ms_owner[i] = sp_view_join(a, v->ms_owners[i], "; ");
        v->ms_accountable[i] = m->accountable && m->accountable[0]
                                   ? sp_view_join(a, sp_view_split(a, m->accountable), "; ")
                                   : v->ac_accountable[ai];
        v->ms_responsible[i] = responsible(a, v->ms_owner[i], v->ms_accountable[i], "");
    }
}

void sp_view_exception_people(sp_view *v, sp_view_exception *x, const char *owners, const char *accountable)
{
    sp_arena *a = &v->arena;
    sp_view_list list = sp_view_split(a, owners);
    x->owner = list.n ? sp_view_join(a, list, "; ") : "not recorded";
    x->accountable = accountable ? accountable : "";
    x->responsible = responsible(a, list.n ? x->owner : "", x->accountable, "not recorded");
    x->who = who(a, list, x->accountable, "not recorded");
}

/* ---- the DfE and NHS England header (Annex A) ------------------------------------------------ */

void sp_view_build_annex_a(sp_view *v)
{
    sp_arena *a = &v->arena;
    const sp_plan_info *info = &v->plan->info;
    /* their table's rows, in its order (seed 000), each from its plan.ini key: dates and people
     * one a line (at ';' or a continuation line), governance as prose (its semicolons are words) */
    enum { LINES, PEOPLE, PROSE };
    const struct {
        const char *key, *label, *text;
        int kind;
    } rows[SP_VIEW_ANNEX_ROWS] = {
        {"area", "Name of the local area", info->area, LINES},
        {"inspection", "Date of inspection", info->inspection, LINES},
        {"revisit_report", "Date the revisit report was published", info->revisit_report, LINES},
        {"accountable_officers", "Accountable officers (LA and health)", info->accountable_officers, PEOPLE},
        {"advisers", "DfE and NHS England advisers", info->advisers, PEOPLE},
        {"governance", "Governance and accountability", info->governance, PROSE},
    };
    const char *missing = "";
    for (int i = 0; i < SP_VIEW_ANNEX_ROWS; i++) {
        sp_view_annex_row *row = &v->annex_a[i];
        row->key = rows[i].key;
        row->label = rows[i].label;
        row->list = rows[i].kind == PEOPLE;
        if (rows[i].kind == PROSE) {
            const char *t = rows[i].text ? rows[i].text : "";
            size_t len = strlen(t);
            t = sp_trim(t, &len);
            row->lines = len ? (sp_view_list){sp_arena_alloc(a, 2 * sizeof(char *)), 1} : (sp_view_list){0};
            if (len)
                row->lines.items[0] = sp_arena_strndup(a, t, len);
        } else {
            row->lines = sp_view_split(a, rows[i].text);
        }
        row->recorded = row->lines.n > 0;
        row->text = row->recorded ? sp_view_join(a, row->lines, "\n") : "not recorded";
        if (!row->recorded)
            missing = sp_arena_printf(a, "%s%s%s", missing, missing[0] ? ", " : "", row->key);
    }
    v->annex_a_missing = missing[0] ? missing : NULL;
    v->annex_a_heading = "Local area, inspection and governance (Annex A)";
}

/* The texts this file adds to the plan, redacted in the view's copy as sp_redact_plan_copy
 * redacts the rest (the copy's rows are already the view's own). */
void sp_view_redact_people(sp_plan *copy, sp_arena *a)
{
    for (size_t i = 0; i < copy->milestones.n; i++)
        copy->milestones.items[i].accountable = sp_redact_contacts_text(a, copy->milestones.items[i].accountable);
    for (size_t i = 0; i < copy->actions.n; i++)
        copy->actions.items[i].accountable = sp_redact_contacts_text(a, copy->actions.items[i].accountable);
    sp_plan_info *info = &copy->info;
    info->inspection = sp_redact_contacts_text(a, info->inspection);
    info->revisit_report = sp_redact_contacts_text(a, info->revisit_report);
    info->accountable_officers = sp_redact_contacts_text(a, info->accountable_officers);
    info->advisers = sp_redact_contacts_text(a, info->advisers);
    info->governance = sp_redact_contacts_text(a, info->governance);
}
