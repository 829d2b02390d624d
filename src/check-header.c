/* check-header.c: what cchc-check's table modes (--counts, --form) do
 * alike: check a header's text, and that a later file's is the first's;
 * end a file and the run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "lib/csvin.h"
#include "lib/dossier.h"
#include "lib/fold.h"
#include "lib/msg.h"
#include "lib/msgs.h"

int
check_header_text(const struct csv_row *row, char *what, size_t size, const char **v,
                  size_t *vn)
{
	size_t i, at;
	int bad;

	*v = NULL;
	*vn = 0;
	if (row->err) {
		csvin_error_text(row, what, size);
		return -1;
	}
	for (i = 0; i < row->nf; i++)
		if ((bad = text_check(row->f[i].s, row->f[i].n, &at)) != TEXT_OK) {
			snprintf(what, size, "the header: %s", bad == TEXT_NUL ?
			    "a NUL byte in a name" : text_advice(row->f[i].s, row->f[i].n, at));
			*v = row->f[i].s;
			*vn = row->f[i].n;
			return -1;
		}
	return 0;
}

int
check_same_header(const struct csv_row *row, char *const *folded, size_t nf, char *hdr,
                  size_t size)
{
	int same = row->nf == nf;
	size_t i;

	for (i = 0; i < row->nf && same; i++) {
		char *f = fold(row->f[i].s, row->f[i].n);
		same = strcmp(f, folded[i]) == 0;
		free(f);
	}
	if (!same)
		dossier_header_text(row, hdr, size);
	return same;
}

int
check_file_end(struct msgs *m, const char *why)
{
	if (msgs_flush(m, stderr) < 0)
		die("write error on standard error");
	if (!why[0])
		return 0;
	warnx_("%s", why);	/* a workbook, UTF-16, no header...: no table */
	return 1;
}

void
check_summary(unsigned long empty, unsigned long rows, unsigned long passed,
              unsigned long rejected)
{
	if (empty)
		warnx_("%lu empty rows skipped (blank, or every field empty)", empty);
	warnx_("%lu rows: %lu passed, %lu rejected", rows, passed, rejected);
}
