#!/bin/bash
# libyaml 0.2.5: libyaml.so and upstream's test programs linked against it:
# the `make check` tests (test-version, test-reader: the UTF-8/UTF-16
# reader on upstream's tables of valid and invalid sequences), then the
# run-scanner/run-parser/run-loader programs on every example of the
# tarball, run-emitter and run-dumper (parse, emit, parse again and compare,
# each also in canonical and unicode mode), and the example reformatters
# and deconstructors (whose output must parse to the same event count).
# The emitter and parser take write/read handlers (function pointers).
. "$(dirname "$0")/../lib.sh"
unpack
CFLAGS="-O2 -Wall -fPIC -Iinclude -DYAML_VERSION_MAJOR=0 -DYAML_VERSION_MINOR=2 -DYAML_VERSION_PATCH=5 -DYAML_VERSION_STRING=\"0.2.5\""
SRCS="api dumper emitter loader parser reader scanner writer"
for o in $SRCS; do build $CC $CFLAGS -c src/$o.c -o src/$o.o; done
build $CC -shared -Wl,-soname,libyaml-0.so.2 -o src/libyaml-0.so.2 $(printf 'src/%s.o ' $SRCS)
ln -sf libyaml-0.so.2 src/libyaml.so
PROGS="test-version test-reader run-scanner run-parser run-loader run-emitter run-dumper
  example-reformatter example-reformatter-alt example-deconstructor example-deconstructor-alt"
for p in $PROGS; do
  build $CC $CFLAGS -o tests/$p tests/$p.c -Lsrc -lyaml -Wl,-rpath,$PWD/src
done
check test-version q tests/test-version
check test-reader q tests/test-reader

for f in examples/*.yaml; do
  n=$(basename "$f" .yaml)
  for r in scanner parser loader; do
    check "run-$r-$n" sh -c "$QEMU tests/run-$r $f | tee /dev/stderr | grep -q ': SUCCESS ('"
  done
  for r in emitter dumper; do
    for o in "" -c -u; do
      check "run-$r$o-$n" sh -c "$QEMU tests/run-$r $o $f | tee /dev/stderr | grep -q ': PASSED (length'"
    done
  done
  events=$(q tests/run-parser "$f" | sed -n 's/.*SUCCESS (\([0-9]*\) events).*/\1/p')
  for x in example-reformatter example-reformatter-alt; do
    check "$x-$n" sh -c "$QEMU tests/$x < $f > $n.$x.yaml && $QEMU tests/run-parser $n.$x.yaml | grep -q 'SUCCESS ($events events)'"
  done
  for x in example-deconstructor example-deconstructor-alt; do
    check "$x-$n" sh -c "$QEMU tests/$x < $f > $n.$x.yaml && $QEMU tests/run-loader $n.$x.yaml | grep -q ': SUCCESS ('"
  done
done
# An input that once crashed the scanner (oss-fuzz): must be refused cleanly.
for f in regression-inputs/*; do
  for r in scanner parser loader; do
    check "run-$r-$(basename "$f")" sh -c "$QEMU tests/run-$r $f | grep -q ': FAILURE\\|: SUCCESS'"
  done
done
