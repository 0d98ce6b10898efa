/*
 * gen_national.c - writes a national-scale set of plan folders for the benchmark: 153 local
 * areas with together 20,000 actions, 60,000 milestones, 10,000 KPIs and 600,000 monthly
 * observations, with realistic text lengths and the dialect quirks of the input contract
 * (BOM, CRLF, quoted commas and line breaks, header aliases, blank rows, curly quotes, month-only
 * and "revised from" deadlines, COMPLETE, Ongoing). Deterministic: the same bytes every run.
 *
 *   gen_national OUT_DIR
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { PLANS = 153, ACTIONS = 20000, MILESTONES = 60000, KPIS = 10000, MONTHS = 60 };

static uint64_t state = 0x5EED5EED12345678ull;
static uint32_t next(void)
{
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(state >> 33);
}
static uint32_t pick(uint32_t n) { return next() % n; }

static const char *const WORDS[] = {
    "children", "young", "people", "families", "parent", "carers", "SEND", "EHCP", "assessment", "annual",
    "review", "provision", "support", "health", "education", "social", "care", "transition", "adulthood",
    "commissioning", "strategy", "local", "offer", "co-production", "engagement", "workforce", "training",
    "pathway", "timeliness", "quality", "assurance", "partnership", "board", "agreed", "published", "improved",
    "survey", "feedback", "plan", "delivery", "monitoring", "data", "dashboard", "outcomes", "placement",
    "post-16", "preparation", "employment", "independent", "living", "inclusion", "school", "early", "years",
};
#define NWORDS (sizeof WORDS / sizeof *WORDS)

/* About `len` characters of words, with the punctuation real trackers have (commas only
 * where the cell is quoted). */
static void words(FILE *f, int len, int commas)
{
    int n = 0;
    while (n < len) {
        const char *w = WORDS[pick(NWORDS)];
        if (n) {
            int r = (int)pick(40);
            fputs(r == 0 && commas ? ", " : r == 1 ? " – " : r == 2 ? "; " : " ", f);
            n += 2;
        }
        if (pick(60) == 0) {
            fprintf(f, "“%s”", w);
        } else {
            fputs(w, f);
        }
        n += (int)strlen(w);
    }
}

static void text(FILE *f, int len)
{
    words(f, len, 0);
}

/* a quoted cell of text, sometimes with a line break inside */
static void quoted(FILE *f, int len, const char *eol)
{
    fputc('"', f);
    words(f, len / 2, 1);
    if (pick(4) == 0)
        fputs(eol[1] ? "\r\n" : "\n", f);
    else
        fputs(", ", f);
    words(f, len / 2, 1);
    fputc('"', f);
}

/* The same text for every row of an action: generated once, from the action's own seed. */
static char *action_text(int plan, int action, int len, const char *eol)
{
    uint64_t saved = state;
    state = 0x9E3779B97F4A7C15ull * (uint64_t)(plan * 100003 + action + 1);
    char *buf = NULL;
    size_t size = 0;
    FILE *m = open_memstream(&buf, &size);
    quoted(m, len, eol);
    fclose(m);
    state = saved;
    return buf;
}

static const char *const WORKSTREAMS[] = {
    "Workstream 1: Joint commissioning", "Workstream 2: Quality of EHC plans", "Workstream 3: Health services",
    "Workstream 4: Getting support early", "Workstream 5: Preparation for adulthood",
    "Workstream 6: Co-production with families"};

static const char *const MONTHS_WORDS[] = {"January", "Feb", "March", "April", "May", "June",
                                           "July", "Aug", "Sept", "October", "Nov", "December"};

static void deadline(FILE *f, int *y, int *m)
{
    *y = 2021 + (int)pick(4);
    *m = 1 + (int)pick(12);
    int r = (int)pick(20);
    if (r == 0)
        fputs("COMPLETE", f);
    else if (r == 1)
        fputs("Ongoing", f);
    else if (r == 2)
        fprintf(f, "%s %d (revised from %s %d)", MONTHS_WORDS[*m - 1], *y, MONTHS_WORDS[(*m + 5) % 12], *y - 1);
    else if (r < 8)
        fprintf(f, "%02d/%02d/%d", 1 + (int)pick(28), *m, *y);
    else
        fprintf(f, "%s %d", MONTHS_WORDS[*m - 1], *y);
}

static FILE *open_file(const char *dir, const char *name, int bom)
{
    char path[2200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "gen_national: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    if (bom)
        fputs("\xEF\xBB\xBF", f);
    return f;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: gen_national OUT_DIR\n", stderr);
        return 64;
    }
    mkdir(argv[1], 0777);
    /* sizes vary by area: weights 1..5, the largest plans several times the smallest */
    int weight[PLANS], total = 0;
    for (int p = 0; p < PLANS; p++)
        total += weight[p] = 1 + (p * 7) % 5 + (p % 17 == 0 ? 6 : 0);
    int actions_left = ACTIONS, kpis_left = KPIS, milestones_left = MILESTONES;
    for (int p = 0; p < PLANS; p++) {
        int n_actions = p == PLANS - 1 ? actions_left : ACTIONS * weight[p] / total;
        int n_kpis = p == PLANS - 1 ? kpis_left : KPIS * weight[p] / total;
        int n_ms = p == PLANS - 1 ? milestones_left : n_actions * 3;
        actions_left -= n_actions, kpis_left -= n_kpis, milestones_left -= n_ms;
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/area-%03d", argv[1], p + 1);
        mkdir(dir, 0777);
        const char *eol = p % 3 == 0 ? "\r\n" : "\n";

        FILE *f = open_file(dir, "plan.ini", p % 5 == 0);
        fprintf(f, "[plan]\ntitle = Local Area SEND Priority Action Plan %d\narea = Area %d\nkind = %s\nstart = 2022-01-31\n"
                   "organisations = Council %d; Integrated Care Board %d\n",
                p + 1, p + 1, p % 3 == 0 ? "WSoA" : p % 3 == 1 ? "APP" : "Priority action plan", p + 1, p + 1);
        fclose(f);

        f = open_file(dir, "actions.csv", p % 4 == 0);
        fprintf(f, "%s,Ref,%s,Key milestones,Responsible officer,%s,BRAG,Progress,Cohort%s",
                p % 2 ? "Workstream" : "Area of weakness", p % 2 ? "Implementation" : "Action", p % 2 ? "Deadline" : "By when",
                eol);
        int ms = 0;
        for (int a = 0; a < n_actions; a++) {
            int per = a == n_actions - 1 ? n_ms - ms : (n_ms - ms) / (n_actions - a);
            if (per < 1)
                per = 1;
            char *action = action_text(p, a, 150, eol);
            for (int k = 0; k < per; k++, ms++) {
                fprintf(f, "%s,%d.%d,%s,", WORKSTREAMS[a % 6], a % 6 + 1, a / 6 + 1, action);
                text(f, 80);
                fprintf(f, ",\"Officer %d, Head of Service, Council %d\",", a % 97, p + 1);
                int y, m;
                deadline(f, &y, &m);
                static const char *const brag[] = {"Green", "Amber", "Red", "Blue", "On track", "", "G", "Complete"};
                fprintf(f, ",%s,", brag[pick(8)]);
                if (pick(3) == 0)
                    quoted(f, 400, eol);
                fprintf(f, ",%s%s", pick(5) == 0 ? "18-25" : "0-25", eol);
                if (pick(50) == 0)
                    fputs(eol, f); /* a blank row */
            }
            free(action);
        }
        fclose(f);

        f = open_file(dir, "kpis.csv", 0);
        fprintf(f, "Ref,KPI,Unit,Direction,Baseline,3 months (Apr 22),6 months (Jul 22),12 months (Jan 23),Cohort%s", eol);
        for (int k = 0; k < n_kpis; k++) {
            fprintf(f, "K%03d,", k + 1);
            quoted(f, 90, "\n");
            int kind = (int)pick(4);
            if (kind == 0)
                fprintf(f, ",%%,up,%d%%,%d%%,%d%%,%d%%", 40 + k % 20, 42 + k % 20, 45 + k % 20, 50 + k % 20);
            else if (kind == 1)
                fprintf(f, ",number,down,%d,Reduction by 5%%,Reduction by 10%%,Reduction by 15%%", 200 + k % 300);
            else if (kind == 2)
                fprintf(f, ",weeks,down,%d,%d weeks,%d weeks,%d weeks", 30 + k % 10, 28 + k % 10, 25 + k % 10, 20 + k % 10);
            else
                fprintf(f, ",%%,up,In development,Establish baseline,+5pp,+10pp");
            fprintf(f, ",%s%s", k % 4 == 0 ? "18-25" : "0-25", eol);
        }
        fclose(f);

        f = open_file(dir, "kpi_values.csv", p % 6 == 0);
        fprintf(f, "KPI ref,Month,Actual,England,Statistical neighbours,Note%s", eol);
        for (int k = 0; k < n_kpis; k++) {
            double level = 50 + (double)(k % 40);
            for (int mth = 0; mth < MONTHS; mth++) {
                int y = 2018 + (mth + 1) / 12, m = (mth + 1) % 12 + 1;
                level += ((double)pick(200) - 100.0) / 100.0;
                fprintf(f, "K%03d,%d-%02d,%.1f,", k + 1, y, m, level);
                if (mth % 12 == 11)
                    fprintf(f, "%.1f,%.1f,\"year end, ", level + 1, level - 1), text(f, 30), fputc('"', f);
                else
                    fputs(",,", f);
                fputs(eol, f);
            }
        }
        fclose(f);

        f = open_file(dir, "risks.csv", 0);
        fprintf(f, "Date,Risk,Severity/Impact,Mitigation,Severity / Impact Post-mitigation,Progress following action%s", eol);
        for (int r = 0; r < 6; r++) {
            fprintf(f, "May 2022,");
            quoted(f, 80, eol);
            fprintf(f, ",%s,", r % 3 == 0 ? "High" : "Medium");
            quoted(f, 120, eol);
            fprintf(f, ",Low,");
            text(f, 60);
            fputs(eol, f);
        }
        fclose(f);
    }
    printf("gen_national: %d plans in %s\n", PLANS, argv[1]);
    return 0;
}
