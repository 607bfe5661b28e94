#!/bin/bash
# xz 5.4.1: liblzma.so, xz and xzdec (linked against it) with upstream's
# configure and libtool (programs linked with -no-install: real
# executables with an rpath, no libtool wrapper scripts); upstream's
# `make check` tests: the C test programs of tests/ (tuktest: one
# PASS/FAIL line per test function: CRCs, SHA-256, stream/block headers,
# index, filter flags, memory limits, the lzip decoder, BCJ filters),
# test_files.sh (every good/bad/unsupported file of tests/files decoded by
# xz and xzdec) and test_compress.sh (compress/decompress round trips of
# generated files with many filter chains), with the programs run under
# qemu by scripts.  No threads (the FDPIC C library has none): configure
# --disable-threads on both sides; configure checks no fork().  liblzma's coders are tables of
# function pointers (lzma_next_coder: code/end/get_check/memconfig).
. "$(dirname "$0")/../lib.sh"
unpack
# --build and CC_FOR_BUILD: config.guess would otherwise compile with $CC
# (the target's) and take the build machine for a uClibc one; EGREP: the
# tarball's configure leaves it empty and libtool then finds no shared
# library support.
build ./configure --build=x86_64-pc-linux-gnu --host="$HOST" CC_FOR_BUILD=gcc \
  EGREP="grep -E" CC="$CC" CFLAGS="-O2" --disable-threads --disable-nls \
  --disable-doc --disable-scripts --disable-lzmainfo --disable-lzma-links \
  --enable-shared --disable-static
build make -j"$JOBS" -C lib
build make -j"$JOBS" -C src/liblzma
build make -j"$JOBS" -C src/xz LDFLAGS=-no-install
build make -j"$JOBS" -C src/xzdec LDFLAGS=-no-install
PROGS="create_compress_files test_check test_hardware test_stream_flags test_filter_flags
  test_block_header test_index test_index_hash test_bcj_exact_size test_memlimit
  test_lzip_decoder test_vli"
build make -j"$JOBS" -C tests LDFLAGS=-no-install $PROGS
T=$PWD/tgt; mkdir -p "$T"
for p in src/xz/xz src/xzdec/xzdec $(printf 'tests/%s ' $PROGS); do
  mv "$p" "$T/"; wrap "$p" "$T/$(basename "$p")"
done
cd tests
for t in ${PROGS#create_compress_files}; do
  [ "$t" = create_compress_files ] && continue
  ./$t >$t.out 2>&1; rc=$?
  cat $t.out >>"$LOG"
  sed -n "s/^\(PASS\|FAIL\): \([^ ]*\).*/\1: $PKG: $t\/\2/p" $t.out
  # 77: every test of the program skipped (feature not built).
  if [ $rc -ne 0 ] && [ $rc -ne 77 ] && ! grep -q '^FAIL:' $t.out; then fail "$t" "exit status $rc"; fi
done
check test_files.sh env srcdir=. sh ./test_files.sh
if [ "${QUICK:-0}" != 1 ]; then
  for f in test_compress_prepared_bcj_sparc test_compress_prepared_bcj_x86 \
           test_compress_generated_abc test_compress_generated_random test_compress_generated_text; do
    check "$f" env srcdir=. sh ./$f
  done
fi
