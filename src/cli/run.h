/*
 * run.h - one run: for each plan folder, read -> check -> assess -> render.
 */
#ifndef SP_RUN_H
#define SP_RUN_H

#include "cli/options.h"

/* Runs the pipeline for every plan in o. Returns the exit status. */
int sp_run(const sp_options *o);

#endif
