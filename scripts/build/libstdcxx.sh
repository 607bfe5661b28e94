#!/bin/bash
# libstdcxx: GCC's C++ library, libstdc++ (shared and static, libsupc++
# inside it and on its own), which g++ links; configured like libgomp by
# linking programs against the C library installed before it.
. "$(dirname "$0")/common.sh"
cd "$OBJ/gcc"
make "${PAR[@]}" all-target-libstdc++-v3
make install-target-libstdc++-v3
