#include <string.h>

#include "num.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s[0..n) trimmed of spaces and no-break spaces at both ends */
static void
strip(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int
mul_add(int64_t *v, int digit)
{
	if (*v > (INT64_MAX - digit) / 10)
		return 0;
	*v = *v * 10 + digit;
	return 1;
}

int
num_count(const char *s, size_t n, int64_t *out)
{
	size_t i, group = 0, ngroups = 0;
	int64_t v = 0;
	char sep = 0;
	int neg = 0;

	strip(&s, &n);
	if (n && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		s++, n--;
	}
	if (n == 0 || !is_digit(s[0]))
		return NUM_EFORM;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (is_digit(c)) {
			if (!mul_add(&v, c - '0'))
				return NUM_ERANGE;
			group++;
			continue;
		}
		if (c == '\xc2' && i + 1 < n && s[i + 1] == '\xa0')
			c = ' ', i++;	/* a no-break space groups too */
		if (c != '.' && c != ',' && c != ' ')
			return NUM_EFORM;
		if (sep && c != sep)
			return c == ' ' ? NUM_EFORM : NUM_EFRACTION;
		/* the first group has 1 to 3 digits, the others exactly 3 */
		if ((ngroups == 0 && group > 3) || (ngroups > 0 && group != 3))
			return c == ' ' ? NUM_EFORM : NUM_EFRACTION;
		sep = c;
		ngroups++;
		group = 0;
	}
	if (ngroups > 0 && group != 3)
		return group == 0 ? NUM_EFORM : (sep == ' ' ? NUM_EFORM : NUM_EFRACTION);
	if (neg && v != 0)
		return NUM_ENEG;
	*out = v;
	return NUM_OK;
}

int
num_decimal(const char *s, size_t n, struct dec *d, int *pct)
{
	size_t i;
	const char *lastdot, *lastcomma, *point = NULL;
	char group = 0;
	int64_t v = 0;
	int scale = 0, neg = 0, ndig = 0;

	*pct = 0;
	strip(&s, &n);
	if (n && s[n - 1] == '%') {
		*pct = 1;
		n--;
		strip(&s, &n);
	}
	if (n && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		s++, n--;
	}
	if (n == 0)
		return NUM_EFORM;
	lastdot = NULL, lastcomma = NULL;
	for (i = 0; i < n; i++) {
		if (s[i] == '.')
			lastdot = s + i;
		else if (s[i] == ',')
			lastcomma = s + i;
		else if (!is_digit(s[i]))
			return NUM_EFORM;
	}
	if (lastdot && lastcomma) {
		point = lastdot > lastcomma ? lastdot : lastcomma;
		group = *point == '.' ? ',' : '.';
	} else if (lastdot || lastcomma) {
		char c = lastdot ? '.' : ',';
		if (memchr(s, c, n) == (lastdot ? lastdot : lastcomma))
			point = lastdot ? lastdot : lastcomma;	/* once: decimal */
		else
			group = c;	/* several times: grouping */
	}
	for (i = 0; i < n; i++) {
		const char *p = s + i;
		if (p == point)
			continue;
		if (*p == group) {
			if (point && p > point)
				return NUM_EFORM;
			continue;
		}
		if (*p == '.' || *p == ',')
			return NUM_EFORM;
		if (!mul_add(&v, *p - '0'))
			return NUM_ERANGE;
		ndig++;
		if (point && p > point && ++scale > 18)
			return NUM_ERANGE;
	}
	if (ndig == 0 || (point && (point == s + n - 1 || point == s)))
		return NUM_EFORM;
	d->v = neg ? -v : v;
	d->scale = scale;
	return NUM_OK;
}

const char *
num_strerror(int err)
{
	switch (err) {
	case NUM_EFORM:
		return "not a number";
	case NUM_EFRACTION:
		return "a count has no fraction";
	case NUM_ERANGE:
		return "number too large";
	case NUM_ENEG:
		return "a count cannot be negative";
	}
	return "number ok";
}

static size_t
group_digits(const char *digits, size_t n, char sep, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (sep && i > 0 && (n - i) % 3 == 0)
			out[o++] = sep;
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return o;
}

/* unsigned magnitude to decimal digits */
static size_t
utoa(unsigned __int128 u, char *buf)
{
	char tmp[48];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

size_t
num_format_count(int64_t v, char sep, char *buf)
{
	char digits[32];
	unsigned __int128 u = v < 0 ? (unsigned __int128)(-(__int128)v) : (unsigned __int128)v;
	size_t n = utoa(u, digits), o = 0;

	if (v < 0)
		buf[o++] = '-';
	return o + group_digits(digits, n, sep, buf + o);
}

static size_t
format_scaled(unsigned __int128 u, int neg, int scale, char point, char sep, char *buf)
{
	char digits[48];
	size_t n = utoa(u, digits), o = 0, whole;

	if (neg && u != 0)
		buf[o++] = '-';
	if ((int)n <= scale) {	/* 0.05: pad with zeros */
		memmove(digits + (scale + 1 - (int)n), digits, n + 1);
		memset(digits, '0', (size_t)(scale + 1) - n);
		n = (size_t)scale + 1;
	}
	whole = n - (size_t)scale;
	o += group_digits(digits, whole, sep, buf + o);
	if (scale > 0) {
		buf[o++] = point;
		memcpy(buf + o, digits + whole, (size_t)scale);
		o += (size_t)scale;
	}
	buf[o] = '\0';
	return o;
}

size_t
num_format_dec(struct dec d, char point, char sep, char *buf)
{
	unsigned __int128 u = d.v < 0 ? (unsigned __int128)(-(__int128)d.v) : (unsigned __int128)d.v;

	return format_scaled(u, d.v < 0, d.scale, point, sep, buf);
}

size_t
num_percent(int64_t a, int64_t b, int digits, char *buf)
{
	__int128 num = a, den = b, q, r, scale = 100;
	int i, neg;

	for (i = 0; i < digits; i++)
		scale *= 10;
	num *= scale;	/* |a| < 2^63, scale <= 10^17: fits in 127 bits */
	neg = (num < 0) != (den < 0);
	if (num < 0)
		num = -num;
	if (den < 0)
		den = -den;
	q = num / den;
	r = num % den;
	if (2 * r >= den)	/* half away from zero */
		q++;
	return format_scaled((unsigned __int128)q, neg, digits, '.', 0, buf);
}

int
num_add(int64_t *acc, int64_t x)
{
	return !__builtin_add_overflow(*acc, x, acc);
}

static const int64_t pow10_[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL,
};

int
dec_add(struct dec a, struct dec b, struct dec *r)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	int64_t x, y;

	if (__builtin_mul_overflow(a.v, pow10_[s - a.scale], &x) ||
	    __builtin_mul_overflow(b.v, pow10_[s - b.scale], &y) ||
	    __builtin_add_overflow(x, y, &r->v))
		return 0;
	r->scale = s;
	return 1;
}

int
dec_percent(struct dec a, struct dec b, int digits, struct dec *r)
{
	/* a.v/10^sa / (b.v/10^sb) * 100 * 10^digits
	 *   = a.v * 10^sb * 100 * 10^digits / (b.v * 10^sa) */
	__int128 num = a.v, den = b.v, q, rem;
	int i, neg;

	if (b.v == 0 || digits > 15)
		return 0;
	for (i = 0; i < b.scale + 2 + digits; i++) {
		num *= 10;
		if (num > ((__int128)1 << 125) || num < -((__int128)1 << 125))
			return 0;
	}
	for (i = 0; i < a.scale; i++)
		den *= 10;
	neg = (num < 0) != (den < 0);
	if (num < 0)
		num = -num;
	if (den < 0)
		den = -den;
	q = num / den;
	rem = num % den;
	if (2 * rem >= den)
		q++;
	if (q > INT64_MAX)
		return 0;
	r->v = neg ? -(int64_t)q : (int64_t)q;
	r->scale = digits;
	return 1;
}

int
dec_percent_matches(struct dec p, struct dec a, struct dec b)
{
	/* |p/10^d - 100*a/b| <= 1/(2*10^d), all as integers:
	 *   |2 * p * A_b - 2 * 100 * 10^d * A_a|  <=  A_b
	 * with a and b brought to one scale first. */
	__int128 av = a.v, bv = b.v, lhs, rhs;
	int i;

	for (i = a.scale; i < b.scale; i++)
		av *= 10;
	for (i = b.scale; i < a.scale; i++)
		bv *= 10;
	if (bv < 0) {
		bv = -bv;
		av = -av;
	}
	lhs = 2 * (__int128)p.v * bv;
	rhs = 2 * (__int128)100 * av;
	for (i = 0; i < p.scale; i++)
		rhs *= 10;
	lhs -= rhs;
	if (lhs < 0)
		lhs = -lhs;
	return lhs <= bv;
}

int
dec_score(int64_t a, int64_t b, struct dec target, struct dec points, int digits,
          struct dec *r)
{
	unsigned __int128 num, den, q, one_t = 100, one_p = 1000000;
	int i;

	if (b <= 0 || a < 0 || digits < 0 || digits > 4 || target.scale < 0 ||
	    target.scale > 4 || points.scale < 0 || points.scale > 4 || target.v <= 0 ||
	    points.v < 0)
		return 0;
	for (i = 0; i < target.scale; i++)
		one_t *= 10;
	for (i = 0; i < points.scale; i++)
		one_p *= 10;
	if ((unsigned __int128)target.v > one_t || (unsigned __int128)points.v > one_p)
		return 0;
	/* a/b / (t/10^ts/100) = a*100*10^ts / (b*t); a < 2^63 and 100*10^ts
	 * <= 10^6, points < 10^10, 10^digits <= 10^4: within 2^127 */
	num = (unsigned __int128)a * 100;
	for (i = 0; i < target.scale; i++)
		num *= 10;
	den = (unsigned __int128)b * (unsigned __int128)target.v;
	if (num >= den) {	/* the target reached: all the points */
		num = (unsigned __int128)points.v;
		den = 1;
	} else {
		num *= (unsigned __int128)points.v;
	}
	for (i = 0; i < digits; i++)
		num *= 10;
	for (i = 0; i < points.scale; i++)
		den *= 10;
	q = num / den;
	if (2 * (num % den) >= den)
		q++;
	r->v = (int64_t)q;
	r->scale = digits;
	return 1;
}
