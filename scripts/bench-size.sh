#!/bin/bash
# bench-size: the text size of uClibc-ng's C library compiled as FDPIC code
# by riscv64-linux-fdpic-gcc -mfdpic, and as base-ABI code by the baseline
# riscv64-linux-uclibc-gcc, from the same sources and configuration.  Prints
# both totals and the FDPIC/baseline ratio for the static library's objects
# (libc.a) and for the shared library's position-independent ones
# (libc_so.a).  A benchmark, not a test: it prints figures and fails only
# if a build fails.
#
# Until the C library is ported to FDPIC, both sides use the baseline
# configuration (uclibc-fdpic/baseline.config); only the compiler differs.
set -euo pipefail
TOP=$(cd "$(dirname "$0")/.." && pwd)
FDPIC_PREFIX=${FDPIC_PREFIX:-$TOP/install}
BASELINE_PREFIX=${BASELINE_PREFIX:-$TOP/install-baseline}
JOBS=${JOBS:-$(nproc)}
out=$TOP/build/bench

build() {  # SIDE TARGET PREFIX EXTRA-CFLAGS
  local side=$1 target=$2 prefix=$3 cflags=$4 obj=$out/$1
  mkdir -p "$obj"
  {
    cat "$TOP/uclibc-fdpic/baseline.config"
    echo "KERNEL_HEADERS=\"$prefix/sysroot/usr/include\""
    echo "CROSS_COMPILER_PREFIX=\"$target-\""
    echo "UCLIBC_EXTRA_CFLAGS=\"$cflags\""
  } >"$obj/.config"
  export PATH="$prefix/bin:$PATH"
  { yes "" || true; } | make -C "$TOP/build/src/uclibc" O="$obj" oldconfig >/dev/null
  make -C "$TOP/build/src/uclibc" O="$obj" -j"$JOBS" \
    "$obj/lib/libc.a" "$obj/libc/libc_so.a" >"$obj.log" 2>&1 \
    || { echo "bench-size: $side build failed, see $obj.log" >&2; exit 1; }
}

text() {  # TARGET PREFIX ARCHIVE: sum of the text sizes of its members
  "$2/bin/$1-size" -t "$3" | tail -1 | awk '{print $1}'
}

build fdpic riscv64-linux-fdpic "$FDPIC_PREFIX" "-mfdpic"
build baseline riscv64-linux-uclibc "$BASELINE_PREFIX" ""

printf '%-28s %12s %12s %8s\n' "uClibc-ng 1.0.35" "FDPIC text" "base text" "ratio"
for a in lib/libc.a libc/libc_so.a; do
  f=$(text riscv64-linux-fdpic "$FDPIC_PREFIX" "$out/fdpic/$a")
  b=$(text riscv64-linux-uclibc "$BASELINE_PREFIX" "$out/baseline/$a")
  printf '%-28s %12d %12d %8.3f\n' "$a" "$f" "$b" "$(echo "$f / $b" | bc -l)"
done
