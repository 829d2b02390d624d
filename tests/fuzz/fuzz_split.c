/* The split cchc-sum -j rests on (split.h): one reader over the input, and
 * the same input cut in 2 to 4 parts, each part read by a fresh reader that
 * is used only where the reader before it is csvin_clean(), must give the
 * same records, lines and empties. */
#include <stdint.h>
#include <stddef.h>

#include "split.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct split_stats stats;

	split_input(data, size, &stats);
	return 0;
}
