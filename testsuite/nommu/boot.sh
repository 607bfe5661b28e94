#!/bin/bash
# boot.sh ROOTFS.cpio LOG [PARAM=VALUE...]: boot the nommu kernel
# (build/nommu/Image) in Debian's qemu-system-riscv64 with ROOTFS as the
# initramfs; the PARAMs go on the kernel command line and reach /init
# (testsuite/nommu/init) as environment variables.  The console goes to
# LOG, and to the terminal as well with BOOT_INTERACTIVE=1 (then the
# terminal's input reaches the system's shell).  Batch runs end when /init
# powers the machine off, or after BOOT_TIMEOUT seconds (default 600).
# BOOT_MEM: the machine's memory (default 128M); BOOT_SMP: its harts (1).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
rootfs=$1 log=$2; shift 2
image="$top/build/nommu/Image"
[ -f "$image" ] || { echo "boot: $image missing (make kernel)" >&2; exit 1; }
qemu=(qemu-system-riscv64 -M virt -bios none -smp "${BOOT_SMP:-1}" -m "${BOOT_MEM:-128M}" -no-reboot
      -kernel "$image" -initrd "$rootfs"
      -append "console=ttyS0 loglevel=4 panic=-1 rdinit=/init $*")
if [ "${BOOT_INTERACTIVE:-0}" = 1 ]; then
  "${qemu[@]}" -nographic | tee "$log"
else
  timeout "${BOOT_TIMEOUT:-600}" "${qemu[@]}" -display none -monitor none \
    -serial stdio < /dev/null > "$log" 2>&1
fi
