/* Rate expressions and form sources. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/expr.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct expr e;
	const char *why;
	size_t at;
	int mode;

	memcpy(s, data, size);
	s[size] = '\0';
	for (mode = EXPR_RATES; mode <= EXPR_SLASH_IN_NAMES; mode++) {
		if (expr_parse(s, mode, &e, &why, &at) == 0) {
			if (e.nnum == 0)
				abort();
			expr_free(&e);
		} else if (at > strlen(s)) {
			abort();	/* the caret must point inside */
		}
	}
	free(s);
	return 0;
}
