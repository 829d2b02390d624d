/* The CSV reader with header folding and dossier values: every record as a
 * header and as a row, the way cchc-check and cchc-sum read them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/csvin.h"
#include "../../src/lib/dossier.h"
#include "../../src/lib/fold.h"

struct ctx {
	struct dossier_cols cols;
	int have;
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
		if (dossier_cols_init(&c->cols, row, err, sizeof err) == 0)
			c->have = 1;
		else
			dossier_cols_free(&c->cols);
		return 0;
	}
	for (i = 0; i < row->nf; i++) {
		const char *s = row->f[i].s;
		size_t n = row->f[i].n;
		if (text_check(s, n, &at) != TEXT_OK) {
			text_advice(s, n, at);
			continue;
		}
		trim(&s, &n);
		nfc(s, n, &c->buf, &c->cap);
		free(fold(s, n));
		if (c->have && i < c->cols.nf && c->cols.role[i] >= 0) {
			struct dossier d;
			const char *why;
			memset(&d, 0, sizeof d);
			dossier_value(&c->p, c->cols.role[i], s, n, &d, &why);
		}
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;
	unsigned char delim = size ? (data[0] & 1 ? ';' : ',') : ',';

	memset(&c, 0, sizeof c);
	dossier_parser_init(&c.p, size && (data[0] & 2) ? DATE_MDY : DATE_DMY);
	csvin_read_mem("fuzz", (const char *)data, size, delim, on_row, &c, NULL);
	if (c.have)
		dossier_cols_free(&c.cols);
	dossier_parser_free(&c.p);
	free(c.buf);
	return 0;
}
