#!/bin/bash
# Build the prototype tests against a threaded sysroot and run them under
# qemu-riscv64.  Usage: run.sh SYSROOT [TOOLBIN]
# (session-1 prototype script for issue 16; the real suite is step T16)
set -e
S=${1:?sysroot}; BIN=${2:-/work/main/install/bin}
export PATH=$BIN:$PATH
CC="riscv64-linux-fdpic-gcc --sysroot=$S -O2"
T=$(mktemp -d); D=$(cd "$(dirname "$0")" && pwd)
cd "$T"
$CC "$D/thr1.c" -o thr1 && qemu-riscv64 -L "$S" ./thr1
$CC -static "$D/thr1.c" -o thr1.st && qemu-riscv64 ./thr1.st
$CC -fPIC -ftls-model=global-dynamic -static "$D/thr1.c" -o thr1.gd.st && qemu-riscv64 ./thr1.gd.st
$CC -fPIC -shared "$D/tlslib.c" -o libtlslib.so
$CC "$D/tls2.c" -o tls2 -L. -ltlslib -Wl,-rpath,"$T" && qemu-riscv64 -L "$S" ./tls2
$CC -fPIC -shared -ftls-model=global-dynamic "$D/tlslib.c" -o libtlsgd.so
sed "s#/work/thr/tests/libtlsgd.so#$T/libtlsgd.so#" "$D/dlotls.c" > dlotls.c
$CC dlotls.c -o dlotls && qemu-riscv64 -L "$S" ./dlotls
$CC "$D/bar.c" -o bar && timeout 120 qemu-riscv64 -L "$S" ./bar 20000
mkdir ls && cd ls && python3 "$D/lazystress/gen.py"
for L in 0 1 2 3; do $CC -fPIC -shared ls$L.c -o libls$L.so; done
$CC -fPIC -shared lsc.c -o liblsc.so -L. -lls0 -lls1 -lls2 -lls3
$CC -I. "$D/lazystress/lazystress.c" -o lazystress -L. -Wl,--no-as-needed -lls0 -lls1 -lls2 -lls3 -Wl,-rpath,"$PWD"
LS_ROUNDS=${LS_ROUNDS:-2000} timeout 600 qemu-riscv64 -L "$S" ./lazystress "$PWD/liblsc.so"
# bad input: a library whose TLS reference nothing defines is refused by name
$CC -fPIC -shared "$D/defmissing.c" -o libbadprov.so
$CC -fPIC -shared "$D/badtls.c" -o libbadtls.so -L. -lbadprov
$CC "$D/badmain.c" -o badmain -L. -lbadtls -lbadprov -Wl,-rpath,"$PWD"
$CC -fPIC -shared -o libbadprov.so -x c /dev/null        # now without missing_tls
if qemu-riscv64 -L "$S" ./badmain 2>err; then echo "badmain ran"; exit 1; fi
grep "libbadtls.so': symbol 'missing_tls': can't resolve symbol" err
echo "all passed ($T)"
