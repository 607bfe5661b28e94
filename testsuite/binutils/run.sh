#!/bin/bash
# binutils' own DejaGnu tests for RISC-V, the FDPIC ones among them
# (gas/testsuite/gas/riscv/fdpic-*, ld/testsuite/ld-riscv-elf/fdpic-*), run
# in the build tree of the installed binutils ($BINUTILS_OBJ): gas's
# riscv.exp, ld's ld-riscv-elf.exp and the whole binutils testsuite.
# Unpatched binutils 2.40 built for the same target passes all of these
# but the FDPIC ones, which it does not have.
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

# The tools of riscv64-linux-fdpic default to FDPIC (gas -mfdpic, ld -m
# elf64lriscv_fdpic).  The suites' base-ABI tests are run as they would be on
# any other riscv64 Linux target, by putting the base-ABI options first on
# every command line; the FDPIC tests name their options, which come later
# and win.  testsuite/smoke checks the defaults themselves.
base="ASFLAGS=-mno-fdpic LDFLAGS=-melf64lriscv"
run gas testsuite/gas.sum "riscv.exp $base"
run ld ld.sum "ld-riscv-elf/ld-riscv-elf.exp $base"
run binutils binutils.sum "$base"
