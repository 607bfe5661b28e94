#!/bin/bash
# binutils' own DejaGnu tests for RISC-V, the FDPIC ones among them
# (gas/testsuite/gas/riscv/fdpic-*, ld/testsuite/ld-riscv-elf/fdpic-*), run
# in the build tree of the installed binutils ($BINUTILS_OBJ): gas's
# riscv.exp, ld's ld-riscv-elf.exp and the whole binutils testsuite.
# Unpatched binutils 2.40 built for the same target passes all of these
# but the FDPIC ones, which it does not have (README.md gives the counts).
obj=${BINUTILS_OBJ:?}

run() {  # DIR SUMFILE RUNTESTFLAGS
  rm -f "$obj/$1/$2"
  make -C "$obj/$1" check-DEJAGNU RUNTESTFLAGS="$3" >"$(basename "$1").log" 2>&1
  if [ ! -f "$obj/$1/$2" ]; then
    echo "FAIL: $1 testsuite did not run (see $PWD/$(basename "$1").log)"
    return
  fi
  cp "$obj/$1/$2" .
  # DejaGnu's statuses: the unexpected ones count as failures.
  sed -n -E -e 's/^(PASS|XFAIL|KFAIL): /PASS: /p' \
	    -e 's/^(FAIL|XPASS|KPASS|UNRESOLVED|ERROR): /FAIL: /p' "$obj/$1/$2"
}

run gas testsuite/gas.sum "riscv.exp"
run ld ld.sum "ld-riscv-elf/ld-riscv-elf.exp"
run binutils binutils.sum ""
