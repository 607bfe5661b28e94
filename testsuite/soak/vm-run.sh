#!/bin/sh
# vm-run.sh: the soak, run by /init (mode=soak) in the nommu system.
# $workers busybox shells (default 64) loop for $soaksecs seconds (default
# 600) through pipelines of applets (vfork + exec of the FDPIC busybox),
# exec chains, signals to children, and a dynamically linked FDPIC program
# (dlcycle 1) now and then; then the dlopen/dlclose loop of dlcycle.
# Prints for testsuite/soak/run.sh:
#   === SUM before|after  md5 of busybox, ld.so and libc (their text is
#                         shared by every process: a stray store shows)
#   === MEM before|after KiB   MemFree with the caches dropped
#   === WORKER i loops errors status-0-of-a-killed-job
#   === DLCYCLE n before after
n=${workers:-64} secs=${soaksecs:-600}
. /nommu/vm-lib.sh

worker() {
  loops=0 errors=0 zero=0
  while [ "$(date +%s)" -lt "$end" ]; do
    # A pipeline of applets, each a vfork + exec of the busybox.
    out=$(echo "soak $1 $loops" | sed 's/soak/SOAK/' | tr a-z A-Z | grep -c "SOAK $1 $loops")
    [ "$out" = 1 ] || { errors=$((errors + 1)); echo "=== ERROR $1 pipeline '$out'"; }
    # An exec chain: sh execs sh execs an applet.
    out=$(sh -c 'exec sh -c "exec echo chain"')
    [ "$out" = chain ] || { errors=$((errors + 1)); echo "=== ERROR $1 exec '$out'"; }
    # A signal to a child: it must be gone, with status 143.  busybox
    # 1.35's hush without an MMU sometimes reports 0 for a background job
    # killed this early (38 and 27 of 1500 with the FDPIC and the status
    # quo busybox): counted, not an error.
    sleep 30 &
    pid=$!
    kill -TERM $pid
    wait $pid
    st=$?
    if kill -0 $pid 2>/dev/null; then
      errors=$((errors + 1)); echo "=== ERROR $1 signal: the child still runs"
    elif [ $st = 0 ]; then
      zero=$((zero + 1))
    elif [ $st != 143 ]; then
      errors=$((errors + 1)); echo "=== ERROR $1 signal status $st"
    fi
    # A dynamically linked program with a dlopen'ed library.
    if [ $((loops % 8)) = 0 ]; then
      /soak/dlcycle 1 /soak/libsoak.so > /dev/null || { errors=$((errors + 1)); echo "=== ERROR $1 dlcycle"; }
    fi
    loops=$((loops + 1))
  done
  echo "=== WORKER $1 $loops $errors $zero"
}

run_workers() {
  i=1
  while [ $i -le "$n" ]; do
    worker $i &
    i=$((i + 1))
  done
  wait
}
cd /soak || exit 1
# A short first round: the caches, ld.so's and the shell's own memory
# (its table of background jobs) settle before the first measurement.
end=$(( $(date +%s) + 3 ))
run_workers > /dev/null
echo "=== SUM before $(sums)"
echo "=== MEM before $(settled)"
end=$(( $(date +%s) + secs ))
run_workers
echo "=== MEM after $(settled)"
echo "=== SUM after $(sums)"
./dlcycle "${dlcycles:-1000}" /soak/libsoak.so | sed 's/^dlcycle/=== DLCYCLE/'
echo "=== SOAK-END"
