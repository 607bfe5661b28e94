#!/bin/bash
# GCC's own DejaGnu tests of the FDPIC code sequences
# (gcc/testsuite/gcc.target/riscv/fdpic-*.c: scan-assembler tests, option
# errors, and a few run tests), run in the build tree of the installed
# compiler ($GCC_OBJ), programs run by qemu-riscv64 through
# testsuite/boards/riscv64-qemu-user.exp as in make check-gcc.  riscv.exp
# runs each test under its list of optimisation options.
obj=${GCC_OBJ:?}/gcc
top=$(cd "$(dirname "$0")/../.." && pwd)
export QEMU_RISCV64=$PREFIX/bin/qemu-riscv64 QEMU_SYSROOT=$SYSROOT QEMU_NO_TRAMPOLINES=1
export DEJAGNU=$top/testsuite/boards/site.exp
rm -f "$obj/testsuite/gcc/gcc.sum"
make -C "$obj" check-gcc \
  RUNTESTFLAGS="--target_board=riscv64-qemu-user riscv.exp=fdpic-*" >gcc.log 2>&1
if [ ! -f "$obj/testsuite/gcc/gcc.sum" ]; then
  echo "FAIL: gcc testsuite did not run (see $PWD/gcc.log)"
  exit 0
fi
cp "$obj/testsuite/gcc/gcc.sum" .
# DejaGnu's statuses: the unexpected ones count as failures.
sed -n -E -e 's/^(PASS|XFAIL|KFAIL): /PASS: /p' \
	  -e 's/^(FAIL|XPASS|KPASS|UNRESOLVED|ERROR): /FAIL: /p' gcc.sum
