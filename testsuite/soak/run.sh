#!/bin/bash
# The soak (make soak): the nommu system runs SOAK_WORKERS (64) busybox
# shells for SOAK_SECONDS (600) through pipelines, exec chains, signals
# and an FDPIC program that dlopens a library (vm-run.sh), then dlopens
# and dlcloses a library SOAK_DLCYCLES (1000) times.  Checks on the host:
# every worker ran without an error, the kernel printed no oops, BUG or
# panic, the text of busybox, ld.so and libc is unchanged, MemFree came
# back to its starting value within SOAK_TOLERANCE KiB (default 256) with
# the caches dropped, and the dlopen/dlclose loop freed what it took
# (same tolerance).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
nommu="$here/../nommu"
workers=${SOAK_WORKERS:-64} secs=${SOAK_SECONDS:-600} cycles=${SOAK_DLCYCLES:-1000}
tol=${SOAK_TOLERANCE:-256}
CC="$T-gcc -Wall -Werror -O2"
rm -rf soak && mkdir soak || exit 1
check "build dlcycle and libsoak.so" sh -c "
  $CC -fPIC -shared -o soak/libsoak.so $here/libsoak.c &&
  $CC -o soak/dlcycle $here/dlcycle.c -ldl &&
  cp $here/vm-run.sh soak/"
check "make the initramfs" "$nommu/mkrootfs.sh" soak.cpio soak:soak/
start=$(date +%s)
BOOT_TIMEOUT=$((secs + 900)) "$nommu/boot.sh" soak.cpio soak-console.log \
  mode=soak workers=$workers soaksecs=$secs dlcycles=$cycles
rc=$?
echo "  (soak: $(( $(date +%s) - start )) s in the nommu system, qemu status $rc; log $PWD/soak-console.log)"
log=$(tr -d '\r\000' < soak-console.log)
val() { sed -n "s/^=== $1 //p" <<<"$log" | head -1; }

if grep -q '^=== SOAK-END' <<<"$log"; then pass "soak: the system ran to the end"
else fail "soak: the system ran to the end" "$(tail -n 20 <<<"$log")"; fi
if grep -Eq 'Oops|BUG:|Kernel panic|Unable to handle' <<<"$log"; then
  fail "soak: no kernel oops, BUG or panic" "$(grep -E -A5 'Oops|BUG:|Kernel panic|Unable to handle' <<<"$log" | head -20)"
else pass "soak: no kernel oops, BUG or panic"; fi
w=$(grep -c '^=== WORKER ' <<<"$log")
loops=$(awk '/^=== WORKER /{s += $4} END {print s + 0}' <<<"$log")
errs=$(awk '/^=== WORKER /{s += $5} END {print s + 0}' <<<"$log")
zero=$(awk '/^=== WORKER /{s += $6} END {print s + 0}' <<<"$log")
echo "  (soak: $zero killed jobs reported with status 0 by hush, a busybox race seen with both busyboxes)"
if [ "$w" -eq "$workers" ] && [ "$errs" -eq 0 ]; then
  pass "soak: $workers workers, $loops loops, no error"
else
  fail "soak: $workers workers, $loops loops, no error" "$w workers reported, $errs errors" \
    "$(grep '^=== ERROR' <<<"$log" | head -10)"
fi
if [ -n "$(val 'SUM before')" ] && [ "$(val 'SUM before')" = "$(val 'SUM after')" ]; then
  pass "soak: busybox, ld.so and libc unchanged"
else
  fail "soak: busybox, ld.so and libc unchanged" "before $(val 'SUM before'), after $(val 'SUM after')"
fi
b=$(val 'MEM before') a=$(val 'MEM after')
if [ -n "$b" ] && [ -n "$a" ] && [ $((b - a)) -le "$tol" ]; then
  pass "soak: MemFree back within $tol KiB ($b KiB before, $a KiB after)"
else
  fail "soak: MemFree back within $tol KiB" "before '$b' KiB, after '$a' KiB"
fi
read -r n db da <<<"$(val DLCYCLE)"
if [ "$n" = "$cycles" ] && [ $((db - da)) -le "$tol" ]; then
  pass "soak: $cycles dlopen/dlclose cycles, MemFree $db -> $da KiB"
else
  fail "soak: $cycles dlopen/dlclose cycles free what they take" "got: $(val DLCYCLE)" \
    "$(grep -A3 'dlopen\|plug_fn' <<<"$log" | head)"
fi
