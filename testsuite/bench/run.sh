#!/bin/bash
# make bench: FDPIC against the project's non-FDPIC baseline toolchain (same
# gcc, same uClibc-ng), a benchmark, not a test: it prints figures and
# fails only if a program cannot be built or run, or its two builds
# disagree on the output.
#
#  - dynamic instruction counts under qemu-riscv64 with QEMU's insn plugin
#    (tests/plugin/insn.c, built with the project's QEMU): nearly the same
#    on every run (a few hundred in 10^8), unlike times on a shared machine.  Start-up of a dynamic and a static
#    hello; four CPU-bound programs from Debian sources, each linked against
#    its own shared library, as testsuite/realworld builds and tests them:
#    Lua (an interpreter: calls.lua, recursion and a sort comparator;
#    alloc.lua, strings and tables, which mostly measures the C library's
#    malloc, see below), SQLite's speedtest1 (a
#    database engine, --size 2 in memory), bzip2 -9 and zlib's minigzip -9
#    (compressors; the input is Lua's C sources);
#  - text (executable PT_LOAD file size) and writable (writable PT_LOAD
#    memory size) of ld.so, libc.so, libstdc++.so and those libraries and
#    programs;
#  - RAM per additional busybox process on the nommu kernel, from the last
#    make demo run (build/demo/console.log), if there is one.
#
# The two C libraries differ in configuration, not only in the ABI: the
# FDPIC one is configured for a kernel without an MMU (uClibc-ng's nommu
# malloc, no fork), the baseline's for one with an MMU (malloc-standard).
# Programs that allocate much (lua-alloc) measure that difference; make
# bench-size compares the C library's code alone, compiled both ways.
#
# Writes build/bench/bench.txt (the table), bench.tsv and bench.svg (a
# chart of the FDPIC/baseline ratios).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PREFIX=${PREFIX:-$top/install}
BASELINE_PREFIX=${BASELINE_PREFIX:-$top/install-baseline}
out=${BENCH_OUT:-$top/build/bench}
plugin=$top/build/qemu/tests/plugin/libinsn.so
qemu=$PREFIX/bin/qemu-riscv64
rw=$top/build/realworld
RE=$PREFIX/bin/riscv64-linux-fdpic-readelf
die() { echo "bench: $*" >&2; exit 1; }
# The plugin is not part of the qemu step's install: build it here, in the
# same build tree (one file).
[ -f "$plugin" ] || ninja -C "$top/build/qemu" tests/plugin/libinsn.so >/dev/null ||
  die "cannot build QEMU's insn plugin in $top/build/qemu (make qemu first)"
mkdir -p "$out"
rm -f "$out"/*.out "$out"/*.plugin

echo "bench: building and testing lua, sqlite, bzip2 and zlib with both toolchains (log $out/realworld.log)"
REALWORLD_QUICK=1 SHOW_PASSES=0 "$top/testsuite/realworld/run.sh" lua sqlite bzip2 zlib \
  >"$out/realworld.log" 2>&1 || die "the real-world builds or tests failed (see $out/realworld.log)"

prefix_of() { [ "$1" = fdpic ] && echo "$PREFIX" || echo "$BASELINE_PREFIX"; }
triplet_of() { [ "$1" = fdpic ] && echo riscv64-linux-fdpic || echo riscv64-linux-uclibc; }

# insns CONFIG NAME DIR INPUT CMD...: run the target program CMD (qemu
# options first) in DIR with INPUT on stdin and the insn plugin; its
# stdout goes to $out/CONFIG-NAME.out; prints the instruction count.
insns() {
  local cfg=$1 name=$2 dir=$3 in=$4 log=$out/$1-$2.plugin; shift 4
  (cd "$dir" && "$qemu" -L "$(prefix_of "$cfg")/sysroot" -plugin "$plugin" -d plugin -D "$log" "$@") \
    <"$in" >"$out/$cfg-$name.out" 2>"$out/$cfg-$name.err" ||
    die "$cfg: $name failed (see $out/$cfg-$name.err)"
  awk '/^total insns:/ { print $3 }' "$log"
}

# The input of the compressors: Lua's C sources, the same bytes on both sides.
cat "$rw"/fdpic/lua/src/src/*.c >"$out/data" || die "no Lua sources in $rw/fdpic/lua"
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >"$out/hello.c"

declare -A N
for cfg in fdpic baseline; do
  t=$(triplet_of "$cfg") p=$(prefix_of "$cfg")
  "$p/bin/$t-gcc" -O2 -o "$out/hello-$cfg" "$out/hello.c" || die "$cfg: hello does not build"
  "$p/bin/$t-gcc" -O2 -static -o "$out/hello-static-$cfg" "$out/hello.c" || die "$cfg: static hello does not build"
  N[$cfg,hello]=$(insns "$cfg" hello "$out" /dev/null "./hello-$cfg") || exit 1
  N[$cfg,hello-static]=$(insns "$cfg" hello-static "$out" /dev/null "./hello-static-$cfg") || exit 1
  d=$rw/$cfg/lua/src/src
  N[$cfg,lua-calls]=$(insns "$cfg" lua-calls "$d" /dev/null ./lua "$here/calls.lua") || exit 1
  N[$cfg,lua-alloc]=$(insns "$cfg" lua-alloc "$d" /dev/null ./lua "$here/alloc.lua") || exit 1
  d=$rw/$cfg/sqlite/src
  N[$cfg,sqlite]=$(insns "$cfg" sqlite "$d" /dev/null ./speedtest1 --size 2 --memdb) || exit 1
  d=$rw/$cfg/bzip2/src
  N[$cfg,bzip2]=$(insns "$cfg" bzip2 "$d" "$out/data" ./bzip2-shared -9 -c) || exit 1
  d=$rw/$cfg/zlib/src
  N[$cfg,zlib]=$(insns "$cfg" zlib "$d" "$out/data" -E LD_LIBRARY_PATH="$d" ./minigzipsh -9) || exit 1
done
# The same results on both sides (speedtest1 prints times: not compared).
for n in hello hello-static lua-calls lua-alloc bzip2 zlib; do
  cmp -s "$out/fdpic-$n.out" "$out/baseline-$n.out" || die "$n: FDPIC and baseline outputs differ"
done

# segs FILE: "text writable" in bytes.
segs() {
  "$RE" -lW "$1" | awk '$1 == "LOAD" {
      f = ""; for (i = 7; i < NF; i++) f = f $i      # "R E", "RW "
      if (f ~ /E/) t += strtonum($5); if (f ~ /W/) w += strtonum($6) }
    END { printf "%d %d\n", t, w }'
}

{
  printf 'kind\tname\tfdpic\tbaseline\n'
  for n in hello hello-static lua-calls lua-alloc sqlite bzip2 zlib; do
    printf 'insns\t%s\t%s\t%s\n' "$n" "${N[fdpic,$n]}" "${N[baseline,$n]}"
  done
  for f in lib/ld-uClibc.so.1 lib/libc.so.0 lib/libstdc++.so.6 \
           lua/src/src/liblua5.4.so.0 lua/src/src/lua sqlite/src/libsqlite3.so.0 sqlite/src/speedtest1 \
           bzip2/src/libbz2.so.1.0.8 bzip2/src/bzip2-shared zlib/src/libz.so.1.2.13 zlib/src/minigzipsh; do
    case $f in
      lib/*) a=$PREFIX/sysroot/$f b=$BASELINE_PREFIX/sysroot/$f ;;
      *) a=$rw/fdpic/$f b=$rw/baseline/$f ;;
    esac
    read -r at aw < <(segs "$(readlink -f "$a")")
    read -r bt bw < <(segs "$(readlink -f "$b")")
    printf 'text\t%s\t%s\t%s\n' "$(basename "$f")" "$at" "$bt" >&3
    printf 'writable\t%s\t%s\t%s\n' "$(basename "$f")" "$aw" "$bw" >&4
  done 3>"$out/text.tsv" 4>"$out/writable.tsv"
  cat "$out/text.tsv" "$out/writable.tsv"
} >"$out/bench.tsv"

{
  echo "FDPIC (riscv64-linux-fdpic) against the baseline (riscv64-linux-uclibc), $(date -u +%F)"
  echo
  awk -F'\t' 'NR > 1 {
      if ($1 != last) {
        printf "\n%-9s %-20s %14s %14s %7s\n", $1, "", "FDPIC", "baseline", "ratio"; last = $1 }
      r = $4 > 0 ? sprintf("%.3f", $3 / $4) : "-"
      printf "%-9s %-20s %14d %14d %7s\n", "", $2, $3, $4, r }' "$out/bench.tsv"
  echo
  echo "insns: instructions executed (qemu-riscv64, insn plugin); text, writable: bytes of the PT_LOAD segments"
  echo "The FDPIC C library is configured for no MMU (nommu malloc), the baseline's for an MMU"
  echo "(malloc-standard): lua-alloc mostly measures the two mallocs."
  if [ -f "$top/build/demo/console.log" ]; then
    echo
    echo "RAM per additional busybox process on the nommu kernel (last make demo, $(date -u -r "$top/build/demo/console.log" +%F)):"
    python3 "$top/testsuite/nommu/vmlog.py" report "$top/build/demo/console.log" \
      "fdpic=$top/build/fdpic/obj/busybox/busybox,$PREFIX/sysroot/lib/libc.so.0,$PREFIX/sysroot/lib/ld-uClibc.so.1" \
      "baseline=$top/build/demo/baseline/busybox" \
      $([ -f "$top/build/demo/flash.log" ] && echo "flash=$top/build/demo/flash.log") |
      grep -E '^(fdpic|baseline|fdpic from flash):|per additional process|spread:|bound:|baseline / fdpic'
  else
    echo
    echo "RAM per additional busybox process: no make demo run yet (build/demo/console.log)"
  fi
} | tee "$out/bench.txt"
python3 "$here/chart.py" "$out/bench.tsv" "$out/bench.svg" && echo "chart: $out/bench.svg"
