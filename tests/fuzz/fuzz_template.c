/* libFuzzer: the report-template reader, on a file written to a private path in /dev/shm. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "view/template_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/dev/shm/sendpack-fuzz-template-%d.ini", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    sp_template t;
    sp_diags d = {0};
    if (sp_template_load(path, &t, &d)) {
        sp_arena a = {0};
        sp_template_title(&t, &a, "Plan {x}", "Area", 19000);
        sp_arena_free(&a);
    }
    sp_diags_free(&d);
    sp_template_free(&t);
    return 0;
}
