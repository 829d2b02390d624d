# cchc: statistics for the CCHC report annex, from dossier exports.
# make            build bin/cchc-*
# make check      install what is missing (Debian packages), build, run the tests
# make demo       install what is missing, build, run cchc-report on samples (into demo/)
# make install PREFIX=/usr/local DESTDIR=

VERSION  = 0.1.0
PREFIX   = /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
# the tables cchc-map ships (share/cchc/): where it looks for them first
SHAREDIR = $(PREFIX)/share/cchc

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wformat=2 -Wno-format-nonliteral
CPPFLAGS += -DCCHC_VERSION='"$(VERSION)"' -D_GNU_SOURCE
LDLIBS   = -lcsv -lutf8proc -lpthread

ifeq ($(SANITIZE),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

TOOLS    = cchc-check cchc-sum cchc-rate cchc-table cchc-map
# the tools that are shell scripts (src/NAME.sh), composing the others
SCRIPTS  = cchc-report
FORMS    = src/forms/index.csv src/forms/bm1.csv src/forms/bm3.csv src/forms/bm7.csv \
           src/forms/06a.csv src/forms/qd766.csv
LIBSRC   = $(filter-out src/lib/forms_data.c,$(wildcard src/lib/*.c)) src/lib/forms_data.c
LIBOBJ   = $(LIBSRC:.c=.o)
LIBHDR   = $(wildcard src/lib/*.h)
PROGS    = $(addprefix bin/,$(TOOLS) $(SCRIPTS))
MAN1     = $(wildcard man/*.1)
MAN7     = $(wildcard man/*.7)

all: $(PROGS) samples/gen-export samples/gen-xlsx tests/fuzz/bin/split-check

samples/gen-export: samples/gen-export.c samples/dossiers.h
	$(CC) $(CFLAGS) $(WARN) -o $@ $< -lutf8proc

samples/gen-xlsx: samples/gen-xlsx.c samples/dossiers.h
	$(CC) $(CFLAGS) $(WARN) -o $@ $< -lxlsxwriter -lutf8proc

src/lib/%.o: src/lib/%.c $(LIBHDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

# the built-in forms, compiled in
src/lib/forms_data.c: $(FORMS) src/forms/embed.awk
	awk -f src/forms/embed.awk $(FORMS) > $@

src/libcchc.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/%: src/%.c src/libcchc.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $< src/libcchc.a $(LDLIBS)

# a script: its version filled in, made executable
bin/%: src/%.sh Makefile
	@mkdir -p bin
	sed 's/@VERSION@/$(VERSION)/' $< > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@

# cchc-sum's --merge, and the count table both write
SUM_PARTS = src/sum-merge.c src/sum-table.c src/sum-estimate.c src/sum-indicators.c
bin/cchc-sum: src/cchc-sum.c $(SUM_PARTS) src/sum.h src/libcchc.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ src/cchc-sum.c $(SUM_PARTS) src/libcchc.a $(LDLIBS)

# cchc-check's modes that are tools of their own, each in a file
CHECK_MODES = src/check-counts.c src/check-form.c src/check-wide.c src/check-header.c
bin/cchc-check: src/cchc-check.c $(CHECK_MODES) src/check.h src/libcchc.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ src/cchc-check.c $(CHECK_MODES) src/libcchc.a $(LDLIBS)

# cchc-table's wide forms (06a), its heading, its workbook (libxlsxwriter) and
# its chart (--chart), each in a file of its own
TABLE_PARTS = src/table-wide.c src/table-head.c src/table-xlsx.c src/table-chart.c
bin/cchc-table: LDLIBS += -lxlsxwriter
bin/cchc-table: src/cchc-table.c $(TABLE_PARTS) src/table.h src/libcchc.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ src/cchc-table.c $(TABLE_PARTS) src/libcchc.a $(LDLIBS)

# the shipped tables' directory, compiled in
bin/cchc-map: src/cchc-map.c src/libcchc.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(CPPFLAGS) -DCCHC_SHARE_DIR='"$(SHAREDIR)"' $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ src/cchc-map.c src/libcchc.a $(LDLIBS)

# fuzz_split's check without libFuzzer, for make check (tests/split.bats)
tests/fuzz/bin/split-check: tests/fuzz/split-check.c tests/fuzz/split.h src/libcchc.a $(LIBHDR)
	@mkdir -p tests/fuzz/bin
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ tests/fuzz/split-check.c src/libcchc.a $(LDLIBS)

# Debian packages the build and the tests need: "probe package" pairs.
DEPS = /usr/include/csv.h:libcsv-dev \
       /usr/include/utf8proc.h:libutf8proc-dev \
       /usr/bin/cc:gcc \
       /usr/bin/make:make \
       /usr/bin/bats:bats \
       /usr/lib/bats/bats-support/load.bash:bats-support \
       /usr/lib/bats/bats-assert/load.bash:bats-assert \
       /usr/bin/mandoc:mandoc \
       /usr/bin/parallel:parallel \
       /usr/bin/valgrind:valgrind \
       /usr/include/xlsxwriter.h:libxlsxwriter-dev \
       /usr/bin/xlsx2csv:xlsx2csv \
       /usr/bin/unzip:unzip \
       /usr/bin/pandoc:pandoc \
       /usr/bin/python3:python3 \
       /usr/bin/shellcheck:shellcheck

deps:
	@missing=""; for d in $(DEPS); do \
	  [ -e "$${d%%:*}" ] || missing="$$missing $${d##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing </dev/null; \
	fi

check: deps
	$(MAKE) all
	@$(MAKE) --no-print-directory lint-sh
	@sh tests/run.sh

# the shell scripts: shellcheck clean, as POSIX sh
lint-sh: deps
	shellcheck -s sh $(addprefix src/,$(addsuffix .sh,$(SCRIPTS))) samples/demo.sh

# make check-browser: an annex with --chart rendered by headless Chromium to a
# PNG, checked not blank (tests/browser/run.sh); Chromium only for it, not for
# make check
BROWSER_DEPS = /usr/bin/chromium:chromium

browser-deps: deps
	@missing=""; for d in $(BROWSER_DEPS); do \
	  [ -e "$${d%%:*}" ] || missing="$$missing $${d##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make check-browser: installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing </dev/null; \
	fi

check-browser: browser-deps
	$(MAKE) all
	@sh tests/browser/run.sh

lint-man: deps
	@status=0; for m in $(MAN1) $(MAN7); do \
	  out=$$(mandoc -Tlint -Wwarning $$m 2>&1); \
	  if [ -n "$$out" ]; then echo "$$out"; status=1; fi; done; exit $$status

# the benchmark's peers: Debian packages, and DuckDB from the npm registry
BENCH_DEPS = /usr/bin/time:time /usr/bin/datamash:datamash /usr/bin/mlr:miller \
             /usr/bin/sqlite3:sqlite3

bench: deps
	$(MAKE) all
	@missing=""; for d in $(BENCH_DEPS); do \
	  [ -e "$${d%%:*}" ] || missing="$$missing $${d##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make bench: installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing </dev/null; \
	fi
	@if command -v npm >/dev/null && [ ! -d tests/bench/node_modules/@duckdb/node-api ]; then \
	  echo "make bench: installing @duckdb/node-api with npm"; \
	  (cd tests/bench && npm install --no-audit --no-fund); fi
	@sh tests/bench/run.sh

# the national scale: 34 province files, 20M rows, merged, against DuckDB
bench-national: deps
	$(MAKE) all
	@if command -v npm >/dev/null && [ ! -d tests/bench/node_modules/@duckdb/node-api ]; then \
	  echo "make bench-national: installing @duckdb/node-api with npm"; \
	  (cd tests/bench && npm install --no-audit --no-fund); fi
	@sh tests/bench/national.sh

# libFuzzer harnesses for every parser of outside input (tests/fuzz/README.md)
FUZZERS      = csv date num expr form period split scan
FUZZ_SECONDS = 60
FUZZ_CFLAGS  = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
               -DCCHC_VERSION='"$(VERSION)"' -D_GNU_SOURCE

fuzz-deps:
	@missing=""; command -v clang >/dev/null || missing="clang"; \
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 || \
	  missing="$$missing libclang-rt-$$(clang --version 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p' | head -1)-dev"; \
	if [ -n "$$missing" ]; then \
	  [ "$$missing" = " libclang-rt--dev" ] && missing="clang libclang-rt-14-dev"; \
	  echo "make fuzz: installing Debian packages: $$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing </dev/null; \
	fi

tests/fuzz/bin/fuzz_%: tests/fuzz/fuzz_%.c $(LIBSRC) $(LIBHDR)
	@mkdir -p tests/fuzz/bin
	clang $(FUZZ_CFLAGS) -o $@ $< $(LIBSRC) $(LDLIBS)

tests/fuzz/bin/fuzz_split: tests/fuzz/split.h

fuzz: deps fuzz-deps $(addprefix tests/fuzz/bin/fuzz_,$(FUZZERS))
	@for f in $(FUZZERS); do \
	  mkdir -p tests/fuzz/work/$$f; \
	  echo "== fuzz_$$f, $(FUZZ_SECONDS) s"; \
	  tests/fuzz/bin/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=tests/fuzz/work/$$f- tests/fuzz/work/$$f tests/fuzz/corpus/$$f \
	    2>tests/fuzz/work/$$f.log || { tail -40 tests/fuzz/work/$$f.log; exit 1; }; \
	  grep -E 'stat::number_of_executed_units|stat::peak_rss' tests/fuzz/work/$$f.log; \
	done
	@$(MAKE) --no-print-directory equiv-long FUZZ_SECONDS=$(FUZZ_SECONDS)
	@$(MAKE) --no-print-directory oracle-long FUZZ_SECONDS=$(FUZZ_SECONDS)

# the differential suites of tests/equiv.bats on thousands of generated exports:
# FUZZ_SECONDS per suite and mode (tests/fuzz/README.md, tests/equiv-long.sh)
equiv-long: deps
	$(MAKE) all
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/equiv-long.sh

# tests/oracle.bats's oracle of cchc-sum's status rules on thousands of dossier
# sets: FUZZ_SECONDS, or ORACLE_COUNT seeds, from ORACLE_FIRST (default: the
# time, printed); ORACLE_MAX_FAILURES (50), ORACLE_TMP (tests/fuzz/work/oracle);
# ORACLE_TOLERATE="NAME..." follows cchc-sum where it is known to disagree
# (tests/oracle/sum_oracle.py, KNOWN), to look past those disagreements
oracle-long: deps
	$(MAKE) all
	@first=$${ORACLE_FIRST:-$$(date +%s)}; \
	if [ -n "$${ORACLE_COUNT:-}" ]; then how="--count $$ORACLE_COUNT"; \
	else how="--seconds $(FUZZ_SECONDS)"; fi; \
	echo "== oracle-long: $$how, seeds from $$first"; \
	tol=""; for t in $${ORACLE_TOLERATE:-}; do tol="$$tol --tolerate $$t"; done; \
	python3 tests/oracle/fuzz.py --bin bin --first $$first $$how --show 3 --shrink $$tol \
	  --max-failures $${ORACLE_MAX_FAILURES:-50} --tmp $${ORACLE_TMP:-tests/fuzz/work/oracle}

# make demo writes into DEMO_DIR (untracked; made again by each run)
DEMO_DIR = demo
demo: deps
	$(MAKE) all
	@DEMO_DIR='$(DEMO_DIR)' sh samples/demo.sh

samples: samples/gen-export
	samples/gen-export --rows 3000 --bad > samples/export-2024.csv

# make tables: share/cchc's tables of the 1 July 2025 reorganisation made again
# from data/ (data/README, share/cchc/README); they are committed, so a build
# needs no python
.PHONY: tables
tables: deps
	python3 data/convert-dvhc.py -o share/cchc

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(SHAREDIR)
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	for f in share/cchc/*.csv share/cchc/README; do \
	  [ ! -f "$$f" ] || cp "$$f" $(DESTDIR)$(SHAREDIR)/; done

clean:
	rm -f src/lib/*.o src/libcchc.a src/lib/forms_data.c $(PROGS) samples/gen-export samples/gen-xlsx
	rm -rf demo

.PHONY: all deps check browser-deps check-browser lint-man lint-sh bench bench-national fuzz fuzz-deps equiv-long oracle-long demo samples install clean
.PRECIOUS: src/lib/%.o
