#!/bin/bash
# jansson 2.14: libjansson.so (exporting json_* and jansson_* only, as
# upstream's -export-symbols-regex) and upstream's test suite run by its
# own scripts (test/run-suites): the api suite (one program per file,
# linked against libjansson.so: callbacks for custom allocators, dump and
# load callbacks, varargs pack/unpack), the valid/invalid/invalid-unicode/
# encoding-flags suites (json_process on each case, compared with the
# expected output) and check-exports (nm -D of the library).  One PASS/FAIL
# line per upstream test case.
. "$(dirname "$0")/../lib.sh"
unpack
cat > src/jansson_private_config.h <<'H'
#define HAVE_ENDIAN_H 1
#define HAVE_FCNTL_H 1
#define HAVE_LOCALE_H 1
#define HAVE_SCHED_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_CLOSE 1
#define HAVE_GETPID 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_LOCALECONV 1
#define HAVE_OPEN 1
#define HAVE_READ 1
#define HAVE_SCHED_YIELD 1
#define HAVE_STRTOLL 1
#define HAVE_SYNC_BUILTINS 1
#define HAVE_ATOMIC_BUILTINS 1
#define USE_URANDOM 1
#define INITIAL_HASHTABLE_ORDER 3
H
sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' \
    -e 's/@json_have_localeconv@/1/' -e 's/@json_have_atomic_builtins@/1/' \
    -e 's/@json_have_sync_builtins@/1/' src/jansson_config.h.in > src/jansson_config.h
printf '{ global: json_*; jansson_*; local: *; };\n' > src/jansson.map
CFLAGS="-O2 -Wall -fPIC -DHAVE_CONFIG_H -Isrc"
SRCS="dump error hashtable hashtable_seed load memory pack_unpack strbuffer strconv utf value version"
for o in $SRCS; do build $CC $CFLAGS -c src/$o.c -o src/$o.o; done
mkdir -p src/.libs
build $CC -shared -Wl,-soname,libjansson.so.4 -Wl,--version-script,src/jansson.map \
  -o src/.libs/libjansson.so.4 $(printf 'src/%s.o ' $SRCS)
ln -sf libjansson.so.4 src/.libs/libjansson.so
LINK="-Lsrc/.libs -ljansson -Wl,-rpath,$PWD/src/.libs"
mkdir -p test/bin test/suites/api bin-target
build $CC $CFLAGS -o bin-target/json_process test/bin/json_process.c $LINK
wrap test/bin/json_process bin-target/json_process
for t in test/suites/api/test_*.c; do
  n=$(basename "$t" .c)
  build $CC $CFLAGS -o bin-target/$n "$t" $LINK
  wrap test/suites/api/$n bin-target/$n
done
# check-exports runs `nm -D`: the target's nm.
mkdir -p nm-bin && ln -sf "$(command -v "${CC%gcc}nm")" nm-bin/nm

# run-suites prints "name... ok|FAILED|skipped" per case with VERBOSE=1.
for suite in api valid invalid invalid-unicode encoding-flags; do
  (cd test && PATH=$PWD/../nm-bin:$PATH top_srcdir=.. VERBOSE=1 ./run-suites $suite) >suite.out 2>&1
  rc=$?
  cat suite.out >>"$LOG"
  awk -v s="$suite" -v p="$PKG" '
    / ok$/ { n = $0; sub(/\.\.\. ok$/, "", n); print "PASS: " p ": " s "/" n }
    / FAILED$/ { n = $0; sub(/\.\.\. FAILED$/, "", n); print "FAIL: " p ": " s "/" n }' suite.out
  grep -q ' FAILED$' suite.out || [ $rc -eq 0 ] || fail "$suite" "run-suites exit status $rc"
done
