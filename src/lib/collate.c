/* Vietnamese alphabetical order: the levels are said in collate.h.
 *
 * A text's sort key is its levels one after the other, each byte of a
 * level not 0, a 0 after each level, so that memcmp of two keys compares
 * level 1 first, and a level only where the ones before are equal; the
 * key of a row is its columns' keys in turn. The key is made once per
 * text (per group, never per row), then a sort compares bytes. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "collate.h"
#include "fold.h"
#include "msg.h"

/* The alphabet, in its order: each letter a base letter and at most one
 * of letter_marks (in NFD: ă is a with a breve). f, j, w and z are no
 * Vietnamese letters, but come in names and codes: where Latin has them. */
static const char alphabet[] =
    "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z";

/* The marks that make a letter of the alphabet of a base letter. */
static const utf8proc_int32_t letter_marks[] = {
	0x0306,	/* breve: ă */
	0x0302,	/* circumflex: â ê ô */
	0x031B,	/* horn: ơ ư */
};
enum { NMARKS = sizeof letter_marks / sizeof *letter_marks };

/* The tones after none, in the dictionary's order. */
static const utf8proc_int32_t tone_marks[] = {
	0x0300,	/* huyền: à */
	0x0309,	/* hỏi: ả */
	0x0303,	/* ngã: ã */
	0x0301,	/* sắc: á */
	0x0323,	/* nặng: ạ */
};
enum { NTONES = sizeof tone_marks / sizeof *tone_marks };

/* Level 1's units: their first byte orders the kinds. */
enum {
	U_SPACE = 0x01,		/* a run of white space */
	U_OTHER = 0x02,		/* punctuation, symbols, a byte not UTF-8: + code point */
	U_NUMBER = 0x03,	/* + its length, + its digits */
	U_LETTER = 0x10,	/* + the letter's place in the alphabet, 1.. */
	U_FOREIGN = 0x50,	/* another letter: + its lower-case code point */
};

/* weight[base][mark]: a letter's place in the alphabet (1..), 0 for none;
 * base 0-25 a-z, 26 đ; mark 0 none, 1.. letter_marks. */
enum { NBASES = 27 };
static unsigned char weight[NBASES][NMARKS + 1];
static pthread_once_t weight_once = PTHREAD_ONCE_INIT;

static int
base_index(utf8proc_int32_t c)
{
	if (c >= 'a' && c <= 'z')
		return (int)(c - 'a');
	return c == 0x0111 ? 26 : -1;	/* đ: a letter of its own, no decomposition */
}

static int
mark_index(utf8proc_int32_t c)
{
	int k;

	for (k = 0; k < NMARKS; k++)
		if (letter_marks[k] == c)
			return k + 1;
	return 0;
}

static void
make_weights(void)
{
	utf8proc_int32_t cp[256];
	utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)alphabet,
	    (utf8proc_ssize_t)strlen(alphabet), cp, 256, UTF8PROC_DECOMPOSE);
	utf8proc_ssize_t i;
	int w = 0;

	if (n < 0 || n > 256)
		die("internal error: the alphabet does not decompose");
	for (i = 0; i < n; i++) {
		int b = base_index(cp[i]), m = 0;
		if (cp[i] == ' ')
			continue;
		if (i + 1 < n && cp[i + 1] != ' ')
			m = mark_index(cp[++i]);
		if (b < 0 || weight[b][m])
			die("internal error: the alphabet's letter %d", w + 1);
		weight[b][m] = (unsigned char)++w;
	}
}

static int
is_space(utf8proc_int32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') ||
	    (c >= 0x80 && c < 0x110000 && utf8proc_category(c) == UTF8PROC_CATEGORY_ZS);
}

static int
is_letter(utf8proc_int32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c >= 0x110000)
		return 0;
	k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int
is_mark(utf8proc_int32_t c)
{
	utf8proc_category_t k;

	if (c < 0x300 || c >= 0x110000)
		return 0;
	k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME;
}

/* A code point (or 0x110000 + a byte that is not UTF-8) in three bytes
 * of 7 bits, none 0, in the order of the numbers. */
static char *
put_cp(char *o, utf8proc_int32_t c)
{
	uint32_t u = (uint32_t)c;

	*o++ = (char)(((u >> 14) & 0x7f) + 1);
	*o++ = (char)(((u >> 7) & 0x7f) + 1);
	*o++ = (char)((u & 0x7f) + 1);
	return o;
}

/* Text bytes in a level: none 0, the order kept, the shorter first. */
static char *
put_bytes(char *o, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0xfe) {
			*o++ = (char)(b + 1);
		} else {
			*o++ = (char)0xff;
			*o++ = (char)(b - 0xfd);
		}
	}
	*o++ = 0;
	return o;
}

/* What code_points found the text to be. */
enum { TEXT_UTF8, TEXT_BYTES };

/* The text as code points: NFD when it is UTF-8; else each character
 * decomposed on its own and each bad byte as 0x110000 + the byte. A new
 * array, the caller frees; *kind says which. */
static utf8proc_int32_t *
code_points(const char *s, size_t n, size_t *ncp, int *kind)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	size_t cap = n + 8, i, o = 0;
	utf8proc_int32_t *cp = emalloc(cap * sizeof *cp);
	utf8proc_ssize_t r;

	for (;;) {
		r = utf8proc_decompose(u, (utf8proc_ssize_t)n, cp, (utf8proc_ssize_t)cap,
		    UTF8PROC_DECOMPOSE);
		if (r < 0 || (size_t)r <= cap)
			break;
		cap = (size_t)r;
		cp = erealloc(cp, cap * sizeof *cp);
	}
	if (r >= 0) {
		*ncp = (size_t)r;
		*kind = TEXT_UTF8;
		return cp;
	}
	*kind = TEXT_BYTES;
	cap = 4 * n + 8;	/* a character of k bytes decomposes into k + 2 at most */
	cp = erealloc(cp, cap * sizeof *cp);
	for (i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &c);
		int last = 0;
		if (k <= 0) {
			cp[o++] = 0x110000 + u[i++];
			continue;
		}
		r = utf8proc_decompose_char(c, cp + o, (utf8proc_ssize_t)(cap - o), UTF8PROC_DECOMPOSE, &last);
		if (r < 0 || (size_t)r > cap - o)	/* cannot be, by the bound */
			cp[o++] = c;
		else
			o += (size_t)r;
		i += (size_t)k;
	}
	*ncp = o;
	return cp;
}

/* A number's head in level 1: U_NUMBER, then its count of digits (leading
 * zeros not counted) in 7-bit groups after their number, so that more
 * digits is a larger number; its digits follow. */
static char *
put_number(char *o, size_t digits)
{
	size_t g = 1, k;

	while (g < 5 && (digits >> (7 * g)) != 0)
		g++;
	*o++ = U_NUMBER;
	*o++ = (char)(1 + g);
	for (k = g; k-- > 0;)
		*o++ = (char)(((digits >> (7 * k)) & 0x7f) + 1);
	return o;
}

/* Room for a key of ncp code points of a text of n bytes, NFC nfclen. */
static void
reserve(char **buf, size_t *cap, size_t len, size_t ncp, size_t n, size_t nfclen)
{
	/* level 1: at most 7 bytes a code point (a one-digit number); 2 and 3
	 * one; a text byte at most 2; the separators and the tail */
	size_t need = 9 * ncp + 2 * nfclen + 2 * n + 8;

	if (*cap < len + need) {
		*cap = (len + need) * 2;
		*buf = erealloc(*buf, *cap);
	}
}

static int
ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
ascii_letter(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The key of ASCII text: its own NFD and NFC, no marks, no tones. One
 * pass; levels 2 and 3 wait on the stack (a short text) meanwhile. */
static void
ascii_key(const char *s, size_t n, char **buf, size_t *cap, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char small[256], *words, *cases;
	size_t i, k, nw = 0, nl = 0;
	int after_space = 0, in_word = 0;
	char *o;

	words = n < sizeof small / 2 ? small : emalloc(2 * n + 2);
	cases = words + n + 1;
	reserve(buf, cap, *len, n, n, n);
	o = *buf + *len;
	for (i = 0; i < n;) {
		unsigned char c = u[i];
		if (ascii_letter(c)) {
			*o++ = (char)(U_LETTER + weight[(c | 0x20) - 'a'][0]);
			cases[nl++] = c >= 'a' ? 1 : 2;
			if (!in_word)	/* a word's tone: none */
				words[nw++] = 1;
			in_word = 1;
			after_space = 0;
			i++;
			continue;
		}
		in_word = 0;
		if (ascii_space(c)) {
			if (!after_space)
				*o++ = U_SPACE;
			after_space = 1;
			i++;
			continue;
		}
		after_space = 0;
		if (c >= '0' && c <= '9') {
			while (i < n && u[i] == '0')
				i++;
			for (k = i; k < n && u[k] >= '0' && u[k] <= '9'; k++)
				;
			o = put_number(o, k - i);
			while (i < k)
				*o++ = (char)u[i++];
			continue;
		}
		*o++ = U_OTHER;
		o = put_cp(o, c);
		i++;
	}
	*o++ = 0;
	memcpy(o, words, nw);
	o += nw;
	*o++ = 0;
	memcpy(o, cases, nl);
	o += nl;
	*o++ = 0;
	o = put_bytes(o, s, n);
	*o++ = 1;	/* written in NFC */
	*len = (size_t)(o - *buf);
	if (words != small)
		free(words);
}

/* A word ends: its tone into level 2 (1 none, 2 huyền ... 6 nặng). */
static void
end_word(int *in_word, int tone, unsigned char *tone_of_word, size_t *nw)
{
	if (*in_word)
		tone_of_word[(*nw)++] = (unsigned char)(1 + tone);
	*in_word = 0;
}

void
collate_key(const char *s, size_t n, char **buf, size_t *cap, size_t *len)
{
	size_t ncp, i, nl = 0, nw = 0, nfclen = n, nfccap = 0;
	utf8proc_int32_t *cp;
	unsigned char *tone_of_word, *case_of_letter;
	char *nfcbuf = NULL, *o;
	const char *nfctext = s;
	int kind, in_word = 0, tone = 0, after_space = 0;

	pthread_once(&weight_once, make_weights);
	for (i = 0; i < n && !((unsigned char)s[i] & 0x80); i++)
		;
	if (i == n) {
		ascii_key(s, n, buf, cap, len);
		return;
	}
	cp = code_points(s, n, &ncp, &kind);
	if (kind == TEXT_UTF8)	/* bytes that are not UTF-8 have no NFC */
		nfctext = nfc_ref(s, n, &nfcbuf, &nfccap, &nfclen);
	reserve(buf, cap, *len, ncp, n, nfclen);
	tone_of_word = emalloc(2 * ncp + 2);
	case_of_letter = tone_of_word + ncp + 1;
	o = *buf + *len;
	for (i = 0; i < ncp;) {
		utf8proc_int32_t c = cp[i];
		if (is_mark(c)) {	/* on no letter: the NFC bytes decide */
			i++;
			continue;
		}
		if (is_space(c)) {
			end_word(&in_word, tone, tone_of_word, &nw);
			if (!after_space)
				*o++ = U_SPACE;
			after_space = 1;
			i++;
			continue;
		}
		after_space = 0;
		if (c >= '0' && c <= '9') {	/* a number, by its value */
			size_t start;
			end_word(&in_word, tone, tone_of_word, &nw);
			while (i < ncp && cp[i] == '0')
				i++;
			for (start = i; i < ncp && cp[i] >= '0' && cp[i] <= '9'; i++)
				;
			o = put_number(o, i - start);
			for (; start < i; start++)
				*o++ = (char)cp[start];
			continue;
		}
		if (is_letter(c)) {
			utf8proc_int32_t lower = c < 0x80 ? (c | 0x20) : utf8proc_tolower(c);
			int b = base_index(lower), m = 0, t = 0, k;
			size_t j;
			for (j = i + 1; j < ncp && is_mark(cp[j]); j++) {
				int mk = mark_index(cp[j]);
				if (b >= 0 && !m && mk && weight[b][mk])
					m = mk;
				for (k = 0; k < NTONES && !t; k++)
					if (tone_marks[k] == cp[j])
						t = k + 1;
			}
			if (b >= 0 && weight[b][m]) {
				*o++ = (char)(U_LETTER + weight[b][m]);
			} else {
				*o++ = U_FOREIGN;
				o = put_cp(o, lower);
			}
			case_of_letter[nl++] = lower != c ? 2 : 1;
			if (!in_word) {
				in_word = 1;
				tone = 0;
			}
			if (!tone)
				tone = t;
			i = j;
			continue;
		}
		end_word(&in_word, tone, tone_of_word, &nw);
		*o++ = U_OTHER;
		o = put_cp(o, c);
		i++;
	}
	end_word(&in_word, tone, tone_of_word, &nw);
	*o++ = 0;
	memcpy(o, tone_of_word, nw);
	o += nw;
	*o++ = 0;
	memcpy(o, case_of_letter, nl);
	o += nl;
	*o++ = 0;
	o = put_bytes(o, nfctext, nfclen);
	/* level 5: the NFC spelling first (1), then the others by their
	 * bytes (2, the bytes); text not UTF-8 is decided by level 4 */
	if (nfctext == s) {
		*o++ = 1;
	} else {
		*o++ = 2;
		o = put_bytes(o, s, n);
	}
	*len = (size_t)(o - *buf);
	free(tone_of_word);
	free(nfcbuf);
	free(cp);
}

int
collate_keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	int r = memcmp(a, b, an < bn ? an : bn);

	if (r)
		return r;
	return an < bn ? -1 : an > bn;
}

int
collate_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	char *ka = NULL, *kb = NULL;
	size_t ca = 0, cb = 0, la = 0, lb = 0;
	int r;

	collate_key(a, an, &ka, &ca, &la);
	collate_key(b, bn, &kb, &cb, &lb);
	r = collate_keycmp(ka, la, kb, lb);
	free(ka);
	free(kb);
	return r;
}
