#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "num.h"
#include "out.h"
#include "pipe.h"

#define OUT_BUFSZ (256 * 1024)

struct out {
	int fd;
	const char *name;
	char *aside;		/* the file written aside, until renamed to name */
	int own_name;		/* name was allocated here */
	int row_started;
	char delim;		/* between fields: ',', or ';' for Excel */
	int crlf;		/* CR LF after a row, for Excel */
	int bom;		/* a BOM before the first row, not yet written */
	int guard;		/* a field a spreadsheet would run is written as text */
	size_t len;
	char buf[OUT_BUFSZ];
};

struct out *out_stdout;

/* The process's umask, for a file made by mkstemp (mode 0600) to get the
 * mode open(2) would have given it. */
static mode_t
umask_now(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

struct out *
out_open(int fd, const char *name)
{
	struct out *o = emalloc(sizeof *o);

	o->fd = fd;
	o->name = name;
	o->aside = NULL;
	o->own_name = 0;
	o->row_started = 0;
	o->delim = ',';
	o->crlf = 0;
	o->bom = 0;
	o->guard = 0;
	o->len = 0;
	return o;
}

void
out_guard_formulas(struct out *o)
{
	o->guard = 1;
}

void
out_excel(struct out *o)
{
	o->delim = ';';
	o->crlf = 1;
	o->bom = 1;
	o->guard = 1;
}

/* The files written aside and not yet renamed: removed when the program
 * ends otherwise. A few at most; read by a signal handler. */
enum { MAX_ASIDE = 8 };
static char *volatile aside_path[MAX_ASIDE];

static void
remove_asides(void)
{
	int i;

	for (i = 0; i < MAX_ASIDE; i++)
		if (aside_path[i])
			unlink(aside_path[i]);	/* async-signal-safe */
}

static void
on_signal(int sig)
{
	remove_asides();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Standard output's reader went away: nothing to say, but output was lost,
 * so never status 0. Dying of SIGPIPE tells the shell what happened. */
static void __attribute__((noreturn))
pipe_closed(void)
{
	sigset_t set;

	remove_asides();
	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGPIPE);
	_exit(EXIT_FAIL);
}

void
out_init_stdout(void)
{
	out_stdout = out_open(1, "standard output");
	pipe_enlarge(1);
	/* EPIPE instead, so that files aside are removed first */
	signal(SIGPIPE, SIG_IGN);
}

static void
out_flush(struct out *o)
{
	size_t off = 0;

	while (off < o->len) {
		ssize_t w = write(o->fd, o->buf + off, o->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE && o == out_stdout)
				pipe_closed();
			die("write error on %s: %s", o->name, strerror(errno));
		}
		off += (size_t)w;
	}
	o->len = 0;
}

void
out_bytes(struct out *o, const char *s, size_t n)
{
	while (n > 0) {
		size_t room = OUT_BUFSZ - o->len, k = n < room ? n : room;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
		if (o->len == OUT_BUFSZ)
			out_flush(o);
	}
}

void
out_str(struct out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

/* RFC 4180 quoting is needed for the delimiter d, quote, CR, LF; and for
 * spaces at either end, which a reader that trims would otherwise lose.
 * Sixteen bytes at a time with SSE2, else eight: a byte equal to c makes
 * x ^ c*ones have a zero byte. The tail is one more load overlapping the
 * last, not a loop over bytes. */
#ifdef __SSE2__
#include <emmintrin.h>

static inline int
special16(const char *p, char d)
{
	__m128i x = _mm_loadu_si128((const __m128i *)p);
	__m128i hit = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(d)), _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))),
	    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))));

	return _mm_movemask_epi8(hit) != 0;
}
#endif

static inline int
special8(const char *p, char delim)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t x, a, b, c, d;

	memcpy(&x, p, 8);
	a = x ^ (ones * (unsigned char)delim);
	b = x ^ (ones * '"');
	c = x ^ (ones * '\n');
	d = x ^ (ones * '\r');
	return ((((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) |
	    ((d - ones) & ~d)) & high) != 0;
}

static inline __attribute__((always_inline)) int
needs_quotes(const char *s, size_t n, char d)
{
	size_t i;

	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
#ifdef __SSE2__
	if (n >= 16) {
		for (i = 0; i + 16 <= n; i += 16)
			if (special16(s + i, d))
				return 1;
		return i < n && special16(s + n - 16, d);
	}
#endif
	if (n >= 8) {
		for (i = 0; i + 8 <= n; i += 8)
			if (special8(s + i, d))
				return 1;
		return i < n && special8(s + n - 8, d);
	}
	for (i = 0; i < n; i++)
		if (s[i] == d || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

/* The BOM owed before the first row, then room for a field of n bytes
 * (out_excel). */
static __attribute__((noinline, cold)) void
put_bom(struct out *o, size_t n)
{
	o->bom = 0;
	out_bytes(o, "\xef\xbb\xbf", 3);
	if (OUT_BUFSZ - o->len <= n)
		out_flush(o);
}

static inline __attribute__((always_inline)) void
put_field(struct out *o, const char *s, size_t n, int quote)
{

	if (!quote && OUT_BUFSZ - o->len > n) {	/* the usual case, in place */
		if (o->row_started)
			o->buf[o->len++] = o->delim;
		else if (__builtin_expect(o->bom, 0))
			put_bom(o, n);
		o->row_started = 1;
		memcpy(o->buf + o->len, s, n);
		o->len += n;
		return;
	}
	if (o->row_started)
		out_bytes(o, &o->delim, 1);
	else if (o->bom)
		put_bom(o, 0);
	o->row_started = 1;
	if (!quote) {
		out_bytes(o, s, n);
		return;
	}
	/* worst case every byte is a quote, doubled, plus the two around */
	if (n > (OUT_BUFSZ - 2) / 2) {
		char *tmp = emalloc(2 * n + 2);
		size_t w = csv_write(tmp, 2 * n + 2, s, n);
		out_bytes(o, tmp, w);
		free(tmp);
		return;
	}
	if (OUT_BUFSZ - o->len < 2 * n + 2)
		out_flush(o);
	o->len += csv_write(o->buf + o->len, OUT_BUFSZ - o->len, s, n);
}

/* A spreadsheet runs a cell that starts with = + - @ as a formula, and
 * drops a tab or a CR there: unless the field is a number (-5), it is
 * written after an apostrophe, which spreadsheets show as text. */
static __attribute__((noinline)) void
put_guarded(struct out *o, const char *s, size_t n)
{
	struct dec d;
	int pct;
	char *q;

	if (num_decimal(s, n, &d, &pct) == NUM_OK) {
		put_field(o, s, n, needs_quotes(s, n, o->delim));
		return;
	}
	q = emalloc(n + 2);
	q[0] = '\'';
	memcpy(q + 1, s, n);
	put_field(o, q, n + 1, needs_quotes(q, n + 1, o->delim));
	free(q);
}

void
out_field(struct out *o, const char *s, size_t n)
{
	if (__builtin_expect(o->guard, 0) && n && out_formula_start(s[0])) {
		put_guarded(o, s, n);
		return;
	}
	put_field(o, s, n, needs_quotes(s, n, o->delim));
}

int
out_is_plain(const struct out *o, const char *s, size_t n)
{
	if (o->guard && n && out_formula_start(s[0]))
		return 0;
	return !needs_quotes(s, n, o->delim);
}

void
out_field_plain(struct out *o, const char *s, size_t n)
{
	put_field(o, s, n, 0);
}

void
out_fieldz(struct out *o, const char *s)
{
	out_field(o, s, strlen(s));
}

void
out_endrow(struct out *o)
{
	if (o->crlf)
		out_bytes(o, "\r", 1);
	if (o->len < OUT_BUFSZ)
		o->buf[o->len++] = '\n';
	else
		out_bytes(o, "\n", 1);
	o->row_started = 0;
}

void
out_close(struct out *o)
{
	out_flush(o);
	if (close(o->fd) < 0 && errno != EINTR && errno != EBADF) {
		if (errno == EPIPE && o == out_stdout)
			pipe_closed();
		die("write error on %s: %s", o->name, strerror(errno));
	}
	if (o == out_stdout)
		out_stdout = NULL;
	free(o);
}

/* tmp is removed when the program ends, unless forgotten first. */
static void
hold_aside(char *tmp)
{
	static int hooked;
	int i;

	for (i = 0; i < MAX_ASIDE && aside_path[i]; i++)
		;
	if (i == MAX_ASIDE)
		die("internal error: too many files written aside");
	aside_path[i] = tmp;
	if (!hooked) {
		hooked = 1;
		atexit(remove_asides);
		/* every signal whose default is to end the program */
		static const int ends[] = {
			SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM,
			SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
		};
		size_t k;
		for (k = 0; k < sizeof ends / sizeof *ends; k++)
			if (signal(ends[k], on_signal) == SIG_IGN)
				signal(ends[k], SIG_IGN);	/* ignored by the parent: still */
	}
}

struct out *
out_create_aside(const char *path)
{
	const char *slash;
	size_t dirlen;
	char *tmp, *real = NULL;
	struct stat sb;
	struct out *o;
	int fd;

	if (stat(path, &sb) == 0) {
		/* the file behind standard output or error (/dev/stderr with
		 * 2>> log): renaming over it would wipe it */
		struct stat std;
		if (fstat(1, &std) == 0 && std.st_dev == sb.st_dev && std.st_ino == sb.st_ino &&
		    (S_ISREG(sb.st_mode) || S_ISFIFO(sb.st_mode)))	/* a terminal may mix */
			die("%s is the standard output: the rows and the rejects would mix; "
			    "name another file", path);
		if (fstat(2, &std) == 0 && std.st_dev == sb.st_dev && std.st_ino == sb.st_ino) {
			if ((fd = dup(2)) < 0)
				die("cannot write to %s: %s", path, strerror(errno));
			return out_open(fd, path);
		}
	}
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* a FIFO, a device, /dev/stderr: written as it is, nothing
		 * to rename */
		if ((fd = open(path, O_WRONLY | O_TRUNC)) < 0)
			die("cannot open %s: %s", path, strerror(errno));
		return out_open(fd, path);
	}
	/* a link is followed: the file it names is replaced, not the link */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) && (real = realpath(path, NULL)) != NULL)
		path = real;
	slash = strrchr(path, '/');
	dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	tmp = emalloc(strlen(path) + 32);

	/* hidden, in path's directory: rename(2) is then atomic */
	memcpy(tmp, path, dirlen);
	snprintf(tmp + dirlen, strlen(path) + 32 - dirlen, ".%s.XXXXXX", path + dirlen);
	if ((fd = mkstemp(tmp)) < 0)
		die("cannot create a file beside %s: %s", path, strerror(errno));
	/* the mode the file has, or open(2)'s */
	fchmod(fd, stat(path, &sb) == 0 ? sb.st_mode & 07777 : 0666 & ~umask_now());
	hold_aside(tmp);
	o = out_open(fd, real ? estrndup(real, strlen(real)) : path);
	o->aside = tmp;
	o->own_name = real != NULL;
	free(real);
	return o;
}

/* The file aside is renamed or removed: no longer ours to remove at exit;
 * o is freed. */
static void
forget_aside(struct out *o)
{
	int i;

	for (i = 0; i < MAX_ASIDE; i++)
		if (aside_path[i] == o->aside)
			aside_path[i] = NULL;
	free(o->aside);
	if (o->own_name)
		free((char *)o->name);
	free(o);
}

void
out_commit(struct out *o)
{
	if (!o->aside) {	/* not a regular file: nothing to rename */
		out_close(o);
		return;
	}
	out_flush(o);
	if (fsync(o->fd) < 0 && errno != EINVAL && errno != EROFS)
		die("write error on %s: %s", o->name, strerror(errno));
	if (close(o->fd) < 0 && errno != EINTR)
		die("write error on %s: %s", o->name, strerror(errno));
	if (rename(o->aside, o->name) < 0)
		die("cannot rename %s to %s: %s", o->aside, o->name, strerror(errno));
	forget_aside(o);
}

void
out_discard(struct out *o)
{
	if (!o->aside) {
		out_close(o);
		return;
	}
	close(o->fd);
	unlink(o->aside);
	forget_aside(o);
}

void
out_not_input(const char *opt, const char *path, char *const *files, int n)
{
	struct stat ps, fs;
	int i;

	if (stat(path, &ps) < 0)
		return;	/* does not exist yet: no input */
	for (i = 0; i < n; i++) {
		if (strcmp(files[i], "-") == 0 ? fstat(0, &fs) < 0 : stat(files[i], &fs) < 0)
			continue;
		if (fs.st_dev == ps.st_dev && fs.st_ino == ps.st_ino)
			die("%s %s is the input %s: it would be destroyed; name another file",
			    opt, path, strcmp(files[i], "-") == 0 ? "(standard input)" : files[i]);
	}
	if (n == 0 && fstat(0, &fs) == 0 && fs.st_dev == ps.st_dev && fs.st_ino == ps.st_ino)
		die("%s %s is the input (standard input): it would be destroyed; name another file",
		    opt, path);
}

char *
out_temp_file(const char *prefix)
{
	const char *dir = getenv("TMPDIR");
	char *tmp;
	size_t n;
	int fd;

	if (!dir || !*dir)
		dir = P_tmpdir;
	n = strlen(dir) + strlen(prefix) + 16;
	tmp = emalloc(n);
	snprintf(tmp, n, "%s/%s.XXXXXX", dir, prefix);
	if ((fd = mkstemp(tmp)) < 0) {
		int e = errno;
		free(tmp);
		die("cannot create a temporary file in %s: %s", dir, strerror(e));
	}
	close(fd);
	hold_aside(tmp);
	return tmp;
}

void
out_temp_remove(char *path)
{
	int i;

	for (i = 0; i < MAX_ASIDE; i++)
		if (aside_path[i] == path)
			aside_path[i] = NULL;
	unlink(path);
	free(path);
}

void
out_copy_file(struct out *o, const char *path)
{
	char buf[64 * 1024];
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		die("cannot open %s: %s", path, strerror(errno));
	while ((r = read(fd, buf, sizeof buf)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			die("read error on %s: %s", path, strerror(errno));
		}
		out_bytes(o, buf, (size_t)r);
	}
	close(fd);
}
