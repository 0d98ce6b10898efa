#include "cli/run.h"

#include <stdio.h>
#include <string.h>

#include "assess/assess.h"
#include "check/check.h"
#include "model/plan.h"
#include "read/plan_reader.h"
#include "read/template.h"
#include "redact/redact.h"
#include "render/output.h"
#include "render/report.h"

typedef bool (*renderer_fn)(const sp_report *, const char *, char *, size_t);

/* A new output kind is one renderer here and its sections in the templates. */
static const struct {
    unsigned format;
    const char *ext;
    renderer_fn render;
} RENDERERS[] = {
    {SP_FORMAT_JSON, "json", sp_render_json},
    {SP_FORMAT_XLSX, "xlsx", sp_render_xlsx},
    {SP_FORMAT_PDF, "pdf", sp_render_pdf},
};

/* Renders every requested format to temporary files, then renames them all into place:
 * a failure anywhere leaves the previous pack as it was. */
static int render_all(const sp_options *o, const sp_report *report)
{
    sp_outputs outputs = {0};
    char err[512] = "";
    int status = SP_EXIT_OK;
    for (size_t i = 0; i < sizeof RENDERERS / sizeof *RENDERERS && status == SP_EXIT_OK; i++) {
        if (!(o->formats & RENDERERS[i].format))
            continue;
        const char *temp = sp_output_add(&outputs, o->output_dir, report->plan->name, report->tmpl->name,
                                         report->assessment->as_of, RENDERERS[i].ext, err, sizeof err);
        if (!temp || !RENDERERS[i].render(report, temp, err, sizeof err))
            status = SP_EXIT_IO;
    }
    if (status == SP_EXIT_OK && !sp_outputs_commit(&outputs, err, sizeof err))
        status = SP_EXIT_IO;
    if (status != SP_EXIT_OK) {
        sp_outputs_abort(&outputs);
        fprintf(stderr, "sendpack: %s: %s; nothing was written and any earlier pack is unchanged\n",
                report->plan->dir, err);
    } else {
        for (int i = 0; i < outputs.n; i++)
            printf("wrote %s\n", outputs.files[i].final_path);
    }
    sp_outputs_free(&outputs);
    return status;
}

static int run_plan(const sp_options *o, const sp_template *tmpl, const char *dir)
{
    sp_plan plan;
    memset(&plan, 0, sizeof plan);
    sp_diags diags = {0};
    bool ok = sp_read_plan(dir, &plan, &diags);
    if (ok)
        sp_check_plan(&plan, &diags);
    sp_diags_print(stderr, &diags);
    fflush(stderr);
    int status = ok ? SP_EXIT_OK : SP_EXIT_DATA;
    if (o->check) {
        sp_print_summary(stdout, &plan, &diags);
    } else if (ok) {
        sp_rules rules = tmpl->rules;
        if (o->cohort)
            rules.cohort = o->cohort;
        sp_assessment assessment;
        sp_assess(&plan, o->as_of, &rules, &assessment);
        /* last period's export, judged at last period's report date, for "since the last report" */
        sp_plan previous;
        memset(&previous, 0, sizeof previous);
        sp_assessment prev_assessment;
        memset(&prev_assessment, 0, sizeof prev_assessment);
        sp_changes changes;
        bool compared = false;
        if (o->previous_dir) {
            sp_diags pdiags = {0};
            if (sp_read_plan(o->previous_dir, &previous, &pdiags)) {
                sp_assess(&previous, o->previous_as_of, &rules, &prev_assessment);
                sp_compare(&prev_assessment, &assessment, &changes);
                compared = true;
            } else {
                sp_diags_print(stderr, &pdiags);
                fprintf(stderr, "sendpack: %s: the previous export has errors; no pack written\n", o->previous_dir);
                status = SP_EXIT_DATA;
            }
            sp_diags_free(&pdiags);
        }
        if (status == SP_EXIT_OK) {
            if (tmpl->redact_contacts)
                sp_redact_contacts(&plan);
            sp_report report = {&plan, &assessment, &diags, tmpl, compared ? &changes : NULL};
            status = render_all(o, &report);
        }
        if (o->previous_dir) {
            sp_assessment_free(&prev_assessment);
            sp_plan_free(&previous);
        }
        sp_assessment_free(&assessment);
    } else {
        fprintf(stderr, "sendpack: %s: %zu error%s; no pack written\n", dir, diags.errors,
                diags.errors == 1 ? "" : "s");
    }
    fflush(stdout);
    sp_diags_free(&diags);
    sp_plan_free(&plan);
    return status;
}

int sp_run(const sp_options *o)
{
    sp_template tmpl;
    sp_diags tdiags = {0};
    bool ok = sp_template_load(o->template_name, &tmpl, &tdiags);
    sp_diags_print(stderr, &tdiags);
    sp_diags_free(&tdiags);
    if (!ok) {
        fprintf(stderr, "sendpack: the template has errors; no pack written\n");
        sp_template_free(&tmpl);
        return SP_EXIT_DATA;
    }
    int worst = SP_EXIT_OK;
    for (int i = 0; i < o->n_plans; i++) {
        int status = run_plan(o, &tmpl, o->plans[i]);
        if (status > worst)
            worst = status;
    }
    sp_template_free(&tmpl);
    return worst;
}
