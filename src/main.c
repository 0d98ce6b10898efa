/*
 * sendpack - SEND improvement-plan monitoring packs from CSV exports.
 *
 * main() only parses the command line; cli/run.c runs the pipeline.
 * No setlocale(): every number is read and written in the C locale.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/options.h"
#include "cli/run.h"
#include "render/output.h"

int main(int argc, char **argv)
{
    /* A full disk or a file-size limit must fail a write, not kill us with a half-written
     * temporary file: the run then removes its temporary files and exits 74. */
    signal(SIGXFSZ, SIG_IGN);
    /* Ctrl-C, SIGTERM: remove the temporary files before dying of the signal. */
    sp_outputs_handle_signals();
    sp_options o;
    int status = sp_parse_options(argc, argv, &o);
    if (status < 0)
        status = sp_run(&o);
    /* what was printed must have reached stdout: `sendpack --check >/dev/full` is an I/O error */
    int failed = sp_stdout_errno();
    if (failed) {
        fprintf(stderr, "sendpack: cannot write to standard output: %s\n", strerror(failed));
        if (status < SP_EXIT_IO)
            status = SP_EXIT_IO;
    }
    return status;
}
