#!/bin/bash
# kernel: the nommu riscv64 Linux for qemu-system-riscv64 -M virt, from
# Debian's linux-source-6.12 plus kernel-binfmt-elf-fdpic/*.patch, configured
# as nommu_virt_defconfig + kernel-binfmt-elf-fdpic/nommu-fdpic.config.
# Built with Debian's non-FDPIC cross compiler; the kernel is the same for
# both configurations, so it lives in build/nommu/linux.
. "$(dirname "$0")/common.sh"
K="$TOP/build/nommu/linux"
mkdir -p "$K"
# Fixed build identity: the same Image from every checkout, and ccache hits.
export KBUILD_BUILD_TIMESTAMP="2026-01-01" KBUILD_BUILD_USER=fdpic KBUILD_BUILD_HOST=fdpic
kmake() { make -C "$SRC/linux" O="$K" ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- "$@"; }
kmake nommu_virt_defconfig
"$SRC/linux/scripts/kconfig/merge_config.sh" -m -O "$K" "$K/.config" \
  "$TOP/kernel-binfmt-elf-fdpic/nommu-fdpic.config"
kmake olddefconfig
# merge_config.sh only warns when a requested value did not take.
while IFS= read -r line; do
  case "$line" in
    CONFIG_*=*) grep -qxF "$line" "$K/.config" ;;
    "# CONFIG_"*" is not set") opt=${line#"# "}; ! grep -q "^${opt%% *}=" "$K/.config" ;;
    *) true ;;
  esac || { echo "kernel: '$line' did not take" >&2; exit 1; }
done < "$TOP/kernel-binfmt-elf-fdpic/nommu-fdpic.config"
kmake "${PAR[@]}" Image
install -D -m 644 "$K/arch/riscv/boot/Image" "$TOP/build/nommu/Image"
