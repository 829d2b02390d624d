/* split-check: the check of fuzz_split (split.h) without libFuzzer, built
 * with the usual compiler by make and run by tests/split.bats.
 *
 * split-check [-n COUNT] [-s SEED] [FILE...]
 *
 * Each FILE is a harness input (the header, then the bytes: split.h). It is
 * checked as it is, then at every cut of its bytes (at most 512 of them,
 * evenly spread, on a longer one), alone and with two more cuts, at block
 * sizes that change with the cut. Then COUNT inputs (default 0) made from
 * SEED (default 1): quoted fields with the delimiter, "" and line ends in
 * them, quotes never closed, stray quotes and text after a closing quote,
 * LF, CR LF and lone CR line ends, blank lines and lines of blanks, ",,,"
 * rows, a BOM, NUL bytes, invalid UTF-8, long fields, the marks and tags of
 * what is not CSV, after blanks; each checked with its
 * header and at 6 other sets of cuts. A failure says what differs and the
 * input, as a printf(1) format that writes it to a file, and aborts.
 * Prints what it ran. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "split.h"

static unsigned char *cur;	/* the input being checked */
static size_t cur_len;

/* On abort: the input, for printf '...' > f; split-check f */
static void
on_abort(int sig)
{
	size_t i;

	(void)sig;
	fputs("split-check: the input: printf '", stderr);
	for (i = 0; i < cur_len; i++) {
		unsigned char c = cur[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == ',' || c == ';' || c == ' ')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\%03o", c);
	}
	fputs("' > split.in\n", stderr);
	fflush(stderr);
	signal(SIGABRT, SIG_DFL);
}

static uint64_t rng;

static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

struct buf {
	unsigned char *b;
	size_t n, cap;
};

static void
put(struct buf *b, const void *p, size_t n)
{
	if (b->n + n > b->cap) {
		while (b->n + n > b->cap)
			b->cap = b->cap ? 2 * b->cap : 256;
		if (!(b->b = realloc(b->b, b->cap)))
			abort();
	}
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static struct split_stats stats;

/* The input made of header h and body[0, len), checked. */
static void
check(const unsigned char h[SPLIT_HDR], const unsigned char *body, size_t len)
{
	static struct buf in;

	in.n = 0;
	put(&in, h, SPLIT_HDR);
	if (len)
		put(&in, body, len);
	cur = in.b;
	cur_len = in.n;
	split_input(in.b, in.n, &stats);
}

static void
set_cut(unsigned char h[SPLIT_HDR], int i, size_t c)
{
	h[2 + 2 * i] = (unsigned char)(c & 0xff);
	h[3 + 2 * i] = (unsigned char)(c >> 8 & 0xff);
}

/* h with other cuts (ncuts of them, 1 to 3), block sizes and flags. */
static void
vary(unsigned char h[SPLIT_HDR], int ncuts, size_t c0, size_t len, uint32_t r)
{
	int i;

	h[0] = (unsigned char)((h[0] & 3) | (ncuts - 1) << 2 | (r & 0xf0));
	h[1] = (unsigned char)(r >> 8);
	set_cut(h, 0, c0);
	for (i = 1; i < SPLIT_MAXCUTS; i++)
		set_cut(h, i, len ? rnd() % (len + 1) : 0);
}

static int
check_file(const char *path)
{
	static struct buf f;
	unsigned char h[SPLIT_HDR] = {0};
	const unsigned char *body;
	size_t len, c, step;
	char where[512];
	FILE *fp = fopen(path, "rb");
	unsigned char chunk[4096];
	size_t got;

	if (!fp) {
		perror(path);
		return 1;
	}
	f.n = 0;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		put(&f, chunk, got);
	fclose(fp);
	snprintf(where, sizeof where, "%s", path);
	split_where = where;
	cur = f.b;
	cur_len = f.n;
	split_input(f.b, f.n, &stats);
	memcpy(h, f.b, f.n < SPLIT_HDR ? f.n : SPLIT_HDR);
	body = f.n > SPLIT_HDR ? f.b + SPLIT_HDR : (const unsigned char *)"";
	len = f.n > SPLIT_HDR ? f.n - SPLIT_HDR : 0;
	if (len > 65535)	/* a cut is 16 bits */
		len = 65535;
	step = len / 512 + 1;
	for (c = 0; c <= len; c += step) {
		unsigned char v[SPLIT_HDR];
		memcpy(v, h, SPLIT_HDR);
		snprintf(where, sizeof where, "%s, cut at %zu", path, c);
		vary(v, 1, c, len, (uint32_t)(c * 0x9e3779b9u) & 0x3ff0);
		v[0] &= 0x7f;	/* the cut where it is, not after an LF */
		check(v, body, len);
		vary(v, 3, c, len, rnd());
		check(v, body, len);
	}
	split_where = NULL;
	return 0;
}

/* A body of CSV hazards with delimiter d. */
static void
gen(struct buf *b, unsigned char d)
{
	static const char *const tok[] = {
		"a", "bc", "x y", "1", "2024-01-01", "\xc3\xa9", "\xff", "\xe1\xbb", " ",
		"  ", "\t", "\"", "\"\"", "\"q\"", "\"a\nb\"", "\"a\r\nb\"", "\"a\rb\"",
		"\"a\"\"b\"", "\"\"\"\"", "\" \"", "a\"b", "\"a\"b", "\"a\" ", "\n", "\n",
		"\r\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "  \n", "\x00", ",", ";", "\"x",
	};
	size_t ntok = sizeof tok / sizeof *tok, k, n, i;
	unsigned char dd[1] = {d};
	uint32_t r = rnd();

	if (r % 8 == 0)
		puts_(b, "\xef\xbb\xbf");
	else if (r % 32 == 5) {	/* not CSV, or maybe: a mark, a tag */
		static const char *const start[] = {
			"\xff\xfe", "\xfe\xff", "PK\x03\x04", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
			"<html>", " \r\n<TABLE>", "<?xml ", "<!DOCTYPE html>", "<htm", "<p>",
		};
		size_t m = rnd() % 80;
		for (i = 0; i < m; i++)
			put(b, i % 9 == 8 ? "\n" : " ", 1);
		puts_(b, start[rnd() % (sizeof start / sizeof *start)]);
	}
	n = r % 16 == 1 ? 200 : 1 + rnd() % 40;
	for (k = 0; k < n; k++) {
		r = rnd();
		switch (r % 10) {
		case 0:
		case 1:
		case 2:
			put(b, dd, 1);
			break;
		case 3:
			if (r % 97 == 3) {	/* a long field */
				size_t m = 100 + rnd() % 400;
				int q = rnd() % 2;
				if (q)
					puts_(b, "\"");
				for (i = 0; i < m; i++)
					put(b, i % 37 == 36 ? "\n" : "x", 1);
				if (q && rnd() % 4)
					puts_(b, "\"");
				break;
			}
			/* fall through */
		default: {
			const char *t = tok[rnd() % ntok];
			put(b, t, t[0] ? strlen(t) : 1);	/* "\x00" is one NUL */
		}
		}
	}
	if (rnd() % 4)
		puts_(b, rnd() % 3 ? "\n" : "\r\n");
}

int
main(int argc, char **argv)
{
	unsigned long count = 0, seed = 1, i;
	int opt, status = 0, j;
	struct buf b = {0};
	clock_t t0 = clock();
	char where[128];

	while ((opt = getopt(argc, argv, "n:s:")) != -1) {
		switch (opt) {
		case 'n':
			count = strtoul(optarg, NULL, 10);
			break;
		case 's':
			seed = strtoul(optarg, NULL, 10);
			break;
		default:
			fprintf(stderr, "usage: split-check [-n COUNT] [-s SEED] [FILE...]\n");
			return 2;
		}
	}
	signal(SIGABRT, on_abort);
	for (j = optind; j < argc; j++)
		status |= check_file(argv[j]);
	rng = seed * 0x9e3779b97f4a7c15u + 1;
	for (i = 0; i < count; i++) {
		unsigned char h[SPLIT_HDR];
		int k;
		for (k = 0; k < SPLIT_HDR; k++)
			h[k] = (unsigned char)rnd();
		h[8] = rnd() % 4 == 0 ? (unsigned char)(1 + rnd() % 3) : 0;	/* skip lines */
		b.n = 0;
		gen(&b, ",;\t|"[h[0] & 3]);
		snprintf(where, sizeof where, "generated input %lu of seed %lu", i + 1, seed);
		split_where = where;
		check(h, b.b, b.n);
		for (k = 0; k < 6; k++) {
			vary(h, 1 + (int)(rnd() % 3), b.n ? rnd() % (b.n + 1) : 0, b.n, rnd());
			check(h, b.b, b.n);
		}
	}
	free(b.b);
	printf("split-check: %d files, %lu generated inputs (seed %lu): %lu runs, %lu parts "
	    "taken, %lu read on, %lu statuses not compared (not CSV, unseen by a first read), %lu known findings passed; %.1f s\n",
	    argc - optind, count, seed, stats.runs, stats.taken, stats.read_on, stats.skipped,
	    stats.known, (double)(clock() - t0) / CLOCKS_PER_SEC);
	return status;
}
