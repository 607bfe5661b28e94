#!/bin/bash
# The loader fuzz campaign in the nommu system (make fuzz-nommu): the
# cases of testsuite/fuzz/fuzz.py, FUZZ_NOMMU_CASES (default 1000) from
# FUZZ_SEED (default 1), run in batches of FUZZ_NOMMU_BATCH (250) per
# boot by the kernel's binfmt_elf_fdpic, ld.so and the start-up code
# (vm-run.sh).  Each case must be refused with a message naming a file
# or run as before (fuzz.py's classes); and in each boot no oops, BUG or
# panic, the text of busybox, ld.so and libc unchanged, and MemFree back
# within FUZZ_NOMMU_TOLERANCE KiB (256: the soak's, testsuite/soak/run.sh).
# The programs are stripped, to keep each batch's initramfs small.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
nommu="$here/../nommu" rt="$here/../runtime"
cases=${FUZZ_NOMMU_CASES:-1000} batch=${FUZZ_NOMMU_BATCH:-250} seed=${FUZZ_SEED:-1}
tol=${FUZZ_NOMMU_TOLERANCE:-256}
CC="$T-gcc -O2 -fasynchronous-unwind-tables -I$rt"
rm -rf targets && mkdir targets || exit 1
check "build the unmutated programs" sh -c "cd targets &&
  $CC -fPIC -shared -o liba.so $rt/liba.c &&
  $CC -fPIC -shared -o libb.so $rt/libb.c -L. -la &&
  $CC -fPIC -shared -o libplug.so $rt/plug.c -L. -la &&
  $CC -o libs $rt/libs.c -L. -la -lb -ldl &&
  $CC -static -o core-static $rt/core.c &&
  $CC -o tryexec $nommu/tryexec.c &&
  $T-strip liba.so libb.so libplug.so libs core-static"
first=0
while [ $first -lt "$cases" ]; do
  n=$(( cases - first < batch ? cases - first : batch ))
  b=batch-$first
  rm -rf "$b" && mkdir "$b"
  python3 "$here/../fuzz/fuzz.py" --emit "$b" --targets targets --sysroot "$SYSROOT" \
    --seed "$seed" --first $first --cases $n &&
    cp targets/tryexec "$here/vm-run.sh" "$b/top/" &&
    "$nommu/mkrootfs.sh" $b.cpio fuzz-nommu:$b/top/ z:$b/z/ || { fail "fuzz-nommu: write batch $first"; break; }
  start=$(date +%s)
  BOOT_MEM=256M BOOT_TIMEOUT=$((n * 25 + 300)) "$nommu/boot.sh" $b.cpio $b.log mode=fuzz-nommu
  echo "  (batch $first: $n cases, $(( $(date +%s) - start )) s in the nommu system; log $PWD/$b.log)"
  log=$(tr -d '\r\000' < $b.log)
  tr -d '\r\000' < $b.log > $b.clean.log
  val() { sed -n "s/^=== $1 //p" <<<"$log" | head -1; }
  out=$(python3 "$here/../fuzz/fuzz.py" --judge $b.clean.log --emit "$b" --sysroot "$SYSROOT" --seed "$seed" --first $first --cases $n)
  echo "$out" | grep -v '^FINDING' | sed 's/^/  /'
  if ! grep -q '^fuzz-nommu: ' <<<"$out"; then
    fail "fuzz-nommu: batch $first, every case refused or run as before" "$out"
  elif grep -q '^FINDING' <<<"$out"; then
    fail "fuzz-nommu: batch $first, every case refused or run as before" "$(grep '^FINDING' <<<"$out" | head -20)"
  else pass "fuzz-nommu: batch $first, every case refused or run as before"; fi
  if grep -q '^=== FUZZ-END' <<<"$log"; then pass "fuzz-nommu: batch $first ran to the end"
  else fail "fuzz-nommu: batch $first ran to the end" "$(tail -n 20 <<<"$log")"; fi
  if grep -Eq 'Oops|BUG:|Kernel panic|Unable to handle' <<<"$log"; then
    fail "fuzz-nommu: batch $first, no kernel oops, BUG or panic" \
      "$(grep -E -A5 'Oops|BUG:|Kernel panic|Unable to handle' <<<"$log" | head -20)"
  else pass "fuzz-nommu: batch $first, no kernel oops, BUG or panic"; fi
  if [ -n "$(val 'SUM before')" ] && [ "$(val 'SUM before')" = "$(val 'SUM after')" ]; then
    pass "fuzz-nommu: batch $first, busybox, ld.so and libc unchanged"
  else
    fail "fuzz-nommu: batch $first, busybox, ld.so and libc unchanged" \
      "before $(val 'SUM before'), after $(val 'SUM after')"
  fi
  mb=$(val 'MEM before') ma=$(val 'MEM after')
  if [ -n "$mb" ] && [ -n "$ma" ] && [ $((mb - ma)) -le "$tol" ]; then
    pass "fuzz-nommu: batch $first, MemFree back within $tol KiB ($mb KiB before, $ma KiB after)"
  else
    fail "fuzz-nommu: batch $first, MemFree back within $tol KiB" "before '$mb' KiB, after '$ma' KiB"
  fi
  rm -rf "$b" $b.cpio
  first=$((first + n))
done
