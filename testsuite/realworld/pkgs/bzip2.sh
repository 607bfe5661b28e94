#!/bin/bash
# bzip2: libbz2.so (the sources of Makefile-libbz2_so) and bzip2 linked
# against it; the upstream `make test` (sample1-3 compressed at -1/-2/-3
# must equal sample*.bz2, and decompress back to sample*.ref) under qemu,
# plus a round trip of a larger file checked by the host's bzip2.
. "$(dirname "$0")/../lib.sh"
unpack
OBJS="blocksort huffman crctable randtable compress decompress bzlib"
CFLAGS="-fpic -fPIC -Wall -Winline -O2 -g -D_FILE_OFFSET_BITS=64"
for o in $OBJS; do build $CC $CFLAGS -c $o.c; done
build $CC -shared -Wl,-soname -Wl,libbz2.so.1.0 -o libbz2.so.1.0.8 $(printf '%s.o ' $OBJS)
ln -sf libbz2.so.1.0.8 libbz2.so.1.0; ln -sf libbz2.so.1.0.8 libbz2.so
build $CC $CFLAGS -o bzip2-shared bzip2.c -L. -lbz2 -Wl,-rpath,$PWD
build $CC $CFLAGS -o bzip2recover bzip2recover.c
B="$QEMU ./bzip2-shared"
for i in 1 2 3; do
  check "compress-sample$i" sh -c "$B -$i < sample$i.ref > sample$i.rb2 && cmp sample$i.bz2 sample$i.rb2"
  check "decompress-sample$i" sh -c "$B -d < sample$i.bz2 > sample$i.tst && cmp sample$i.tst sample$i.ref"
done
check test-integrity sh -c "$B -tv sample1.bz2 sample2.bz2 sample3.bz2"
tar -cf big.tar *.c *.h *.html manual.* 2>/dev/null
check roundtrip-big-to-host sh -c "$B -9 -k -c big.tar > big.tar.bz2 && bzip2 -dc big.tar.bz2 | cmp - big.tar"
check host-to-bzip2-big sh -c "bzip2 -1 -c big.tar | $B -d -c | cmp - big.tar"
check bzip2recover sh -c "cp big.tar.bz2 r.bz2 && $QEMU ./bzip2recover r.bz2 && cat rec*r.bz2 | bzip2 -dc | cmp - big.tar"
