#!/bin/bash
# gcc: the C and C++ compilers proper (all-gcc), configured against the
# sysroot headers of the previous step.  libgcc is built in later steps: its
# static part before uClibc-ng, its shared part and libatomic after, then
# libgomp and libstdc++ (without precompiled headers: they cost minutes of
# every cold build and a cross compiler rarely uses them).
#
# Threads are POSIX threads (uClibc-ng's NPTL, in the sysroot of both
# configurations): libgcc's unwinder locks with pthread mutexes, and
# libatomic (which `gcc -pthread` links) provides the atomic operations
# that RV64A has no instruction for.  libgomp (OpenMP) is built in its own
# step after the C library.  The target libraries carry no symbol versions
# (--disable-symvers): uClibc-ng's ld.so ignores them, so a library with two
# versions of a symbol (libgomp's omp_*_nest_lock, OMP_1.0 and OMP_3.0)
# would bind a program to either.
. "$(dirname "$0")/common.sh"
opts=(--target="$TARGET" --prefix="$PREFIX" --with-sysroot="$SYSROOT"
  --enable-languages=c,c++ --disable-multilib --with-arch=rv64gc --with-abi=lp64d
  --enable-shared --enable-threads=posix --enable-tls --disable-nls
  --disable-bootstrap --disable-lto --disable-libsanitizer --disable-libssp
  --disable-libquadmath --enable-libgomp --enable-libatomic --disable-libitm
  --disable-libvtv --disable-libstdcxx-pch --disable-libcc1 --disable-symvers
  --with-system-zlib)
configure_in "$OBJ/gcc" "$SRC/gcc/configure" "${opts[@]}" "${HOST_FLAGS[@]}"
make "${PAR[@]}" MAKEINFO=true all-gcc
make MAKEINFO=true install-gcc
