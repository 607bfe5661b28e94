#!/bin/bash
# gcc: the C compiler proper (all-gcc), configured against the sysroot
# headers of the previous step.  libgcc is built in later steps: its static
# part before uClibc-ng, its shared part after.
. "$(dirname "$0")/common.sh"
mkdir -p "$OBJ/gcc" && cd "$OBJ/gcc"
[ -f Makefile ] || "$SRC/gcc/configure" \
  --target="$TARGET" --prefix="$PREFIX" --with-sysroot="$SYSROOT" \
  --enable-languages=c --disable-multilib --with-arch=rv64gc --with-abi=lp64d \
  --enable-shared --disable-threads --enable-tls --disable-nls \
  --disable-bootstrap --disable-lto --disable-libsanitizer --disable-libssp \
  --disable-libquadmath --disable-libgomp --disable-libatomic --disable-libitm \
  --disable-libvtv --disable-libstdcxx --disable-libcc1 \
  --with-system-zlib "${HOST_FLAGS[@]}"
make -j"$JOBS" MAKEINFO=true all-gcc
make MAKEINFO=true install-gcc
