#!/bin/bash
# run-checks.sh PREFIX WORKDIR SUITE...: run test suites against the
# toolchain installed in PREFIX.  Each suite is testsuite/SUITE/run.sh; it
# prints one "PASS: name" or "FAIL: name" line per test.  The closing line
# is the total: 'N passed, N failed'.  Exit status 0 only if nothing failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=$1 work=$2
shift 2
export PREFIX=$prefix SYSROOT=$prefix/sysroot PATH=$prefix/bin:$PATH
# make RELAX=0: every FDPIC compilation and link of the suites gets
# -mno-relax (no R_RISCV_RELAX in objects, ld --no-relax), through
# wrappers ahead of the toolchain in PATH (the DejaGnu suites: see
# scripts/check-gcc.sh).
if [ "${FDPIC_NO_RELAX:-0}" = 1 ]; then
  mkdir -p "$work/norelax-bin"
  for t in gcc g++ cc c++; do
    [ -x "$prefix/bin/riscv64-linux-fdpic-$t" ] || continue
    printf '#!/bin/sh\nexec "%s" -mno-relax "$@"\n' "$prefix/bin/riscv64-linux-fdpic-$t" \
      >"$work/norelax-bin/riscv64-linux-fdpic-$t"
    chmod +x "$work/norelax-bin/riscv64-linux-fdpic-$t"
  done
  export PATH=$work/norelax-bin:$PATH
  echo "(relaxation off: -mno-relax on every FDPIC compilation and link)"
fi
passed=0 failed=0
for suite in "$@"; do
  mkdir -p "$work/$suite"
  echo "== $suite"
  out=$(cd "$work/$suite" && "$here/$suite/run.sh" 2>&1)
  rc=$?
  # Every result goes to a file; the terminal gets all but the passes.
  echo "$out" >"$work/$suite.results"
  grep -v '^PASS: ' <<<"$out" | sed 's/^/  /'
  p=$(grep -c '^PASS: ' <<<"$out")
  f=$(grep -c '^FAIL: ' <<<"$out")
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "  FAIL: $suite runner exited $rc"; f=1
  fi
  if [ $((p + f)) -eq 0 ]; then
    echo "  FAIL: $suite ran no test"; f=1
  fi
  echo "  $suite: $p passed, $f failed (all results: $work/$suite.results)"
  passed=$((passed + p)) failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
