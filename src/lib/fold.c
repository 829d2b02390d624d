#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "msg.h"

/* A leading part of s that is ASCII and not NUL: all of s when it is,
 * else at least the words of 8 bytes before the first other byte. Most of
 * an export is ASCII, and a word at a time is 8 times fewer tests; the
 * tail is one more word overlapping the last (two of 4 for a short s). */
static inline int
word_plain(uint64_t x)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;

	return !((x & high) || ((x - ones) & ~x & high));	/* a high bit, a zero byte */
}

static inline int
half_plain(uint32_t x)
{
	return !((x & 0x80808080u) || ((x - 0x01010101u) & ~x & 0x80808080u));
}

static inline size_t
ascii_run(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t x;
	uint32_t a, b;

	if (n < 8) {
		if (n < 4)
			return 0;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return half_plain(a) && half_plain(b) ? n : 0;
	}
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (!word_plain(x))
			return i;
	}
	if (i < n) {
		memcpy(&x, s + n - 8, 8);
		if (word_plain(x))
			return n;
	}
	return i;
}

static int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = ascii_run(s, n); i < n; i++)
		if ((unsigned char)s[i] & 0x80)
			return 0;
	return 1;
}

static int
is_sep(unsigned char c)
{
	/* a line break too: a cell written on two lines (Alt+Enter in Excel) */
	return c == ' ' || c == '_' || c == '-' || c == '\t' || c == '\n' || c == '\r';
}

/* fold, or with keep_marks the same keeping diacritics and đ: NFC. */
static char *
fold_as(const char *s, size_t n, int keep_marks)
{
	utf8proc_uint8_t *mapped = NULL;
	const unsigned char *src;
	size_t len, i, o = 0;
	char *out;
	int pending_sep = 0;

	if (is_ascii(s, n)) {
		src = (const unsigned char *)s;
		len = n;
	} else {
		utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &mapped,
		    keep_marks ? UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD :
		    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
		if (m < 0)
			return estrndup("", 0);
		src = mapped;
		len = (size_t)m;
	}
	out = emalloc(len + 1);
	for (i = 0; i < len; i++) {
		unsigned char c = src[i];
		if (is_sep(c)) {
			pending_sep = o > 0;
			continue;
		}
		/* U+00A0 no-break space, as spreadsheets write it */
		if (c == 0xc2 && i + 1 < len && src[i + 1] == 0xa0) {
			pending_sep = o > 0;
			i++;
			continue;
		}
		if (pending_sep) {
			out[o++] = '_';
			pending_sep = 0;
		}
		/* đ (U+0111) has no decomposition: it is its own letter */
		if (!keep_marks && c == 0xc4 && i + 1 < len && src[i + 1] == 0x91) {
			out[o++] = 'd';
			i++;
			continue;
		}
		out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (char)c;
	}
	out[o] = '\0';
	free(mapped);
	return out;
}

char *
fold(const char *s, size_t n)
{
	return fold_as(s, n, 0);
}

char *
fold_marked(const char *s, size_t n)
{
	return fold_as(s, n, 1);
}

/* Whether valid UTF-8 s is NFC as it stands, without the Unicode tables:
 * true when every code point is one that no normalisation touches whatever
 * surrounds it (NFC_QC=Yes, combining class 0, never the second of a
 * composition): below U+0300, the precomposed Latin letters U+1E00-U+1EFF
 * that Vietnamese is written in, punctuation U+2010-U+206F, currency
 * U+20A0-U+20CF (₫). Anything else goes to utf8proc. */
static int
nfc_quick(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = ascii_run(str, n);

	while (i < n) {
		unsigned c = s[i], cp;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c < 0xe0) {
			cp = (c & 0x1f) << 6 | (s[i + 1] & 0x3f);
			i += 2;
		} else if (c < 0xf0) {
			cp = (c & 0x0f) << 12 | (s[i + 1] & 0x3f) << 6 | (s[i + 2] & 0x3f);
			i += 3;
		} else {
			return 0;
		}
		if (cp < 0x300 || (cp >= 0x1e00 && cp <= 0x1eff) ||
		    (cp >= 0x2010 && cp <= 0x206f) || (cp >= 0x20a0 && cp <= 0x20cf))
			continue;
		return 0;
	}
	return 1;
}

const char *
nfc_ref(const char *s, size_t n, char **buf, size_t *cap, size_t *len)
{
	if (nfc_quick(s, n)) {
		*len = n;
		return s;
	}
	*len = nfc(s, n, buf, cap);
	return *buf;
}

size_t
nfc(const char *s, size_t n, char **buf, size_t *cap)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t m;

	if (nfc_quick(s, n)) {
		if (*cap < n + 1) {
			*cap = n + 1 > 256 ? n + 1 : 256;
			*buf = erealloc(*buf, *cap);
		}
		memcpy(*buf, s, n);
		(*buf)[n] = '\0';
		return n;
	}
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m < 0) {
		/* text_check has passed, so only memory can fail */
		die("Unicode normalisation failed: %s", utf8proc_errmsg(m));
	}
	if (*cap < (size_t)m + 1) {
		*cap = (size_t)m + 1;
		*buf = erealloc(*buf, *cap);
	}
	memcpy(*buf, mapped, (size_t)m + 1);
	free(mapped);
	return (size_t)m;
}

void
trim_ends(const char **s, size_t *n)
{
	const char *p = *s;
	size_t len = *n;

	for (;;) {
		if (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		} else if (len >= 2 && p[0] == '\xc2' && p[1] == '\xa0') {
			p += 2;
			len -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		if (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		else if (len >= 2 && p[len - 2] == '\xc2' && p[len - 1] == '\xa0')
			len -= 2;
		else
			break;
	}
	*s = p;
	*n = len;
}

void
trim_name(const char **s, size_t *n)
{
	trim(s, n);
	if (*n >= 3 && memcmp(*s, "\xef\xbb\xbf", 3) == 0) {
		*s += 3;
		*n -= 3;
		trim(s, n);
	}
}

/* The length of the well-formed UTF-8 sequence (Unicode table 3-7: no
 * overlong form, no surrogate, nothing past U+10FFFF) a non-ASCII lead
 * byte starts at s, or 0. utf8proc_iterate says the same, a call slower. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t k, i;

	if (c >= 0xc2 && c <= 0xdf)
		k = 2;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
	else
		return 0;
	if (n < k || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < k; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return k;
}

int
text_check(const char *s, size_t n, size_t *at)
{
	size_t i = ascii_run(s, n);

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k;

		if (c < 0x80) {
			if (c == 0) {
				*at = i;
				return TEXT_NUL;
			}
			i++;
			continue;
		}
		if ((k = utf8_seq((const unsigned char *)s + i, n - i)) == 0) {
			*at = i;
			return TEXT_BADUTF8;
		}
		i += k;
		i += ascii_run(s + i, n - i);
	}
	return TEXT_OK;
}

const char *
text_advice(const char *s, size_t n, size_t at)
{
	unsigned char c = (unsigned char)s[at];
	size_t need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0, k;

	/* A lead byte whose continuation bytes run into the end of the field
	 * is UTF-8 cut short (a spreadsheet truncating a cell), not a legacy
	 * encoding. Anything else, lone high bytes between ASCII letters, is
	 * what Windows-1258 and TCVN3 files look like. */
	if (need && at + need >= n) {
		for (k = at + 1; k < n; k++)
			if (((unsigned char)s[k] & 0xc0) != 0x80)
				break;
		if (k == n)
			return "a UTF-8 character is cut short at the end of the field";
	}
	return "not UTF-8; a legacy Vietnamese file converts with "
	    "iconv -f CP1258 -t UTF-8 (or -f TCVN5712-1)";
}
