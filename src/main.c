/*
 * sendpack - SEND improvement-plan monitoring packs from CSV exports.
 *
 * main() only parses the command line; cli/run.c runs the pipeline.
 * No setlocale(): every number is read and written in the C locale.
 */
#include <signal.h>

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
    if (status >= 0)
        return status;
    return sp_run(&o);
}
