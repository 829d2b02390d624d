/* forms.h: annex forms: their rows, how each row's figure is made, and the
 * forms compiled into the programs (the CSV files in src/forms).
 *
 * A form is CSV: stt,chi_tieu,don_vi,nguon,ghi_chu. nguon is a cell or
 * value name, a sum of them (tinh.gq_truoc_han+tinh.gq_dung_han), a sum of
 * rows (=1.4.1+1.4.2), a rate of rows (=3.1.2/3.1.1, @N for N decimals), or
 * empty for a heading. */
#ifndef CCHC_FORMS_H
#define CCHC_FORMS_H

#include <stddef.h>

#include "expr.h"
#include "num.h"

struct embedded_file {
	const char *name, *text;
};
extern const struct embedded_file embedded_forms[];

struct form_row {
	char *stt, *key;	/* key: stt without a trailing '.' */
	char *chi_tieu, *don_vi, *nguon, *ghi_chu;
	unsigned long line;
	struct expr e;		/* nnum 0: a heading */
	int pct;		/* don_vi is % */
	int *ref;		/* '=' rows: the rows the terms name */
};

struct smap;

struct form {
	char *name, *title, *subtitle;
	struct form_row *row;
	size_t n, cap;
	struct smap *index;	/* key -> the row's index (first of a key) */
};

/* Loads a built-in form by name, or a form file. Returns 0, or -1 with a
 * message in err (no such form, a bad nguon, an unknown or circular row). */
int form_load(const char *name_or_path, struct form *f, char *err, size_t errsz);
/* The same from a form's text in memory. */
int form_load_mem(const char *name, const char *text, size_t len, struct form *f,
                  char *err, size_t errsz);
void form_free(struct form *f);
/* The row with this stt (spaces around and a trailing '.' ignored), or -1:
 * a look-up in the form's index, whatever its size. */
int form_find(const struct form *f, const char *stt, size_t n);
/* The built-in forms: name, title, subtitle, text; NULL name at the end. */
int form_builtin(size_t i, const char **name, const char **title,
                 const char **subtitle, const char **text);

/* A figure: a number, or none (what is missing was said). */
struct fig {
	int ok;
	struct dec d;
};

/* What form_eval asks of its caller. */
struct form_eval_ops {
	/* The value of name, for row (the row's pct says how to read it):
	 * 0 with *d set, or -1 when there is none (the callback says why). */
	int (*value)(void *ctx, size_t row, const char *name, struct dec *d);
	/* Row has no figure, and why: "no rate: =3.4.2/3.4.1 has a zero
	 * denominator". */
	void (*missing)(void *ctx, size_t row, const char *why);
	/* Optional (NULL): row's figure is made, or is known to be none,
	 * after the figures of every row it names. */
	void (*made)(void *ctx, size_t row);
};

/* Makes every row's figure into fig[0..n): a heading has none; a sum of
 * names or rows adds them; a rate is the sum above the '/' over the sum
 * below, x 100, rounded half away from zero (@N decimals, else 2). A row
 * is made once, after the rows it names; the rows are taken in order and
 * each one's terms in order, so the callbacks are called in the order a
 * recursive evaluation calls them. No recursion: the rows waiting for
 * others are kept on a stack of their own, so a chain of a million rows
 * is evaluated in memory proportional to it, never on the C stack. The
 * form must be linked (form_load), so has no cycle. */
void form_eval(const struct form *f, struct fig *fig, const struct form_eval_ops *ops,
               void *ctx);

#endif
