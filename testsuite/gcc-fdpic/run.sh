#!/bin/bash
# GCC's own DejaGnu tests of the FDPIC code sequences
# (gcc/testsuite/gcc.target/riscv/fdpic-*.c, compile-only scan-assembler
# tests), run in the build tree of the installed compiler ($GCC_OBJ).
# riscv.exp runs each test under its list of optimisation options.
obj=${GCC_OBJ:?}/gcc
rm -f "$obj/testsuite/gcc/gcc.sum"
make -C "$obj" check-gcc RUNTESTFLAGS="riscv.exp=fdpic-*" >gcc.log 2>&1
if [ ! -f "$obj/testsuite/gcc/gcc.sum" ]; then
  echo "FAIL: gcc testsuite did not run (see $PWD/gcc.log)"
  exit 0
fi
cp "$obj/testsuite/gcc/gcc.sum" .
# DejaGnu's statuses: the unexpected ones count as failures.
sed -n -E -e 's/^(PASS|XFAIL|KFAIL): /PASS: /p' \
	  -e 's/^(FAIL|XPASS|KPASS|UNRESOLVED|ERROR): /FAIL: /p' gcc.sum
