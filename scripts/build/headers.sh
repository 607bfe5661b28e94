#!/bin/bash
# headers: Linux UAPI headers (riscv) and the uClibc-ng headers, installed
# into the sysroot before gcc is configured.  gcc's configure inspects them
# (dl_iterate_phdr in link.h, for the unwinder) and its fixincludes step
# builds include-fixed/limits.h around the C library's limits.h.
#
# Only one uClibc-ng header, bits/sysnum.h, is generated with a compiler:
# the syscall numbers of asm/unistd.h.  There is no riscv64 compiler yet, so
# the host's preprocessor does it, with -nostdinc and the riscv UAPI headers
# (the numbers depend on __BITS_PER_LONG, 64 on the host as on riscv64).
# The uclibc step reinstalls every header made with the real cross compiler.
. "$(dirname "$0")/common.sh"
# Both configurations build from the one uClibc-ng tree: one at a time.
exec 9>"$SRC/uclibc.lock"; flock 9
make -C "$SRC/linux" ARCH=riscv O="$OBJ/linux-headers" \
  INSTALL_HDR_PATH="$SYSROOT/usr" headers_install
"$(dirname "$0")/uclibc-config.sh"
rm -rf "$OBJ/uclibc-headers"
cp -a "$OBJ/uclibc" "$OBJ/uclibc-headers"     # its .config only
make -C "$SRC/uclibc" O="$OBJ/uclibc-headers" CC=gcc CROSS_COMPILE= \
  PREFIX="$SYSROOT" install_headers
test -f "$SYSROOT/usr/include/stdio.h"
test -f "$SYSROOT/usr/include/bits/sysnum.h"
