#!/bin/bash
# The loader fuzz campaign under qemu-riscv64 (testsuite/fuzz/fuzz.py):
# mutated FDPIC executables, static executables, shared libraries, a
# dlopen'ed library and ld.so itself, each case refused with a message
# naming a file or running exactly as before (make fuzz).  FUZZ_CASES
# (default 300), FUZZ_SEED (default 1).  The cases that found a bug once
# are kept in regressions.txt and run first.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
rt="$here/../runtime"
CC="$T-gcc -O2 -fasynchronous-unwind-tables -I$rt"

rm -rf targets && mkdir targets && cd targets || exit 1
check "build the unmutated programs" sh -c "
  $CC -fPIC -shared -o liba.so $rt/liba.c &&
  $CC -fPIC -shared -o libb.so $rt/libb.c -L. -la &&
  $CC -fPIC -shared -o libplug.so $rt/plug.c -L. -la &&
  $CC -o libs $rt/libs.c -L. -la -lb -ldl &&
  $CC -static -o core-static $rt/core.c"
cd .. || exit 1

fuzz() {  # NAME fuzz.py-ARGS...
  local name=$1 out rc; shift
  out=$(python3 "$here/fuzz.py" --work work --sysroot "$SYSROOT" --qemu "$PREFIX/bin/qemu-riscv64" \
        --targets targets --keep-findings findings "$@" 2>&1); rc=$?
  echo "$out" | grep -v '^FINDING' | sed 's/^/  /'
  if [ $rc -eq 0 ]; then pass "$name"; else fail "$name" "$(grep '^FINDING' <<<"$out" | head -20)"; fi
}
rm -rf findings work
# Regressions: one line each, "KIND FIELD=VALUE  what it found", mutations
# that once found a bug.
while read -r kind set comment; do
  case $kind in ''|'#'*) continue ;; esac
  fuzz "fuzz regression: $kind $set ($comment)" --kind "$kind" --set "$set" --cases 1
  check "wellformed.py calls $kind $set malformed" python3 "$here/fuzz.py" --malformed \
    --sysroot "$SYSROOT" --targets targets --kind "$kind" --set "$set"
done < "$here/regressions.txt"
fuzz "fuzz: ${FUZZ_CASES:-300} cases, seed ${FUZZ_SEED:-1}" \
  --seed "${FUZZ_SEED:-1}" --cases "${FUZZ_CASES:-300}"
