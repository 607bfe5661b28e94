#!/bin/bash
# busybox: busybox 1.35.0 (Debian source) with busybox's no-MMU
# configuration (defconfig + testsuite/nommu/busybox.config), for the nommu
# system of make demo / make check-nommu.
#   CONFIG=fdpic:    an FDPIC PIE linked against the shared uClibc-ng libc;
#                    its text and libc's are shared between processes.
#   CONFIG=baseline: the status quo, a non-FDPIC static PIE (baseline
#                    toolchain; start file testsuite/nommu/static-pie-start.S),
#                    which the kernel copies whole into every process.
. "$(dirname "$0")/common.sh"
B="$OBJ/busybox"
mkdir -p "$B"
bbmake() { make -C "$SRC/busybox" O="$B" "$@"; }

pie=() pieopt="# CONFIG_PIE is not set"
if [ "$CONFIG" = baseline ]; then
  # rcrt1.o = the relocating _start + uClibc-ng's Scrt1.o behind it.
  crt="$OBJ/busybox-crt"
  mkdir -p "$crt"
  "$TARGET-gcc" -c "$TOP/testsuite/nommu/static-pie-start.S" -o "$crt/static-pie-start.o"
  "$TARGET-objcopy" --redefine-sym _start=__scrt1_start \
    "$SYSROOT/usr/lib/Scrt1.o" "$crt/Scrt1-renamed.o"
  "$TARGET-ld" -r "$crt/static-pie-start.o" "$crt/Scrt1-renamed.o" -o "$crt/rcrt1.o"
  # busybox's CONFIG_PIE compiles with -fpie and gives ARCH_PIE to the
  # final link only (partial links must not see it).
  pieopt="CONFIG_PIE=y"
  pie=("ARCH_PIE=-static-pie -B$crt/ -specs=$TOP/testsuite/nommu/static-pie.specs")
fi

bbmake defconfig
{
  grep -E '^CONFIG_|^# CONFIG_.* is not set$' "$TOP/testsuite/nommu/busybox.config"
  echo "CONFIG_CROSS_COMPILER_PREFIX=\"$TARGET-\""
  echo "$pieopt"
} > "$B/fragment"
# Replace each option the fragment sets, then let Kconfig settle the rest
# (applets that need fork() drop out with CONFIG_NOMMU).
while IFS= read -r line; do
  opt=${line%%=*}; opt=${opt#"# "}; opt=${opt%" is not set"}
  sed -i -e "/^$opt=/d" -e "/^# $opt is not set/d" "$B/.config"
  echo "$line" >> "$B/.config"
done < "$B/fragment"
{ yes "" || true; } | bbmake oldconfig > /dev/null
while IFS= read -r line; do
  case "$line" in
    "# "*) opt=${line#"# "}; ! grep -q "^${opt%% *}=" "$B/.config" ;;
    *) grep -qxF "$line" "$B/.config" ;;
  esac || { echo "busybox: '$line' did not take" >&2; exit 1; }
done < "$B/fragment"
bbmake "${PAR[@]}" "${pie[@]}" busybox
"$TARGET-readelf" -h "$B/busybox" | grep -E 'Type|Flags'
