# vm-lib.sh: sourced by the scripts that run inside the nommu system
# (vm-check.sh, the vm-run.sh of a second boot, the soak's and the fuzz
# batch's).  run NAME CMD... runs
# CMD and prints its output, stderr and exit status between markers;
# testsuite/nommu/run.sh reads them on the host (section, vm_checks).
run() {  # NAME CMD...
  name=$1; shift
  echo "=== RUN $name"
  "$@" > /tmp/out 2> /tmp/err
  rc=$?
  cat /tmp/out
  echo "=== STDERR $name"
  cat /tmp/err
  echo "=== RC $name $rc"
}

# meminfo KEY: a /proc/meminfo value (KiB); settled: MemFree with the
# caches dropped; sums: md5 of busybox, ld.so and libc, whose text every
# process shares (a stray store shows).
meminfo() {
  while read -r key val unit; do
    [ "$key" = "$1:" ] && { echo "$val"; return; }
  done < /proc/meminfo
}
settled() { sync; echo 3 > /proc/sys/vm/drop_caches; sleep 2; meminfo MemFree; }
sums() { cat /bin/busybox /lib/ld-uClibc.so.1 /lib/libc.so.0 | md5sum | cut -d' ' -f1; }
