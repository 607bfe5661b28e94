#!/bin/bash
# bench-size: the text size of uClibc-ng's C library compiled as FDPIC code
# by riscv64-linux-fdpic-gcc -mfdpic, and as base-ABI code by the baseline
# riscv64-linux-uclibc-gcc, from the same sources and configuration.  Prints
# both totals and the FDPIC/baseline ratio for the static library's objects
# (libc.a) and for the shared library's position-independent ones
# (libc_so.a).  A benchmark, not a test: it prints figures and fails only
# if a build fails.
#
# Both sides use the baseline configuration (uclibc-fdpic/baseline.config),
# so that only the compiler differs (the FDPIC sysroot's own configuration
# is nommu, with another malloc and no fork).
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
  # -k: should a file build on one side only, the sums below use only the
  # objects that both sides built.
  make -k -C "$TOP/build/src/uclibc" O="$obj" -j"$JOBS" \
    "$obj/libc/libc_so.a" >"$obj.log" 2>&1 || true
}

# sum SUFFIX: the text sizes of the objects of libc/ with SUFFIX (.o for
# libc.a, .os for libc.so) built by both sides, as "FDPIC BASE COUNT".
sum() {
  local f=0 b=0 n=0 rel ft bt
  while read -r rel; do
    [ -f "$out/baseline/$rel" ] || continue
    ft=$(riscv64-linux-fdpic-size "$out/fdpic/$rel" | awk 'NR==2{print $1}')
    bt=$(riscv64-linux-uclibc-size "$out/baseline/$rel" | awk 'NR==2{print $1}')
    f=$((f + ft)) b=$((b + bt)) n=$((n + 1))
  done < <(cd "$out/fdpic" && find libc -name "*$1" | sort)
  echo "$f $b $n"
}

build fdpic riscv64-linux-fdpic "$FDPIC_PREFIX" "-mfdpic"
build baseline riscv64-linux-uclibc "$BASELINE_PREFIX" ""
export PATH="$FDPIC_PREFIX/bin:$BASELINE_PREFIX/bin:$PATH"

printf '%-34s %8s %11s %11s %7s\n' "uClibc-ng 1.0.35 libc objects" count \
  "FDPIC text" "base text" ratio
built=0
for kind in "static (.o, libc.a):.o" "shared (.os, libc.so):.os"; do
  read -r f b n < <(sum "${kind##*:}")
  [ "$n" -gt 0 ] || { echo "bench-size: no ${kind##*:} objects built" >&2; continue; }
  built=1
  printf '%-34s %8d %11d %11d %7.3f\n' "${kind%:*}" "$n" "$f" "$b" \
    "$(echo "$f / $b" | bc -l)"
done
[ "$built" = 1 ] || exit 1
for side in fdpic baseline; do
  echo "$side: $(grep -c '^make.*Error' "$out/$side.log" || true) failed make targets ($out/$side.log)"
done
