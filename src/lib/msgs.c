#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "msgs.h"
#include "smap.h"
#include "fold.h"

/* One distinct problem: where it was first, and how many rows have it. */
struct problem {
	const char *file;
	unsigned long line, rows;
	unsigned long line2;		/* a line named in what, at its MSGS_LINE */
	char *col, *what, *value;	/* value: as msg_quote shows it, or NULL */
	int overflow;			/* the count of values past MSGS_MAX */
};

struct reason {
	char *kind;
	unsigned long rows;
};

struct msgs {
	struct smap *seen;	/* key -> index into p, plus one */
	struct problem *p;
	size_t n, cap;
	struct smap *kinds;	/* kind -> index into r, plus one */
	struct reason *r;
	size_t nr, rcap;
	char *key;
	size_t keycap;
};

struct msgs *
msgs_new(void)
{
	struct msgs *m = ecalloc(1, sizeof *m);

	m->seen = smap_new(sizeof(size_t));
	m->kinds = smap_new(sizeof(size_t));
	return m;
}

static void
forget(struct msgs *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->p[i].col);
		free(m->p[i].what);
		free(m->p[i].value);
	}
	m->n = 0;
	smap_free(m->seen);
	m->seen = smap_new(sizeof(size_t));
}

void
msgs_free(struct msgs *m)
{
	size_t i;

	if (!m)
		return;
	forget(m);
	smap_free(m->seen);
	smap_free(m->kinds);
	for (i = 0; i < m->nr; i++)
		free(m->r[i].kind);
	free(m->r);
	free(m->p);
	free(m->key);
	free(m);
}

static void
key_put(struct msgs *m, size_t *len, const void *s, size_t n)
{
	if (m->keycap < *len + n + 1) {
		m->keycap = (*len + n + 1) * 2;
		m->key = erealloc(m->key, m->keycap);
	}
	memcpy(m->key + *len, s, n);
	*len += n;
	m->key[(*len)++] = '\0';
}

static void
count_reason(struct msgs *m, const char *kind, unsigned long rows)
{
	int added;
	size_t *at = smap_put(m->kinds, kind, strlen(kind), &added);

	if (added) {
		if (m->nr == m->rcap) {
			m->rcap = m->rcap ? 2 * m->rcap : 16;
			m->r = erealloc(m->r, m->rcap * sizeof *m->r);
		}
		m->r[m->nr].kind = estrndup(kind, strlen(kind));
		m->r[m->nr].rows = 0;
		*at = ++m->nr;
	}
	m->r[*at - 1].rows += rows;
}

/* The problem for a key built by the caller, made when new. */
static struct problem *
find(struct msgs *m, size_t klen, int *added)
{
	size_t *at = smap_put(m->seen, m->key, klen, added);

	if (*added) {
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 64;
			m->p = erealloc(m->p, m->cap * sizeof *m->p);
		}
		memset(&m->p[m->n], 0, sizeof m->p[m->n]);
		*at = ++m->n;
	}
	return &m->p[*at - 1];
}

/* The key of a problem: its file, column, what and value; a value past
 * MSGS_MAX is overflow, keyed by the rest alone. */
static size_t
make_key(struct msgs *m, const char *file, const char *col, const char *what,
         const char *quoted, int overflow, unsigned long line2)
{
	size_t klen = 0;

	key_put(m, &klen, &file, sizeof file);	/* file names outlive m */
	key_put(m, &klen, &line2, sizeof line2);
	key_put(m, &klen, col ? col : "", col ? strlen(col) : 0);
	key_put(m, &klen, what, strlen(what));
	key_put(m, &klen, overflow ? "o" : "v", 1);
	if (quoted && !overflow)
		key_put(m, &klen, quoted, strlen(quoted));
	return klen;
}

static void
add(struct msgs *m, const char *file, unsigned long line, const char *col,
    const char *what, const char *quoted, unsigned long rows, int overflow,
    unsigned long line2)
{
	struct problem *p;
	size_t klen = make_key(m, file, col, what, quoted, overflow, line2);
	int added;

	if (!overflow && m->n >= MSGS_MAX && !smap_get(m->seen, m->key, klen)) {
		overflow = 1;	/* too many: counted with its column and reason */
		line2 = 0;
		klen = make_key(m, file, col, what, quoted, overflow, line2);
	}
	p = find(m, klen, &added);
	if (added) {
		p->file = file;
		p->line = line;
		p->col = col ? estrndup(col, strlen(col)) : NULL;
		p->what = estrndup(what, strlen(what));
		p->value = quoted && !overflow ? estrndup(quoted, strlen(quoted)) : NULL;
		p->overflow = overflow;
		p->line2 = line2;
	}
	p->rows += rows;
}

/* A value as the messages show it and tell it apart: NFC first, so that
 * the same word typed precomposed or decomposed is one value; then
 * msg_quote's 80 bytes (two values shown alike are one problem). */
static void
quote_value(char *q, size_t qsize, const char *value, size_t vlen)
{
	char *buf = NULL;
	size_t cap = 0, at, len;

	if (text_check(value, vlen, &at) != TEXT_OK) {
		msg_quote(q, qsize, value, vlen);
		return;
	}
	len = nfc(value, vlen, &buf, &cap);
	msg_quote(q, qsize, buf, len);
	free(buf);
}

void
msgs_add_line2(struct msgs *m, const char *kind, const char *file, unsigned long line,
               unsigned long line2, const char *col, const char *what, const char *value,
               size_t vlen)
{
	char q[512];

	if (value)
		quote_value(q, sizeof q, value, vlen);
	add(m, file, line, col && *col ? col : NULL, what, value ? q : NULL, 1, 0, line2);
	count_reason(m, kind ? kind : what, 1);
}

void
msgs_add(struct msgs *m, const char *kind, const char *file, unsigned long line,
         const char *col, const char *what, const char *value, size_t vlen)
{
	msgs_add_line2(m, kind, file, line, 0, col, what, value, vlen);
}

void
msgs_count(struct msgs *m, const char *kind, unsigned long rows)
{
	count_reason(m, kind, rows);
}

void
msgs_note(struct msgs *m, const char *file, unsigned long line, const char *col,
          const char *what, const char *value, size_t vlen)
{
	char q[512];

	if (value)
		quote_value(q, sizeof q, value, vlen);
	add(m, file, line, col && *col ? col : NULL, what, value ? q : NULL, 1, 0, 0);
}

void
msgs_merge(struct msgs *m, struct msgs *from, unsigned long line_base)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		struct problem *f = &from->p[i];
		add(m, f->file, line_base + f->line, f->col, f->what, f->value, f->rows, f->overflow,
		    f->line2 ? line_base + f->line2 : 0);
	}
	for (i = 0; i < from->nr; i++)
		count_reason(m, from->r[i].kind, from->r[i].rows);
	forget(from);
	for (i = 0; i < from->nr; i++)
		free(from->r[i].kind);
	from->nr = 0;
	smap_free(from->kinds);
	from->kinds = smap_new(sizeof(size_t));
}

int
msgs_flush(struct msgs *m, FILE *fp)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < m->n; i++) {
		const struct problem *p = &m->p[i];
		if (p->overflow) {
			bad |= fprintf(fp, "%s: %s: %s%s%s: %lu more rows, their values not listed "
			    "one by one\n", prog, p->file, p->col ? p->col : "", p->col ? ": " : "",
			    p->what, p->rows) < 0;
			continue;
		}
		{
			const char *mark = strchr(p->what, MSGS_LINE[0]);
			int at = mark ? (int)(mark - p->what) : (int)strlen(p->what);
			bad |= fprintf(fp, "%s: %s:%lu: %s%s%.*s", prog, p->file, p->line,
			    p->col ? p->col : "", p->col ? ": " : "", at, p->what) < 0;
			if (mark)
				bad |= fprintf(fp, "%lu%s", p->line2, mark + 1) < 0;
			bad |= fprintf(fp, "%s%s", p->value ? ": " : "", p->value ? p->value : "") < 0;
		}
		if (p->rows > 1)
			bad |= fprintf(fp, " (%lu rows)", p->rows) < 0;
		bad |= fputc('\n', fp) == EOF;
	}
	forget(m);
	return bad || fflush(fp) != 0 ? -1 : 0;
}

unsigned long
msgs_reasons(const struct msgs *m, char *buf, size_t size)
{
	size_t i, o = 0;
	unsigned long all = 0;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < m->nr; i++) {
		char item[512];
		int k = snprintf(item, sizeof item, "%s%lu %s", i ? ", " : "", m->r[i].rows,
		    m->r[i].kind);
		all += m->r[i].rows;
		if (k < 0)
			continue;
		if (o + (size_t)k + 4 >= size) {
			if (o + 4 < size)
				snprintf(buf + o, size - o, "...");
			o = size;
			continue;
		}
		memcpy(buf + o, item, (size_t)k + 1);
		o += (size_t)k;
	}
	return all;
}
