#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cols.h"
#include "fold.h"
#include "level.h"
#include "msg.h"

/* The rules, all of them: man/cchc-map.1 (LEVELS) says them in words.
 *
 * A name is read word by word, from its start: the longest rule whose
 * words are the name's next words applies. A word is compared with its
 * marks: "Tịnh" (a commune's name) is not "tỉnh", "Huyền" not "huyện", "Bản"
 * (a village) not "ban". A word written without any mark (plain ASCII,
 * "UBND xa Tinh Khe") is compared folded, as it is all there is. */
enum {
	L_PREFIX = 100,	/* who stands before the unit's own words: read on */
	L_CITY,		/* "thành phố X": tinh for the six centrally governed, else huyen */
};

static const struct {
	const char *words;	/* lower case, with their marks, one space between */
	int then;		/* CAP_TINH, CAP_HUYEN, CAP_XA, L_PREFIX or L_CITY */
	int named;		/* a word must follow (the unit's name): 2 always,
				 * 1 unless a prefix came before, 0 never */
} rule_text[] = {
	/* the province's own agencies, whatever follows */
	{"sở", CAP_TINH, 2},
	{"ban", CAP_TINH, 2},
	{"văn phòng đăng ký đất đai", CAP_TINH, 0},
	{"vpđkđđ", CAP_TINH, 0},
	/* a branch of the province's land registry is the registry's */
	{"chi nhánh văn phòng đăng ký đất đai", CAP_TINH, 0},
	{"chi nhánh vpđkđđ", CAP_TINH, 0},
	/* the people's committee, its office, its desks, its police: the
	 * unit's kind follows */
	{"ubnd", L_PREFIX, 0},
	{"ủy ban nhân dân", L_PREFIX, 0},
	{"uỷ ban nhân dân", L_PREFIX, 0},
	{"văn phòng ubnd", L_PREFIX, 0},
	{"văn phòng ủy ban nhân dân", L_PREFIX, 0},
	{"văn phòng uỷ ban nhân dân", L_PREFIX, 0},
	{"văn phòng hđnd và ubnd", L_PREFIX, 0},
	{"văn phòng hội đồng nhân dân và ủy ban nhân dân", L_PREFIX, 0},
	{"văn phòng hội đồng nhân dân và uỷ ban nhân dân", L_PREFIX, 0},
	{"trung tâm phục vụ hành chính công", L_PREFIX, 0},
	{"trung tâm hành chính công", L_PREFIX, 0},
	{"bộ phận một cửa", L_PREFIX, 0},
	{"bộ phận tiếp nhận và trả kết quả", L_PREFIX, 0},
	{"công an", L_PREFIX, 0},
	{"cấp", L_PREFIX, 0},
	/* the unit's kind; alone (no prefix before it) it must have a name */
	{"tỉnh", CAP_TINH, 1},
	{"thành phố", L_CITY, 1},
	{"tp", L_CITY, 1},
	{"huyện", CAP_HUYEN, 1},
	{"quận", CAP_HUYEN, 1},
	{"thị xã", CAP_HUYEN, 1},
	{"xã", CAP_XA, 1},
	{"phường", CAP_XA, 1},
	{"thị trấn", CAP_XA, 1},
	{"đặc khu", CAP_XA, 1},
};

/* The centrally governed cities (thành phố trực thuộc trung ương): their
 * committees are of a province. Huế since 1 January 2025. */
static const char *const central_text[] = {
	"hà nội", "hồ chí minh", "hcm", "hải phòng", "đà nẵng", "cần thơ", "huế",
};

#define NRULES (sizeof rule_text / sizeof *rule_text)
#define NCENTRAL (sizeof central_text / sizeof *central_text)

/* A pattern word: as written, and folded for a name's unmarked words. */
struct pword {
	char *marked, *plain;
};

struct pattern {
	struct pword *w;
	size_t n;
};

static struct pattern rules[NRULES], central[NCENTRAL];
static int ready;

static void
split_pattern(const char *text, struct pattern *p)
{
	const char *s = text;

	p->n = 0;
	p->w = emalloc((strlen(text) / 2 + 2) * sizeof *p->w);
	while (*s) {
		const char *e = strchr(s, ' ');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		p->w[p->n].marked = estrndup(s, n);
		p->w[p->n].plain = fold(s, n);
		p->n++;
		s += n;
		while (*s == ' ')
			s++;
	}
}

static void
prepare(void)
{
	size_t i;

	for (i = 0; i < NRULES; i++)
		split_pattern(rule_text[i].words, &rules[i]);
	for (i = 0; i < NCENTRAL; i++)
		split_pattern(central_text[i], &central[i]);
	ready = 1;
}

/* A name's word: lower case, NFC; plain when it has no mark (ASCII). */
struct nword {
	const char *s;
	size_t n;
	int plain;
};

static int
is_sep(const unsigned char *s, size_t i, size_t n, size_t *len)
{
	static const char seps[] = " \t\r\n_-,.;:/()\"'";

	*len = 1;
	if (s[i] && strchr(seps, s[i]))
		return 1;
	if (s[i] == 0xc2 && i + 1 < n && s[i + 1] == 0xa0) {	/* no-break space */
		*len = 2;
		return 1;
	}
	return 0;
}

static int
word_is(const struct nword *w, const struct pword *p)
{
	const char *want = w->plain ? p->plain : p->marked;

	return strlen(want) == w->n && memcmp(want, w->s, w->n) == 0;
}

/* Do the words of p start at w[0..n)? */
static int
words_are(const struct nword *w, size_t n, const struct pattern *p)
{
	size_t i;

	if (p->n > n)
		return 0;
	for (i = 0; i < p->n; i++)
		if (!word_is(&w[i], &p->w[i]))
			return 0;
	return 1;
}

static int
read_words(const struct nword *w, size_t n)
{
	size_t pos = 0, i;
	int prefixed = 0;

	while (pos < n) {
		size_t best = NRULES, len = 0;
		for (i = 0; i < NRULES; i++)
			if (rules[i].n > len && words_are(w + pos, n - pos, &rules[i])) {
				best = i;
				len = rules[i].n;
			}
		if (best == NRULES)
			return -1;
		pos += len;
		if (rule_text[best].then == L_PREFIX) {
			prefixed = 1;
			continue;
		}
		if (rule_text[best].then == L_CITY) {
			/* which city: the words after it, whatever follows them
			 * ("thành phố Hà Nội - Văn phòng", "... Hà Nội (cũ)") */
			if (pos == n)
				return -1;
			for (i = 0; i < NCENTRAL; i++)
				if (words_are(w + pos, n - pos, &central[i]))
					return CAP_TINH;
			return CAP_HUYEN;
		}
		if (pos == n && (rule_text[best].named == 2 || (rule_text[best].named == 1 && !prefixed)))
			return -1;
		return rule_text[best].then;
	}
	return -1;
}

int
level_of_name(const char *s, size_t n)
{
	utf8proc_uint8_t *low = NULL;
	utf8proc_ssize_t m;
	struct nword *w;
	size_t nw = 0, i, k, cap;
	int level;

	if (!ready)
		prepare();
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &low,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (m < 0)
		return -1;
	cap = (size_t)m / 2 + 2;
	w = emalloc(cap * sizeof *w);
	for (i = 0; i < (size_t)m;) {
		size_t start;
		if (is_sep(low, i, (size_t)m, &k)) {
			i += k;
			continue;
		}
		start = i;
		while (i < (size_t)m && !is_sep(low, i, (size_t)m, &k))
			i++;
		w[nw].s = (const char *)low + start;
		w[nw].n = i - start;
		w[nw].plain = 1;
		for (k = start; k < i; k++)
			if (low[k] & 0x80)
				w[nw].plain = 0;
		nw++;
	}
	level = read_words(w, nw);
	free(w);
	free(low);
	return level;
}
