/* Contact details out of public text; dates, age ranges and figures left alone. */
#include "testutil.h"

#include <string.h>

#include "view/redact.h"

static sp_arena arena;

static void removed(const char *in, const char *out)
{
    const char *got = sp_redact_contacts_text(&arena, in);
    if (strcmp(got, out) != 0)
        fail_msg("'%s' -> '%s', expected '%s'", in, got, out);
}

static void contacts(void **state)
{
    (void)state;
    removed("Ann Lee, ann.lee@peterborough.gov.uk", "Ann Lee, " SP_REDACTED);
    removed("Call 01733 863606 or 07700 900123.", "Call " SP_REDACTED " or " SP_REDACTED ".");
    removed("+44 1733 000000", SP_REDACTED);
    removed("(01733) 747 474 ext", SP_REDACTED " ext");
    removed("Email send.team@example.org.uk then call 01733 863606", "Email " SP_REDACTED " then call " SP_REDACTED);
}

static void left_alone(void **state)
{
    (void)state;
    static const char *const same[] = {
        "Due 31/12/2022, revised 2023-03-31",
        "Young people aged 0-25 and 14-17 and 18-25",
        "Reduce waits from 1,204 to 1,100 by 2023",
        "Increase on baseline of at least 20%",
        "Ref 1.1a, K01; APP-03",
        "Twitter @sendteam and 'at' signs without a domain",
        "",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        removed(same[i], same[i]);
}

static int teardown(void **state)
{
    (void)state;
    sp_arena_free(&arena);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(contacts), cmocka_unit_test(left_alone)};
    return cmocka_run_group_tests_name("redact", tests, NULL, teardown);
}
