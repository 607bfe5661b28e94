#!/bin/bash
# libgomp: GCC's OpenMP runtime, which `gcc -fopenmp` links (with
# libgomp.spec and omp.h), on uClibc-ng's NPTL: its linux configuration
# (futexes through syscall(), the CPU_*_S affinity macros).  Like libgcc's
# shared part, it is configured by linking programs against the C library
# installed before it.
. "$(dirname "$0")/common.sh"
cd "$OBJ/gcc"
make "${PAR[@]}" all-target-libgomp
make install-target-libgomp
