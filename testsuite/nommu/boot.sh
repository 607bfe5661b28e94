#!/bin/bash
# boot.sh ROOTFS.cpio LOG [PARAM=VALUE...]: boot the nommu kernel
# (build/nommu/Image) in Debian's qemu-system-riscv64 with ROOTFS as the
# initramfs; the PARAMs go on the kernel command line and reach /init
# (testsuite/nommu/init) as environment variables.  The console goes to
# LOG, and to the terminal as well with BOOT_INTERACTIVE=1 (then the
# terminal's input reaches the system's shell).  Batch runs end when /init
# powers the machine off, or after BOOT_TIMEOUT seconds (default 600).
# BOOT_MEM: the machine's memory (default 128M); BOOT_SMP: its harts (1).
# BOOT_FLASH=1: ROOTFS is a romfs image (mkrootfs.sh OUT.romfs) for QEMU
# virt's first flash bank, the root filesystem, mounted read-only from the
# MTD ROM device at 0x20000000 (kernel-binfmt-elf-fdpic/nommu-fdpic.config)
# and run in place.  QEMU's generic loader writes the image into the bank
# at reset (it writes ROM devices' contents directly): -drive if=pflash
# would make QEMU 7.2 jump to the flash at reset (unit 0) or take it for
# firmware (unit 1) instead of -kernel, and its virt machine has no
# pflash0 property yet.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
rootfs=$1 log=$2; shift 2
image="$top/build/nommu/Image"
[ -f "$image" ] || { echo "boot: $image missing (make kernel)" >&2; exit 1; }
if [ "${BOOT_FLASH:-0}" = 1 ]; then
  root=(-device "loader,file=$rootfs,addr=0x20000000,force-raw=on")
  init="root=mtd:physmap-flash.0 rootfstype=romfs ro init=/init"
else
  root=(-initrd "$rootfs") init="rdinit=/init"
fi
qemu=(qemu-system-riscv64 -M virt -bios none -smp "${BOOT_SMP:-1}" -m "${BOOT_MEM:-128M}" -no-reboot
      -kernel "$image" "${root[@]}"
      -append "console=ttyS0 loglevel=4 panic=-1 $init $*")
if [ "${BOOT_INTERACTIVE:-0}" = 1 ]; then
  "${qemu[@]}" -nographic | tee "$log"
else
  timeout "${BOOT_TIMEOUT:-600}" "${qemu[@]}" -display none -monitor none \
    -serial stdio < /dev/null > "$log" 2>&1
fi
