#!/bin/bash
# Smoke test of the installed toolchain: the tools exist, and hello.c,
# linked dynamically and statically against uClibc-ng, runs under
# qemu-riscv64 with the sysroot.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

for tool in gcc as ld readelf objdump; do
  check "tool $T-$tool" "$T-$tool" --version
done
check "tool qemu-riscv64" qemu-riscv64 --version

# FDPIC is the default of every tool of the target.
check "$T-as defaults to FDPIC" sh -c "
  printf '' | $T-as -o empty.o - && $T-readelf -h empty.o | grep -q 'Flags:.*FDPIC'"
check "$T-as -mno-fdpic gives a base-ABI object" sh -c "
  printf '' | $T-as -mno-fdpic -o empty-base.o - &&
  ! $T-readelf -h empty-base.o | grep -q FDPIC"
check "$T-ld defaults to elf64lriscv_fdpic" sh -c "
  test \"\$($T-ld -V | awk '/Supported emulations/ {getline; print \$1; exit}')\" = elf64lriscv_fdpic"
check "$T-gcc defines __FDPIC__" sh -c "
  $T-gcc -dM -E - </dev/null | grep -q '#define __FDPIC__ 1'"

check "compile hello (dynamic)" $T-gcc -O2 -o hello "$here/hello.c"
check "hello (dynamic) has PT_INTERP /lib/ld-uClibc.so.1" \
  sh -c "$T-readelf -l hello | grep -q 'interpreter: /lib/ld-uClibc.so.1'"
run_expect "run hello (dynamic)" "hello, fdpic" 3 $QEMU ./hello fdpic

check "compile hello (-static)" $T-gcc -O2 -static -o hello-static "$here/hello.c"
check "hello (-static) has no PT_INTERP" \
  sh -c "! $T-readelf -l hello-static | grep -q INTERP"
run_expect "run hello (-static)" "hello, world" 3 $QEMU ./hello-static
