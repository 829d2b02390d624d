/* Date-times: whatever parses must format and parse back to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dt t, u;
	char buf[24];
	int order;

	for (order = DATE_DMY; order <= DATE_MDY; order++) {
		if (date_parse((const char *)data, size, order, &t) != DATE_OK)
			continue;
		if (!date_valid(t.y, t.m, t.d) || t.hh > 23 || t.mi > 59 || t.ss > 59)
			abort();
		date_format(&t, buf);
		if (date_parse(buf, strlen(buf), order, &u) != DATE_OK ||
		    date_secs(&t) != date_secs(&u) || t.has_time != u.has_time)
			abort();
	}
	return 0;
}
