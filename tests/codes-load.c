/* codes-load: a test driver for codes_load (the user's --codes table) until
 * the tools take the option. Built by tests/codes.bats.
 *
 *   codes-load [-k] [-d C] FILE... [-- COL VALUE...]
 *
 * Loads each FILE in turn (a failure: "codes-load: ERR", exit 2; with -k
 * the error is said and the next FILE loaded), then
 * writes "COL,VALUE: CODE" for each pair, CODE being the code col_code_raw
 * gives VALUE, or what is wrong with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "cols.h"
#include "csvin.h"
#include "fold.h"
#include "msg.h"

int
main(int argc, char **argv)
{
	char err[512];
	int i = 1, delim = ',', keep_going = 0;

	msg_init(argv[0]);
	if (i < argc && strcmp(argv[i], "-k") == 0) {
		keep_going = 1;
		i++;
	}
	if (i + 1 < argc && strcmp(argv[i], "-d") == 0) {
		if ((delim = csvin_delim_opt("-d", argv[i + 1])) < 0)
			return EXIT_FAIL;
		i += 2;
	}
	for (; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (codes_load(argv[i], (unsigned char)delim, err, sizeof err) < 0) {
			warnx_("%s", err);
			if (keep_going)
				continue;
			codes_clear();
			return EXIT_FAIL;
		}
	printf("%zu words\n", codes_count());
	for (i++; i + 1 < argc; i += 2) {
		char *f = fold(argv[i], strlen(argv[i]));
		int rank, col = col_lookup(f, &rank), code;

		free(f);
		if (col < 0 || !col_has_codes(col))
			die("%s: not a code column", argv[i]);
		code = col_code_raw(col, argv[i + 1], strlen(argv[i + 1]));
		printf("%s,%s: %s\n", col_name[col], argv[i + 1],
		    code >= 0 ? col_code_name(col, code) : col_code_error(code));
	}
	codes_clear();
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}
