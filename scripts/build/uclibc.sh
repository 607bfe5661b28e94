#!/bin/bash
# uclibc: uClibc-ng (shared and static) with ld.so, installed in the sysroot.
# Rebuilt from scratch each time: the compiler it depends on may have changed.
. "$(dirname "$0")/common.sh"
# Both configurations build from the one uClibc-ng tree: one at a time.
exec 9>"$SRC/uclibc.lock"; flock 9
"$(dirname "$0")/uclibc-config.sh"
make -C "$SRC/uclibc" O="$OBJ/uclibc" clean
make -C "$SRC/uclibc" O="$OBJ/uclibc" "${PAR[@]}" all
make -C "$SRC/uclibc" O="$OBJ/uclibc" PREFIX="$SYSROOT" install
