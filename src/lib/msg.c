#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "msg.h"

const char *prog = "cchc";

void
msg_init(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	prog = slash ? slash + 1 : argv0;
}

static void
vmsg(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnx_(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(EXIT_FAIL);
}

void
msg_quote(char *buf, size_t size, const char *v, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, o = 0, limit = 80;

	if (size < 16)
		die("msg_quote: buffer too small");
	buf[o++] = '"';
	/* room for the longest item (\u202e: 6 bytes) and the end ("...", the
	 * quote and the NUL: 5), so that the last item never overruns */
	for (i = 0; i < n && i < limit && o + 6 + 5 < size; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
		} else if (c >= 0x80) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)v + i,
			    (utf8proc_ssize_t)(n - i), &cp);
			if (k > 0 && ((cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
			    (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0x200b && cp <= 0x200f) ||
			    cp == 0x2060 || cp == 0xfeff)) {
				/* a C1 control, a bidi override, a character of no
				 * width (a BOM inside the text): shown, not obeyed */
				o += (size_t)snprintf(buf + o, size - o, "\\u%04x", (unsigned)cp);
				i += (size_t)k - 1;
			} else if (k > 0) {	/* a whole character, or no room for it */
				if (o + (size_t)k + 5 >= size)
					break;
				memcpy(buf + o, v + i, (size_t)k);
				o += (size_t)k;
				i += (size_t)k - 1;
			} else {	/* not UTF-8: show the byte */
				buf[o++] = '\\';
				buf[o++] = 'x';
				buf[o++] = hex[c >> 4];
				buf[o++] = hex[c & 15];
			}
		} else if (c < 0x20 || c == 0x7f) {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 15];
		} else {
			buf[o++] = (char)c;
		}
	}
	if (i < n) {	/* cut short, between characters */
		buf[o++] = '.';
		buf[o++] = '.';
		buf[o++] = '.';
	}
	buf[o++] = '"';
	buf[o] = '\0';
}

size_t
msg_tail(char *buf, size_t size, const char *col, const char *what,
         const char *value, size_t vlen)
{
	char q[512];

	if (value)
		msg_quote(q, sizeof q, value, vlen);
	return (size_t)snprintf(buf, size, "%s%s%s%s%s", col && *col ? col : "",
	    col && *col ? ": " : "", what, value ? ": " : "", value ? q : "");
}

void
msg_at(const char *file, unsigned long line, const char *col,
       const char *what, const char *value, size_t vlen)
{
	char tail[2048];

	msg_tail(tail, sizeof tail, col, what, value, vlen);
	fprintf(stderr, "%s: ", prog);
	if (file) {
		fputs(file, stderr);
		if (line)
			fprintf(stderr, ":%lu", line);
		fputs(": ", stderr);
	}
	fputs(tail, stderr);
	fputc('\n', stderr);
}

void *
emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *
ecalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory (%zu of %zu bytes)", n, size);
	return p;
}

void *
erealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

char *
estrndup(const char *s, size_t n)
{
	char *p = emalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

long
opt_int(const char *opt, const char *arg, long lo, long hi, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno || v < lo || v > hi) {
		warnx_("%s: \"%s\" is not %s from %ld to %ld", opt, arg, what, lo, hi);
		return -1;
	}
	return v;
}
