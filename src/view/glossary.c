/* glossary.c - abbreviations expanded on first use, from the plan's glossary, its own
 * expansions and the built-in SEND glossary (decisions.md #8). */
#include "view/glossary.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define E(a, x) {a, x, SP_GLOSS_BUILT_IN, false, false, 0, NULL}
/* The words families meet in SEND plans and inspection letters, as GOV.UK, the SEND Code of
 * Practice and NHS England write them out. */
const sp_gloss_entry SP_SEND_GLOSSARY[] = {
    E("ADHD", "attention deficit hyperactivity disorder"),
    E("AP", "alternative provision"),
    E("APP", "Accelerated Progress Plan"),
    E("AR", "annual review"),
    E("ASD", "autism spectrum disorder"),
    E("CAMHS", "Child and Adolescent Mental Health Services"),
    E("CCG", "Clinical Commissioning Group"),
    E("CIN", "child in need"),
    E("CLA", "children looked after"),
    E("CQC", "Care Quality Commission"),
    E("CYP", "children and young people"),
    E("DCO", "Designated Clinical Officer"),
    E("DCS", "Director of Children's Services"),
    E("DfE", "Department for Education"),
    E("DMO", "Designated Medical Officer"),
    E("EET", "education, employment or training"),
    E("EHC", "education, health and care"),
    E("EHCNA", "education, health and care needs assessment"),
    E("EHCP", "education, health and care plan"),
    E("EP", "educational psychologist"),
    E("FE", "further education"),
    E("IAG", "information, advice and guidance"),
    E("ICB", "Integrated Care Board"),
    E("ICS", "Integrated Care System"),
    E("JSNA", "Joint Strategic Needs Assessment"),
    E("KPI", "key performance indicator"),
    E("LA", "local authority"),
    E("LAC", "looked-after children"),
    E("LD", "learning disabilities"),
    E("NEET", "not in education, employment or training"),
    E("NHSE", "NHS England"),
    E("NICE", "National Institute for Health and Care Excellence"),
    E("Ofsted", "Office for Standards in Education, Children's Services and Skills"),
    E("OT", "occupational therapy"),
    E("PCF", "Parent Carer Forum"),
    E("PfA", "Preparing for Adulthood"),
    E("PFA", "Preparing for Adulthood"),
    E("PRU", "pupil referral unit"),
    E("QA", "quality assurance"),
    E("QI", "quality improvement"),
    E("RAG", "red, amber or green rating"),
    E("SALT", "speech and language therapy"),
    E("SEMH", "social, emotional and mental health"),
    E("SEN", "special educational needs"),
    E("SENCO", "special educational needs co-ordinator"),
    E("SENCo", "special educational needs co-ordinator"),
    E("SEND", "special educational needs and disabilities"),
    E("SENDIASS", "SEND Information, Advice and Support Service"),
    E("SLT", "speech and language therapy"),
    E("WSoA", "Written Statement of Action"),
};
#undef E
const size_t SP_SEND_GLOSSARY_N = sizeof SP_SEND_GLOSSARY / sizeof SP_SEND_GLOSSARY[0];

static bool is_alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static char lower(char c) { return is_upper(c) ? (char)(c - 'A' + 'a') : c; }

sp_gloss_entry *sp_glossary_find(sp_glossary *g, const char *abbr, size_t len)
{
    for (size_t i = 0; i < g->n; i++)
        if (strlen(g->entries[i].abbr) == len && memcmp(g->entries[i].abbr, abbr, len) == 0)
            return &g->entries[i];
    return NULL;
}

void sp_glossary_add(sp_glossary *g, const char *abbr, const char *expansion, sp_gloss_source source)
{
    if (!abbr[0] || !expansion[0] || sp_glossary_find(g, abbr, strlen(abbr)))
        return;
    if (g->n == g->cap) { /* grown in the arena: freed with it */
        g->cap = g->cap ? 2 * g->cap : 64;
        sp_gloss_entry *bigger = sp_arena_alloc(g->arena, g->cap * sizeof *bigger);
        if (g->n)
            memcpy(bigger, g->entries, g->n * sizeof *bigger);
        g->entries = bigger;
    }
    size_t same_as = 0; /* the term it spells in another case, if any */
    for (size_t i = 0; i < g->n && !same_as; i++)
        if (!g->entries[i].same_as && strcasecmp(g->entries[i].abbr, abbr) == 0)
            same_as = i + 1;
    g->entries[g->n++] = (sp_gloss_entry){sp_arena_strdup(g->arena, abbr), sp_arena_strdup(g->arena, expansion),
                                          source, false, false, same_as, NULL};
}

/* The entry that stands for e's term: itself, or the one it spells in another case. */
static sp_gloss_entry *term_of(sp_glossary *g, sp_gloss_entry *e)
{
    return e->same_as ? &g->entries[e->same_as - 1] : e;
}

/* Small words an expansion may hold without a letter of its own: "Education, Health and Care". */
static bool is_small_word(const char *w, size_t n)
{
    static const char *const SMALL[] = {"and", "of", "for", "the", "in", "on", "to", "with", "or", "a", "&"};
    for (size_t i = 0; i < sizeof SMALL / sizeof SMALL[0]; i++)
        if (strlen(SMALL[i]) == n && strncasecmp(w, SMALL[i], n) == 0)
            return true;
    return false;
}

/* An abbreviation worth learning or expanding: 2 to 10 letters or digits, a capital first and
 * at least two capitals ("COT", "PfA", "BSiL"). */
static bool looks_like_abbreviation(const char *s, size_t n)
{
    if (n < 2 || n > 10 || !is_upper(s[0]))
        return false;
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_alnum(s[i]))
            return false;
        caps += is_upper(s[i]);
    }
    return caps >= 2;
}

/* Where the words before text[paren] ("... Chief Operating Team (") spell abbr by their
 * initials, reading backwards and letting small words pass: the start of those words, else NULL. */
static const char *expansion_before(const char *text, const char *paren, const char *abbr, size_t n)
{
    const char *p = paren;
    const char *start = NULL;
    size_t letter = n;
    int words = 0;
    while (letter > 0 && words < 16) {
        while (p > text && (p[-1] == ' ' || p[-1] == ','))
            p--;
        const char *end = p;
        while (p > text && p[-1] != ' ' && p[-1] != '(' && p[-1] != ')' && p[-1] != '.' && p[-1] != ';' &&
               p[-1] != ':')
            p--;
        if (p == end)
            return NULL;
        words++;
        if (lower(p[0]) == lower(abbr[letter - 1]) && is_alnum(p[0])) {
            letter--;
            start = p;
        } else if (!is_small_word(p, (size_t)(end - p))) {
            return NULL;
        }
    }
    return letter == 0 ? start : NULL;
}

void sp_glossary_learn(sp_glossary *g, const char *text)
{
    for (const char *open = strchr(text, '('); open; open = strchr(open + 1, '(')) {
        const char *a = open + 1, *close = strchr(a, ')');
        if (!close || !looks_like_abbreviation(a, (size_t)(close - a)) || open == text || open[-1] != ' ')
            continue;
        size_t n = (size_t)(close - a);
        const char *start = expansion_before(text, open - 1, a, n);
        if (!start)
            continue;
        char *abbr = sp_arena_strndup(g->arena, a, n);
        sp_glossary_add(g, abbr, sp_arena_strndup(g->arena, start, (size_t)(open - 1 - start)), SP_GLOSS_LEARNED);
    }
}

void sp_glossary_build(sp_glossary *g, sp_arena *a, const sp_plan *p)
{
    *g = (sp_glossary){.arena = a};
    for (size_t i = 0; i < p->info.n_glossary; i++)
        sp_glossary_add(g, p->info.glossary[i].abbr, p->info.glossary[i].expansion, SP_GLOSS_PLAN_INI);
    for (size_t i = 0; i < p->actions.n; i++) {
        const sp_action *ac = &p->actions.items[i];
        sp_glossary_learn(g, ac->text);
        sp_glossary_learn(g, ac->outcome);
    }
    for (size_t i = 0; i < p->milestones.n; i++) {
        sp_glossary_learn(g, p->milestones.items[i].text);
        sp_glossary_learn(g, p->milestones.items[i].progress);
    }
    for (size_t i = 0; i < p->kpis.n; i++)
        sp_glossary_learn(g, p->kpis.items[i].name);
    for (size_t i = 0; i < SP_SEND_GLOSSARY_N; i++)
        sp_glossary_add(g, SP_SEND_GLOSSARY[i].abbr, SP_SEND_GLOSSARY[i].expansion, SP_GLOSS_BUILT_IN);
}

typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = 2 * (b->n + n + 1);
        b->s = sp_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

/* True when the use at text[at..at+n) is written out already: "Chief Operating Team (COT)"
 * or "COT (Chief Operating Team)". */
static bool written_out(const char *text, size_t at, size_t n, const sp_gloss_entry *e)
{
    const char *a = text + at;
    if (at >= 2 && a[-1] == '(' && a[-2] == ' ' && a[n] == ')') {
        size_t x = strlen(e->expansion);
        if (at >= 2 + x && strncasecmp(a - 2 - x, e->expansion, x) == 0)
            return true;
        if (expansion_before(text, a - 2, a, n))
            return true;
    }
    size_t x = strlen(e->expansion);
    return strncmp(a + n, " (", 2) == 0 && strncasecmp(a + n + 2, e->expansion, x) == 0 && a[n + 2 + x] == ')';
}

/* At the start of the text or of a sentence in it, where an expansion needs a capital. */
static bool sentence_start(const char *text, size_t at)
{
    while (at > 0 && text[at - 1] == ' ')
        at--;
    return at == 0 || text[at - 1] == '.' || text[at - 1] == '!' || text[at - 1] == '?' || text[at - 1] == '\n';
}

const char *sp_glossary_expand(sp_glossary *g, const char *text)
{
    if (!text)
        return text;
    buf b = {0};
    size_t copied = 0, i = 0, len = strlen(text);
    while (i < len) {
        if (!is_alnum(text[i]) || (i > 0 && is_alnum(text[i - 1]))) {
            i++;
            continue;
        }
        size_t n = 0;
        while (is_alnum(text[i + n]))
            n++;
        bool plural = false;
        sp_gloss_entry *e = sp_glossary_find(g, text + i, n);
        if (!e && n > 2 && text[i + n - 1] == 's' && is_upper(text[i + n - 2])) {
            e = sp_glossary_find(g, text + i, n - 1);
            plural = e != NULL;
        }
        if (e) {
            e = term_of(g, e); /* "PFA" after "PfA" is the same term, expanded once */
            if (!e->used)
                e->used_as = sp_arena_strndup(g->arena, text + i, plural ? n - 1 : n);
            e->used = true;
            if (!e->expanded) {
                e->expanded = true;
                if (!written_out(text, i, plural ? n - 1 : n, e)) {
                    put(&b, text + copied, i - copied);
                    put(&b, e->expansion, strlen(e->expansion));
                    if (sentence_start(text, i) && b.s[b.n - strlen(e->expansion)] >= 'a' &&
                        b.s[b.n - strlen(e->expansion)] <= 'z')
                        b.s[b.n - strlen(e->expansion)] -= 'a' - 'A';
                    if (plural)
                        put(&b, "s", 1);
                    put(&b, " (", 2);
                    put(&b, text + i, n);
                    put(&b, ")", 1);
                    copied = i + n;
                }
            }
        }
        i += n;
    }
    if (!b.s)
        return text;
    put(&b, text + copied, len - copied);
    const char *out = sp_arena_strdup(g->arena, b.s);
    free(b.s);
    return out;
}

static int by_abbr(const void *x, const void *y)
{
    const sp_gloss_entry *a = *(const sp_gloss_entry *const *)x, *b = *(const sp_gloss_entry *const *)y;
    int c = strcasecmp(a->abbr, b->abbr);
    return c ? c : strcmp(a->abbr, b->abbr);
}

size_t sp_glossary_used(const sp_glossary *g, const sp_gloss_entry ***out)
{
    size_t n = 0;
    const sp_gloss_entry **list = sp_arena_alloc(g->arena, (g->n + 1) * sizeof *list);
    for (size_t i = 0; i < g->n; i++) {
        if (!g->entries[i].used)
            continue;
        sp_gloss_entry *shown = sp_arena_alloc(g->arena, sizeof *shown); /* spelt as the reader met it */
        *shown = g->entries[i];
        if (shown->used_as)
            shown->abbr = shown->used_as;
        list[n++] = shown;
    }
    qsort(list, n, sizeof *list, by_abbr);
    *out = list;
    return n;
}
