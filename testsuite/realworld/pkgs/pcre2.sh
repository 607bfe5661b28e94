#!/bin/bash
# pcre2 10.42: libpcre2-8.so and libpcre2-posix.so (8-bit library, Unicode
# support, no JIT: 10.42 has no RISC-V JIT), built as upstream's
# NON-AUTOTOOLS-BUILD describes, and pcre2test and pcre2grep linked against
# them.  The tests are upstream's RunTest (each numbered test is one test:
# pcre2test on testdata/testinputN, with and without DFA, compared with
# testoutputN; tests that do not apply to this build are skipped by
# RunTest itself) and RunGrepTest (one test).  pcre2test calls the library
# through callouts and custom memory-management function pointers.
# pcre2grep's callout scripts use fork() unless SUPPORT_PCRE2GREP_CALLOUT_FORK
# is left undefined (configure's --disable-pcre2grep-callout-fork): it is,
# on both sides, since the FDPIC (nommu) C library has no fork(); RunGrepTest
# then compares with its non-fork expected output.
. "$(dirname "$0")/../lib.sh"
unpack
cp src/config.h.generic src/config.h
cat >> src/config.h <<'H'
#define SUPPORT_PCRE2_8 1
#define SUPPORT_UNICODE 1
#define HAVE_DIRENT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_LIMITS_H 1
#define HAVE_MEMMOVE 1
#define HAVE_STDINT_H 1
#define HAVE_STDIO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRERROR 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_WAIT_H 1
#define HAVE_UNISTD_H 1
#define HAVE_REALPATH 1
H
cp src/pcre2.h.generic src/pcre2.h
cp src/pcre2_chartables.c.dist src/pcre2_chartables.c
CFLAGS="-O2 -Wall -fPIC -DHAVE_CONFIG_H -Isrc"
SRCS="auto_possess chartables compile config context convert dfa_match error extuni
  find_bracket jit_compile maketables match match_data newline ord2utf pattern_info
  script_run serialize string_utils study substitute substring tables ucd ucptables
  valid_utf xclass"
for o in $SRCS; do build $CC $CFLAGS -DPCRE2_CODE_UNIT_WIDTH=8 -c src/pcre2_$o.c -o src/pcre2_$o.o; done
build $CC -shared -Wl,-soname,libpcre2-8.so.0 -o libpcre2-8.so.0 $(printf 'src/pcre2_%s.o ' $SRCS)
ln -sf libpcre2-8.so.0 libpcre2-8.so
build $CC $CFLAGS -DPCRE2_CODE_UNIT_WIDTH=8 -c src/pcre2posix.c -o src/pcre2posix.o
build $CC -shared -Wl,-soname,libpcre2-posix.so.3 -o libpcre2-posix.so.3 src/pcre2posix.o -L. -lpcre2-8
ln -sf libpcre2-posix.so.3 libpcre2-posix.so
T=$PWD/tgt; mkdir -p "$T"
LINK="-L. -lpcre2-8 -Wl,-rpath,$PWD"
build $CC $CFLAGS -o "$T/pcre2test" src/pcre2test.c -lpcre2-posix $LINK
build $CC $CFLAGS -DPCRE2_CODE_UNIT_WIDTH=8 -o "$T/pcre2grep" src/pcre2grep.c $LINK
wrap pcre2test "$T/pcre2test"
wrap pcre2grep "$T/pcre2grep"

if [ "${QUICK:-0}" = 1 ]; then tests="0 1 3 4"; else tests=$(seq 0 26); fi
for n in $tests; do
  ./RunTest $n >runtest.out 2>&1; rc=$?
  cat runtest.out >>"$LOG"
  if [ $rc -eq 0 ] && ! grep -q '^ *OK' runtest.out && grep -q 'Skipped' runtest.out; then
    continue     # does not apply to this build (16/32-bit, JIT, ...)
  fi
  if [ $rc -eq 0 ]; then pass "RunTest-$n"; else fail "RunTest-$n" "$(grep -m1 '\*\*' runtest.out)"; fi
done
[ "${QUICK:-0}" = 1 ] || check RunGrepTest ./RunGrepTest
