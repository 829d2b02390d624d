/* Period names: bounds in order, or a refusal; the same of the options
 * --from and --to (the input cut at its first newline), with the days
 * written as a report writes them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/date.h"
#include "../../src/lib/period.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *nl, buf[24], err[256];
	long from, to;
	int cal, r;

	memcpy(s, data, size);
	s[size] = '\0';
	for (cal = 0; cal <= 1; cal++)
		if (period_bounds(s, cal, &from, &to) == 0) {
			if (from > to || to - from > 366)
				abort();
			day_format(from, buf);
			day_format_vn(to, buf);
			if (strlen(buf) != 10)
				abort();
		}
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		r = period_options(NULL, 0, s, nl + 1, DATE_DMY, &from, &to, err, sizeof err);
		if (r == 0 && from > to)
			abort();
		if (r < 0 && err[0] == '\0')
			abort();
		r = period_options(s, 1, NULL, NULL, DATE_DMY, &from, &to, err, sizeof err);
		if (r != 0 && r != -1)
			abort();
	}
	free(s);
	return 0;
}
