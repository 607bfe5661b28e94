#!/bin/bash
# uclibc-config: write $OBJ/uclibc/.config from the project's fragment for
# this configuration plus the paths of this build; kconfig fills the rest
# with defaults.
. "$(dirname "$0")/common.sh"
mkdir -p "$OBJ/uclibc"
frag="$TOP/uclibc-fdpic/$CONFIG.config"
{
  cat "$frag"
  echo "KERNEL_HEADERS=\"$SYSROOT/usr/include\""
  echo "CROSS_COMPILER_PREFIX=\"$TARGET-\""
} >"$OBJ/uclibc/.config.new"
if ! cmp -s "$OBJ/uclibc/.config.new" "$OBJ/uclibc/.config.seed"; then
  cp "$OBJ/uclibc/.config.new" "$OBJ/uclibc/.config.seed"
  cp "$OBJ/uclibc/.config.new" "$OBJ/uclibc/.config"
  { yes "" || true; } | make -C "$SRC/uclibc" O="$OBJ/uclibc" oldconfig >/dev/null
fi
# Every value of the fragment must have survived kconfig.
grep -v '^#' "$frag" | grep . | while read -r line; do
  grep -qxF "$line" "$OBJ/uclibc/.config" \
    || { echo "uclibc-config: '$line' rejected by kconfig" >&2; exit 1; }
done
sed -n 's/^# \([A-Z0-9_]*\) is not set$/\1/p' "$frag" | while read -r sym; do
  ! grep -q "^$sym=" "$OBJ/uclibc/.config" \
    || { echo "uclibc-config: $sym is still set" >&2; exit 1; }
done
