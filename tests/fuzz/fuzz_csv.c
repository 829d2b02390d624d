/* The CSV reader with header folding and dossier values: every record as a
 * header and as a row, the way cchc-check and cchc-sum read them; and the
 * reader against itself with an arena too small for any record. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/csvin.h"
#include "../../src/lib/dossier.h"
#include "../../src/lib/fold.h"

#include <utf8proc.h>

/* text_check's own UTF-8 decoder against utf8proc's: the same verdict at
 * the same byte. */
static void
utf8_agrees(const char *s, size_t n)
{
	size_t i = 0, at = 0, want = (size_t)-1;
	int r = text_check(s, n, &at);

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		if (s[i] == 0)
			break;
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k < 0) {
			want = i;
			break;
		}
		i += (size_t)k;
	}
	if (i < n && s[i] == 0 && want == (size_t)-1) {
		if (r != TEXT_NUL || at != i)
			abort();
	} else if (want != (size_t)-1) {
		if (r != TEXT_BADUTF8 || at != want)
			abort();
	} else if (r != TEXT_OK) {
		abort();
	}
}

struct ctx {
	struct dossier_cols cols;
	int have;
	int want_mapped;	/* read only the mapped columns, as cchc-sum does */
	unsigned char *want;
	struct dossier_parser p;
	char *buf;
	size_t cap;
};

static int
on_row(struct csv_row *row, void *data)
{
	struct ctx *c = data;
	char err[512];
	size_t i, at;

	if (row->rec == 0) {
		if (dossier_cols_init(&c->cols, row, err, sizeof err) == 0) {
			c->have = 1;
			if (c->want_mapped) {
				c->want = calloc(c->cols.nf + 1, 1);
				for (i = 0; i < c->cols.nf; i++)
					c->want[i] = c->cols.role[i] >= 0;
				row->want = c->want;
				row->nwant = c->cols.nf;
			}
		} else {
			dossier_cols_free(&c->cols);
		}
		return 0;
	}
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		utf8_agrees(s, n);
		if (text_check(s, n, &at) != TEXT_OK) {
			text_advice(s, n, at);
			/* cchc-check skips the text check of a code it has
			 * seen: bad text is never one */
			if (c->have && i < c->cols.nf && c->cols.role[i] >= 0 &&
			    col_has_codes(c->cols.role[i])) {
				trim(&s, &n);
				if (n && dossier_code_seen(&c->p, c->cols.role[i], s, n) != CODE_UNSEEN)
					abort();
			}
			continue;
		}
		trim(&s, &n);
		{	/* nfc_ref is nfc without the copy: the same text */
			size_t len, len2;
			const char *r = nfc_ref(s, n, &c->buf, &c->cap, &len);
			char *copy = malloc(len + 1);
			memcpy(copy, r, len);
			len2 = nfc(s, n, &c->buf, &c->cap);
			if (len2 != len || memcmp(copy, c->buf, len) != 0)
				abort();
			free(copy);
		}
		free(fold(s, n));
		if (c->have && i < c->cols.nf && c->cols.role[i] >= 0) {
			struct dossier d;
			const char *why;
			int col = c->cols.role[i], code;
			memset(&d, 0, sizeof d);
			dossier_value(&c->p, col, s, n, &d, &why);
			/* the table of values seen (keyed by their bytes) and
			 * the hash map give the code col_code_raw gives the
			 * bytes uncached (a control byte, a level's marks) */
			if (col_has_codes(col) && n > 0) {
				int truth = col_code_raw(col, s, n), seen;
				code = dossier_code(&c->p, col, s, n);
				seen = dossier_code_seen(&c->p, col, s, n);
				if (code != truth || dossier_code(&c->p, col, s, n) != truth ||
				    (seen != CODE_UNSEEN && seen != truth))
					abort();
			}
		}
	}
	return 0;
}

/* What the reader gives, hashed: a read with an arena that starts at one
 * byte, so that records outgrow it and their fields are moved, must give
 * what a read with the usual arena gives. Every other field is wanted when
 * odd is set. */
struct digest {
	uint64_t h;
	int odd;
	unsigned char want[64];
};

static void
mix(struct digest *d, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		d->h = (d->h ^ *b++) * 0x100000001b3u;
}

static int
on_row_digest(struct csv_row *row, void *data)
{
	struct digest *d = data;
	size_t i;

	if (row->rec == 0 && d->odd) {
		for (i = 0; i < sizeof d->want; i++)
			d->want[i] = i % 2;
		row->want = d->want;
		row->nwant = sizeof d->want;
	}
	mix(d, &row->rec, sizeof row->rec);
	mix(d, &row->line, sizeof row->line);
	mix(d, &row->nf, sizeof row->nf);
	mix(d, &row->err_line, sizeof row->err_line);
	if (row->err)
		mix(d, row->err, strlen(row->err));
	for (i = 0; i < row->nf; i++) {
		mix(d, &row->f[i].n, sizeof row->f[i].n);
		mix(d, row->f[i].s, row->f[i].n + 1);	/* the NUL too */
	}
	return 0;
}

static void
arena_agrees(const uint8_t *data, size_t size, unsigned char delim)
{
	struct digest a = {0xcbf29ce484222325u, size && (data[0] & 8), {0}}, b = a;

	csvin_read_mem("fuzz", (const char *)data, size, delim, on_row_digest, &a, NULL);
	setenv("CCHC_ARENA_SIZE", "1", 1);
	csvin_read_mem("fuzz", (const char *)data, size, delim, on_row_digest, &b, NULL);
	unsetenv("CCHC_ARENA_SIZE");
	if (a.h != b.h)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;
	unsigned char delim = size ? (data[0] & 1 ? ';' : ',') : ',';

	memset(&c, 0, sizeof c);
	c.want_mapped = size && (data[0] & 4);
	dossier_parser_init(&c.p, size && (data[0] & 2) ? DATE_MDY : DATE_DMY);
	csvin_read_mem("fuzz", (const char *)data, size, delim, on_row, &c, NULL);
	arena_agrees(data, size, delim);
	if (c.have)
		dossier_cols_free(&c.cols);
	dossier_parser_free(&c.p);
	free(c.buf);
	free(c.want);
	return 0;
}
