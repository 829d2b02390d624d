/* codes.h: the user's own code words (--codes FILE).
 *
 * A file of CSV, header cot,gia_tri,ma (names folded; other columns are
 * notes, ignored): cot a code column by any header alias ("Hình thức nộp"),
 * gia_tri a value as exports write it, ma the canonical code it means
 * (truc_tuyen, xa, 7...). col_code (cols.h) looks there first: a user's
 * value is matched as a whole value (folded, punctuation ignored, like the
 * built-in exact words) and wins over every built-in word and phrase. */
#ifndef CCHC_CODES_H
#define CCHC_CODES_H

#include <stddef.h>

/* Reads path ("-": standard input) with delimiter delim and adds its words
 * to the process's table. Never prints. Returns 0, or -1 with err holding
 * one line, "FILE:LINE: COLUMN: what is wrong: \"value\"" (or "FILE: ..."
 * for the file itself), and nothing of the file added. Wrong: a file that
 * cannot be read, a CSV syntax error, bytes that are not UTF-8 (or a NUL,
 * a control byte), a header without cot, gia_tri and ma, a row with another
 * number of fields, an unknown column or one without codes, an empty
 * value, an unknown code, one value given two codes (in this file or one
 * loaded before; given the same code twice is no error).
 * Call it before the first lookup (dossier_parser memoises codes) and
 * before any thread starts: lookups only read the table. */
int codes_load(const char *path, unsigned char delim, char *err, size_t errsz);

/* The user's code for col and a value as col_code_key writes it, or -1. */
int codes_user(int col, const char *key);

/* How many words the user's table holds. */
size_t codes_count(void);

/* Empties the table (frees it). */
void codes_clear(void);

#endif
