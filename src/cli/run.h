/*
 * run.h - one run: for each plan folder, read -> check -> assess -> render.
 */
#ifndef SP_RUN_H
#define SP_RUN_H

#include "cli/options.h"

/* Runs the pipeline for every plan in o. Returns the exit status. */
int sp_run(const sp_options *o);

/* Flushes stdout, keeping why the first write to it failed; sp_stdout_errno() says it (0: none). */
void sp_flush_stdout(void);
int sp_stdout_errno(void);

#endif
