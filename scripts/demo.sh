#!/bin/bash
# demo.sh (make demo): boot the nommu kernel with the FDPIC busybox and the
# status-quo busybox (a non-FDPIC static PIE of the baseline toolchain),
# start N processes of each, and print where their text and data are and
# what each additional process costs; then boot the same files from flash
# (execute in place) and measure again.  On a terminal, a second boot of
# the same system gives an interactive shell.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
n=${N:-8}
# At least 8: the kernel's slab caches grow a page at a time, and that
# page falls to one process in a few, so with fewer processes the average
# cost is unsound (N=2: one process 268 KiB, the bound exceeded, against
# 230.9 KiB per process with N=8).
case $n in
  ''|*[!0-9]*) echo "demo: N must be a number of processes, at least 8 (got '$n')" >&2; exit 1 ;;
esac
[ "$n" -ge 8 ] || { echo "demo: N must be at least 8 (got $n): with fewer processes one slab page skews the average" >&2; exit 1; }
work="$top/build/demo"
rm -rf "$work" && mkdir -p "$work/baseline"
cp "$top/build/baseline/obj/busybox/busybox" "$work/baseline/busybox"
"$top/testsuite/nommu/mkrootfs.sh" "$work/rootfs.cpio" baseline:"$work/baseline"
"$top/testsuite/nommu/mkrootfs.sh" "$work/rootfs.romfs" baseline:"$work/baseline"
echo "Booting the nommu kernel; $n busybox processes of each kind (log: $work/console.log)"
"$top/testsuite/nommu/boot.sh" "$work/rootfs.cpio" "$work/console.log" mode=demo nproc="$n" || true
echo "Booting it again from flash (romfs, text in place; log: $work/flash.log)"
BOOT_FLASH=1 "$top/testsuite/nommu/boot.sh" "$work/rootfs.romfs" "$work/flash.log" \
  mode=demo nproc="$n" || true
for log in console flash; do
  grep -q '^=== MEASURED' "$work/$log.log" || {
    echo "demo: the system did not finish the measurement ($log.log); last lines:" >&2
    tail -n 20 "$work/$log.log" >&2; exit 1; }
done
sysroot="$top/install/sysroot"
cat <<'TXT'
fdpic:    busybox as an FDPIC PIE (riscv64-linux-fdpic), dynamically linked
          against the shared uClibc-ng; the kernel maps its text, ld.so's
          and libc's once for all processes.
baseline: the status quo, the same busybox from the non-FDPIC baseline
          toolchain (riscv64-linux-uclibc) as a static PIE, which the
          kernel loads with constant displacement: a private copy of all
          of it, text included, in every process.
fdpic from flash: the same system booted with its root filesystem on a
          romfs in QEMU virt's flash (an MTD ROM device): the kernel maps
          busybox's, libc's and ld.so's text straight from the flash, and
          no RAM holds the files (MemFree at rest).
Cost per additional process: (MemFree with 1 process - MemFree with N) / (N - 1).
TXT
python3 "$top/testsuite/nommu/vmlog.py" report "$work/console.log" \
  "fdpic=$top/build/fdpic/obj/busybox/busybox,$sysroot/lib/libc.so.0,$sysroot/lib/ld-uClibc.so.1" \
  "baseline=$work/baseline/busybox" flash="$work/flash.log"
# Which kernel this was: the banner in its Image, and the Debian source it came from.
kver=$(grep -a -m1 -o 'Linux version [^ ]*' "$top/build/nommu/Image" || echo 'Linux version unknown')
echo "Kernel: $kver, from Debian's $(awk '$1 == "linux" && NF == 5 { print $2, $3 }' "$top/scripts/sources.sha256")"
if [ -t 0 ] && [ -t 1 ]; then
  echo "Starting the same system with a shell (poweroff -f to leave)"
  BOOT_INTERACTIVE=1 "$top/testsuite/nommu/boot.sh" "$work/rootfs.cpio" \
    "$work/shell.log" shell=1
fi
