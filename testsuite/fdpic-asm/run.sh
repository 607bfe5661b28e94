#!/bin/bash
# FDPIC programs written in assembly, linked with the FDPIC linker and run
# under the FDPIC-aware qemu-riscv64: the ABI end to end before the
# compiler and C library implement it.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

check "assemble static.s" $T-as -march=rv64gc -mfdpic -o static.o "$here/static.s"
check "link static.s (FDPIC, -static)" \
  $T-ld -m elf64lriscv_fdpic -static -o static static.o
check "static is FDPIC with independent segments" \
  sh -c "$T-readelf -h static | grep -q 'FDPIC, independent segments'"
run_expect "run static: load map, .rofixup, GOT, descriptor call" \
  "fdpic static: ok
fdpic descriptor call: ok" 0 qemu-riscv64 ./static
