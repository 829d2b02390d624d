/* Date-times: whatever parses must format and parse back to itself, and
 * the inline compact parser must agree with the general one. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dt t, u;
	char buf[24];
	int order, err;

	for (order = DATE_DMY; order <= DATE_MDY; order++) {
		err = date_parse((const char *)data, size, order, &t);
		if (err != date_parse_other((const char *)data, size, order, &u))
			abort();
		if (err != DATE_OK)
			continue;
		if (t.y != u.y || t.m != u.m || t.d != u.d || t.hh != u.hh || t.mi != u.mi ||
		    t.ss != u.ss || t.days != u.days || t.has_time != u.has_time ||
		    t.has_sec != u.has_sec)
			abort();
		if (!date_valid(t.y, t.m, t.d) || t.hh > 23 || t.mi > 59 || t.ss > 59)
			abort();
		date_format(&t, buf);
		if (date_parse(buf, strlen(buf), order, &u) != DATE_OK ||
		    date_secs(&t) != date_secs(&u) || t.has_time != u.has_time)
			abort();
	}
	return 0;
}
