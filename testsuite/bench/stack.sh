#!/bin/bash
# make bench-stack: how deep the FDPIC busybox's stack goes, which
# testsuite/nommu/busybox.config's -z stack-size is chosen from.  Links a
# measuring copy of busybox with stackprobe.c (every process reports, when
# it exits, how deep its stack went), runs busybox's own testsuite with it
# in the nommu system (BUSYBOX_APPLETS, default all; FDPIC side only), and
# prints the distribution of the depths, per applet and overall.  A
# benchmark: its figures are for reading, it fails only if nothing ran.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PREFIX=${PREFIX:-$top/install}
out=$top/build/bench/stack
rm -rf "$out" && mkdir -p "$out" || exit 1
cp -a "$top/build/fdpic/obj/busybox" "$out/obj" && rm -f "$out/obj/busybox" "$out/obj/busybox_unstripped" || exit 1
"$PREFIX/bin/riscv64-linux-fdpic-gcc" -O2 -c "$here/stackprobe.c" -o "$out/stackprobe.o" || exit 1
# CFLAGS_busybox reaches the final link only.
PATH=$PREFIX/bin:$PATH make -C "$top/build/src/busybox" O="$out/obj" \
  CFLAGS_busybox="$out/stackprobe.o" busybox >"$out/build.log" 2>&1 ||
  { echo "bench-stack: the measuring busybox does not build (see $out/build.log)" >&2; exit 1; }
echo "bench-stack: busybox's testsuite (${BUSYBOX_APPLETS:-all}) in the nommu system with a measuring busybox (log $out/run.log)"
(cd "$out" && BUSYBOX_FDPIC=$out/obj/busybox BUSYBOX_SIDES=fdpic BUSYBOX_APPLETS=${BUSYBOX_APPLETS:-all} \
  "$top/testsuite/busybox/run.sh" >run.log 2>&1)
grep -a -o 'STACKDEPTH [^ ]* [0-9]* of [0-9]*' "$out/bbtest-fdpic.log" >"$out/depths.txt"
python3 - "$out/depths.txt" "$(grep -a -c '^PASS: ' "$out/run.log")" <<'PY'
import sys, collections
d = collections.defaultdict(list); size = set()
for l in open(sys.argv[1]):
    _, name, depth, _, stack = l.split()
    d[name].append(int(depth)); size.add(int(stack))
allv = sorted(v for vs in d.values() for v in vs)
if not allv:
    sys.exit("bench-stack: no process reported its stack depth")
q = lambda p: allv[min(len(allv) - 1, int(len(allv) * p))]
print("%d processes (%d tests passed), stack mapping %s bytes" % (len(allv), int(sys.argv[2]), "/".join(map(str, sorted(size)))))
print("stack depth in bytes (argument and environment strings included):")
print("  median %d, 99th percentile %d, 99.9th %d, deepest %d" % (q(.5), q(.99), q(.999), allv[-1]))
print("deepest per applet:")
for name, vs in sorted(d.items(), key=lambda kv: -max(kv[1]))[:10]:
    print("  %-12s %7d  (%d processes)" % (name, max(vs), len(vs)))
PY
