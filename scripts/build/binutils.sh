#!/bin/bash
# binutils: assembler, linker and binary tools for $TARGET.
. "$(dirname "$0")/common.sh"
configure_in "$OBJ/binutils" "$SRC/binutils/configure" \
  --target="$TARGET" --prefix="$PREFIX" --with-sysroot="$SYSROOT" \
  --disable-nls --disable-werror --disable-gdb --disable-gdbserver \
  --disable-sim --disable-readline --disable-libdecnumber --disable-gprofng \
  --enable-deterministic-archives "${HOST_FLAGS[@]}"
make "${PAR[@]}" MAKEINFO=true all
make MAKEINFO=true install
