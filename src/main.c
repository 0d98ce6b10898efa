/*
 * sendpack - SEND improvement-plan monitoring packs from CSV exports.
 *
 * main() only parses the command line; cli/run.c runs the pipeline.
 * No setlocale(): every number is read and written in the C locale.
 */
#include "cli/options.h"
#include "cli/run.h"

int main(int argc, char **argv)
{
    sp_options o;
    int status = sp_parse_options(argc, argv, &o);
    if (status >= 0)
        return status;
    return sp_run(&o);
}
