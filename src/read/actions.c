/* actions.csv: one row per milestone of an action (input contract, "actions.csv"). */
#include <string.h>

#include "read/columns.h"
#include "read/dates.h"
#include "read/readers.h"
#include "read/values.h"
#include "util/strmap.h"
#include "util/text.h"

enum {
    F_AREA, F_OUTCOME, F_REF, F_ACTION, F_MILESTONE, F_OWNER, F_DUE, F_REVISED, F_COMPLETED,
    F_STATUS, F_RESOURCE, F_KPI, F_COHORT, F_PROGRESS, F_UPDATED, F_ACCOUNTABLE, F_COUNT
};

static const sp_field_def FIELDS[F_COUNT] = {
    [F_AREA] = {"area", true, false, {"Area", "Workstream", "Area of weakness", "Theme", "Priority"}},
    [F_OUTCOME] = {"outcome", false, false,
                   {"Outcome", "Outcomes", "Outcomes (what we intend to achieve and their impact)"}},
    [F_REF] = {"ref", true, false, {"Ref", "Action ref", "ID"}},
    [F_ACTION] = {"action", true, false,
                  {"Action", "Implementation", "Implementation (Actions - what are we going to do)",
                   "Actions designed to lead to improvement"}},
    [F_MILESTONE] = {"milestone", false, false, {"Milestone", "Key milestones", "Key milestones (Action tracker)"}},
    [F_OWNER] = {"owner", false, false,
                 {"Owner", "Lead", "Responsible officer", "Responsible officer (action lead)", "Action lead",
                  "Senior accountable sponsor"}},
    [F_DUE] = {"due", true, false, {"Due", "Deadline", "By when", "Target date"}},
    [F_REVISED] = {"revised_due", false, false, {"Revised due", "Revised deadline"}},
    [F_COMPLETED] = {"completed", false, false, {"Completed", "Completion date", "BRAG + date"}},
    [F_STATUS] = {"status", false, false, {"Status", "RAG", "BRAG", "Action RAG"}},
    [F_RESOURCE] = {"resource", false, false, {"Resource", "Resource Required"}},
    [F_KPI] = {"kpi", false, false, {"KPI", "KPI ref", "KPI used to measure"}},
    [F_COHORT] = {"cohort", false, false, {"Cohort", "Age group", "Age band"}},
    [F_PROGRESS] = {"progress", false, false, {"Progress", "Progress / impact", "Update"}},
    [F_UPDATED] = {"updated", false, false, {"Updated", "Last updated"}},
    [F_ACCOUNTABLE] = {"accountable", false, false,
                       {"Senior responsible officer", "Senior responsible officer (accountable)", "Accountable officer",
                        "SRO"}},
};

/* The last row seen for a ref: exports of merged cells leave area, action and owner empty
 * on an action's later rows, so those are carried down within the same ref. last_row maps
 * each ref to its latest row, so this is one look-up, not a scan of every earlier row. */
static const sp_milestone *previous_of_ref(const sp_plan *p, const sp_strmap *last_row, const char *ref)
{
    size_t i;
    return sp_strmap_get(last_row, ref, &i) ? &p->milestones.items[i] : NULL;
}

static const char *carry(const char *value, const sp_milestone *prev, const char *prev_value)
{
    return value[0] || !prev ? value : prev_value;
}

bool sp_read_actions(const sp_table *t, sp_plan *p, sp_diags *d)
{
    sp_columns c;
    if (!sp_columns_map(t, FIELDS, F_COUNT, &c, &p->arena, d))
        return false;
    p->has_owner_column = c.index[F_OWNER] >= 0;
    p->has_completed_column = c.index[F_COMPLETED] >= 0;
    p->has_status_column = c.index[F_STATUS] >= 0;
    size_t first_row = p->milestones.n; /* this file's rows start here */
    sp_strmap last_row;
    sp_strmap_init(&last_row, false);
    if (!p->has_owner_column)
        sp_warning(d, ((sp_src){t->file, t->header.line, 1}),
                   "no owner column (accepted headers: %s): no action has an owner",
                   sp_field_aliases_text(&p->arena, &FIELDS[F_OWNER]));
    bool ok = true;
    char err[512];
    for (size_t r = 0; r < t->rows.n; r++) {
        const sp_row *row = &t->rows.items[r];
        sp_cell ref = sp_field(row, &c, F_REF);
        ref.text = sp_ref_clean(&p->arena, ref.text); /* "K1" and "K1" + a zero-width joiner are one ref */
        const sp_milestone *found;
        bool merged = !ref.text[0]; /* Excel saved a merged Ref cell on its first row only */
        if (merged) {
            if (p->milestones.n == first_row) {
                sp_error(d, sp_cell_src(t, ref), "the ref is empty: the first row needs the ref of its action (e.g. 1.1a)");
                ok = false;
                continue;
            }
            found = &p->milestones.items[p->milestones.n - 1]; /* the row above */
            const char *action = sp_field(row, &c, F_ACTION).text;
            if (action[0] && strcmp(action, found->action) != 0) {
                sp_error(d, sp_cell_src(t, sp_field(row, &c, F_ACTION)),
                         "the ref is empty but the action differs from the one above: a new action needs a ref");
                ok = false;
                continue;
            }
        } else {
            found = previous_of_ref(p, &last_row, ref.text);
        }
        /* a copy: the push below may move the list */
        sp_milestone prev_row = found ? *found : (sp_milestone){0};
        const sp_milestone *prev = found ? &prev_row : NULL;
        sp_milestone *m = sp_vec_push(&p->milestones);
        m->src = (sp_src){t->file, row->line, 1};
        m->ref = merged ? prev->ref : ref.text;
        sp_strmap_put(&last_row, m->ref, p->milestones.n - 1);
        m->area = carry(sp_field(row, &c, F_AREA).text, prev, prev ? prev->area : "");
        m->outcome = carry(sp_field(row, &c, F_OUTCOME).text, prev, prev ? prev->outcome : "");
        m->action = carry(sp_field(row, &c, F_ACTION).text, prev, prev ? prev->action : "");
        m->owner = carry(sp_field(row, &c, F_OWNER).text, prev, prev ? prev->owner : "");
        m->accountable = carry(sp_field(row, &c, F_ACCOUNTABLE).text, prev, prev ? prev->accountable : "");
        m->text = sp_field(row, &c, F_MILESTONE).text;
        m->resource = sp_field(row, &c, F_RESOURCE).text;
        m->kpi = sp_field(row, &c, F_KPI).text;
        if (merged) { /* merged cells take the action's values */
            m->resource = carry(m->resource, prev, prev->resource);
            m->kpi = carry(m->kpi, prev, prev->kpi);
        }
        m->cohort = carry(sp_field(row, &c, F_COHORT).text, prev, prev ? prev->cohort : "");
        m->progress = sp_field(row, &c, F_PROGRESS).text;
        if (!m->progress[0] && prev && prev->progress[0]) { /* a PROGRESS cell merged across the action's rows */
            m->progress = prev->progress;
            m->progress_of_action = true;
        }
        m->revised_due = m->completed = m->updated = SP_NO_DATE;

        if (!m->area[0]) {
            sp_cell cell = sp_field(row, &c, F_AREA);
            sp_error(d, sp_cell_src(t, cell), "the area is empty: every action belongs to an area (workstream)");
            ok = false;
        }
        if (!m->action[0]) {
            sp_cell cell = sp_field(row, &c, F_ACTION);
            sp_error(d, sp_cell_src(t, cell), "the action is empty: say what will be done");
            ok = false;
        }

        sp_cell due = sp_field(row, &c, F_DUE);
        m->due_text = due.text;
        if (!sp_parse_deadline(due.text, &m->due, err, sizeof err) ||
            !sp_date_near_start(p, m->due.date, due.text, err, sizeof err) ||
            !sp_date_near_start(p, m->due.revised, due.text, err, sizeof err)) {
            sp_error(d, sp_cell_src(t, due), "due: %s", err);
            ok = false;
        }
        if (m->due.revised != SP_NO_DATE) {
            m->revised_due = m->due.revised;
            m->revised_text = due.text;
        }

        sp_cell revised = sp_field(row, &c, F_REVISED);
        if (revised.text[0]) {
            sp_date date;
            if (!sp_parse_date_cell(revised.text, &date, NULL, err, sizeof err) ||
                !sp_date_near_start(p, date, revised.text, err, sizeof err)) {
                sp_error(d, sp_cell_src(t, revised), "revised due: %s", err);
                ok = false;
            } else {
                if (m->revised_due != SP_NO_DATE && m->revised_due != date)
                    sp_warning(d, sp_cell_src(t, revised),
                               "revised due '%s' differs from the revision in the due cell ('%s'); the column is used",
                               revised.text, due.text);
                m->revised_due = date;
                m->revised_text = revised.text;
            }
        }

        sp_cell status = sp_field(row, &c, F_STATUS);
        m->status_text = status.text;
        if (!sp_parse_status(status.text, &m->reported, &m->status_says_complete)) {
            sp_warning(d, sp_cell_src(t, status), "status '%s' is not in the BRAG key (accepted: %s); it is ignored",
                       status.text, SP_STATUS_WORDS_ACCEPTED);
        }

        sp_cell completed = sp_field(row, &c, F_COMPLETED);
        m->completed_text = completed.text;
        if (completed.text[0]) {
            sp_status word;
            bool complete;
            if (sp_parse_status(completed.text, &word, &complete) && complete) {
                m->status_says_complete = true; /* "BRAG + date" holding just "Blue" */
                if (m->reported == SP_STATUS_NONE)
                    m->reported = word;
            } else if (!sp_parse_date_cell(completed.text, &m->completed, NULL, err, sizeof err) ||
                       !sp_date_near_start(p, m->completed, completed.text, err, sizeof err)) {
                sp_error(d, sp_cell_src(t, completed), "completed: %s", err);
                ok = false;
            }
        }

        p->has_status_column = p->has_status_column || m->reported != SP_STATUS_NONE;

        sp_cell updated = sp_field(row, &c, F_UPDATED);
        if (!sp_parse_date_cell(updated.text, &m->updated, NULL, err, sizeof err) ||
            !sp_date_near_start(p, m->updated, updated.text, err, sizeof err)) {
            sp_error(d, sp_cell_src(t, updated), "updated: %s", err);
            ok = false;
        }
    }
    sp_strmap_free(&last_row);
    if (t->rows.n == 0) {
        sp_error(d, ((sp_src){t->file, t->header.line, 1}),
                 "no actions: the file has a header row but no rows below it (was the export filtered?)");
        ok = false;
    }
    return ok;
}
