#!/bin/bash
# check-gcc.sh: run GCC's own DejaGnu testsuite (the C front end's check-gcc,
# with CHECK_GCC_LANG=c++ the C++ front end's check-g++, with
# CHECK_GCC_LANG=libstdc++ libstdc++'s own testsuite) from the gcc build
# tree of CONFIG (fdpic or baseline) for the riscv64 target, programs
# executed by qemu-riscv64 with the sysroot through
# testsuite/boards/riscv64-qemu-user.exp, in parallel on JOBS cores.  The
# .sum and .log files are kept in build/check-gcc/CONFIG/; the summary is
# printed.
#
#   CHECK_GCC_LANG  c (default), c++ or libstdc++
#   CHECK_GCC_SETS  the .exp files (and patterns) to run; default for C:
#                   gcc.c-torture/execute, gcc.c-torture/compile, gcc.dg,
#                   gcc.dg/torture, gcc.dg/tls, gcc.dg/torture/tls and
#                   gcc.target/riscv; for C++: g++.dg (with g++.dg/eh,
#                   g++.dg/tls, ...) and g++.dg/torture; for libstdc++:
#                   the conformance tests of chapters 18 (language
#                   support: exceptions, new, typeinfo), 19 (diagnostics),
#                   27 (iostreams) and 30 (threads)
#   CHECK_GCC_OUT   where to keep the results instead
#   CHECK_GCC_CFLAGS options added to every test's compilation and link
#                   (testsuite/boards/riscv64-qemu-user.exp)
#   FDPIC_NO_RELAX  1 (make RELAX=0): add -mno-relax (no linker relaxation)
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
CONFIG=${CONFIG:-fdpic}
PREFIX=${PREFIX:-$TOP/install$([ "$CONFIG" = fdpic ] || echo -$CONFIG)}
JOBS=${JOBS:-$(nproc)}
case ${CHECK_GCC_LANG:-c} in
  c) tool=gcc; SETS=${CHECK_GCC_SETS:-execute.exp compile.exp dg.exp dg-torture.exp tls.exp riscv.exp} ;;
  c++) tool=g++; SETS=${CHECK_GCC_SETS:-dg.exp dg-torture.exp} ;;
  libstdc++) tool=libstdc++
    SETS=${CHECK_GCC_SETS:-conformance.exp=\"18_support/* 19_diagnostics/* 27_io/* 30_threads/*\"} ;;
  *) echo "check-gcc: CHECK_GCC_LANG must be c, c++ or libstdc++" >&2; exit 1 ;;
esac
obj=$TOP/build/$CONFIG/obj/gcc/gcc
target=riscv64-linux-$([ "$CONFIG" = fdpic ] && echo fdpic || echo uclibc)
out=${CHECK_GCC_OUT:-$TOP/build/check-gcc/$CONFIG}

[ -d "$obj" ] || { echo "check-gcc: no gcc build tree $obj" >&2; exit 1; }
# One qemu-riscv64 runs both FDPIC and base-ABI programs: the patched one.
export QEMU_RISCV64=${QEMU_RISCV64:-$PREFIX/bin/qemu-riscv64}
export QEMU_SYSROOT=$PREFIX/sysroot
export DEJAGNU=$TOP/testsuite/boards/site.exp
if [ "$CONFIG" = fdpic ]; then
  export QEMU_NO_TRAMPOLINES=1
fi
export PATH=$PREFIX/bin:$PATH
[ -x "$QEMU_RISCV64" ] || { echo "check-gcc: no $QEMU_RISCV64" >&2; exit 1; }

# The board adds CHECK_GCC_CFLAGS to every compilation and link.
[ "${FDPIC_NO_RELAX:-0}" = 1 ] && CHECK_GCC_CFLAGS="${CHECK_GCC_CFLAGS:+$CHECK_GCC_CFLAGS }-mno-relax"
export CHECK_GCC_CFLAGS
board=riscv64-qemu-user
rm -f "$out/$tool.sum" "$out/$tool.log" "$out/make-$tool.log"
mkdir -p "$out"
start=$(date +%s)
# check-gcc splits the .exp files into JOBS parallel runtest processes and
# merges their results (libstdc++'s check-DEJAGNU likewise); the status
# is that of DejaGnu (1 if anything failed), a result here, not an error.
if [ $tool = libstdc++ ]; then
  dir=$TOP/build/$CONFIG/obj/gcc/$target/libstdc++-v3/testsuite
  [ -f "$dir/Makefile" ] || { echo "check-gcc: no libstdc++ build tree $dir" >&2; exit 1; }
  rm -rf "$dir"/normal[0-9]* "$dir/libstdc++.sum" "$dir/libstdc++.log"
  make -C "$dir" -j"$JOBS" -k check-DEJAGNU \
    RUNTESTFLAGS="--target_board=$board $SETS" >"$out/make-$tool.log" 2>&1 || true
else
  dir=$obj/testsuite/$tool
  rm -rf "$dir" "$dir"[0-9]*
  make -C "$obj" -j"$JOBS" -k "check-$tool" \
    RUNTESTFLAGS="--target_board=$board $SETS" >"$out/make-$tool.log" 2>&1 || true
fi
cp "$dir/$tool.sum" "$dir/$tool.log" "$out/" \
  || { echo "check-gcc: no $tool.sum (see $out/make-$tool.log)" >&2; exit 1; }
echo "check-$tool ($CONFIG, $SETS): $(( $(date +%s) - start )) s, results in $out/$tool.sum"
sed -n "/=== $tool Summary ===/,\$p" "$out/$tool.sum"
