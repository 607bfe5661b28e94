#!/bin/sh
# measure.sh N: inside the nommu system, start N busybox processes, one
# after the other, for each busybox in the image (/bin/busybox, FDPIC;
# /baseline/busybox, the status quo, if present) and print MemFree (at
# rest, and after each process) and each process's /proc/PID/maps between
# "=== " markers; testsuite/nommu/vmlog.py turns them into the report.
# Each process is "busybox sleep", exec'd anew.
n=$1
# meminfo KEY: the value of KEY (in KiB) in /proc/meminfo.
meminfo() {
  while read -r key val unit; do
    [ "$key" = "$1:" ] && { echo "$val"; return; }
  done < /proc/meminfo
}
memfree() { meminfo MemFree; }
# mf=MemFree, without the subshell of $(memfree): without an MMU the shell
# re-executes itself for one, and its own heap grows in between.
memfree_now() {
  while read -r key val unit; do
    [ "$key" = MemFree: ] && { mf=$val; return; }
  done < /proc/meminfo
}
# Where the memory went: kernel stacks and slab (kernel objects).
kernel_kib() { echo "stack=$(meminfo KernelStack) slab=$(meminfo Slab)"; }
settle() { sleep 1; sync; }

# spawn K: start K more "$bb sleep" processes, adding their pids to $pids.
spawn() {
  k=0
  while [ $k -lt "$1" ]; do
    "$bb" sleep 1000 &
    pids="$pids $!"
    k=$((k + 1))
  done
}

# round: start N processes one at a time, MemFree before, after the first
# and after each of the others (the spread of the cost).
round() {
  pids=
  settle; memfree_now; before=$mf
  spawn 1
  settle; memfree_now; first=$mf; kfirst=$(kernel_kib)
  steps=$first i=1
  while [ $i -lt "$n" ]; do
    spawn 1
    settle; memfree_now; steps="$steps $mf"
    i=$((i + 1))
  done
  after=$mf; kafter=$(kernel_kib)
}

run() {  # LABEL BUSYBOX
  label=$1 bb=$2
  # A warm-up round the same as the measured one: what the shell itself
  # allocates for N background jobs and these variables (its heap) is
  # allocated here, not counted against the processes.
  round
  kill $pids
  wait
  round
  echo "=== MEM $label n=$n before=$before first=$first after=$after"
  echo "=== STEPS $label $steps"
  echo "=== KERNEL $label first: $kfirst; after: $kafter"
  for p in $pids; do
    echo "=== STAT $label $p $(cat /proc/$p/stat)"
    echo "=== MAPS $label $p"
    cat /proc/$p/maps
  done
  kill $pids
  wait
}

# MemFree at rest after boot, the caches dropped (what the files of the
# root filesystem occupy: all of them from an initramfs, none from flash).
sync; echo 3 > /proc/sys/vm/drop_caches; sleep 2
echo "=== SETTLED MemFree=$(memfree)"
run fdpic /bin/busybox
[ -x /baseline/busybox ] && run baseline /baseline/busybox
echo "=== MEASURED"
