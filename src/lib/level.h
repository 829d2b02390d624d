/* level.h: a unit's level (tinh, huyen, xa) from its name, by rules.
 *
 * The rules are data, in level.c, and man/cchc-map.1 (LEVELS) says them:
 * "Sở Tư pháp", "Văn phòng Đăng ký đất đai tỉnh ..." are tinh; "UBND huyện
 * ...", "UBND thành phố Quảng Ngãi" huyen; "UBND xã ...", "Phường ..." xa;
 * "UBND thành phố Đà Nẵng", a centrally governed city, tinh. A name no rule
 * reads has no level: never guessed. */
#ifndef CCHC_LEVEL_H
#define CCHC_LEVEL_H

#include <stddef.h>

/* The level name s[0..n) says: CAP_TINH, CAP_HUYEN or CAP_XA (cols.h), or
 * -1 when no rule reads it. s must be valid UTF-8 (text_check). */
int level_of_name(const char *s, size_t n);

#endif
