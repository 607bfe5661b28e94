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

check "compile hello (dynamic)" $T-gcc -O2 -o hello "$here/hello.c"
check "hello (dynamic) has PT_INTERP /lib/ld-uClibc.so.1" \
  sh -c "$T-readelf -l hello | grep -q 'interpreter: /lib/ld-uClibc.so.1'"
run_expect "run hello (dynamic)" "hello, fdpic" 3 $QEMU ./hello fdpic

check "compile hello (-static)" $T-gcc -O2 -static -o hello-static "$here/hello.c"
check "hello (-static) has no PT_INTERP" \
  sh -c "! $T-readelf -l hello-static | grep -q INTERP"
run_expect "run hello (-static)" "hello, world" 3 $QEMU ./hello-static
