#!/bin/sh
# vm-run.sh: one batch of the loader fuzz campaign, run by /init
# (mode=fuzz-nommu) in the nommu system; testsuite/fuzz/fuzz.py --emit
# wrote the cases beside it.  Each program runs through tryexec (a shell
# would run a file the kernel refuses as a script), in a session of its
# own, stopped after $fuzzsecs seconds (default 20; busybox 1.35's
# `timeout` does not work without an MMU).  Prints for run.sh:
#   === REF KIND RC MD5          the unmutated run of each kind
#   === CASE ID KIND RC MD5 OKS  RC: exit status or "timeout"; MD5 of
#                                stdout; OKS: its "ok" lines
#   === ERR ID LINE              the last line of stderr (or of stdout for
#                                tryexec's "execve ...: error")
#   === SUM before|after         md5 of busybox, ld.so and libc
#   === MEM before|after KiB     MemFree with the caches dropped
cd /fuzz-nommu || exit 1
limit=${fuzzsecs:-20}
. /nommu/vm-lib.sh
running() {
  [ -r /proc/$1/stat ] || return 1
  read -r _ _ state _ < /proc/$1/stat
  [ "$state" != Z ]
}
# one ID KIND LD_LIBRARY_PATH|- PROGRAM ARGS...: prints RC MD5 OKS
one() {
  id=$1 kind=$2 llp=$3; shift 3
  rm -f /tmp/rc
  # hush's wait does not give the status of a job that the loop below
  # saw end, so a shell of the job's own writes it.
  if [ "$llp" = - ]; then
    setsid sh -c './tryexec "$@"; echo $? > /tmp/rc' sh "$@" > /tmp/o 2> /tmp/e &
  else
    LD_LIBRARY_PATH=$llp setsid sh -c './tryexec "$@"; echo $? > /tmp/rc' sh "$@" > /tmp/o 2> /tmp/e &
  fi
  pid=$!
  ticks=0 rc=
  while running $pid; do
    if [ $ticks -ge $((limit * 10)) ]; then
      kill -KILL -$pid 2>/dev/null; kill -KILL $pid 2>/dev/null; rc=timeout
      break
    fi
    sleep 0.1
    ticks=$((ticks + 1))
  done
  wait $pid
  [ -n "$rc" ] || { read -r rc < /tmp/rc || rc=lost; }
  echo "$rc $(md5sum < /tmp/o | cut -d' ' -f1) $(grep -c '^ok ' /tmp/o)"
}
echo "=== SUM before $(sums)"
echo "=== MEM before $(settled)"
# In a subshell, a process of its own: without an MMU hush's heap grows
# by some 300 bytes with each command substitution and is given back
# only when the shell exits (measured: 92 KiB for 300 in one shell, 12
# KiB in a shell that then exits), which is not the programs' memory.
(
while read -r kind _ llp prog args; do
  echo "=== REF $kind $(one ref "$kind" "$llp" $prog $args | cut -d' ' -f1-2)"
done < refs
while read -r id kind llp prog args; do
  echo "=== CASE $id $kind $(one "$id" "$kind" "$llp" $prog $args)"
  if grep -q '^execve ' /tmp/o; then line=$(grep '^execve ' /tmp/o | tail -n 1)
  else line=$(tail -n 1 /tmp/e); fi
  echo "=== ERR $id $line"
done < cases
)
echo "=== MEM after $(settled)"
echo "=== SUM after $(sums)"
echo "=== FUZZ-END"
