#!/bin/sh
# vm-check.sh: run by /init in the nommu system for make check-nommu.
# Runs each test program and prints its output, stderr and exit status
# between markers; testsuite/nommu/run.sh checks them on the host.
. /nommu/vm-lib.sh
# MemFree at rest, to compare with the boot from flash (xip-check.sh).
echo "=== SETTLED MemFree=$(settled)"
cd /tests
run core ./core one two
run core-bind-now env LD_BIND_NOW=1 ./core one two
run core-static ./core-static one two
run libs ./libs
run libs-bind-now env LD_BIND_NOW=1 ./libs
run kernel ./kernel /bin/busybox true
for t in thr1 bar stack robust signals cancel atfork pshared; do
  run "th-$t" "./th-$t"
done
run th-thr1-static ./th-thr1-static
run kernel-static ./kernel-static
run core-abort sh -c 'cd /tmp && exec /tests/dumpcore abort'
run core-file ./dumpcore check /tmp/core
# The status quo's busybox (not FDPIC) aborting: its core must not claim
# EF_RISCV_FDPIC.
run core-abort-plain sh -c 'mkdir -p /tmp/plain && cd /tmp/plain && exec /tests/dumpcore exec /baseline/busybox sh -c "kill -ABRT \$\$"'
run core-file-plain ./dumpcore check-plain /tmp/plain/core
# Signals that must cost the process, not the kernel: bad handler
# descriptors, a bad stack at delivery and at sigreturn; the status quo's
# handlers (non-FDPIC, started from the FDPIC shell) entered directly.
for mode in handler kernel stack sigreturn; do
  run "badsig-$mode" sh -c "./badsig $mode; echo status \$?"
done
run baseline-personality /baseline/busybox cat /proc/self/personality
run baseline-trap /baseline/busybox sh -c 'trap "echo caught" USR1; kill -USR1 $$; echo after'
for bad in bad-*; do
  run "$bad" ./tryexec "./$bad" one two
done
# A read-only segment with a zero-filled tail is cleared in a copy of the
# process's own, not in the file (rotail-copy: the same bytes, never run).
run rotail ./rotail
run rotail-file cmp ./rotail ./rotail-copy
# A program asking for a small stack still gets room for a large argument.
run stackroom ./stackroom
# Jumps to addresses the process does not own cost the process a signal.
for mode in zero high kernel; do
  run "badpc-$mode" sh -c "./badpc $mode; echo status \$?"
done
run alive /bin/busybox echo alive
echo "=== DMESG"
dmesg | grep binfmt_elf_fdpic
/nommu/measure.sh 8
