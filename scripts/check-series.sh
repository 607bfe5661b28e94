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
#   gcc       the compiler (all-gcc) for riscv64-linux-fdpic, and from
#             patch 10 on (FDPIC by default) libgcc and libstdc++, against
#             the product's sysroot
#   uclibc    the library with the baseline configuration (the
#             riscv64-linux-uclibc toolchain), and with the FDPIC one (the
#             product's toolchain) from the patch that allows FDPIC on
#             riscv64 on; each from the product's .config
#   linux     the nommu kernel Image
#   qemu      qemu-riscv64
# Each tree is configured as its build step configured the product's, read
# back from the product's build trees (make check-series builds them first):
# binutils, gcc and qemu with the options in their config.status; linux
# and uclibc from the product's .config files, which each prefix takes as
# it stands (kconfig drops what that prefix does not know yet); the last
# prefix must give those same .config files.  binutils and qemu are built
# with -Werror (each patch warning-free, as their maintainers build them),
# which their build steps leave off so that a newer host compiler cannot
# break the product.
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
  # The target libraries that the series changes, once the compiler just
  # built is FDPIC by default (patch 10 on): before, they would be base-ABI
  # code, which the product's FDPIC linker and sysroot refuse.
  if "$obj/gcc/xgcc" -B"$obj/gcc/" -dM -E -x c - </dev/null | grep '__FDPIC__' >/dev/null; then
    make -C "$obj" -j"$JOBS" MAKEINFO=true all-target-libgcc all-target-libstdc++-v3
  fi
}

uclibc_config() {  # CONFIG PREFIX: kconfig of this prefix on the product's
  # .config, worked out in a tree of its own, $obj/CONFIG.kconfig (so that
  # the build tree's .config, and with it every object, changes only when
  # the outcome does)
  local c="$obj/$1.kconfig" want="$TOP/build/$1/obj/uclibc/.config"
  [ -f "$want" ] || { echo "check-series: no $want (make all baseline first)" >&2; return 1; }
  mkdir -p "$c"
  cp "$want" "$c/.config"
  { yes "" || true; } | PATH="$2/bin:$PATH" make -C "$src" O="$c" oldconfig >/dev/null
}
uclibc_build() {  # CONFIG PREFIX
  local o="$obj/$1"
  mkdir -p "$o"
  cmp -s "$obj/$1.kconfig/.config" "$o/.config" || cp "$obj/$1.kconfig/.config" "$o/.config"
  PATH="$2/bin:$PATH" make -C "$src" O="$o" -j"$JOBS" all
}
build_uclibc() {
  uclibc_config baseline "$TOP/install-baseline"
  uclibc_build baseline "$TOP/install-baseline"
  # The FDPIC configuration from the patch on that lets kconfig keep FDPIC
  # for riscv64
  uclibc_config fdpic "$TOP/install"
  if grep -qx UCLIBC_FORMAT_FDPIC_ELF=y "$obj/fdpic.kconfig/.config"; then
    uclibc_build fdpic "$TOP/install"
  fi
}
final_uclibc() {  # the whole series configures the product's libraries
  diff -u "$TOP/build/baseline/obj/uclibc/.config" "$obj/baseline/.config" &&
    diff -u "$TOP/build/fdpic/obj/uclibc/.config" "$obj/fdpic/.config"
}

K="$TOP/build/nommu/linux/.config"   # the product kernel's configuration
build_linux() {
  kmake() { make -C "$src" O="$obj" ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu- "$@"; }
  [ -f "$K" ] || { echo "check-series: no $K (make kernel first)" >&2; return 1; }
  cmp -s "$K" "$obj/.config" || cp "$K" "$obj/.config"
  kmake olddefconfig
  kmake -j"$JOBS" Image
}
final_linux() {  # the whole series configures the product's kernel
  diff -u "$K" "$obj/.config"
}

build_qemu() {
  if [ ! -e "$obj/.configured" ]; then
    # config.status ends: exec 'configure' 'OPTION'... "$@"
    opts=$(sed -n "s/^exec '[^']*' \(.*\) \"\$@\"\$/\1/p" "$TOP/build/qemu/config.status")
    [ -n "$opts" ] || { echo "check-series: no options in $TOP/build/qemu/config.status" >&2; return 1; }
    eval "set -- $opts"
    for a; do shift; [ "$a" = --disable-werror ] || set -- "$@" "$a"; done
    (cd "$obj" && "$src/configure" "$@" --enable-werror)
    touch "$obj/.configured"
  fi
  ninja -C "$obj" -j"$JOBS" qemu-riscv64
}

type "build_$comp" >/dev/null 2>&1 || { echo "check-series: no build rule for $comp" >&2; exit 1; }
export TOP src obj JOBS
export K
export -f step_options build_binutils build_gcc uclibc_config uclibc_build build_uclibc build_linux build_qemu
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
if type "final_$comp" >/dev/null 2>&1 && ! "final_$comp" >"$logs/final.log" 2>&1; then
  echo "series $comp: the whole series does not build what the product builds (log $logs/final.log):"
  head -n 20 "$logs/final.log" | sed 's/^/  /'
  exit 1
fi
echo "series $comp: all $built prefixes from $first of $n patches build"
