# Helpers for testsuite/realworld/pkgs/*.sh, sourced by each package script.
# The environment (set by run.sh): PKG, CONFIG (fdpic|baseline), CC, AR,
# RANLIB, CXX, SYSROOT, QEMU (the command that runs a target program), WORK (an
# empty directory of this package and configuration), TARBALL (the verified
# upstream tarball), HOST (a --host triplet for configure), JOBS.
# Each test prints "PASS: $PKG: name" or "FAIL: $PKG: name"; build and test
# output goes to $WORK/log.
set -uo pipefail
LOG=$WORK/log
TIMEOUT=${TIMEOUT:-600}
: >"$LOG"

pass() { echo "PASS: $PKG: $1"; }
fail() { echo "FAIL: $PKG: $1"; shift; [ $# -eq 0 ] || printf '    %s\n' "$@"; }

# unpack: the tarball into $WORK/src; cd there.
unpack() {
  rm -rf "$WORK/src"; mkdir -p "$WORK/src"
  tar -xf "$TARBALL" -C "$WORK/src" --strip-components=1 --no-same-owner
  cd "$WORK/src"
}

# build CMD...: run a build step, its output to the log; on failure report
# "FAIL: pkg: build" with the log's tail and exit.
build() {
  echo "+ $*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    fail build "$ $*" "$(tail -n 15 "$LOG")" "(log: $LOG)"
    exit 1
  fi
}

# q PROG ARGS...: run a target program under qemu with a time limit.
q() { timeout "$TIMEOUT" $QEMU "$@"; }

# check NAME CMD...: PASS if CMD exits 0 (output to the log).
check() {
  local name=$1 rc; shift
  echo "+ [$name] $*" >>"$LOG"
  if declare -F "$1" >/dev/null; then "$@"; else timeout "$TIMEOUT" "$@"; fi >>"$LOG" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then pass "$name"; else fail "$name" "exit status $rc (log: $LOG)"; fi
  return $rc
}

# wrap NAME TARGET [LIBDIR]: write an executable script NAME that runs the
# target program TARGET under qemu (LD_LIBRARY_PATH=LIBDIR in the target),
# so that a package's test scripts can run it as if it were native.
wrap() {
  local name=$1 target=$2 libdir=${3:-}
  target=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")
  {
    echo '#!/bin/sh'
    if [ -n "$libdir" ]; then
      echo "exec timeout $TIMEOUT $QEMU -E LD_LIBRARY_PATH=$libdir $target \"\$@\""
    else
      echo "exec timeout $TIMEOUT $QEMU $target \"\$@\""
    fi
  } >"$name"
  chmod +x "$name"
}
