# Helpers for testsuite/*/run.sh.  Each check prints PASS: or FAIL: with
# its name; on failure the evidence follows, indented.
T=riscv64-linux-fdpic
QEMU="qemu-riscv64 -L $SYSROOT"

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; shift; [ $# -eq 0 ] || printf '    %s\n' "$@"; }

# check NAME CMD...: pass if CMD exits 0; show its output otherwise.
check() {
  local name=$1 out; shift
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$ $*" "$out"; fi
}

# run_expect NAME EXPECTED-STDOUT EXPECTED-STATUS CMD...: run CMD (normally a
# target program under qemu) and compare its stdout and exit status; it must
# write nothing to stderr.
run_expect() {
  local name=$1 want=$2 wantrc=$3 out rc; shift 3
  out=$("$@" 2>/tmp/stderr.$$); rc=$?
  if [ "$out" = "$want" ] && [ $rc -eq "$wantrc" ] && [ ! -s /tmp/stderr.$$ ]; then
    pass "$name"
  else
    fail "$name" "$ $*" "expected status $wantrc and output: $want" \
      "got status $rc and output: $out" "stderr: $(cat /tmp/stderr.$$)"
  fi
  rm -f /tmp/stderr.$$
}

# run_checks NAME SOURCE EXTRA-OUTPUT CMD...: run CMD (a program of the
# runtime, threads or cxx suite, checking its own results with
# testsuite/runtime/check.h); it must exit 0, every CHECK of SOURCE must
# have printed ok, followed by exactly the lines EXTRA-OUTPUT (printed
# after main, or ""), and nothing may go to stderr.
run_checks() {
  local name=$1 src=$2 extra=$3 out rc want; shift 3
  want=$(grep -c 'CHECK (' "$src")
  out=$("$@" 2>/tmp/stderr.$$); rc=$?
  local oks=$(grep -c '^ok ' <<<"$out")
  local tail=$(grep -v '^ok ' <<<"$out")
  if [ $rc -eq 0 ] && [ "$oks" -eq "$want" ] && [ "$tail" = "$extra" ] \
     && [ ! -s /tmp/stderr.$$ ]; then
    pass "$name"
  else
    fail "$name" "$ $*" "status $rc, $oks of $want checks ok" \
      "other output: $tail" "expected other output: $extra" \
      "stderr: $(cat /tmp/stderr.$$)"
  fi
  rm -f /tmp/stderr.$$
}
