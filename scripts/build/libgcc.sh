#!/bin/bash
# libgcc: the complete libgcc, including the shared libgcc_s.so.1, and
# libatomic, linked against the uClibc-ng just installed.
. "$(dirname "$0")/common.sh"
cd "$OBJ/gcc"
make "${PAR[@]}" all-target-libgcc
make install-target-libgcc
make "${PAR[@]}" all-target-libatomic
make install-target-libatomic
