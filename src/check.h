/* check.h: cchc-check's modes that are tools of their own. Each reads its
 * FILEs ("-" for standard input), writes the sound rows to standard output,
 * and returns the exit status. */
#ifndef CCHC_CHECK_H
#define CCHC_CHECK_H

/* --counts: a count table (check-counts.c) */
int run_counts(unsigned char delim, char **files, int nfiles);
/* --form NAME|FILE: a filled annex (check-form.c) */
int run_form(const char *form, unsigned char delim, char **files, int nfiles);

#endif
