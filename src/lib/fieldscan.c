#include "fieldscan.h"

void
scan_set_init(struct scan_set *t, char d)
{
	int c;

	for (c = 0; c < 256; c++)
		t->cls[c] = (c == 0 || c >= 0x80 ? SCAN_CHECK : 0) |
		    (c == (unsigned char)d || c == '"' || c == '\n' || c == '\r' ? SCAN_QUOTE : 0) |
		    (c == ' ' || c == '\t' ? SCAN_EDGE : 0);
	t->d = d;
}
