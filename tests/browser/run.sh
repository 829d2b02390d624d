#!/bin/sh
# make check-browser: an annex with --chart, as a person would open it. The
# page is rendered by headless Chromium to a PNG, beside an empty page of the
# same size; the page must show far more than the empty one, and the chart's
# bars in their own colours (tests/browser/png.py counts the pixels).
set -eu
cd "$(dirname "$0")/../.."
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	echo "check-browser: no chromium: make check-browser installs it" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -z "${CHECK_BROWSER_KEEP:-}" ] || trap 'cp "$tmp"/*.png "$tmp"/*.html "$CHECK_BROWSER_KEEP"/; rm -rf "$tmp"' EXIT
ON_TIME='#1f5fa8'
ONLINE='#d9822b'

samples/gen-export --rows 3000 > "$tmp/xuat.csv"
bin/cchc-sum --period 2024 --as-of 2024-12-12 --estimate -g cap --total "$tmp/xuat.csv" \
	> "$tmp/dem.csv" 2> /dev/null
bin/cchc-table --form bm3 --format html --chart --target dung_han=98 --target truc_tuyen=80 \
	"$tmp/dem.csv" samples/values-2024.csv > "$tmp/bm3.html"
printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>-</title></head><body></body></html>\n' \
	> "$tmp/blank.html"

shot() {
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--no-first-run --user-data-dir="$tmp/profile" --window-size=1000,1600 \
		--screenshot="$2" "file://$1" > "$tmp/chromium.log" 2>&1 </dev/null ||
		{ cat "$tmp/chromium.log" >&2; echo "check-browser: chromium failed on $1" >&2; exit 1; }
	[ -s "$2" ] || { echo "check-browser: chromium wrote no $2" >&2; exit 1; }
}
shot "$tmp/blank.html" "$tmp/blank.png"
shot "$tmp/bm3.html" "$tmp/bm3.png"
blank=$(python3 tests/browser/png.py "$tmp/blank.png" "$ON_TIME" "$ONLINE")
page=$(python3 tests/browser/png.py "$tmp/bm3.png" "$ON_TIME" "$ONLINE")
echo "check-browser: empty page: $blank"
echo "check-browser: bm3 --chart: $page"
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# the annex is text and rules on white: tens of thousands of pixels; the
# chart's bars, three groups and a total, a few thousand each
if [ "$(field "$page" nonwhite)" -lt $(($(field "$blank" nonwhite) + 20000)) ] ||
   [ "$(field "$page" colours)" -lt 16 ] ||
   [ "$(field "$page" "$ON_TIME")" -lt 2000 ] || [ "$(field "$page" "$ONLINE")" -lt 2000 ] ||
   [ "$(field "$blank" "$ON_TIME")" -ne 0 ]; then
	echo "check-browser: FAILED: the page looks blank, or the chart's bars are not drawn" >&2
	exit 1
fi
echo "check-browser: passed"
