#!/bin/bash
# lz4 1.9.4: liblz4.so built by upstream's lib/Makefile (with the
# experimental symbols published, as upstream's lz4-wlib target asks) and
# the lz4 program linked against it (programs/Makefile lz4-wlib); upstream's
# test programs (fuzzer, frametest, fullbench, datagen, decompress-partial*,
# roundTripTest, checkFrame) linked against liblz4.so too (fullbench with
# the library's objects, as upstream: it calls an internal function).  The tests are
# upstream's tests/Makefile targets, each one test, run by make with the
# programs replaced by scripts that run them under qemu: the
# test-lz4-essentials set, skippable, sparse, opt-parser (QUICK: basic,
# frame-concatenation, multiple), fullbench, fuzzer and frametest (time
# bound, as upstream's), decompress-partial.  The lz4 program's I/O layer
# (lz4io) and frame API use function-pointer tables for the block
# compressors; fuzzer and frametest use setjmp-free callbacks and a custom
# allocator table.
. "$(dirname "$0")/../lib.sh"
unpack
# CFLAGS from the environment (the Makefiles add their flags to it; one on
# the command line would replace them); MOREFLAGS gives lz4-wlib its rpath.
MK="CC=$CC V=1"
build env CFLAGS=-O2 CPPFLAGS="-DLZ4F_PUBLISH_STATIC_FUNCTIONS -DLZ4_PUBLISH_STATIC_FUNCTIONS" \
  make -C lib -j"$JOBS" liblz4 $MK
build env CFLAGS=-O2 make -C programs -j"$JOBS" lz4-wlib $MK MOREFLAGS="-Wl,-rpath,$PWD/lib"
T=$PWD/tgt; mkdir -p "$T"
FLAGS="-O2 -Wall -Ilib -Iprograms -DXXH_NAMESPACE=LZ4_"
LINK="-Llib -llz4 -Wl,-rpath,$PWD/lib"
for p in fuzzer frametest checkFrame roundTripTest; do
  build $CC $FLAGS -o "$T/$p" tests/$p.c lib/xxhash.c $LINK
done
# fullbench calls the library's internal LZ4_decompress_safe_forceExtDict:
# upstream links it with the library's objects, and so does this.
build $CC $FLAGS -o "$T/fullbench" tests/fullbench.c lib/lz4.c lib/lz4hc.c lib/lz4frame.c lib/xxhash.c
for p in decompress-partial decompress-partial-usingDict; do
  build $CC $FLAGS -o "$T/$p" tests/$p.c $LINK
done
build $CC $FLAGS -o "$T/datagen" programs/datagen.c tests/datagencli.c
# lz4 chooses its mode from argv[0] (lz4cat, unlz4): one name each.
for n in lz4 lz4c lz4cat unlz4; do ln -sf ../programs/lz4-wlib "$T/$n"; done
ls -l lib/liblz4.so* "$T" >>"$LOG"

# PRGDIR for tests/Makefile: the scripts, a stub Makefile (so that make's
# "make -C PRGDIR lz4" does nothing) and datagen.c (a prerequisite).
W=$PWD/w; mkdir -p "$W"
printf 'lz4 lz4c lz4cat unlz4:\n\t@true\n' > "$W/Makefile"
cp programs/datagen.c "$W/"
for n in lz4 lz4c lz4cat unlz4; do wrap "$W/$n" "$T/$n"; done
for p in fuzzer frametest fullbench decompress-partial decompress-partial-usingDict; do
  rm -f tests/$p; wrap tests/$p "$T/$p"
done
sleep 1; wrap tests/datagen "$T/datagen"
MT="PRGDIR=$W LN_SF=true FUZZER_TIME=-T${FUZZ_SECONDS:-20}s"

if [ "${QUICK:-0}" = 1 ]; then
  TARGETS="test-lz4-basic test-lz4-frame-concatenation test-lz4-multiple"
else
  TARGETS="test-lz4-basic test-lz4-multiple test-lz4-multiple-legacy
    test-lz4-frame-concatenation test-lz4-testmode test-lz4-contentSize
    test-lz4-dict test-lz4-skippable test-lz4-sparse test-lz4-opt-parser"
fi
for t in $TARGETS; do
  check "$t" make -C tests $t $MT
done
# These targets' recipes, run directly: make would rebuild their programs
# from the library's objects.
F=-T${FUZZ_SECONDS:-20}s
if [ "${QUICK:-0}" != 1 ]; then
  check test-fullbench sh -c "cd tests && ./fullbench --no-prompt -i1 COPYING"
  check test-fuzzer sh -c "cd tests && ./fuzzer $F"
  check test-frametest sh -c "cd tests && ./frametest -v $F"
fi
check test-decompress-partial sh -c "cd tests && ./decompress-partial && ./decompress-partial-usingDict"
check roundTripTest sh -c "$QEMU $T/roundTripTest -1 lib/lz4.c && $QEMU $T/roundTripTest -9 lib/lz4hc.c"
check checkFrame-B4 sh -c "$QEMU $T/lz4 -B4 -f lib/lz4.c cf.lz4 && $QEMU $T/checkFrame -b4 -B65536 cf.lz4"
