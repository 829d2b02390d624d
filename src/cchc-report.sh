#!/bin/sh
# cchc-report: the annex of a period from dossier exports, in one command.
#
# Runs cchc-check, cchc-map (--level-from), cchc-sum, cchc-rate and
# cchc-table one after the other, each into a file, so that every stage's
# exit status is seen: a pipeline in POSIX sh reports only its last
# command's, and an annex could then be written, exit 0, with rows lost
# upstream. The numbers of the summary are read from the tools' own summary
# lines (standard error), never by reading CSV here. Everything is written
# into a directory made beside DIR and renamed to DIR at the end, so that a
# run that fails or is killed leaves no half report.

VERSION=@VERSION@
prog=cchc-report

# The built-in forms this script can fill, and the count table each one's
# figures come from: the grouping (cchc-sum -g) whose cells its rows name
# (cchc-table(1), "Which groupings feed which rows"); nothing after the colon:
# values only (--values).
FORM_GROUPS='bm1:
bm3:cap
bm7:muc_do_dvc
06a:linh_vuc'
DEFAULT_FORMS=bm1,bm3,bm7

# The formats each annex is written in, one file per form and format; and
# annex.xlsx, every form a sheet of one workbook.
ANNEX_FORMATS='csv html md xlsx'

usage() {
	echo "usage: cchc-report --period P [--form NAME[,NAME]...] [--values FILE] [--out DIR] [--force] [--max-rejected N|P%] [-d C] [--keep first|last] [--level-from COL] [--unit TEXT]... [--title TEXT]... [--ref TEXT] EXPORT..."
}

help() {
	usage
	cat <<'EOF'
Validate dossier exports, count them for the reporting period P and write the
annex forms (Biểu mẫu) with the count tables, the rejected rows and a summary
into DIR. Every stage's exit status is checked; no annex lacks rows silently.

      --period P           the reporting period: 2024, 2024-H1, 2024-9M, 2024-Q3, 2024-09
      --form NAME,...      the forms to fill: bm1, bm3, bm7, 06a (default: bm1,bm3,bm7)
      --values FILE        the figures no export holds (ten,gia_tri), for cchc-table
      --out DIR            the report's directory (default: P, in the current one)
      --force              replace DIR when it holds a report cchc-report wrote
      --max-rejected N|P%  rows not counted allowed: N rows, or P% of the rows
                           read (default 0: any row not counted withholds the annex)
  -d, --delimiter C        the exports' delimiter: , (default), ; or \t
      --keep first|last    a dossier in several exports (monthly ones overlap):
                           the copy of the first, or of the last (cchc-check --keep)
      --level-from COL     the level (cap) from the unit's name in COL (cchc-map)
      --unit TEXT          the annex's heading: the reporting unit, top left (again:
                           one more line), as cchc-table --unit
      --title TEXT         the annex's title, in the form's place (again: a line)
      --ref TEXT           the report it goes with: "(Kèm theo TEXT)"
  -h, --help               show this help
      --version            show the version

DIR must not exist, or be empty (or, with --force, be a report of cchc-report).
Exit status: 0 the annexes written; 1 more rows not counted than --max-rejected
allows, or figures cchc-table doubts: no annex written, the counts, the rejects
and summary.txt say why; 2 bad usage, or a stage failed (named, with its
message): nothing written. See cchc-report(1).
EOF
}

# Usage errors: the message, then the synopsis, exit 2 (as getopt_long's).
usage_error() {
	printf '%s: %s\n' "$prog" "$1" >&2
	usage >&2
	exit 2
}

# "1 row", "2 rows"
rows_n() {
	if [ "$1" = 1 ]; then echo "1 row"; else echo "$1 rows"; fi
}

die() {
	printf '%s: %s\n' "$prog" "$1" >&2
	exit 2
}

# The tools: those beside this script (one version of all), else from PATH.
# (an absolute path: some stages run in the report's directory)
case $0 in
*/*) tools=$(cd "${0%/*}" && pwd)/ || exit 2 ;;
*) tools= ;;
esac

period='' forms=$DEFAULT_FORMS values='' out='' out_given=0 force=0 max_rejected='' delim='' level_from='' keep=''
# the heading's lines, each option's one per line (a newline cannot be in one)
units='' titles='' ref='' nl='
'
n=$#
while [ "$n" -gt 0 ]; do
	arg=$1
	shift
	n=$((n - 1))
	# an option's argument: after '=', or the next word
	case $arg in
	--*=*)
		name=${arg%%=*}
		optarg=${arg#*=}
		has_arg=1
		;;
	*)
		name=$arg
		has_arg=0
		;;
	esac
	case $name in
	--period | --form | --values | --out | --max-rejected | --level-from | --delimiter | -d | \
		--unit | --title | --ref | --keep)
		if [ "$has_arg" = 0 ]; then
			[ "$n" -gt 0 ] || usage_error "option '$name' requires an argument"
			optarg=$1
			shift
			n=$((n - 1))
		fi
		;;
	--force | --help | --version)
		[ "$has_arg" = 0 ] || usage_error "option '$name' doesn't allow an argument"
		;;
	-d?*)
		name=-d
		optarg=${arg#-d}
		;;
	esac
	case $name in
	--period) period=$optarg ;;
	--form) forms=$optarg ;;
	--values) values=$optarg ;;
	--out) out=$optarg out_given=1 ;;
	--keep) keep=$optarg ;;
	--force) force=1 ;;
	--max-rejected) max_rejected=$optarg ;;
	--level-from) level_from=$optarg ;;
	--unit) units=${units:+$units$nl}$optarg ;;
	--title) titles=${titles:+$titles$nl}$optarg ;;
	--ref) ref=$optarg ;;
	-d | --delimiter) delim=$optarg ;;
	-h | --help)
		help
		exit 0
		;;
	--version)
		echo "$prog $VERSION"
		exit 0
		;;
	--)
		while [ "$n" -gt 0 ]; do
			set -- "$@" "$1"
			shift
			n=$((n - 1))
		done
		;;
	-) set -- "$@" "$arg" ;;
	--*) usage_error "unrecognized option '$arg'" ;;
	-*) usage_error "invalid option -- '$(printf '%s' "${arg#-}" | cut -c1)'" ;;
	*) set -- "$@" "$arg" ;;
	esac
done

[ -n "$period" ] || usage_error "--period is required"
[ "$out_given" = 0 ] || [ -n "$out" ] || usage_error "--out: an empty name (an unset variable?): name the report's directory"
case $keep in
'' | first | last) ;;
*) usage_error "--keep: \"$keep\": first or last" ;;
esac
case $delim in
'' | ? | '\t') ;;
*) usage_error "-d: \"$delim\": one byte, or \\t for a tab" ;;
esac
if [ -n "$values" ] && [ ! -r "$values" ]; then
	usage_error "--values: $values: no such file, or not readable"
fi
[ $# -gt 0 ] || usage_error "no EXPORT: name the exports to read"

# --max-rejected: N rows, or P% of the rows read; kept as integers (a share
# as its digits and a scale), so that the comparison is exact.
max_rows='' max_pct='' max_scale=1
case $max_rejected in
'') max_rows=0 ;;
*[!0-9.%]* | *%?* | *.*.* | .* | *.% | %) ;;
*%)
	p=${max_rejected%\%}
	case $p in
	*.*)
		int=${p%.*} frac=${p#*.}
		[ ${#frac} -le 6 ] && max_pct=$int$frac
		max_scale=1
		i=0
		while [ "$i" -lt ${#frac} ]; do
			max_scale=$((max_scale * 10))
			i=$((i + 1))
		done
		;;
	*) max_pct=$p ;;
	esac
	# at most 100%, and few enough digits for the shell's integers
	if [ -n "$max_pct" ]; then
		max_pct=$(printf '%s' "$max_pct" | sed 's/^0*\(.\)/\1/')
		if [ ${#max_pct} -gt 9 ] || [ "$max_pct" -gt $((100 * max_scale)) ]; then
			max_pct=
		fi
	fi
	;;
*.*) ;;
*)
	[ ${#max_rejected} -le 15 ] && max_rows=$(printf '%s' "$max_rejected" | sed 's/^0*\(.\)/\1/')
	;;
esac
[ -n "$max_rows$max_pct" ] || usage_error "--max-rejected: \"$max_rejected\" is not a number of rows (N) or a share of the rows read (P%, P from 0 to 100, at most 6 decimals)"

# The forms, and the groupings their count tables need, each once.
form_group() { # NAME: its grouping; status 1 when no form has that name
	printf '%s\n' "$FORM_GROUPS" | grep -q "^$1:" && printf '%s\n' "$FORM_GROUPS" | sed -n "s/^$1://p"
}
form_list='' groups=''
old_ifs=$IFS
IFS=,
for f in $forms; do
	IFS=$old_ifs
	case $f in
	*[!a-z0-9_]* | '') false ;;
	*) g=$(form_group "$f") ;;
	esac || usage_error "--form: unknown form: \"$f\" (known: $(printf '%s\n' "$FORM_GROUPS" | sed 's/:.*//' | tr '\n' ' ' | sed 's/ $//'))"
	case " $form_list " in
	*" $f "*) usage_error "--form: \"$f\" given twice" ;;
	esac
	form_list=${form_list:+$form_list }$f
	case " $groups " in
	*" $g "*) ;;
	*) [ -z "$g" ] || groups=${groups:+$groups }$g ;;
	esac
done
IFS=$old_ifs
[ -n "$form_list" ] || usage_error "--form: no form named"

# The period, read by cchc-sum itself (a header and no rows): a bad one is a
# usage error before any export is read, and its bounds are known.
period_err=$(printf 'ma_ho_so,ngay_tiep_nhan\n' | "${tools}cchc-sum" --period "$period" 2>&1 >/dev/null)
status=$?
if [ "$status" -ne 0 ]; then
	printf '%s\n' "$period_err" | sed -n "1{s/^cchc-sum: /$prog: /;p;}" >&2
	[ "$status" -ne 2 ] || usage >&2
	exit 2
fi
bounds=$(printf '%s\n' "$period_err" | sed -n 's/^cchc-sum: period \([0-9/]*\)-\([0-9/]*\): .*/\1 to \2/p')
[ -n "$bounds" ] || die "cannot read the period's bounds in cchc-sum's summary: $period_err"

# DIR, and the directory it is made in beside it.
dir=${out:-$period}
case $dir in
*/) dir=$(printf '%s' "$dir" | sed 's:/*$::') ;;
esac
base=${dir##*/}
case $dir in
*/*) parent=${dir%/*} ;;
*) parent=. ;;
esac
[ -n "$parent" ] || parent=/
case $base in
'' | . | ..) usage_error "--out: \"${out:-$period}\" names no directory to make (give a new name)" ;;
esac

# A report cchc-report wrote: a directory whose summary.txt is its own.
is_report() {
	[ -f "$1/summary.txt" ] && head -n 1 "$1/summary.txt" | grep -q "^$prog "
}

# DIR may be replaced only when it is nothing, empty, or (--force) a report.
dir_state() {
	if [ ! -e "$dir" ] && [ ! -L "$dir" ]; then
		echo none
	elif [ ! -d "$dir" ] || [ -L "$dir" ]; then
		echo other
	elif [ -z "$(ls -A "$dir")" ]; then
		echo empty
	elif [ "$force" = 1 ] && is_report "$dir"; then
		echo report
	else
		echo other
	fi
}

refuse_dir() {
	if [ -d "$dir" ] && [ "$force" = 1 ]; then
		die "$dir: not empty and no report of cchc-report (its summary.txt): nothing replaced"
	elif [ -d "$dir" ] && is_report "$dir"; then
		die "$dir: a report is there already: --force replaces it, or give another --out"
	elif [ -d "$dir" ]; then
		die "$dir: not empty: give a new or empty directory with --out"
	else
		die "$dir: exists and is no directory"
	fi
}

[ "$(dir_state)" != other ] || refuse_dir
# an export or the values inside DIR would go with the report it replaces
if [ -d "$dir" ]; then
	dir_abs=$(cd "$dir" && pwd -P) || die "$dir: cannot read"
	for f in "$@" ${values:+"$values"}; do
		if [ "$f" = - ] || [ ! -e "$f" ]; then continue; fi
		f_dir=$(cd "$(dirname -- "$f")" && pwd -P) || continue
		case $f_dir/ in
		"$dir_abs"/*) die "$f: inside $dir, which the report replaces: move it out, or give another --out" ;;
		esac
	done
fi
if [ ! -d "$parent" ]; then
	[ -e "$parent" ] && die "$parent: not a directory, to make $base in"
	die "$parent: no such directory, to make $base in"
fi

tmp=$parent/.$base.cchc-report.$$
old=
why=$(mkdir "$tmp" 2>&1) || die "$parent: cannot make a directory in it: ${why##*: }"
# shellcheck disable=SC2317 # run by the traps
cleanup() {
	rm -rf "$tmp"
	[ -z "$old" ] || [ ! -d "$old" ] || [ -e "$dir" ] || mv "$old" "$dir"
}
trap cleanup EXIT
# a signal: said (a cron mail must say why), the report removed, then the
# signal's own status
# shellcheck disable=SC2317 # run by the traps
stopped() { # SIGNAL
	cleanup
	trap - EXIT "$1"
	printf '%s: stopped by SIG%s: nothing written\n' "$prog" "$1" >&2
	kill -"$1" $$
}
trap 'stopped HUP' HUP
trap 'stopped INT' INT
trap 'stopped TERM' TERM

err=$tmp/.stage.err
messages=$tmp/messages.txt
: > "$messages" || die "$messages: cannot write"

# A stage failed: its messages, then which it was; nothing is left.
stage_failed() { # NAME STATUS
	printf '%s' "$stage_err" >&2
	die "$1 failed (exit $2): nothing written"
}

# run_stage OUTFILE COMMAND...: COMMAND's standard output into OUTFILE,
# its standard error kept in memory ($stage_err: a full disk must not lose
# the message that says so) and in $err, added to messages.txt, its last
# line in $last; sets $status. run_inside: the same, run in the report's
# directory, OUTFILE and the files named there, so that messages and rejects
# files name them as the report has them (checked.csv:12), not by a
# temporary path.
run_stage() {
	outfile=$1
	shift
	stage_err=$("$@" 2>&1 > "$outfile"; echo "=$?")
	stage_end
}
run_inside() {
	outfile=$1
	shift
	stage_err=$( (cd "$tmp" && exec "$@" 2>&1 > "$outfile"); echo "=$?")
	stage_end
}
stage_end() {
	status=${stage_err##*=}
	stage_err=${stage_err%=*}
	last=$(printf '%s' "$stage_err" | tail -n 1)
	printf '%s' "$stage_err" > "$err" 2>/dev/null || true
	if [ "$quiet" != 1 ] && ! printf '%s' "$stage_err" 2>/dev/null >> "$messages"; then
		printf '%s' "$stage_err" >&2
		die "$messages: cannot write (a full disk?): nothing written"
	fi
}
quiet=0

# what a sed expression prints of a tool's summary line (empty: no match)
summary_field() { # LINE SED-EXPRESSION
	printf '%s\n' "$1" | sed -n "$2"
}

unread_summary() {
	die "cannot read $1's summary line: \"$2\""
}

# --level-from COL names a column as the export does: its name in cchc-check's
# output (the canonical co_quan for DonViXuLy) is the one cchc-map is given.
level_col=
if [ -n "$level_from" ]; then
	q=$(printf '%s' "$level_from" | sed 's/"/""/g')
	header=$(printf 'ma_ho_so,ngay_tiep_nhan,"%s"\n' "$q" | "${tools}cchc-check" 2> "$err") || {
		status=$?
		stage_err=$(cat "$err")
		stage_failed "cchc-check (--level-from's column name)" "$status"
	}
	level_col=${header#ma_ho_so,ngay_tiep_nhan,}
	case $level_col in
	\"*\") level_col=$(printf '%s' "$level_col" | sed 's/^"//;s/"$//;s/""/"/g') ;;
	esac
fi

# 1. cchc-check: every sound row normalised, the others in rejects.csv.
checked=$tmp/checked.csv
check_exports() { # EXPORT...
	"${tools}cchc-check" ${delim:+-d "$delim"} ${keep:+--keep "$keep"} \
		--rejects "$tmp/rejects.csv" -- "$@"
}
# cchc-sum (3.) in DIR, reading IN there, its tables into the report's
# .sum.csv (the count in all) and .sum-COL.csv (by each GROUPING), counted
# in one read (--also: each table the bytes of a run of its own, as the
# first is ungrouped).
sum_tables() { # DIR IN GROUPING...
	st_dir=$1 st_in=$2 st_to=
	[ "$st_dir" = "$tmp" ] || st_to=../
	shift 2
	for g in "$@"; do
		shift
		set -- "$@" --also "$g=$st_to.sum-$g.csv"
	done
	cd "$st_dir" && exec "${tools}cchc-sum" --period "$period" --total "$@" "$st_in" > "$st_to.sum.csv"
}
# cchc-sum's stage ended ($stage_err its messages and status, as run_stage
# keeps them): an --also table's summary line named as the report has the
# table, then the messages kept and the status checked
sum_stage_end() {
	stage_err=$(printf '%s' "$stage_err" |
		sed 's|^cchc-sum: \(\.\./\)\{0,1\}\.sum-\([^:]*\)\.csv: period |cchc-sum: counts-\2.csv: period |')
	stage_end
	[ "$status" -le 1 ] || stage_failed cchc-sum "$status"
}
if [ -z "$level_col" ]; then
	# cchc-sum counts the rows as cchc-check writes them, on the other
	# core: cchc-check | tee checked.csv | cchc-sum. A province's year
	# (500,000 rows, 25 columns) is 0.85 s, not 1.05. cchc-sum reads its
	# standard input by the name checked.csv (a link to /dev/stdin in
	# .pipe), so that its messages name the file as the report has it.
	# Each tool's standard error and exit status go to files of their
	# own, each checked as a stage's: the status of a pipeline is its
	# last command's alone.
	pipe=$tmp/.pipe
	why=$( { mkdir "$pipe" && ln -s /dev/stdin "$pipe/checked.csv"; } 2>&1) ||
		die "$tmp: cannot make a link in it: ${why##*: }"
	{
		check_exports "$@" 2> "$tmp/.check.err"
		echo "$?" > "$tmp/.check.status"
	} | {
		tee "$checked" 2> "$tmp/.tee.err"
		echo "$?" > "$tmp/.tee.status"
	} | {
		# shellcheck disable=SC2086 # the groupings: column names, one word each
		(sum_tables "$pipe" checked.csv $groups) 2> "$tmp/.sum.err"
		echo "$?" > "$tmp/.sum.status"
	}
	sum_status=$(cat "$tmp/.sum.status" 2>/dev/null) || sum_status=2
	sum_stage=$(cat "$tmp/.sum.err"; echo "=$sum_status")
	rm -rf "$pipe" "$tmp/.sum.status" "$tmp/.sum.err"
	status=$(cat "$tmp/.check.status" 2>/dev/null) || status=2
	stage_err=$(cat "$tmp/.check.err"; echo "=$status")
	stage_end
	# which failed first: cchc-check; else cchc-sum (cchc-check and tee
	# then stopped by SIGPIPE, their pipe closed); else either of them
	check_status=$status
	[ "$check_status" -le 1 ] || [ "$check_status" -gt 128 ] ||
		stage_failed cchc-check "$check_status"
	if [ "$sum_status" -gt 1 ]; then
		stage_err=$sum_stage
		sum_stage_end
	fi
	[ "$check_status" -le 1 ] || stage_failed cchc-check "$check_status"
	if [ "$(cat "$tmp/.tee.status" 2>/dev/null)" != 0 ]; then
		why=$(tail -n 1 "$tmp/.tee.err" 2>/dev/null)
		die "checked.csv: cannot write: ${why##*: }: nothing written"
	fi
	rm -f "$tmp/.check.status" "$tmp/.check.err" "$tmp/.tee.status" "$tmp/.tee.err"
else
	run_stage "$checked" check_exports "$@"
	[ "$status" -le 1 ] || stage_failed cchc-check "$status"
fi
rows=$(summary_field "$last" 's/^cchc-check: \([0-9]*\) rows: [0-9]* passed, [0-9]* rejected.*/\1/p')
passed=$(summary_field "$last" 's/^cchc-check: [0-9]* rows: \([0-9]*\) passed, [0-9]* rejected.*/\1/p')
rejected=$(summary_field "$last" 's/^cchc-check: [0-9]* rows: [0-9]* passed, \([0-9]*\) rejected.*/\1/p')
if [ -z "$rows" ] || [ -z "$passed" ] || [ -z "$rejected" ]; then
	unread_summary cchc-check "$last"
fi
# the parts after the counts: the reasons, the copies dropped, the footer
footer=$(summary_field "$last" 's/.*, \([0-9]*\) footer lines* skipped$/\1/p')
# the dossiers read: cchc-check's rows read include the footer's lines and,
# with --keep, the copies of a dossier dropped
copies=$(summary_field "$last" 's/.*, \([0-9]*\) [a-z]* cop[iesy]* dropped (--keep [a-z]*).*/\1/p')
dossiers=$((rows - ${footer:-0} - ${copies:-0}))
rest=$(summary_field "$last" 's/^cchc-check: [0-9]* rows: [0-9]* passed, [0-9]* rejected//p' |
	sed 's/, [0-9]* footer lines* skipped$//;s/, [0-9]* [a-z]* cop[iesy]* dropped (--keep [a-z]*)$//')
reasons=
case $rest in
' ('*')') reasons=$(printf '%s' "$rest" | sed 's/^ (//;s/)$//') ;;
'') ;;
*) unread_summary cchc-check "$last" ;;
esac

# 2. cchc-map --level-from: the level; a unit it cannot read is a row not
# counted by level (--strict: in rejects-level.csv), never an empty level.
sum_input=checked.csv
mapped_out=0
if [ -n "$level_col" ]; then
	run_inside .mapped.csv "${tools}cchc-map" --level-from "$level_col" --strict \
		--rejects rejects-level.csv checked.csv
	[ "$status" -le 1 ] || stage_failed cchc-map "$status"
	map_rows=$(summary_field "$last" 's/^cchc-map: \([0-9]*\) rows: [0-9]* mapped, .*/\1/p')
	map_ok=$(summary_field "$last" 's/^cchc-map: [0-9]* rows: \([0-9]*\) mapped, .*/\1/p')
	map_rest=$(summary_field "$last" 's/^cchc-map: [0-9]* rows: //p')
	if [ -z "$map_rows" ] || [ -z "$map_ok" ]; then
		unread_summary cchc-map "$last"
	fi
	mapped_out=$((map_rows - map_ok))
	sum_input=.mapped.csv
fi

# 3. cchc-sum | cchc-rate: the period's counts, in all (counts.csv), and by
# each grouping a form needs (counts-COL.csv), counted in one read (--also:
# each table the bytes of a run of its own, as its first is ungrouped).
# Rows a table could not count (unclassifiable) are rows its annex lacks.
if [ -z "$level_col" ]; then
	stage_err=$sum_stage
else
	# shellcheck disable=SC2086 # the groupings: column names, one word each
	stage_err=$( (sum_tables "$tmp" "$sum_input" $groups) 2>&1; echo "=$?")
fi
sum_stage_end
sum_err=$stage_err
sums=
outside='' notrecv='' worst=0
for g in '' $groups; do
	name=counts${g:+-$g}.csv
	# each table's summary line: the first's is the last line; an --also
	# table's names its file
	if [ -z "$g" ]; then
		line=$last
	else
		line=$(printf '%s\n' "$sum_err" | sed -n "s/^cchc-sum: counts-$g\.csv: period /cchc-sum: period /p")
	fi
	pat='s/^cchc-sum: period [^:]*: [0-9]* rows: \([0-9]*\) counted, \([0-9]*\) outside the period, \([0-9]*\) not received (status 1 or 3), \([0-9]*\) unclassifiable\(.*\)$/'
	counted=$(summary_field "$line" "$pat\\1/p")
	unclass=$(summary_field "$line" "$pat\\4/p")
	if [ -z "$counted" ] || [ -z "$unclass" ]; then
		unread_summary "cchc-sum${g:+ (--also $g)}" "$line"
	fi
	why=$(summary_field "$line" "$pat\\5/p" | sed 's/^ (\(.*\))$/, \1/')
	# values of its column grouped as written (an unknown service level):
	# groups no form's row names, so rows its annex lacks; the notes name
	# the column, and each table groups by one
	aswritten=0
	if [ -n "$g" ]; then
		aswritten=$(printf '%s\n' "$sum_err" | sed -n "
			/^cchc-sum: [^ ]*: $g: .*, grouped as written: /!d
			s/.*, grouped as written: \([0-9]*\) more rows, their values not listed one by one\$/\\1/p;t
			s/.* (\([0-9]*\) rows)\$/\\1/p;t
			s/.*/1/p" | awk '{n += $1} END {print n + 0}')
	fi
	if [ "$aswritten" -gt 0 ]; then
		why="$why, $(rows_n "$aswritten") grouped as written (a value no form's row names: messages.txt)"
	fi
	if [ -z "$g" ]; then
		outside=$(summary_field "$line" "$pat\\2/p")
		notrecv=$(summary_field "$line" "$pat\\3/p")
		counted_all=$counted
	fi
	sums="$sums
counted: $counted in $name, $unclass unclassifiable$why"
	lacks=$((unclass + aswritten))
	[ "$lacks" -le "$worst" ] || worst=$lacks
	run_inside "$name" "${tools}cchc-rate" ".sum${g:+-$g}.csv"
	[ "$status" -eq 0 ] || stage_failed cchc-rate "$status"
	rm -f "$tmp/.sum${g:+-$g}.csv"
done
rm -f "$tmp/.sum.csv" "$tmp/.mapped.csv"

# The rows an annex would lack: rejected, not given a level, or not
# classifiable in its count table (the worst table's).
not_counted=$((rejected + mapped_out + worst))
if [ -n "$max_pct" ]; then
	over=$((not_counted * 100 * max_scale > max_pct * dossiers))
	threshold="$max_rejected of the dossiers read (--max-rejected $max_rejected)"
else
	over=$((not_counted > max_rows))
	if [ -z "$max_rejected" ]; then
		threshold="0 rows (the default)"
	else
		threshold="$(rows_n "$max_rows") (--max-rejected $max_rejected)"
	fi
fi
share=$(printf 'a,b\n%s,%s\n' "$not_counted" "$dossiers" | "${tools}cchc-rate" s=a/b 2> "$err" |
	sed -n '2s/.*,//p')
[ -n "$share" ] && share=" ($share%)"

# The annex's heading: the options given, the period, and where the figures
# come from (the exports, the rows read and not counted).
sources=
for f in "$@"; do
	[ "$f" = - ] && f='standard input'
	sources=${sources:+$sources, }$f
done
note="Số liệu từ $sources: $dossiers hồ sơ đọc, $not_counted không được tính (cchc-report $VERSION)"

# run_table OUT FORMS FORMAT COUNTS...: cchc-table with the heading into OUT;
# sets $status (run_stage).
run_table() {
	rt_out=$1 rt_forms=$2 rt_fmt=$3
	shift 3
	set -- "$@" ${values:+"$values"}
	rt_files=$#
	# the heading's options after the files, then the files moved after
	# them (options first, whatever POSIXLY_CORRECT says)
	set -f
	rt_ifs=$IFS
	IFS=$nl
	for u in $units; do set -- "$@" --unit "$u"; done
	for u in $titles; do set -- "$@" --title "$u"; done
	IFS=$rt_ifs
	set +f
	while [ "$rt_files" -gt 0 ]; do
		set -- "$@" "$1"
		shift
		rt_files=$((rt_files - 1))
	done
	run_stage "$rt_out" "${tools}cchc-table" --form "$rt_forms" --format "$rt_fmt" --partial \
		--period "$period" ${ref:+--ref "$ref"} --note "$note" "$@"
}

# annex.xlsx: every form a sheet, from every count table the forms need
run_annex_xlsx() {
	set --
	for g in $groups; do set -- "$@" "$tmp/counts-$g.csv"; done
	# 06a's rows are the groups of the table by linh_vuc, not bm3's levels
	case " $form_list " in
	*" 06a "*) set -- --groups linh_vuc "$@" ;;
	esac
	run_table "$tmp/annex.xlsx" "$(printf '%s' "$form_list" | tr ' ' ,)" xlsx "$@"
}

# 4. cchc-table: each form in each format, when the rows not counted are
# within the threshold. Figures the data lacks are left empty (--partial) and
# listed in the summary; any other doubt of cchc-table (exit 1: a name given
# twice, a figure that does not parse) withholds every annex.
annexes='' doubt=0
: > "$tmp/.empty"
# no dossier of the period at all (an export of another period, or none):
# an annex of empty figures is no annex
empty_period=0
[ "$counted_all" != 0 ] || empty_period=1
if [ "$over" = 0 ] && [ "$empty_period" = 0 ]; then
	for f in $form_list; do
		g=$(form_group "$f")
		for fmt in $ANNEX_FORMATS; do
			# each form's messages once, from its first format
			quiet=1
			[ "$fmt" != "${ANNEX_FORMATS%% *}" ] || quiet=0
			run_table "$tmp/$f.$fmt" "$f" "$fmt" "$tmp/counts${g:+-$g}.csv"
			[ "$status" -le 1 ] || stage_failed "cchc-table --form $f --format $fmt" "$status"
			[ "$status" -eq 0 ] || doubt=1
			[ "$quiet" = 1 ] || printf '%s' "$stage_err" | sed "s/^cchc-table: /  $f /" >> "$tmp/.empty"
			quiet=0
		done
	done
	# every form a sheet of annex.xlsx, from all the count tables
	if [ "$doubt" = 0 ]; then
		quiet=1
		run_annex_xlsx
		[ "$status" -le 1 ] || stage_failed "cchc-table --format xlsx (annex.xlsx)" "$status"
		quiet=0
	fi
	if [ "$doubt" = 1 ]; then
		for f in $form_list; do
			for fmt in $ANNEX_FORMATS; do
				rm -f "$tmp/$f.$fmt"
			done
		done
		rm -f "$tmp/annex.xlsx"
	else
		annexes=$form_list
	fi
fi
rm -f "$err"

# 5. summary.txt: every row read accounted for, and what was written.
{
	echo "$prog $VERSION: the annex of $period"
	echo "period: $period, $bounds"
	for f in "$@"; do
		if [ "$f" = - ]; then
			echo "read: standard input"
		elif [ ! -f "$f" ]; then
			echo "read: $f (no regular file: no size or date)"
		else
			echo "read: $f ($(wc -c < "$f" | tr -d ' ') bytes, modified $(date -r "$f" '+%Y-%m-%d %H:%M:%S %z'))"
		fi
	done
	echo "rows read: $rows"
	echo "passed: $passed"
	echo "rejected: $rejected${reasons:+ ($reasons)}, in rejects.csv"
	echo "footer lines skipped: ${footer:-0}"
	[ -z "$keep" ] || echo "copies of a dossier dropped (--keep $keep): ${copies:-0}"
	[ -z "$level_col" ] || echo "level from $level_col: $map_rest, in rejects-level.csv"
	echo "outside the period: $outside"
	echo "not received (status 1 or 3): $notrecv"
	printf '%s\n' "$sums" | sed 1d
	echo "not counted: $not_counted of $dossiers dossiers read$share; threshold: $threshold"
	if [ "$over" = 1 ]; then
		echo "annexes: none written: $(rows_n "$not_counted") not counted, more than the threshold allows (see rejects.csv and messages.txt)"
	elif [ "$empty_period" = 1 ]; then
		echo "annexes: none written: no dossier of the period $period in the exports"
	elif [ "$doubt" = 1 ]; then
		echo "annexes: none written: cchc-table doubts figures (also in messages.txt):"
		cat "$tmp/.empty"
	else
		echo "annexes: $annexes, in $ANNEX_FORMATS; every form a sheet of annex.xlsx"
		if [ -s "$tmp/.empty" ]; then
			echo "figures left empty (the data lacks them; also in messages.txt):"
			cat "$tmp/.empty"
		fi
	fi
} > "$tmp/summary.txt" || die "$tmp/summary.txt: cannot write"
rm -f "$tmp/.empty"

# 6. DIR: the new directory renamed into place; a report it replaces is set
# aside first and removed once the new one is there.
case $(dir_state) in
none) ;;
empty) rmdir "$dir" || die "$dir: cannot replace" ;;
report)
	old=$parent/.$base.cchc-report-old.$$
	mv "$dir" "$old" || die "$dir: cannot set the last report aside"
	;;
*) refuse_dir ;;
esac
mv "$tmp" "$dir" || die "$dir: cannot rename $tmp to it"
if [ -n "$old" ]; then
	rm -rf "$old"
	old=
fi
trap - EXIT HUP INT TERM

if [ "$over" = 1 ]; then
	printf '%s: %s: %s not counted, threshold %s: no annex written (summary.txt)\n' \
		"$prog" "$dir" "$(rows_n "$not_counted")" "$threshold" >&2
	exit 1
elif [ "$empty_period" = 1 ]; then
	printf '%s: %s: no dossier of the period %s in the exports: no annex written (summary.txt)\n' \
		"$prog" "$dir" "$period" >&2
	exit 1
elif [ "$doubt" = 1 ]; then
	printf '%s: %s: cchc-table doubts figures: no annex written (summary.txt)\n' "$prog" "$dir" >&2
	exit 1
fi
printf '%s: %s: %s read, %s not counted; annexes %s\n' "$prog" "$dir" "$(rows_n "$rows")" "$not_counted" \
	"$annexes" >&2
exit 0
