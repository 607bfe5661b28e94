#!/bin/sh
# measure.sh N: inside the nommu system, start N busybox processes at once
# for each busybox in the image (/bin/busybox, FDPIC; /baseline/busybox,
# the status quo, if present) and print MemFree and each process's
# /proc/PID/maps between "=== " markers; testsuite/nommu/report.py turns
# them into the report.  Each process is "busybox sleep", exec'd anew.
n=$1
# meminfo KEY: the value of KEY (in KiB) in /proc/meminfo.
meminfo() {
  while read -r key val unit; do
    [ "$key" = "$1:" ] && { echo "$val"; return; }
  done < /proc/meminfo
}
memfree() { meminfo MemFree; }
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

run() {  # LABEL BUSYBOX
  label=$1 bb=$2
  # Warm-up round: the shell's own bookkeeping of N background jobs
  # (its heap) is allocated here, not counted against the processes.
  pids=
  spawn "$n"
  kill $pids
  wait
  pids=
  settle; before=$(memfree)
  spawn 1
  settle; first=$(memfree); kfirst=$(kernel_kib)
  spawn $((n - 1))
  settle; after=$(memfree); kafter=$(kernel_kib)
  echo "=== MEM $label n=$n before=$before first=$first after=$after"
  echo "=== KERNEL $label first: $kfirst; after: $kafter"
  for p in $pids; do
    echo "=== STAT $label $p $(cat /proc/$p/stat)"
    echo "=== MAPS $label $p"
    cat /proc/$p/maps
  done
  kill $pids
  wait
}

run fdpic /bin/busybox
[ -x /baseline/busybox ] && run baseline /baseline/busybox
echo "=== MEASURED"
