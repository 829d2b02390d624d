#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <strings.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "msg.h"
#include "pipe.h"

#define BLOCK (256 * 1024)

/* libcsv's parser states (libcsv.c); the struct is public, these are not. */
enum { ROW_NOT_BEGUN = 0, FIELD_NOT_BEGUN, FIELD_BEGUN, FIELD_MIGHT_HAVE_ENDED };

/* What cb_field does with a field: count it only (not wanted: it stays
 * the empty value want_fields gave it, and the next field's bytes go over
 * its own), keep it, or take field_slow (no room for one more field, or
 * the reader stopped). */
enum { FIELD_SKIP, FIELD_KEEP, FIELD_SLOW };

/* The arena keeps at least this room after a kept field, or grows. */
#define ARENA_MIN 64

struct reader {
	struct csv_parser p;
	unsigned char delim;
	csv_row_fn fn;
	void *ctx;
	int stop;
	struct csv_row row;
	size_t fcap;		/* fields allocated in row.f */
	/* What cb_field does with field i, for i up to fcap (see want_fields):
	 * one byte read per field, whatever the case. */
	unsigned char *how;
	const unsigned char *want_seen;	/* row.want and nwant when how was made */
	size_t nwant_seen;
	/* The record's fields: libcsv writes each field's bytes straight
	 * into the arena, at alen (see arena_field). */
	char *arena;
	size_t alen, acap;
	char *arena_mem;	/* the allocation the arena is placed in */
	size_t arena_first;	/* its first size */
	unsigned long line;	/* current physical line, 1-based */
	unsigned long start;	/* line where a record starting now begins */
	unsigned long quote_line;	/* line where the open quote began */
	int cb_prev_cr;		/* line by line: cb_row's last line end was a CR */
	/* characters of the current line in the blocks before this one: a
	 * column is counted only where an error is, and only the last line
	 * of a block is counted ahead */
	unsigned long line_chars;
	unsigned long empty;
	int prev_cr;		/* last byte fed was a CR */
	size_t nonblank;	/* a field of this record has a byte */
	int skipping;		/* after a syntax error: to the end of the line */
	unsigned long skip_left;	/* lines still to pass unread (csvin_skip_lines) */
	int at_start;		/* no byte of the file fed yet: a BOM may come */
	int started;		/* the first bytes were looked at */
	int whole;		/* a block fed whole: cb_row counts the lines */
};

/* UTF-8 characters in s[0..n): the bytes that do not continue one. */
static unsigned long
utf8_chars(const char *s, size_t n)
{
	unsigned long k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

static int
is_space_sp(unsigned char c)
{
	return c == ' ';
}

/* libcsv collects a field's bytes in p.entry_buf, of p.entry_size bytes,
 * grown with p.realloc_func, and hands that buffer to cb_field; the struct
 * is public. Copying each field out of it, the one 16-byte load of the
 * field held 39% of the callback's time (perf): a load of bytes libcsv has
 * just stored one by one waits for the stores to land. So the buffer is
 * the arena itself, at alen: a field kept stays where libcsv wrote it, and
 * the next one starts after it. One byte is kept past entry_size for the
 * NUL. */
static void
arena_field(struct reader *r)
{
	r->p.entry_buf = (unsigned char *)r->arena + r->alen;
	r->p.entry_size = r->acap - r->alen - 1;
}

/* The reader whose parser is running in this thread: libcsv's realloc
 * hook has no argument for it. */
static __thread struct reader *parsing;

/* Makes the arena's room at least need bytes, moving the record's fields
 * (they point into it), and the field being read, whose bytes are past
 * alen: the whole arena is copied.
 *
 * Where it goes in its page matters. A load waits for an earlier store
 * still in flight whose address has the same low 12 bits (4K aliasing),
 * and libcsv stores every byte of a record into the arena's first bytes
 * while the parser's state, the reader and the callbacks' frames are
 * loaded from the stack, at an offset in its page that ASLR picks anew
 * each run: one run in two of cchc-sum was 6% slower than the others.
 * The arena starts half a page from the parser, whatever the offset. */
static void
grow_arena(struct reader *r, size_t need)
{
	char *old = r->arena, *old_mem;
	size_t i, ocap = r->acap;

	while (r->acap - r->alen < need)
		r->acap = r->acap ? 2 * r->acap : r->arena_first;
	old_mem = r->arena_mem;
	r->arena_mem = emalloc(r->acap + 4096);
	r->arena = r->arena_mem + ((uintptr_t)&r->p + 2048 - (uintptr_t)r->arena_mem) % 4096;
	if (old)
		memcpy(r->arena, old, ocap);
	for (i = 0; i < r->row.nf; i++)
		if (r->how[i] == FIELD_KEEP)
			r->row.f[i].s = r->arena + (r->row.f[i].s - old);
	free(old_mem);
	arena_field(r);
}

/* libcsv's realloc: a field longer than the room left. */
static void *
arena_realloc(void *buf, size_t n)
{
	struct reader *r = parsing;
	size_t had;

	if (!r || buf != r->arena + r->alen)
		die("internal error: libcsv grows a buffer not the reader's");
	had = r->p.entry_size;
	grow_arena(r, n + 1);
	r->p.entry_size = had;	/* libcsv adds what it asked for */
	return r->p.entry_buf;
}

/* libcsv frees its buffer, which is the arena: not its to free. */
static void
parser_free(struct reader *r)
{
	r->p.entry_buf = NULL;
	r->p.entry_size = 0;
	csv_free(&r->p);
}

static void cb_field(void *s, size_t n, void *data);

/* csv_parse with this thread's reader known to arena_realloc. */
static size_t
parse_bytes(struct reader *r, const char *buf, size_t len,
            void (*row_fn)(int, void *))
{
	parsing = r;
	return csv_parse(&r->p, buf, len, cb_field, row_fn, r);
}

static void
parser_init(struct reader *r)
{
	/* CSV_REPALL_NL: every line end outside quotes reaches cb_row, a
	 * blank line's too, so that a block fed whole can count its lines */
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
		die("cannot initialise the CSV parser");
	csv_set_delim(&r->p, r->delim);
	/* RFC 4180 keeps spaces; we trim around unquoted fields, but never
	 * the delimiter itself. libcsv's default is space and tab, inline:
	 * a function of ours is a call per byte, so only for tabs. */
	if (r->delim == '\t')
		csv_set_space_func(&r->p, is_space_sp);
	csv_set_blk_size(&r->p, 64 * 1024);
	csv_set_realloc_func(&r->p, arena_realloc);
	arena_field(r);
}

/* What the callback asked for, as a byte per field: a field not wanted is
 * set empty here once, and cb_field only counts it. */
static void
want_fields(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->fcap; i++) {
		int want = !r->row.want || (i < r->row.nwant && r->row.want[i]);
		r->how[i] = r->stop ? FIELD_SLOW : want ? FIELD_KEEP : FIELD_SKIP;
		if (!want) {
			r->row.f[i].s = "";
			r->row.f[i].n = 0;
		}
	}
	r->how[r->fcap] = FIELD_SLOW;
	r->want_seen = r->row.want;
	r->nwant_seen = r->row.nwant;
}

/* Room for fcap fields. */
static void
grow_fields(struct reader *r)
{
	r->fcap = r->fcap ? 2 * r->fcap : 64;
	r->row.f = erealloc(r->row.f, r->fcap * sizeof *r->row.f);
	r->how = erealloc(r->how, r->fcap + 1);
	want_fields(r);
}

/* A field kept: it stays in the arena, NUL-terminated (arena_field left
 * the byte for it), and the next one begins after it. */
static inline __attribute__((always_inline)) void
keep_field(struct reader *r, size_t i, char *s, size_t n)
{
	struct csv_field *f = &r->row.f[i];

	s[n] = '\0';
	f->s = s;
	f->n = n;
	r->alen += n + 1;
	if (r->acap - r->alen < ARENA_MIN)
		grow_arena(r, ARENA_MIN);
	else
		arena_field(r);
}

/* cb_field's rare cases: a stopped reader, no room for one more field. */
static __attribute__((noinline)) void
field_slow(struct reader *r, char *s, size_t n)
{
	size_t i = r->row.nf;

	if (r->stop)
		return;
	if (i == r->fcap)
		grow_fields(r);
	r->row.nf = i + 1;
	r->nonblank |= n;
	if (r->how[i] == FIELD_KEEP)
		keep_field(r, i, s, n);
}

/* Called for every field of the input, in libcsv's buffer, the arena: a
 * field not wanted is only counted, a wanted one kept where it is. */
static void
cb_field(void *s, size_t n, void *data)
{
	struct reader *r = data;
	size_t i = r->row.nf;
	unsigned char how = r->how[i];

	if (how == FIELD_SLOW) {
		field_slow(r, s, n);	/* a tail call: no stack frame here */
		return;
	}
	r->nonblank |= n;
	r->row.nf = i + 1;
	if (how == FIELD_KEEP)
		keep_field(r, i, s, n);
}

static inline __attribute__((always_inline)) void
deliver(struct reader *r)
{
	int blank = !r->row.err && !r->nonblank;

	r->nonblank = 0;
	/* a record is on one line, or began where the first line was read
	 * (feed sets start only between records) */
	r->row.line = r->start;
	if (blank) {
		r->empty++;
	} else {
		if (r->fn(&r->row, r->ctx))
			r->stop = 1;
		r->row.rec++;
		/* a stopped reader's fields all take field_slow, which drops them */
		if (r->row.want != r->want_seen || r->row.nwant != r->nwant_seen || r->stop)
			want_fields(r);
	}
	r->row.nf = 0;
	r->alen = 0;
	arena_field(r);
	r->row.err = NULL;
	r->row.err_line = r->row.err_col = 0;
	r->row.err_field = 0;
}

static void
cb_row(int c, void *data)
{
	struct reader *r = data;

	if (r->whole) {
		/* feed_whole made sure every CR has its LF next: one line */
		if (c == '\n' && r->prev_cr) {
			r->prev_cr = 0;
			return;
		}
		r->prev_cr = c == '\r';
		r->row.cut = c == -1;	/* csv_fini's: no line end after it */
		if (!r->stop && r->row.nf)
			deliver(r);
		else if (!r->stop)
			r->empty++;	/* a blank line */
		r->row.cut = 0;
		r->line++;
		r->start = r->line;
		return;
	}
	if (r->stop)
		return;
	/* the LF of a CR LF, in this line's chunk or (a CR at a block's
	 * end) the next block's first byte */
	if (c == '\n' && r->cb_prev_cr) {
		r->cb_prev_cr = 0;
		return;
	}
	r->cb_prev_cr = c == '\r';
	if (r->row.nf == 0) {	/* a blank line, or one of spaces */
		r->empty++;
		return;
	}
	r->row.cut = c == -1;	/* csv_fini's: no line end after it */
	deliver(r);
	r->row.cut = 0;
}

/* A syntax error: deliver what was read of the record with the reason,
 * and start afresh after the line it happened on. */
static void
syntax_error(struct reader *r, unsigned long col)
{
	const char *why = r->p.quoted ? "text after a closing quote"
	                              : "quote inside an unquoted field";

	r->row.err = why;
	r->row.err_line = r->line;
	r->row.err_col = col;
	r->row.err_field = r->row.nf;
	deliver(r);
	parser_free(r);
	parser_init(r);
	r->skipping = 1;
}

/* The block ends inside a line: the characters of that line in it. */
static void
last_line_chars(struct reader *r, const char *buf, size_t len)
{
	const char *nl = memrchr(buf, '\n', len), *cr = memrchr(buf, '\r', len);
	const char *from = nl > cr ? nl + 1 : cr ? cr + 1 : nl ? nl + 1 : buf;

	if (from == buf)
		r->line_chars += utf8_chars(buf, len);
	else
		r->line_chars = utf8_chars(from, (size_t)(buf + len - from));
}

/* A block with no quote, whose every CR has its LF next in the block, fed
 * whole when the parser is in no quoted field (nor just after one): no
 * field spans lines, no syntax error can happen, and cb_row sees every
 * line end. One call per line was 3% of cchc-sum's time. Returns 0 when
 * the block is not such a block. */
static int
feed_whole(struct reader *r, const char *buf, size_t len, const char *cr)
{
	size_t got;

	if (r->stop || r->skipping || r->prev_cr || r->p.quoted || memchr(buf, '"', len))
		return 0;
	for (; cr; cr = memchr(cr + 1, '\r', (size_t)(buf + len - cr - 1)))
		if (cr + 1 == buf + len || cr[1] != '\n')
			return 0;
	if (r->p.pstate == ROW_NOT_BEGUN)
		r->start = r->line;
	r->whole = 1;
	got = parse_bytes(r, buf, len, cb_row);
	r->whole = 0;
	if (got != len)	/* not a syntax error: there is no quote */
		die("%s: %s", r->row.file, csv_strerror(csv_error(&r->p)));
	last_line_chars(r, buf, len);
	return 1;
}

/* Passes the lines csvin_skip_lines asked for, unread: what is above a
 * header line the user named may be anything, even a broken quote. Returns
 * the bytes passed. */
static size_t
skip_raw_lines(struct reader *r, const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len && r->skip_left; i++) {
		char c = buf[i];
		if (c == '\n' && r->prev_cr) {	/* the LF of a CR LF */
			r->prev_cr = 0;
			continue;
		}
		r->prev_cr = c == '\r';
		if (c == '\n' || c == '\r') {
			r->line++;
			r->skip_left--;
		}
	}
	r->start = r->line;
	return i;
}

/* Feed one block, cut into physical lines so that each record knows the line
 * it began on (libcsv reports no position), unless it can go whole. A line
 * ends at LF, at CR LF, or at a lone CR. */
static void
feed(struct reader *r, const char *buf, size_t len)
{
	size_t i = 0;
	const char *cr;

	if (r->skip_left) {
		i = skip_raw_lines(r, buf, len);
		buf += i;
		len -= i;
		i = 0;
	}
	cr = memchr(buf, '\r', len);
	if (len == 0 || feed_whole(r, buf, len, cr))
		return;

	while (i < len && !r->stop) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t nlpos = nl ? (size_t)(nl - buf) : len, end, n, got;
		int was_quoted, ends_line;
		unsigned long rec0;
		size_t nf0;

		if (cr && (size_t)(cr - buf) < i)
			cr = memchr(buf + i, '\r', len - i);
		if (cr && (size_t)(cr - buf) < nlpos) {
			size_t c = (size_t)(cr - buf);
			/* CR LF ends one line; a lone CR, or one at the block's
			 * end (its LF may come next), ends a line too */
			end = nl && c + 1 == nlpos ? nlpos + 1 : c + 1;
			ends_line = 1;
		} else {
			end = nl ? nlpos + 1 : len;
			ends_line = nl != NULL;
		}
		n = end - i;
		/* an LF right after a CR (maybe across blocks) ended no new line */
		if (r->prev_cr && buf[i] == '\n') {
			r->cb_prev_cr = 1;	/* whether or not cb_row saw the CR */
			got = parse_bytes(r, buf + i, 1, cb_row);
			(void)got;	/* an LF after a row's CR is always accepted */
			r->prev_cr = 0;
			i++;
			continue;
		}
		if (r->skipping) {
			/* the rest of a line with a syntax error, maybe
			 * across blocks: no part of any record */
			if (ends_line)
				r->skipping = 0;
		} else {
			if (r->p.pstate == ROW_NOT_BEGUN)
				r->start = r->line;
			/* quoted, not in_quote: a block may end between the two
			 * quotes of a "" (libcsv is then in FIELD_MIGHT_HAVE_ENDED) */
			was_quoted = r->p.quoted;
			rec0 = r->row.rec;
			nf0 = r->row.nf;
			r->cb_prev_cr = 0;	/* cb_row sees this line's end alone */
			got = parse_bytes(r, buf + i, n, cb_row);
			if (got != n) {
				if (csv_error(&r->p) != CSV_EPARSE)
					die("%s: %s", r->row.file, csv_strerror(csv_error(&r->p)));
				syntax_error(r, r->line_chars + utf8_chars(buf + i, got) + 1);
				if (ends_line)
					r->skipping = 0;
			} else if (r->p.quoted && (!was_quoted || r->row.rec != rec0 ||
			    r->row.nf != nf0)) {
				/* a quote open at the end that was not open at the
				 * start, or whose field began here (one ended first):
				 * it opened on this line */
				r->quote_line = r->line;
			}
		}
		r->prev_cr = buf[end - 1] == '\r';
		if (ends_line) {
			r->line++;
			r->line_chars = 0;
		} else {
			r->line_chars += utf8_chars(buf + i, n);
		}
		i = end;
	}
}

/* The arena's first size. For the tests, CCHC_ARENA_SIZE makes it small:
 * records outgrow it, and their fields are moved. */
static size_t
arena_first_size(void)
{
	const char *env = getenv("CCHC_ARENA_SIZE");
	long n = env ? atol(env) : 0;

	return n > 0 && n < 64 * 1024 ? (size_t)n : 64 * 1024;
}

struct csvin *
csvin_new(const char *name, unsigned char delim, csv_row_fn fn, void *ctx)
{
	struct reader *r = emalloc(sizeof *r);

	memset(r, 0, sizeof *r);
	r->arena_first = arena_first_size();
	r->delim = delim;
	r->fn = fn;
	r->ctx = ctx;
	r->row.file = name;
	r->line = 1;
	r->start = 1;
	r->at_start = 1;
	grow_fields(r);
	grow_arena(r, ARENA_MIN);
	parser_init(r);
	return (struct csvin *)r;
}

void
csvin_skip_lines(struct csvin *in, unsigned long n)
{
	((struct reader *)in)->skip_left = n;
}

void
csvin_set_part(struct csvin *in)
{
	struct reader *r = (struct reader *)in;

	r->at_start = 0;
	r->row.rec = 1;
}

int
csvin_clean(const struct csvin *in)
{
	const struct reader *r = (const struct reader *)in;

	/* line_chars: no blank of the next line passed over yet (libcsv stays
	 * in ROW_NOT_BEGUN over leading blanks, but they are the line's) */
	return r->p.pstate == ROW_NOT_BEGUN && !r->p.quoted && r->p.entry_pos == 0 &&
	    !r->skipping && !r->prev_cr && r->row.nf == 0 && !r->skip_left && !r->stop &&
	    r->line_chars == 0;
}

unsigned long
csvin_lines(const struct csvin *in)
{
	return ((const struct reader *)in)->line - 1;
}

/* UTF-16 without a byte-order mark, in the first bytes (64 at most, two
 * characters at least): the high byte of an ASCII character is a NUL, and
 * a CSV's first line is mostly ASCII (names, delimiters; a Vietnamese
 * letter past U+00FF has a high byte of its own, never a NUL low byte).
 * So: a NUL first at one parity (the first character's high byte), at half
 * the positions of that parity or more, and none at the other. */
static int
utf16_unmarked(const char *buf, size_t have)
{
	size_t n = (have < 64 ? have : 64) & ~(size_t)1, nul[2] = {0, 0}, i;

	if (n < 4)
		return CSVIN_OK;
	for (i = 0; i < n; i++)
		nul[i & 1] += buf[i] == '\0';
	if (buf[0] == '\0' && nul[1] == 0 && 2 * nul[0] >= n / 2)
		return CSVIN_UTF16BE;
	if (buf[1] == '\0' && nul[0] == 0 && 2 * nul[1] >= n / 2)
		return CSVIN_UTF16LE;
	return CSVIN_OK;
}

/* What the first bytes say: UTF-16 (marked or not), a workbook, or how
 * many bytes of BOM to skip. */
static int
file_start(const char *buf, size_t have, size_t *skip)
{
	int u16;

	*skip = 0;
	if (have >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	                  (buf[0] == '\xfe' && buf[1] == '\xff')))
		return CSVIN_UTF16;
	if ((u16 = utf16_unmarked(buf, have)) != CSVIN_OK)
		return u16;
	if (have >= 4 && memcmp(buf, "PK\3\4", 4) == 0)	/* a zip archive */
		return have >= 38 && memcmp(buf + 30, "mimetype", 8) == 0 ? CSVIN_ODS : CSVIN_XLSX;
	if (have >= 8 && memcmp(buf, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return CSVIN_XLS;	/* an OLE2 compound file: Excel 97-2003 */
	if (have >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		*skip = 3;
	{	/* an HTML table saved under a .xls name, as some systems export */
		size_t i = *skip;
		while (i < have && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
			i++;
		if (have - i >= 5 && buf[i] == '<' &&
		    (strncasecmp(buf + i, "<html", 5) == 0 || strncasecmp(buf + i, "<!doc", 5) == 0 ||
		     strncasecmp(buf + i, "<tabl", 5) == 0 || strncasecmp(buf + i, "<?xml", 5) == 0))
			return CSVIN_HTML;
	}
	return CSVIN_OK;
}

int
csvin_feed_fd(struct csvin *in, int fd, off_t start, off_t end)
{
	struct reader *r = (struct reader *)in;
	size_t block = BLOCK, have = 0, skip;
	const char *env = getenv("CCHC_BLOCK_SIZE");
	char *buf;
	int status = CSVIN_OK, eof = 0, stream = end < 0;
	off_t pos = start;

	if (r->stop)
		return CSVIN_STOPPED;
	/* for the tests: small blocks put every byte at a block boundary */
	if (env && atol(env) > 0 && atol(env) < BLOCK)
		block = (size_t)atol(env);
	buf = emalloc(BLOCK);
	if (stream)
		pipe_enlarge(fd);
	while (!eof && !r->stop) {
		/* the first read sees the first bytes whole (a BOM, a zip's
		 * header): 64, even from a slow pipe */
		size_t want = r->at_start && block < 64 ? 64 : block;
		ssize_t got;
		if (!stream && (off_t)(want - have) > end - pos)
			want = have + (size_t)(end - pos);
		if (want == have)
			got = 0;
		else if (stream)
			got = read(fd, buf + have, want - have);
		else
			got = pread(fd, buf + have, want - have, pos);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			status = CSVIN_EREAD;
			break;
		}
		if (got == 0)
			eof = 1;
		have += (size_t)got;
		pos += got;
		if (r->at_start) {
			if (have < 64 && !eof)
				continue;
			r->at_start = 0;
			if ((status = file_start(buf, have, &skip)) != CSVIN_OK)
				break;
			feed(r, buf + skip, have - skip);
			have = 0;
			continue;
		}
		feed(r, buf, have);
		have = 0;
	}
	free(buf);
	if (status == CSVIN_OK && r->stop)
		status = CSVIN_STOPPED;
	return status;
}

void
csvin_discard(struct csvin *in, struct csvin_stats *st)
{
	((struct reader *)in)->stop = 1;	/* no csv_fini */
	csvin_end(in, CSVIN_STOPPED, st);
}

int
csvin_end(struct csvin *in, int status, struct csvin_stats *st)
{
	struct reader *r = (struct reader *)in;

	if (status == CSVIN_OK && !r->stop) {
		parsing = r;
		if (csv_fini(&r->p, cb_field, cb_row, r) != 0) {
			r->row.err = "quote never closed: the field runs to the end of the file";
			r->row.err_line = r->quote_line;
			r->row.err_col = 0;	/* the field says where */
			r->row.err_field = r->row.nf;
			deliver(r);
		}
	}
	if (r->stop && status == CSVIN_OK)
		status = CSVIN_STOPPED;
	if (st) {
		st->empty = r->empty;
		st->lines = r->line - 1;
	}
	parser_free(r);
	free(r->row.f);
	free(r->how);
	free(r->arena_mem);
	free(r);
	return status;
}

int
csvin_read_fd(int fd, const char *name, unsigned char delim, csv_row_fn fn, void *ctx,
              struct csvin_stats *st)
{
	struct csvin *r = csvin_new(name, delim, fn, ctx);

	return csvin_end(r, csvin_feed_fd(r, fd, 0, -1), st);
}

int
csvin_read(const char *path, unsigned char delim, csv_row_fn fn, void *ctx,
           struct csvin_stats *st)
{
	int fd, is_stdin = strcmp(path, "-") == 0, status;

	fd = is_stdin ? 0 : open(path, O_RDONLY);
	if (fd < 0)
		return CSVIN_EOPEN;
	status = csvin_read_fd(fd, path, delim, fn, ctx, st);
	if (!is_stdin) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return status;
}

int
csvin_feed_mem(struct csvin *in, const char *buf, size_t len)
{
	struct reader *r = (struct reader *)in;
	size_t skip = 0;
	int status;

	if (r->stop)
		return CSVIN_STOPPED;
	if (r->at_start) {
		r->at_start = 0;
		if ((status = file_start(buf, len, &skip)) != CSVIN_OK)
			return status;
	}
	feed(r, buf + skip, len - skip);
	return r->stop ? CSVIN_STOPPED : CSVIN_OK;
}

int
csvin_read_mem(const char *name, const char *buf, size_t len, unsigned char delim,
               csv_row_fn fn, void *ctx, struct csvin_stats *st)
{
	struct csvin *r = csvin_new(name, delim, fn, ctx);

	return csvin_end(r, csvin_feed_mem(r, buf, len), st);
}

/* The message for status; to_file: the command converts path to a file
 * (an option's), not into the tool's standard input. */
static size_t
status_text(int status, const char *path, int to_file, char *buf, size_t size)
{
	const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
	const char *cmd = strcmp(path, "-") == 0 ? "FILE" : path;
	const char *dot = strrchr(cmd, '.'), *slash = strrchr(cmd, '/');
	int stem = dot && dot > cmd && (!slash || dot > slash + 1) ? (int)(dot - cmd) :
	    (int)strlen(cmd);	/* the name without its extension: x for x.xlsx */

	switch (status) {
	case CSVIN_EOPEN:
		return (size_t)snprintf(buf, size, "%s: cannot open: %s", name, strerror(errno));
	case CSVIN_EREAD:
		return (size_t)snprintf(buf, size, "%s: read error: %s", name, strerror(errno));
	case CSVIN_UTF16:
		return (size_t)snprintf(buf, size, "%s: the file is UTF-16; convert it first: "
		    "iconv -f UTF-16 -t UTF-8", name);
	case CSVIN_UTF16LE:
	case CSVIN_UTF16BE:
		return (size_t)snprintf(buf, size, "%s: the file is UTF-16 (%s-endian, no byte-order "
		    "mark); convert it first: iconv -f UTF-16%s -t UTF-8", name,
		    status == CSVIN_UTF16LE ? "little" : "big", status == CSVIN_UTF16LE ? "LE" : "BE");
	case CSVIN_XLSX:
		if (to_file)	/* into another file: x.csv > x.csv would empty it first */
			return (size_t)snprintf(buf, size, "%s: an Excel workbook (.xlsx), not CSV; "
			    "convert it first: xlsx2csv %s > %.*s%s.csv", name, cmd, stem, cmd,
			    dot && (size_t)stem + 4 == strlen(cmd) && strcasecmp(dot, ".csv") == 0 ?
			    "-converted" : "");
		return (size_t)snprintf(buf, size, "%s: an Excel workbook (.xlsx), not CSV; convert it "
		    "first: xlsx2csv -f float %s | %s (dates as serial numbers, read exactly)", name, cmd, prog);
	case CSVIN_XLS:
		return (size_t)snprintf(buf, size, "%s: an Excel 97-2003 workbook (.xls), not CSV; "
		    "convert it first: libreoffice --headless --convert-to csv %s", name, cmd);
	case CSVIN_ODS:
		return (size_t)snprintf(buf, size, "%s: an OpenDocument spreadsheet (.ods), not CSV; "
		    "convert it first: libreoffice --headless --convert-to csv %s", name, cmd);
	case CSVIN_HTML:
		return (size_t)snprintf(buf, size, "%s: an HTML or XML page (a web table saved as .xls?), "
		    "not CSV; open it in a spreadsheet and save it as CSV (UTF-8)", name);
	}
	return (size_t)snprintf(buf, size, "%s: cannot be read", name);
}

size_t
csvin_status_text(int status, const char *path, char *buf, size_t size)
{
	return status_text(status, path, 0, buf, size);
}

size_t
csvin_option_text(int status, const char *path, char *buf, size_t size)
{
	return status_text(status, path, 1, buf, size);
}

size_t
csvin_end_text(int status, int saw_header, const char *path, char *buf, size_t size)
{
	if (status != CSVIN_OK && status != CSVIN_STOPPED)
		return csvin_status_text(status, path, buf, size);
	if (status == CSVIN_OK && !saw_header)
		return (size_t)snprintf(buf, size, "%s: empty file: no header line",
		    strcmp(path, "-") == 0 ? "standard input" : path);
	if (size)
		buf[0] = '\0';
	return 0;
}

size_t
csvin_error_mark(const struct csv_row *row, const char *mark, char *buf, size_t size,
                 unsigned long *line2)
{
	char num[32];
	int other = row->err_line && row->err_line != row->line;

	*line2 = other ? row->err_line : 0;
	if (mark)
		snprintf(num, sizeof num, "%s", mark);
	else
		snprintf(num, sizeof num, "%lu", row->err_line);
	if (row->err_col == 0)	/* a quote never closed: the field it opened */
		return other ? (size_t)snprintf(buf, size, "malformed CSV in field %zu, the quote "
		    "opened on line %s: %s", row->err_field + 1, num, row->err) :
		    (size_t)snprintf(buf, size, "malformed CSV in field %zu: %s", row->err_field + 1,
		    row->err);
	if (other)
		return (size_t)snprintf(buf, size, "malformed CSV at line %s, character %lu: %s",
		    num, row->err_col, row->err);
	return (size_t)snprintf(buf, size, "malformed CSV at character %lu: %s",
	    row->err_col, row->err);
}

size_t
csvin_error_text(const struct csv_row *row, char *buf, size_t size)
{
	unsigned long line2;

	return csvin_error_mark(row, NULL, buf, size, &line2);
}

int
csvin_delim(const char *arg)
{
	if (strcmp(arg, "\\t") == 0 || strcmp(arg, "tab") == 0)
		return '\t';
	if (strlen(arg) == 1 && arg[0] != '"' && arg[0] != '\n' && arg[0] != '\r')
		return (unsigned char)arg[0];
	return -1;
}

int
csvin_delim_opt(const char *opt, const char *arg)
{
	int d = csvin_delim(arg);

	if (d < 0)
		warnx_("%s: not a delimiter: \"%s\" (one byte, or '\\t')", opt, arg);
	return d;
}

size_t
csvin_row_text(const struct csv_row *row, unsigned char delim, char *buf, size_t size)
{
	size_t i, o = 0, nf = row->nf;

	while (nf > 1 && row->f[nf - 1].n == 0)	/* a spreadsheet's padding */
		nf--;
	buf[0] = '\0';
	for (i = 0; i < nf && o + 8 < size; i++) {
		size_t n = row->f[i].n, room = size - o - 8;
		if (i)
			buf[o++] = (char)delim;
		if (n > room)
			n = room;
		memcpy(buf + o, row->f[i].s, n);
		o += n;
		buf[o] = '\0';
	}
	if (i < nf)
		o += (size_t)snprintf(buf + o, size - o, "...");
	return o;
}

size_t
csvin_nf_text(const struct csv_row *row, size_t expected, char *buf, size_t size)
{
	return (size_t)snprintf(buf, size, "expected %zu fields, found %zu%s", expected, row->nf,
	    row->cut && row->nf < expected ? "; the file ends inside this row (no line end after "
	    "it): cut short?" : "");
}
