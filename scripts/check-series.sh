#!/bin/bash
# check-series.sh COMPONENT PATCHDIR [FIRST]: every prefix of a patch series
# builds.  The exported patches (not the development tree) are applied with
# git am, one at a time, to a copy of the pristine source (tag `base` of
# build/src/COMPONENT), and the tree is built after each, incrementally, in
# build/series/COMPONENT.  The first patch after which the tree does not
# build (or a patch that does not apply) is named and the script fails.
# FIRST=N applies patches 1..N-1 without building (to resume).
#
# What "builds" means for each component:
#   binutils  gas, ld and binutils for riscv64-linux-fdpic, -Werror, and
#             the manuals (makeinfo)
#   gcc       the compiler (all-gcc) for riscv64-linux-fdpic
#   uclibc    the library with the baseline configuration (the
#             riscv64-linux-uclibc toolchain), and with the FDPIC one (the
#             product's toolchain) from the patch that allows FDPIC on
#             riscv64 on
#   linux     the nommu kernel Image (nommu-fdpic.config)
#   qemu      qemu-riscv64
# binutils and gcc are configured with the options of their build steps
# (scripts/build/binutils.sh, gcc.sh), read back from the product's build
# trees: `make all` first.  The toolchains (install/, install-baseline/)
# must exist for uclibc.
set -euo pipefail
comp=$1
pdir=$(cd "$2" && pwd)
first=${3:-1}
TOP=$(cd "$(dirname "$0")/.." && pwd)
W="$TOP/build/series/$comp"
src="$W/src" obj="$W/obj" logs="$W/logs"
JOBS=${JOBS:-$(nproc)}
export CFLAGS=-O2 CXXFLAGS=-O2
. "$TOP/scripts/ccache.sh"

[ -d "$TOP/build/src/$comp/.git" ] || { echo "check-series: no $TOP/build/src/$comp (make sources)" >&2; exit 1; }
rm -rf "$W"
mkdir -p "$obj" "$logs"
git clone -q --shared --no-checkout "$TOP/build/src/$comp" "$src"
git -C "$src" checkout -q --detach base
git -C "$src" config user.name "check-series"
git -C "$src" config user.email "check-series@localhost"

# Each build runs in a shell of its own (set -e holds there); a tree is
# configured once, before its first build (the stamp obj/.configured).
step_options() {  # COMPONENT: the configure options of its FDPIC build step
  local st="$TOP/build/fdpic/obj/$1/config.status"
  [ -x "$st" ] || { echo "check-series: no $st (make all first)" >&2; return 1; }
  "$st" --config
}

build_binutils() {
  if [ ! -e "$obj/.configured" ]; then
    opts=$(step_options binutils)
    eval "set -- $opts"
    (cd "$obj" && "$src/configure" "$@" --enable-werror)
    touch "$obj/.configured"
  fi
  make -C "$obj" -j"$JOBS" all-gas all-ld all-binutils
  make -C "$obj/gas" info && make -C "$obj/ld" info
}

build_gcc() {
  if [ ! -e "$obj/.configured" ]; then
    opts=$(step_options gcc)
    eval "set -- $opts"
    (cd "$obj" && "$src/configure" "$@")
    touch "$obj/.configured"
  fi
  make -C "$obj" -j"$JOBS" MAKEINFO=true all-gcc
}

uclibc_one() {   # CONFIG TARGET PREFIX
  local o="$obj/$1" frag="$TOP/uclibc-fdpic/$1.config"
  mkdir -p "$o"
  if [ ! -e "$o/.config" ]; then
    { cat "$frag"
      echo "KERNEL_HEADERS=\"$3/sysroot/usr/include\""
      echo "CROSS_COMPILER_PREFIX=\"$2-\""
    } >"$o/.config"
    { yes "" || true; } | PATH="$3/bin:$PATH" make -C "$src" O="$o" oldconfig >/dev/null
  fi
  PATH="$3/bin:$PATH" make -C "$src" O="$o" -j"$JOBS" all
}
build_uclibc() {
  uclibc_one baseline riscv64-linux-uclibc "$TOP/install-baseline"
  if grep -q 'TARGET_riscv64 && UCLIBC_FORMAT_FDPIC_ELF' "$src/extra/Configs/Config.in"; then
    uclibc_one fdpic riscv64-linux-fdpic "$TOP/install"
  fi
}

build_linux() {
  kmake() { make -C "$src" O="$obj" ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- "$@"; }
  if [ ! -e "$obj/.configured" ]; then
    kmake nommu_virt_defconfig
    "$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" \
      "$TOP/kernel-binfmt-elf-fdpic/nommu-fdpic.config"
    touch "$obj/.configured"
  fi
  kmake olddefconfig
  kmake -j"$JOBS" Image
}

build_qemu() {
  if [ ! -e "$obj/.configured" ]; then
    (cd "$obj" && "$src/configure" --target-list=riscv64-linux-user \
       --disable-system --disable-tools --disable-docs --disable-install-blobs)
    touch "$obj/.configured"
  fi
  ninja -C "$obj" -j"$JOBS" qemu-riscv64
}

type "build_$comp" >/dev/null 2>&1 || { echo "check-series: no build rule for $comp" >&2; exit 1; }
export TOP src obj JOBS
export -f step_options build_binutils build_gcc uclibc_one build_uclibc build_linux build_qemu
n=0 built=0
for p in "$pdir"/[0-9][0-9][0-9][0-9]-*.patch; do
  case $p in */0000-cover-letter.patch) continue ;; esac
  n=$((n + 1))
  name=$(basename "$p" .patch)
  if ! git -C "$src" am -q --keep-cr "$p" >"$logs/$name.log" 2>&1; then
    echo "series $comp: $name does not apply (log $logs/$name.log)"
    exit 1
  fi
  [ "$n" -ge "$first" ] || continue
  if bash -euxo pipefail -c "build_$comp" >>"$logs/$name.log" 2>&1; then
    echo "series $comp: $name builds"
    built=$((built + 1))
  else
    echo "series $comp: $name does NOT build (log $logs/$name.log):"
    grep -E 'error|Error' "$logs/$name.log" | head -n 5 | sed 's/^/  /'
    exit 1
  fi
done
echo "series $comp: all $built prefixes from $first of $n patches build"
