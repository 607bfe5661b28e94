#!/bin/bash
# headers: Linux UAPI headers (riscv) and the uClibc-ng headers, into the
# sysroot.  Both are needed before libgcc and uClibc-ng can be compiled.
. "$(dirname "$0")/common.sh"
make -C "$SRC/linux" ARCH=riscv O="$OBJ/linux-headers" \
  INSTALL_HDR_PATH="$SYSROOT/usr" headers_install
"$(dirname "$0")/uclibc-config.sh"
make -C "$SRC/uclibc" O="$OBJ/uclibc" PREFIX="$SYSROOT" install_headers
