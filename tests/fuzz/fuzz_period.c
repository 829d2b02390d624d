/* Period names: bounds in order, or a refusal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/period.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[24];
	long from, to;
	int cal;

	memcpy(s, data, size);
	s[size] = '\0';
	for (cal = 0; cal <= 1; cal++)
		if (period_bounds(s, cal, &from, &to) == 0) {
			if (from > to || to - from > 366)
				abort();
			day_format(from, buf);
		}
	free(s);
	return 0;
}
