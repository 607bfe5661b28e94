#!/bin/bash
# qemu: qemu-riscv64 (linux-user only) from Debian's qemu 7.2 source; later
# patches teach it to load FDPIC programs.
. "$(dirname "$0")/common.sh"
# One qemu build serves both configurations (no --prefix: the binary is
# installed below, into each configuration's PREFIX).
configure_in "$TOP/build/qemu" "$SRC/qemu/configure" \
  --target-list=riscv64-linux-user \
  --disable-system --disable-tools --disable-docs --disable-install-blobs \
  --disable-werror
ninja -j"$JOBS" qemu-riscv64
install -D -m 755 qemu-riscv64 "$PREFIX/bin/qemu-riscv64"
