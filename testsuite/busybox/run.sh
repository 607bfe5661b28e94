#!/bin/bash
# run.sh: busybox 1.35's own testsuite (its runtest)
# inside the nommu system, on the FDPIC busybox and on the status quo (the
# baseline busybox, a non-FDPIC static PIE), same configuration, same
# kernel (vm-run.sh runs it in the VM).  BUSYBOX_APPLETS (space-separated)
# picks the applets whose tests run: by default a sample for make check,
# 'all' for every applet that has tests (make check-busybox).
#
# Prints one result per test that matters for FDPIC:
#   PASS: busybox APPLET-TEST     passes with the FDPIC busybox
#   SHARED: busybox APPLET-TEST fails on both sides   (not an FDPIC defect)
#   FAIL: busybox APPLET-TEST (fdpic only)   fails with FDPIC, passes on
#                                              the status quo
# and ends with
#   busybox testsuite: fdpic P passed F failed, baseline P passed F failed, N fdpic-only failures
# Exit status 0 only if both sides ran to the end and nothing failed on the
# FDPIC side only.  Console log and per-side results in the current directory.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib.sh"
nommu="$here/../nommu"
ts="$top/build/src/busybox/testsuite"
rm -rf bbtest && mkdir -p bbtest/fdpic bbtest/baseline || exit 1
cp -a "$ts" bbtest/testsuite && cp "$here/vm-run.sh" "$here/each.sh" bbtest/ || exit 1
# BUSYBOX_FDPIC: another FDPIC busybox to test (make bench-stack's);
# BUSYBOX_SIDES: the sides to run (default both).
sides=${BUSYBOX_SIDES:-fdpic baseline}
for side in fdpic baseline; do
  obj="$top/build/$side/obj/busybox"
  bb=$obj/busybox
  [ "$side" = fdpic ] && bb=${BUSYBOX_FDPIC:-$bb}
  cp "$bb" "bbtest/$side/busybox" && cp "$obj/.config" "bbtest/$side/config" || exit 1
done
if ! out=$("$nommu/mkrootfs.sh" bbtest.cpio bbtest:bbtest/ 2>&1); then
  fail "busybox testsuite: make the initramfs" "$out"; exit 1
fi
# The sample: applets whose tests exercise what FDPIC changes in busybox
# (the shell and the applets it runs through vfork and exec, function
# pointer tables of awk, sed and find, signals, compressors' big tables).
sample="awk bunzip2 cpio find grep gzip md5sum printf sed sort tar xargs"
applets=${BUSYBOX_APPLETS:-$sample}
[ "$applets" = all ] && applets=
applets=$(echo $applets | tr ' ' ,)
# One boot per side, each with 512 MiB: each side starts from a fresh
# system.  The status quo needs 1 MiB of contiguous memory (2 MiB, rounded
# to a power of two) for each copy of its busybox; in 128 MiB, with the
# testsuite's files in memory, its processes failed to start after a few
# hundred ("nommu: Allocation of length 1069056 ... failed").
: > bbtest-console.log
for side in $sides; do
  start=$(date +%s)
  BOOT_MEM=512M BOOT_TIMEOUT=${BOOT_TIMEOUT:-5400} "$nommu/boot.sh" bbtest.cpio bbtest-$side.log \
    mode=bbtest bbside=$side ${applets:+applets=$applets}
  qrc=$?
  echo "  (busybox testsuite, $side side, in the nommu system: $(( $(date +%s) - start )) s, qemu status $qrc; log $PWD/bbtest-$side.log)"
  cat bbtest-$side.log >> bbtest-console.log
done
exec python3 - "$PWD/bbtest-console.log" "$PWD" <<'PY'
import re, sys
log, outdir = sys.argv[1], sys.argv[2]
res = {"fdpic": {}, "baseline": {}}
ended = {}
side = None
for line in open(log, errors="replace"):
    line = line.rstrip("\r\n").replace("\0", "")
    m = re.match(r"=== BBTEST (\w+)$", line)
    if m:
        side = m.group(1); continue
    m = re.match(r"=== BBTEST-END (\w+) (\d+) (\d+)", line)
    if m:
        ended[m.group(1)] = (int(m.group(2)), int(m.group(3))); side = None; continue
    m = re.match(r"(PASS|FAIL|SKIPPED|UNTESTED): (.*)", line)
    if side and m:
        # A name can occur more than once (old-style and .tests files):
        # number the repeats so that each result is compared with its twin.
        name = m.group(2).strip()
        n, k = name, 2
        while n in res[side]:
            n, k = "%s #%d" % (name, k), k + 1
        res[side][n] = m.group(1)
bad = 0
for s in ("fdpic", "baseline"):
    with open("%s/bbtest-%s.results" % (outdir, s), "w") as f:
        for n, r in res[s].items():
            f.write("%s: %s\n" % (r, n))
    if s not in ended:
        print("FAIL: busybox testsuite: the %s side did not finish (see the console log)" % s); bad += 1
    elif not any(r == "PASS" for r in res[s].values()):
        print("FAIL: busybox testsuite: the %s side passed no test" % s); bad += 1
only = []
for n, r in res["fdpic"].items():
    b = res["baseline"].get(n)
    if r == "PASS":
        print("PASS: busybox %s" % n)
    elif r == "FAIL" and b == "PASS":
        print("FAIL: busybox %s (fdpic only)" % n); only.append(n)
    elif r == "FAIL":
        print("SHARED: busybox %s fails on both sides" % n if b == "FAIL" else
              "FAIL: busybox %s (fdpic only: %s on the status quo)" % (n, b))
        if b != "FAIL": only.append(n)
for n in res["baseline"]:
    if n not in res["fdpic"]:
        print("FAIL: busybox %s: ran on the status quo only" % n); bad += 1
def count(s, r): return sum(1 for v in res[s].values() if v == r)
summary = "busybox testsuite: " + ", ".join(
    "%s %d passed %d failed %d skipped (%s s)" % (s, count(s, "PASS"), count(s, "FAIL"),
        count(s, "SKIPPED") + count(s, "UNTESTED"), ended.get(s, (0, "?"))[1])
    for s in ("fdpic", "baseline"))
print("%s, %d fdpic-only failures" % (summary, len(only)))
sys.exit(1 if only or bad else 0)
PY
