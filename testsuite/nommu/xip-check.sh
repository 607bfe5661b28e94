#!/bin/sh
# xip-check.sh: run by /init (mode=xip) in the nommu system booted from
# flash (boot.sh BOOT_FLASH=1, root on romfs over the MTD ROM device) for
# make check-nommu; testsuite/nommu/run.sh and vmlog.py xip check the
# output on the host: the text of busybox, ld.so, libc and the test
# programs mapped at flash addresses, everything working from there, and
# files whose data is not page aligned on the flash copied with a kernel
# message (/misaligned).
. /nommu/vm-lib.sh
# The flash range ("20000000-21ffffff : physmap-flash.0").
echo "=== FLASH $(grep physmap /proc/iomem)"
echo "=== SETTLED MemFree=$(settled)"
cd /tests
run core ./core one two
run libs ./libs
run th-thr1 ./th-thr1
run kernel ./kernel /bin/busybox true
run pipeline sh -c 'echo one two three | tr " " "\n" | sort -r | head -n 2 | wc -l'
run trap sh -c 'trap "echo caught" USR1; kill -USR1 $$; echo after'
run maps-self cat /proc/self/maps
run maps-libs ./xipmaps /tests/libplug.so
run misaligned-exe /misaligned/busybox cat /proc/self/maps
run misaligned-lib env LD_LIBRARY_PATH=/misaligned /bin/busybox cat /proc/self/maps
echo "=== DMESG"
dmesg | grep -e romfs -e binfmt_elf_fdpic
/nommu/measure.sh 8
