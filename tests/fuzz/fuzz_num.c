/* Numbers: counts and decimals in either style, formatted back, and rates. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/num.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int64_t c, c2;
	struct dec d, r;
	char buf[80];
	int pct;

	if (num_count(s, size, &c) == NUM_OK) {
		num_format_count(c, '.', buf);
		if (num_count(buf, strlen(buf), &c2) != NUM_OK || c2 != c)
			abort();
		num_format_count(c, ',', buf);
		if (num_count(buf, strlen(buf), &c2) != NUM_OK || c2 != c)
			abort();
	}
	if (num_decimal(s, size, &d, &pct) == NUM_OK) {
		struct dec one = {1, 0};
		num_format_dec(d, '.', 0, buf);
		if (d.v != 0 && dec_percent(one, d, 4, &r))
			dec_percent_matches(r, one, d);
		if (dec_percent(d, one, 2, &r) && !dec_percent_matches(r, d, one))
			abort();
		dec_add(d, d, &r);
	}
	if (size >= 16) {
		int64_t a, b;
		memcpy(&a, data, 8);
		memcpy(&b, data + 8, 8);
		if (b != 0)
			num_percent(a, b, (int)(size % 16), buf);
	}
	return 0;
}
