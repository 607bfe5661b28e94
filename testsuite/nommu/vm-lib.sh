# vm-lib.sh: sourced by the scripts that run inside the nommu system
# (vm-check.sh, the vm-run.sh of a second boot).  run NAME CMD... runs
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
