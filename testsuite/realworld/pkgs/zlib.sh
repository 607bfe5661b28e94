#!/bin/bash
# zlib: libz.so with zlib's own configure and Makefile; the upstream tests
# (`make test`: example and minigzip, linked statically and against
# libz.so) run under qemu, plus minigzip round trips checked against the
# host's gzip.
. "$(dirname "$0")/../lib.sh"
unpack
build env CC="$CC" AR="$AR" RANLIB="$RANLIB" CHOST=riscv64 CFLAGS="-O2" ./configure --shared
build make -j"$JOBS" libz.a libz.so.1.2.13 example minigzip examplesh minigzipsh
[ -L libz.so.1 ] || ln -sf libz.so.1.2.13 libz.so.1
L="-E LD_LIBRARY_PATH=$PWD"

# make test: example and minigzip round trip (static), then shared.
check example-static q ./example
check examplesh q $L ./examplesh
check minigzip-static sh -c "echo hello world | $QEMU ./minigzip | $QEMU ./minigzip -d | grep -qx 'hello world'"
check minigzipsh sh -c "echo hello world | $QEMU $L ./minigzipsh | $QEMU $L ./minigzipsh -d | grep -qx 'hello world'"
# Larger data: the tarball itself and the library's sources, at levels 1, 6, 9.
cat *.c *.h > data
for lvl in 1 6 9; do
  check "minigzipsh-roundtrip-$lvl" sh -c "$QEMU $L ./minigzipsh -$lvl < data > data.$lvl.gz && $QEMU $L ./minigzipsh -d < data.$lvl.gz | cmp - data"
  check "minigzipsh-to-host-gzip-$lvl" sh -c "gzip -dc data.$lvl.gz | cmp - data"
done
check host-gzip-to-minigzipsh sh -c "gzip -9c data | $QEMU $L ./minigzipsh -d | cmp - data"
check minigzipsh-tarball sh -c "$QEMU $L ./minigzipsh -d < '$TARBALL' >/dev/null; bzip2 -dc '$TARBALL' > tar && $QEMU $L ./minigzipsh < tar | gzip -dc | cmp - tar"
