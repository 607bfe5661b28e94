#!/bin/bash
# sysroot: the run-time view of the target, usable as `qemu-riscv64 -L`:
# the shared libgcc, libatomic, libgomp and libstdc++ next to libc in /lib.
. "$(dirname "$0")/common.sh"
for f in "$PREFIX/$TARGET"/lib/libgcc_s.so* "$PREFIX/$TARGET"/lib/libatomic.so* \
         "$PREFIX/$TARGET"/lib/libgomp.so* "$PREFIX/$TARGET"/lib/libstdc++.so*; do
  cp -a "$f" "$SYSROOT/lib/"
done
test -e "$SYSROOT/lib/ld-uClibc.so.1"
test -e "$SYSROOT/lib/libc.so.1"
test -e "$SYSROOT/lib/libgcc_s.so.1"
test -e "$SYSROOT/lib/libatomic.so.1"
test -e "$SYSROOT/lib/libgomp.so.1"
test -e "$SYSROOT/lib/libstdc++.so.6"
