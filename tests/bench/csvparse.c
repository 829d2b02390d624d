/* csvparse: libcsv over a file with empty callbacks, in the blocks cchc's
 * reader uses: the ceiling a tool built on libcsv can reach. */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static unsigned long fields, rows;

static void cb_field(void *s, size_t n, void *d) { (void)s; (void)n; (void)d; fields++; }
static void cb_row(int c, void *d) { (void)c; (void)d; rows++; }

int
main(int argc, char *argv[])
{
	static char buf[256 * 1024];
	struct csv_parser p;
	ssize_t n;
	int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;

	if (fd < 0 || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return 2;
	csv_set_blk_size(&p, 64 * 1024);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)n, cb_field, cb_row, NULL) != (size_t)n)
			return 1;
	csv_fini(&p, cb_field, cb_row, NULL);
	csv_free(&p);
	printf("%lu rows, %lu fields\n", rows, fields);
	return 0;
}
