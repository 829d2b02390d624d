/* A field written back (cchc-map): field_scan_copy, with ',' and ';',
 * says what a byte at a time says (a NUL or a byte >= 0x80 to check;
 * the delimiter, a quote, CR, LF, or a space or tab at an end to quote
 * for), copies the field exactly, and reads no byte outside it (the field
 * is copied to a buffer of its size: AddressSanitizer sees a byte past
 * it); a field with nothing to check is text. seen_text gives text_check's
 * verdict and offset, the first time and when the value is seen again. The
 * input is cut into fields at each 0xfe byte: several to a run, for the
 * table of values seen. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/fieldscan.h"
#include "../../src/lib/fold.h"
#include "../../src/lib/seen.h"

static void
check(int ok)
{
	if (!ok)
		abort();
}

/* The flags a byte at a time, from the rules, not the classes. */
static unsigned
slow_scan(const unsigned char *s, size_t n, char d)
{
	unsigned f = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == 0 || s[i] >= 0x80)
			f |= SCAN_CHECK;
		if (s[i] == (unsigned char)d || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			f |= SCAN_QUOTE;
	}
	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		f |= SCAN_QUOTE;
	return f;
}

static void
one(struct seen *t, const struct scan_set *sets, const uint8_t *data, size_t n)
{
	char *s = malloc(n ? n : 1), *p = malloc(n + 16);
	size_t at, at2, k;
	int r, r2;

	memcpy(s, data, n);
	for (k = 0; k < 2; k++) {
		unsigned f = field_scan_copy(&sets[k], p, s, n, 1);
		check(f == slow_scan(data, n, sets[k].d));
		check(f == field_scan(&sets[k], s, n));
		check(memcmp(p, s, n) == 0);
		check((field_scan_bytes(&sets[k], s, n) | (f & SCAN_QUOTE)) == f);
		if (!(f & SCAN_CHECK))
			check(text_check(s, n, &at) == TEXT_OK);
	}
	if (n > 0) {
		r = text_check(s, n, &at);
		for (k = 0; k < 2; k++) {
			at2 = (size_t)-1;
			r2 = seen_text(t, s, n, &at2);
			check(r2 == r);
			check(r == TEXT_OK || at2 == at);
		}
	}
	free(s);
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scan_set sets[2];
	struct seen *t = seen_new();
	size_t i, start = 0;

	scan_set_init(&sets[0], ',');
	scan_set_init(&sets[1], ';');
	for (i = 0; i <= size; i++)
		if (i == size || data[i] == 0xfe) {
			one(t, sets, data + start, i - start);
			start = i + 1;
		}
	/* and every field again, found in the table now */
	for (i = 0, start = 0; i <= size; i++)
		if (i == size || data[i] == 0xfe) {
			one(t, sets, data + start, i - start);
			start = i + 1;
		}
	seen_free(t);
	return 0;
}
