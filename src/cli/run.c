#include "cli/run.h"

#include <errno.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assess/assess.h"
#include "check/check.h"
#include "model/plan.h"
#include "read/history.h"
#include "read/plan_reader.h"
#include "view/template_read.h"
#include "render/output.h"
#include "render/report.h"
#include "view/families.h"
#include "view/view.h"
#include "util/arena.h"
#include "util/text.h"

static int stdout_errno; /* why a write to stdout first failed: main() reports it */

void sp_flush_stdout(void)
{
    errno = 0;
    if ((fflush(stdout) != 0 || ferror(stdout)) && !stdout_errno)
        stdout_errno = errno ? errno : EIO;
}

int sp_stdout_errno(void)
{
    sp_flush_stdout();
    return stdout_errno;
}

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
    {SP_FORMAT_HTML, "html", sp_render_html},
    {SP_FORMAT_HTML_FRAGMENT, "fragment.html", sp_render_html_fragment},
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

/* Families meet every abbreviation the Local Offer text leaves unexplained: name them to the
 * editor once, with the fix. */
static void warn_unexplained(const char *dir, const sp_families *f)
{
    if (!f || !f->n_unexplained)
        return;
    fprintf(stderr, "%s/plan.ini: warning: the Local Offer text uses %zu abbreviation%s that no glossary explains (",
            dir, f->n_unexplained, f->n_unexplained == 1 ? "" : "s");
    for (size_t i = 0; i < f->n_unexplained; i++)
        fprintf(stderr, "%s%s", i ? ", " : "", f->unexplained[i]);
    fprintf(stderr, "): add each to its [glossary] section, e.g. %s = what it stands for\n", f->unexplained[0]);
}

/* A Local Offer page whose plan gives families no address of its own sends them to the
 * general routes: tell the editor, with the fix. */
static void warn_no_contact(const char *dir, const sp_view *v)
{
    if (!v->tmpl->plain_english || v->contact[0])
        return;
    fprintf(stderr,
            "%s/plan.ini: warning: no contact: the Local Offer page can only point families to the Local Offer "
            "website and their SEND information, advice and support service; add contact = the web page or "
            "e-mail address where families can ask about this plan\n",
            dir);
}

static int run_plan(const sp_options *o, const sp_template *tmpl, const char *dir)
{
    sp_plan plan;
    memset(&plan, 0, sizeof plan);
    sp_diags diags = {0};
    bool ok = sp_read_plan(dir, &plan, &diags);
    if (ok) {
        sp_check_plan(&plan, &diags);
        if (sp_template_has_section(tmpl, SP_SEC_ANNEX_A))
            sp_check_annex_a(&plan, &diags);
        ok = diags.errors == 0; /* a check can find an impossible value */
    }
    (o->verbose ? sp_diags_print : sp_diags_print_grouped)(stderr, &diags);
    fflush(stderr);
    int status = ok ? SP_EXIT_OK : SP_EXIT_DATA;
    if (o->check) {
        sp_print_summary(stdout, &plan, &diags);
    } else if (ok) {
        sp_rules rules = tmpl->rules;
        if (o->cohort)
            rules.cohort = o->cohort;
        /* earlier packs: what they cannot give is warned about, never an error */
        sp_history history = {0};
        bool has_history = false;
        if (o->history_dir) {
            sp_diags hdiags = {0};
            has_history = sp_read_history(o->history_dir, &plan, rules.cohort, o->as_of, &history, &hdiags);
            sp_diags_print(stderr, &hdiags);
            sp_diags_free(&hdiags);
            if (!has_history) {
                sp_history_free(&history);
                fprintf(stderr, "sendpack: %s: no pack written\n", dir);
                sp_diags_free(&diags);
                sp_plan_free(&plan);
                return SP_EXIT_IO;
            }
        }
        sp_assessment assessment;
        sp_assess_with_history(&plan, o->as_of, &rules, has_history ? &history : NULL, &assessment);
        /* last period's export, judged at last period's report date, for "since the last report" */
        sp_plan previous;
        memset(&previous, 0, sizeof previous);
        sp_assessment prev_assessment;
        memset(&prev_assessment, 0, sizeof prev_assessment);
        sp_changes changes;
        bool compared = false;
        if (o->previous_dir) {
            sp_diags pdiags = {0};
            bool read = sp_read_plan(o->previous_dir, &previous, &pdiags);
            const char *other = read ? sp_check_previous(&plan, &previous) : NULL; /* decisions #15 */
            if (read && !other) {
                sp_assess(&previous, o->previous_as_of, &rules, &prev_assessment);
                sp_compare(&prev_assessment, &assessment, &changes);
                compared = true;
            } else if (other) {
                fprintf(stderr, "sendpack: %s: --previous is not an earlier export of this plan: %s; no pack written\n",
                        o->previous_dir, other);
                status = SP_EXIT_DATA;
            } else {
                (o->verbose ? sp_diags_print : sp_diags_print_grouped)(stderr, &pdiags);
                fprintf(stderr, "sendpack: %s: the previous export has errors; no pack written\n", o->previous_dir);
                status = SP_EXIT_DATA;
            }
            sp_diags_free(&pdiags);
        }
        if (status == SP_EXIT_OK) {
            sp_view view;
            sp_view_build(&view, &plan, &assessment, compared ? &changes : NULL, &diags, tmpl);
            view.html_heading_level = o->html_heading_level;
            warn_unexplained(dir, view.families);
            warn_no_contact(dir, &view);
            status = render_all(o, &view);
            sp_view_free(&view);
        }
        if (o->previous_dir) {
            sp_assessment_free(&prev_assessment);
            sp_plan_free(&previous);
        }
        sp_assessment_free(&assessment);
        sp_history_free(&history);
    } else {
        fprintf(stderr, "sendpack: %s: %zu error%s; no pack written\n", dir, diags.errors,
                diags.errors == 1 ? "" : "s");
    }
    sp_flush_stdout();
    sp_diags_free(&diags);
    sp_plan_free(&plan);
    return status;
}

static const char *const *collide_slugs; /* qsort has no context argument in C11 */

static int by_slug(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(collide_slugs[x], collide_slugs[y]);
    return c ? c : (x > y) - (x < y);
}

/* ---- batch: many plans, N at a time ------------------------------------------------------- */

/* A batch runs its plans in at most o->jobs worker processes, each taking the next plan when
 * it finishes one: a plan that crashes or runs out of memory takes only its worker with it
 * (another is started for the plans left), while a worker that lives through many plans keeps
 * its heap, so the national set does not pay the kernel to fault in a fresh heap for every
 * plan (that was a tenth of its CPU). Each worker has one socket to the batch: the batch sends
 * a plan's number, the worker answers with its exit status; a socket rather than pipes
 * because a send to a worker that died fails with an error instead of a SIGPIPE. */
typedef struct worker {
    pid_t pid;
    int sock;  /* the batch's end of the worker's socket pair */
    FILE *log; /* the worker's stdout and stderr: one plan's output at a time */
    int plan;  /* the plan it is on, or -1 when idle */
} worker;

static const char *outcome(int status)
{
    switch (status) {
    case SP_EXIT_OK: return "ok";
    case SP_EXIT_DATA: return "FAILED: data errors";
    case SP_EXIT_IO: return "FAILED: could not write";
    default: return "FAILED";
    }
}

/* Prints the plan's output as one block, its outcome after it, and empties the log for the
 * worker's next plan (the worker is idle, so nothing writes to the log meanwhile). */
static void finish(worker *w, const sp_options *o, int status, int *statuses)
{
    statuses[w->plan] = status;
    printf("== %s\n", o->plans[w->plan]);
    sp_flush_stdout();
    int fd = fileno(w->log);
    char buf[8192];
    ssize_t n;
    lseek(fd, 0, SEEK_SET);
    while ((n = read(fd, buf, sizeof buf)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        /* the next plan's output would follow this one's: say so rather than repeat it */
        fputs("sendpack: cannot empty a worker's log\n", stderr);
    }
    printf("-- %s\n", outcome(status));
    sp_flush_stdout();
    w->plan = -1;
}

/* The running workers, for the signal handler: SIGTERM to the batch stops every worker, and
 * each removes its own temporary files (sp_outputs_handle_signals). */
static volatile pid_t worker_pids[256];

static void stop_workers(int sig)
{
    for (int i = 0; i < 256; i++)
        if (worker_pids[i] > 0)
            kill(worker_pids[i], sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void forward_signals(void)
{
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = stop_workers;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
}

static bool send_int(int sock, int v)
{
    ssize_t n;
    while ((n = send(sock, &v, sizeof v, MSG_NOSIGNAL)) < 0 && errno == EINTR)
        ;
    return n == (ssize_t)sizeof v;
}

static bool recv_int(int sock, int *v)
{
    ssize_t n;
    while ((n = recv(sock, v, sizeof *v, MSG_WAITALL)) < 0 && errno == EINTR)
        ;
    return n == (ssize_t)sizeof *v;
}

/* Free heap a worker keeps for its next plan: a national plan needs about 15 MB, so more than
 * this is what a much larger plan left behind, and goes back to the system. */
#define WORKER_KEEPS (64u << 20)

/* The worker: plans by number until the batch says stop (-1) or closes the socket. Freed
 * memory stays in the heap for the next plan instead of going back to the kernel (glibc's
 * defaults trim the top of the heap past 128 KiB and map large blocks afresh each time), up
 * to WORKER_KEEPS. */
static _Noreturn void work(const sp_options *o, const sp_template *tmpl, int sock, FILE *log)
{
    sp_outputs_handle_signals(); /* the worker's own temporary files */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    dup2(fileno(log), STDOUT_FILENO);
    dup2(fileno(log), STDERR_FILENO);
    setvbuf(stdout, NULL, _IOLBF, 0); /* a plan that crashes keeps the lines it printed */
    int plan;
    while (recv_int(sock, &plan) && plan >= 0 && plan < o->n_plans) {
        int status = run_plan(o, tmpl, o->plans[plan]);
        sp_flush_stdout();
        fflush(stderr);
        if (mallinfo2().fordblks > WORKER_KEEPS)
            malloc_trim(0);
        if (!send_int(sock, status))
            break;
    }
    _exit(SP_EXIT_OK);
}

static void close_log(worker *w)
{
    if (w->log)
        fclose(w->log);
    w->log = NULL;
}

/* Starts the worker of slot `slot`. In the child, the other workers' sockets and logs are
 * closed: a worker holds only its own. */
static bool start_worker(worker *workers, int n_workers, int slot, const sp_options *o, const sp_template *tmpl)
{
    worker *w = &workers[slot];
    int pair[2];
    w->log = tmpfile();
    if (!w->log)
        return false;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        close_log(w);
        return false;
    }
    sp_flush_stdout();
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        close(pair[0]);
        for (int i = 0; i < n_workers; i++) {
            if (i != slot && workers[i].pid) {
                close(workers[i].sock);
                close_log(&workers[i]);
            }
        }
        work(o, tmpl, pair[1], w->log);
    }
    close(pair[1]);
    if (pid < 0) {
        close(pair[0]);
        close_log(w);
        return false;
    }
    w->pid = pid;
    w->sock = pair[0];
    w->plan = -1;
    worker_pids[slot] = pid;
    return true;
}

/* Ends a worker: -1 tells an idle one to stop, and closing its socket ends one that is not
 * listening; returns how it ended. Its log stays open for what it wrote last. */
static int stop_worker(worker *w, int slot)
{
    int raw = 0;
    send_int(w->sock, -1);
    close(w->sock);
    while (waitpid(w->pid, &raw, 0) < 0 && errno == EINTR)
        ;
    worker_pids[slot] = 0;
    w->pid = 0;
    return raw;
}

/* Runs each plan in a worker process, at most o->jobs at once; one plan's failure never stops
 * the others. Prints every plan's outcome at the end; returns the worst status. */
static int run_batch(const sp_options *o, const sp_template *tmpl)
{
    int *statuses = calloc((size_t)o->n_plans, sizeof *statuses);
    for (int i = 0; i < o->n_plans; i++)
        statuses[i] = SP_EXIT_SOFTWARE; /* until the plan's worker says otherwise */
    int n_workers = o->jobs < o->n_plans ? o->jobs : o->n_plans;
    if (n_workers > 256)
        n_workers = 256;
    worker *workers = calloc((size_t)n_workers, sizeof *workers);
    bool *retired = calloc((size_t)n_workers, sizeof *retired); /* slots that could not start a worker */
    struct pollfd *fds = calloc((size_t)n_workers, sizeof *fds);
    int next = 0, finished = 0;
    forward_signals();
    while (finished < o->n_plans) {
        /* every idle slot takes the next plan, starting a worker where there is none; a slot
         * that cannot (no processes or files left) is given up while another worker runs */
        for (int i = 0; i < n_workers && next < o->n_plans; i++) {
            worker *w = &workers[i];
            if (retired[i] || (w->pid && w->plan >= 0))
                continue;
            if (!w->pid && !start_worker(workers, n_workers, i, o, tmpl)) {
                int alive = 0;
                for (int j = 0; j < n_workers; j++)
                    alive += workers[j].pid != 0;
                if (alive) {
                    retired[i] = true;
                    continue;
                }
                fprintf(stderr, "sendpack: %s: cannot start a worker: %s\n", o->plans[next], strerror(errno));
                statuses[next++] = SP_EXIT_IO;
                finished++;
                continue;
            }
            if (!send_int(w->sock, next)) { /* it died while idle: the next pass starts another */
                stop_worker(w, i);
                close_log(w);
                continue;
            }
            w->plan = next++;
        }
        int n = 0;
        for (int i = 0; i < n_workers; i++)
            if (workers[i].pid && workers[i].plan >= 0)
                fds[n++] = (struct pollfd){.fd = workers[i].sock, .events = POLLIN};
        if (n == 0)
            continue; /* nothing running: every plan left failed to start, or a worker is restarted */
        if (poll(fds, (nfds_t)n, -1) < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "sendpack: waiting for the workers failed: %s\n", strerror(errno));
            break; /* the plans not finished keep their failure status */
        }
        for (int k = 0; k < n; k++) {
            if (!fds[k].revents)
                continue;
            for (int i = 0; i < n_workers; i++) {
                worker *w = &workers[i];
                if (!w->pid || w->sock != fds[k].fd)
                    continue;
                int status;
                if (recv_int(w->sock, &status)) {
                    finish(w, o, status, statuses);
                } else {
                    /* the worker ended in the middle of the plan: a crash is EX_SOFTWARE */
                    int raw = stop_worker(w, i);
                    finish(w, o, WIFEXITED(raw) && WEXITSTATUS(raw) != SP_EXIT_OK ? WEXITSTATUS(raw) : SP_EXIT_SOFTWARE,
                           statuses);
                    close_log(w);
                }
                finished++;
            }
        }
    }
    for (int i = 0; i < n_workers; i++) {
        if (workers[i].pid)
            stop_worker(&workers[i], i);
        close_log(&workers[i]);
    }
    int worst = SP_EXIT_OK, failed = 0;
    printf("\nsendpack: %d plan%s: ", o->n_plans, o->n_plans == 1 ? "" : "s");
    for (int i = 0; i < o->n_plans; i++)
        failed += statuses[i] != SP_EXIT_OK;
    printf("%d written, %d failed\n", o->n_plans - failed, failed);
    for (int i = 0; i < o->n_plans; i++) {
        printf("  %-9s %s\n", statuses[i] == SP_EXIT_OK ? "ok" : "FAILED", o->plans[i]);
        if (statuses[i] > worst)
            worst = statuses[i];
    }
    free(fds);
    free(retired);
    free(workers);
    free(statuses);
    return worst;
}

/* Plans whose packs would share a name are refused before anything is written, naming every
 * plan involved and the name (decisions #2): renaming one silently would leave a reader with
 * a pack they cannot find, and writing both would leave one. */
static bool names_collide(const sp_options *o, const sp_template *tmpl)
{
    sp_arena arena = {0};
    const char **slug = sp_arena_alloc(&arena, (size_t)o->n_plans * sizeof *slug);
    bool *reported = sp_arena_alloc(&arena, (size_t)o->n_plans * sizeof *reported);
    for (int i = 0; i < o->n_plans; i++)
        slug[i] = sp_folder_slug(&arena, o->plans[i]);
    /* sorted by name, so that each group is found in one pass */
    int *order = sp_arena_alloc(&arena, (size_t)o->n_plans * sizeof *order);
    for (int i = 0; i < o->n_plans; i++)
        order[i] = i;
    collide_slugs = slug;
    qsort(order, (size_t)o->n_plans, sizeof *order, by_slug);
    char date[11];
    sp_date_iso(o->as_of, date);
    bool any = false;
    for (int k = 0; k < o->n_plans; k++) {
        int first = order[k], n = 1;
        while (k + n < o->n_plans && strcmp(slug[order[k + n]], slug[first]) == 0)
            n++;
        if (n > 1 && !reported[first]) {
            /* name them in the order given on the command line */
            fputs("sendpack: ", stderr);
            int shown = 0;
            for (int i = 0; i < o->n_plans; i++) {
                if (strcmp(slug[i], slug[first]) != 0)
                    continue;
                reported[i] = true;
                fprintf(stderr, "%s'%s'", shown == 0 ? "" : shown == n - 1 ? " and " : ", ", o->plans[i]);
                shown++;
            }
            fprintf(stderr, " would all write %s/%s-%s-%s.*: give each plan folder its own name\n", o->output_dir,
                    slug[first], tmpl->name, date);
            any = true;
        }
        k += n - 1;
    }
    sp_arena_free(&arena);
    return any;
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
    if (!o->check && names_collide(o, &tmpl)) {
        fputs("sendpack: nothing was written\n", stderr);
        sp_template_free(&tmpl);
        return SP_EXIT_USAGE;
    }
    int worst = SP_EXIT_OK;
    if (o->n_plans > 1 && !o->check) {
        worst = run_batch(o, &tmpl);
    } else {
        for (int i = 0; i < o->n_plans; i++) {
            int status = run_plan(o, &tmpl, o->plans[i]);
            if (status > worst)
                worst = status;
        }
    }
    sp_template_free(&tmpl);
    return worst;
}
