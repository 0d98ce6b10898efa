/*
 * template_read.h - loads a report template: templates/NAME.ini, or a path to a user's
 * own file. Every key left out keeps its built-in default (the scrutiny pack). Unknown
 * sections and keys and bad values are errors naming the file and line.
 */
#ifndef SP_TEMPLATE_READ_H
#define SP_TEMPLATE_READ_H

#include <stdbool.h>

#include "view/template.h"
#include "util/diag.h"

/* Where the bundled templates are: next to the executable (../templates) or in the source
 * tree the program was built from. */
const char *sp_template_dir(void);

/* Loads name_or_path into t (freed with sp_template_free). False after reporting errors. */
bool sp_template_load(const char *name_or_path, sp_template *t, sp_diags *d);

/* The built-in defaults, as a template with no keys set gets them. */
void sp_template_defaults(sp_template *t);

#endif
