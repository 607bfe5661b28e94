#!/bin/bash
# check-gcc.sh: run GCC's own DejaGnu testsuite (the C front end's check-gcc)
# from the gcc build tree of CONFIG (fdpic or baseline) for the riscv64
# target, programs executed by qemu-riscv64 with the sysroot through
# testsuite/boards/riscv64-qemu-user.exp, in parallel on JOBS cores.  The
# .sum and .log files are kept in build/check-gcc/CONFIG/; the summary is
# printed.
#
#   CHECK_GCC_SETS  the .exp files (and patterns) to run; default:
#                   gcc.c-torture/execute, gcc.c-torture/compile, gcc.dg,
#                   gcc.dg/torture, gcc.dg/tls, gcc.dg/torture/tls and
#                   gcc.target/riscv
#   CHECK_GCC_OUT   where to keep the results instead
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
CONFIG=${CONFIG:-fdpic}
PREFIX=${PREFIX:-$TOP/install$([ "$CONFIG" = fdpic ] || echo -$CONFIG)}
JOBS=${JOBS:-$(nproc)}
SETS=${CHECK_GCC_SETS:-execute.exp compile.exp dg.exp dg-torture.exp tls.exp riscv.exp}
obj=$TOP/build/$CONFIG/obj/gcc/gcc
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

rm -rf "$obj"/testsuite/gcc "$obj"/testsuite/gcc[0-9]*
rm -f "$out/gcc.sum" "$out/gcc.log" "$out/make.log"
mkdir -p "$out"
start=$(date +%s)
# check-gcc splits the .exp files into JOBS parallel runtest processes and
# merges their results; its status is that of DejaGnu (1 if anything
# failed), which is a result here, not an error.
make -C "$obj" -j"$JOBS" -k check-gcc \
  RUNTESTFLAGS="--target_board=riscv64-qemu-user $SETS" >"$out/make.log" 2>&1 || true
cp "$obj/testsuite/gcc/gcc.sum" "$obj/testsuite/gcc/gcc.log" "$out/" \
  || { echo "check-gcc: no gcc.sum (see $out/make.log)" >&2; exit 1; }
echo "check-gcc ($CONFIG, $SETS): $(( $(date +%s) - start )) s, results in $out/gcc.sum"
sed -n '/=== gcc Summary ===/,$p' "$out/gcc.sum"
