#!/bin/bash
# lua 5.4: liblua5.4.so (core and standard libraries), the lua interpreter
# linked against it, luac (static, it uses internals).  The Lua tarball
# ships no test suite (lua-5.4.4-tests is not in the Debian source), so the
# tests are the scripts of testsuite/realworld/lua/: error handling
# (setjmp/longjmp), coroutines, the string library, sort comparators and
# metatables, io/os, a C module loaded by require (dlopen) with callbacks,
# luac bytecode, and lua.c's SIGINT handler.
. "$(dirname "$0")/../lib.sh"
T=$(cd "$(dirname "$0")/../lua" && pwd)
unpack
cd src
CFLAGS="-O2 -Wall -fPIC -DLUA_COMPAT_5_3 -DLUA_USE_LINUX"
CORE="lapi lcode lctype ldebug ldo ldump lfunc lgc llex lmem lobject lopcodes lparser lstate lstring ltable ltm lundump lvm lzio"
LIB="lauxlib lbaselib lcorolib ldblib liolib lmathlib loadlib loslib lstrlib ltablib lutf8lib linit"
for o in $CORE $LIB lua luac; do build $CC $CFLAGS -c $o.c; done
build $CC -shared -Wl,-soname,liblua5.4.so.0 -o liblua5.4.so.0 $(printf '%s.o ' $CORE $LIB) -lm -ldl
ln -sf liblua5.4.so.0 liblua5.4.so
build $CC -o lua lua.o -L. -llua5.4 -lm -ldl -Wl,-rpath,$PWD -Wl,-E
build $CC -o luac luac.o $(printf '%s.o ' $CORE $LIB) -lm -ldl
build $CC $CFLAGS -shared -o cmod.so "$T/cmod.c" -I.
check hello sh -c "$QEMU ./lua -e 'print(_VERSION)' | grep -qx 'Lua 5.4'"
for t in errors coroutines strings tables io; do
  check "$t" sh -c "$QEMU ./lua $T/$t.lua | grep -qx '$t ok'"
done
check cmod-require sh -c "$QEMU ./lua $T/cmod.lua $PWD | grep -qx 'cmod ok'"
for t in errors strings tables; do
  check "luac-$t" sh -c "$QEMU ./luac -o $t.luac $T/$t.lua && $QEMU ./lua $t.luac | grep -qx '$t ok'"
done
check luac-list sh -c "$QEMU ./luac -l -p $T/tables.lua | grep -q 'main <'"
# lua.c catches SIGINT while it runs a chunk (a signal handler that sets a
# hook) and stops the loop.  The signal goes out only once the chunk has
# said it runs: sent earlier, under load, it met the default action.
sigint() {
  rm -f err
  $QEMU ./lua -e 'io.stderr:write("running\n") while true do end' 2>err &
  local pid=$! n=0
  while ! grep -q running err 2>/dev/null; do
    [ $n -lt 600 ] || { kill -KILL $pid; return 1; }
    sleep 0.1; n=$((n + 1))
  done
  kill -INT $pid
  wait $pid
  local rc=$?
  cat err
  [ $rc = 1 ] && grep -q interrupted err
}
check sigint sigint
