/* Form files: rows, sources, references, cycles. */
#include <stdint.h>
#include <stdlib.h>

#include "../../src/lib/forms.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form f;
	char err[1024];

	if (form_load_mem("fuzz", (const char *)data, size, &f, err, sizeof err) == 0)
		form_find(&f, "1", 1);
	form_free(&f);
	return 0;
}
