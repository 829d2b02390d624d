/* Form files: rows, sources, references, cycles; and their evaluation.
 *
 * A form that loads is evaluated twice: by form_eval (no recursion, an
 * explicit stack) and by the recursive evaluation cchc-table had before,
 * kept here as the reference. Both must make the same figures and call the
 * callbacks in the same order with the same arguments. Values come from a
 * hash of their name: some missing, some near the largest number, so sums
 * and rates overflow too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/forms.h"
#include "../../src/lib/smap.h"

/* What the callbacks were asked, one line each. */
struct log {
	char *s;
	size_t n, cap;
};

static void
log_add(struct log *l, const char *fmt, size_t row, const char *a)
{
	char line[700];
	int k = snprintf(line, sizeof line, fmt, row, a);

	if (k < 0)
		abort();
	if ((size_t)k >= sizeof line)
		k = sizeof line - 1;
	if (l->n + (size_t)k + 1 > l->cap) {
		l->cap = (l->n + (size_t)k + 1) * 2;
		if ((l->s = realloc(l->s, l->cap)) == NULL)
			abort();
	}
	memcpy(l->s + l->n, line, (size_t)k);
	l->n += (size_t)k;
	l->s[l->n++] = '\n';
}

static int
value(void *ctx, size_t row, const char *name, struct dec *d)
{
	uint64_t h = hash_bytes(name, strlen(name));

	log_add(ctx, "value %zu %s", row, name);
	if (h % 5 == 0)
		return -1;
	d->scale = (int)(h % 3);
	d->v = h % 4 == 1 ? INT64_MAX - (int64_t)(h % 1000) : (int64_t)(h % 100000);
	if (h % 11 == 0)
		d->v = 0;
	return 0;
}

static void
missing(void *ctx, size_t row, const char *why)
{
	log_add(ctx, "missing %zu %s", row, why);
}

static const struct form_eval_ops ops = {value, missing, NULL};

/* The reference: cchc-table's recursive evaluation before form_eval. */
struct ref {
	const struct form *f;
	struct fig *fig;
	char *done;
	void *ctx;
};

static void
say(struct ref *R, size_t i, const char *fmt, const char *a)
{
	char why[512];

	snprintf(why, sizeof why, fmt, a);
	missing(R->ctx, i, why);
}

static struct fig ref_eval(struct ref *R, size_t i);

static int
ref_sum(struct ref *R, size_t i, char **terms, const int *ref, size_t n, struct dec *sum)
{
	const struct form_row *r = &R->f->row[i];
	size_t k;
	int ok = 1;

	sum->v = 0;
	sum->scale = 0;
	for (k = 0; k < n; k++) {
		struct dec d;
		if (r->e.rows) {
			struct fig g = ref_eval(R, (size_t)ref[k]);
			if (!g.ok) {
				ok = 0;
				continue;
			}
			d = g.d;
		} else if (value(R->ctx, i, terms[k], &d) < 0) {
			ok = 0;
			continue;
		}
		if (ok && !dec_add(*sum, d, sum)) {
			say(R, i, "the sum passes the largest number (%s)", r->nguon);
			ok = 0;
		}
	}
	return ok;
}

static struct fig
ref_eval(struct ref *R, size_t i)
{
	const struct form_row *r = &R->f->row[i];
	struct fig g = {0, {0, 0}};
	struct dec a, b;

	if (R->done[i])
		return R->fig[i];
	R->done[i] = 1;
	if (r->e.nnum == 0)
		return R->fig[i] = g;
	if (!ref_sum(R, i, r->e.num, r->ref, r->e.nnum, &a))
		return R->fig[i] = g;
	if (r->e.nden == 0) {
		g.ok = 1;
		g.d = a;
		return R->fig[i] = g;
	}
	if (!ref_sum(R, i, r->e.den, r->ref ? r->ref + r->e.nnum : NULL, r->e.nden, &b))
		return R->fig[i] = g;
	if (b.v == 0) {
		say(R, i, "no rate: %s has a zero denominator", r->nguon);
		return R->fig[i] = g;
	}
	if (!dec_percent(a, b, r->e.digits >= 0 ? r->e.digits : 2, &g.d)) {
		say(R, i, "the rate %s is past the largest number", r->nguon);
		return R->fig[i] = g;
	}
	g.ok = 1;
	return R->fig[i] = g;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form f;
	char err[1024];

	if (form_load_mem("fuzz", (const char *)data, size, &f, err, sizeof err) == 0) {
		struct fig *a = calloc(f.n + 1, sizeof *a), *b = calloc(f.n + 1, sizeof *b);
		struct log la = {NULL, 0, 0}, lb = {NULL, 0, 0};
		struct ref R;
		size_t i;

		if (!a || !b)
			abort();
		form_find(&f, "1", 1);
		form_eval(&f, a, &ops, &la);
		R.f = &f;
		R.fig = b;
		R.ctx = &lb;
		if ((R.done = calloc(f.n + 1, 1)) == NULL)
			abort();
		for (i = 0; i < f.n; i++)
			ref_eval(&R, i);
		for (i = 0; i < f.n; i++)
			if (a[i].ok != b[i].ok ||
			    (a[i].ok && (a[i].d.v != b[i].d.v || a[i].d.scale != b[i].d.scale)))
				abort();	/* another figure than the recursion's */
		if (la.n != lb.n || (la.n && memcmp(la.s, lb.s, la.n) != 0))
			abort();	/* the callbacks called otherwise */
		for (i = 0; i < f.n; i++)	/* the index finds every row's first */
			if (form_find(&f, f.row[i].key, strlen(f.row[i].key)) > (int)i)
				abort();
		if (f.wide) {	/* the heading's cells tile its depth x n grid, once */
			struct wide_head *h;
			size_t nh = wide_heads(f.wide, &h), k, l, c;
			unsigned char *seen = calloc(f.wide->depth * f.wide->n + 1, 1);
			if (!seen)
				abort();
			for (k = 0; k < nh; k++)
				for (l = h[k].level; l < h[k].level + h[k].rowspan; l++)
					for (c = h[k].col; c < h[k].col + h[k].colspan; c++)
						if (l >= f.wide->depth || c >= f.wide->n ||
						    seen[l * f.wide->n + c]++)
							abort();
			for (k = 0; k < f.wide->depth * f.wide->n; k++)
				if (!seen[k])
					abort();
			free(seen);
			free(h);
		}
		free(R.done);
		free(la.s);
		free(lb.s);
		free(a);
		free(b);
	}
	form_free(&f);
	return 0;
}
