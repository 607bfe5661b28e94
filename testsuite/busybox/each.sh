#!/bin/sh
# each.sh SECONDS [APPLET...]: in the root of one side (vm-run.sh), run
# busybox's runtest once per applet that has tests (or per APPLET), each
# within SECONDS: a few tests (bc's number parsing pipes a million lines
# through two bc processes) take longer under emulation than all the
# others together.  A runtest stopped at the limit is one FAIL line.
# (busybox 1.35's own `timeout` does not work without an MMU: its re-exec
# loses the -p option; so a watch loop here, which kills runtest's whole
# session.)
limit=$1; shift
cd /bb/testsuite || exit 1
list="$*"
[ -n "$list" ] || list=$(ls -d */ *.tests | sed 's,/$,,; s,\.tests$,,' | sort -u)
# running PID: the process exists and is not a zombie.
running() {
  [ -r /proc/$1/stat ] || return 1
  read -r _ _ state _ < /proc/$1/stat
  [ "$state" != Z ]
}
rc=0
for a in $list; do
  setsid ./runtest "$a" &
  pid=$!
  ticks=0
  while running $pid; do
    if [ $ticks -ge $((limit * 5)) ]; then
      kill -KILL -$pid
      echo "FAIL: $a: runtest stopped after $limit s"; rc=1
      break
    fi
    sleep 0.2
    ticks=$((ticks + 1))
  done
  wait $pid || rc=1
done
exit $rc
