#!/bin/bash
# libgcc-static: libgcc.a and the crtbegin/crtend files, which uClibc-ng
# links its shared libraries with.  libgcc_s.so needs the C library and is
# built by the libgcc step afterwards in the same build tree.
. "$(dirname "$0")/common.sh"
cd "$OBJ/gcc"
make "${PAR[@]}" configure-target-libgcc
make -C "$TARGET/libgcc" "${PAR[@]}" enable_shared=no all
make -C "$TARGET/libgcc" enable_shared=no install
