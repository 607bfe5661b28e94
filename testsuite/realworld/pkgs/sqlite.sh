#!/bin/bash
# sqlite 3.40.1: the amalgamation (made on the host with the tarball's own
# tools: configure, lemon, tclsh) built as libsqlite3.so (FTS4/5, R*Tree,
# Geopoly, sessions, dbstat, bytecode vtab, memsys5; no threads, the FDPIC
# C library has none), and linked against it: the sqlite3 shell, upstream's
# fuzzcheck (`make fuzztest`: every SQL case of test/fuzzdata*.db, one test
# per database, the four smallest of the eight; a database's many cases stop
# at the first crash), speedtest1
# (upstream's performance test, each test set with --verify), and run-time
# loadable extensions of ext/misc loaded by the shell with dlopen (virtual
# table modules, collations, aggregates: tables of function pointers handed
# across the library boundary, sqlite3_api_routines the other way).  The
# shell's output for each extension and for test SQL scripts (window
# functions, recursive CTEs, FTS5, R*Tree, JSON, printf, math) is compared
# with the host's sqlite3 3.40.1 running the same SQL with the same
# extensions compiled for the host.  (The Tcl test suite needs a target
# Tcl: not run.)
. "$(dirname "$0")/../lib.sh"
SQL=$(cd "$(dirname "$0")/../sqlite" && pwd)
unpack
# The amalgamation and the shell's source, with host tools.
mkdir host
build sh -c "cd host && CC=gcc ../configure --disable-tcl --disable-readline --disable-threadsafe >/dev/null && make sqlite3.c shell.c sqlite3.h sqlite3ext.h"
# Compile options of the library (shared by everything built below).
OPTS="-DSQLITE_THREADSAFE=0 -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS3_PARENTHESIS
  -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_GEOPOLY
  -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_BYTECODE_VTAB -DSQLITE_ENABLE_MEMSYS5
  -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_MATH_FUNCTIONS
  -DSQLITE_ENABLE_STMTVTAB -DSQLITE_ENABLE_DBPAGE_VTAB -DSQLITE_ENABLE_EXPLAIN_COMMENTS
  -DSQLITE_ENABLE_OFFSET_SQL_FUNC
  -DHAVE_USLEEP=1 -DHAVE_LOCALTIME_R=1 -DHAVE_GMTIME_R=1"
CFLAGS="-O2 -fPIC -Ihost -Iext/recover -Itest"
build $CC $CFLAGS $OPTS -c host/sqlite3.c -o sqlite3.o
build $CC -shared -Wl,-soname,libsqlite3.so.0 -o libsqlite3.so.0 sqlite3.o -lm -ldl
ln -sf libsqlite3.so.0 libsqlite3.so
LINK="-L. -lsqlite3 -lm -ldl -Wl,-rpath,$PWD"
build $CC $CFLAGS $OPTS -DHAVE_READLINE=0 -o sqlite3 host/shell.c $LINK
# SQLITE_CORE: dbdata.c and sqlite3recover.c call the library directly
# (upstream compiles them with sqlite3.c), not through sqlite3_api.
build $CC $CFLAGS $OPTS -DSQLITE_CORE -o fuzzcheck test/fuzzcheck.c test/ossfuzz.c test/fuzzinvariants.c \
  ext/recover/dbdata.c ext/recover/sqlite3recover.c test/vt02.c $LINK
build $CC $CFLAGS $OPTS -DSQLITE_OS_KV_OPTIONAL -o speedtest1 test/speedtest1.c $LINK
EXTS="csv uuid rot13 percentile spellfix wholenumber eval totype closure nextchar prefixes"
mkdir -p ext-t ext-h
for e in $EXTS; do
  build $CC $CFLAGS -shared -o ext-t/$e.so ext/misc/$e.c
  build gcc -O2 -fPIC -Ihost -shared -o ext-h/$e.so ext/misc/$e.c
done

# Upstream's fuzztest: fuzzcheck on each database of test cases; the four
# smallest of the eight (fuzzdata2, 3, 5 and 7, 7 to 17 MB, take minutes
# each under qemu: FUZZDATA="1 2 3 4 5 6 7 8" runs them all).
if [ "${QUICK:-0}" = 1 ]; then dbs="1"; else dbs=${FUZZDATA:-1 4 6 8}; fi
for n in $dbs; do
  check "fuzzcheck-fuzzdata$n" q ./fuzzcheck test/fuzzdata$n.db
done
# speedtest1, each test set, with its verification steps.
if [ "${QUICK:-0}" = 1 ]; then sets="main"; size=5; else sets="main cte rtree orm fp"; size=10; fi
for s in $sets; do
  check "speedtest1-$s" q ./speedtest1 --testset $s --size $size --verify --memdb
done
check speedtest1-file-journal q ./speedtest1 --testset main --size 5 --verify --journal wal st.db

# The shell: each script of testsuite/realworld/sqlite/ on the target and on
# the host's sqlite3 (with the host's build of the same extensions); equal
# output and exit status (0 but for errors.sql, which makes errors on purpose).
for f in "$SQL"/*.sql; do
  n=$(basename "$f" .sql)
  sed "s|@EXT@|$PWD/ext-t|g" "$f" > $n.t.sql
  sed "s|@EXT@|$PWD/ext-h|g" "$f" > $n.h.sql
  check "shell-$n" sh -c "$QEMU ./sqlite3 -bail -batch :memory: < $n.t.sql > $n.t.out 2>&1; echo rc=\$? >> $n.t.out;
    sqlite3 -bail -batch :memory: < $n.h.sql > $n.h.out 2>&1; echo rc=\$? >> $n.h.out;
    diff $n.h.out $n.t.out"
done
