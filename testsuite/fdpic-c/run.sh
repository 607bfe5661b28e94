#!/bin/bash
# C compiled as FDPIC code by riscv64-linux-fdpic-gcc without the C
# library (-ffreestanding, -nostdlib), so that code generation and linking
# are tested on their own: prog.c + other.c (data, descriptors across translation units,
# recursion, varargs, constructors) at -O0, -O2 and -Os, linked -static
# with the psABI's crt1 work done by start.S, run under qemu-riscv64; and
# the same code linked dynamically (an executable and a shared library),
# checked with readelf.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

CC="$T-gcc -mfdpic -ffreestanding -Wall -Werror"
want=$(sed -n 's/.*check ("\([^"]*\)".*/ok \1/p' "$here/prog.c")

for opt in -O0 -O2 -Os; do
  p=prog$opt
  check "compile and link $p -static" \
    $CC $opt -static -nostdlib -o $p "$here/start.S" "$here/prog.c" \
      "$here/other.c" "$here/mini.c"
  check "$p: FDPIC static executable" \
    sh -c "$T-readelf -h $p | grep -q 'Flags:.*FDPIC'"
  run_expect "run $p" "$want" 0 qemu-riscv64 ./$p
done

# Dynamic linking: the executable and libother.so must carry the FDPIC
# flags, no text relocations and only the dynamic relocations the psABI
# allows.  (Dynamically linked programs run in the runtime suite.)
check "link libother.so" \
  $CC -O2 -fPIC -shared -nostdlib -o libother.so "$here/other.c" "$here/mini.c"
check "link prog-dyn against libother.so" \
  $CC -O2 -nostdlib -Wl,-e,main -o prog-dyn "$here/prog.c" -L. -lother
for f in libother.so prog-dyn; do
  check "$f: FDPIC flags" sh -c "$T-readelf -h $f | grep -q 'Flags:.*FDPIC'"
  check "$f: no TEXTREL" sh -c "! $T-readelf -d $f | grep -q TEXTREL"
  check "$f: only psABI dynamic relocations" sh -c "
    $T-readelf -rW $f | awk '/^[0-9a-f]+ /{print \$3}' | sort -u |
      grep -v -x -e R_RISCV_64 -e R_RISCV_RELATIVE -e R_RISCV_FUNCDESC \
        -e R_RISCV_FUNCDESC_VALUE -e R_RISCV_JUMP_SLOT; test \$? = 1"
done
check "prog-dyn is a PIE using /lib/ld-uClibc.so.1" \
  sh -c "$T-readelf -hl prog-dyn | grep -q 'DYN ' &&
         $T-readelf -l prog-dyn | grep -q 'ld-uClibc.so.1'"
