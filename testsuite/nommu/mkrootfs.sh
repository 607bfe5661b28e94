#!/bin/bash
# mkrootfs.sh OUT.cpio [DIR:SRC]...: the initramfs of the nommu system,
# written with the kernel's usr/gen_init_cpio (no root needed):
#   /init                testsuite/nommu/init
#   /bin/busybox, /bin/sh  the FDPIC busybox (build/fdpic/obj/busybox)
#   /lib                 ld-uClibc.so.1, libc.so.0 and libgcc_s.so.1 (FDPIC sysroot)
#   /nommu               measure.sh (make demo), vm-check.sh (make check-nommu),
#                        vm-lib.sh (their helpers)
# plus, for each DIR:SRC argument, every file of the host directory SRC as
# /DIR/<name> (test programs in /tests, the baseline busybox in /baseline);
# DIR:SRC/ (trailing slash) copies the whole tree as it is.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$1; shift
gen="$top/build/nommu/linux/usr/gen_init_cpio"
sysroot="$top/install/sysroot"
bb="$top/build/fdpic/obj/busybox/busybox"
for f in "$gen" "$bb" "$sysroot/lib/ld-uClibc.so.1" "$sysroot/lib/libc.so.0"; do
  [ -e "$f" ] || { echo "mkrootfs: $f missing (make kernel busybox)" >&2; exit 1; }
done
list=$(mktemp)
trap 'rm -f "$list"' EXIT
{
  for d in /bin /lib /dev /proc /sys /tmp /nommu; do echo "dir $d 755 0 0"; done
  echo "nod /dev/console 600 0 0 c 5 1"
  echo "file /init $here/init 755 0 0"
  echo "file /nommu/measure.sh $here/measure.sh 755 0 0"
  echo "file /nommu/vm-check.sh $here/vm-check.sh 755 0 0"
  echo "file /nommu/vm-lib.sh $here/vm-lib.sh 644 0 0"
  echo "file /bin/busybox $bb 755 0 0"
  echo "slink /bin/sh busybox 777 0 0"
  # The dynamic linker and libc under the names the programs ask for.
  echo "file /lib/ld-uClibc.so.1 $(readlink -f "$sysroot/lib/ld-uClibc.so.1") 755 0 0"
  echo "file /lib/libc.so.0 $(readlink -f "$sysroot/lib/libc.so.0") 755 0 0"
  echo "file /lib/libgcc_s.so.1 $(readlink -f "$sysroot/lib/libgcc_s.so.1") 755 0 0"
  for arg in "$@"; do
    dir=${arg%%:*} src=${arg#*:}
    echo "dir /$dir 755 0 0"
    if [ -d "$src/." ] && [ "${arg%/}" != "$arg" ]; then
      # DIR:SRC/ (trailing slash): the whole tree, with its subdirectories,
      # dot files, symbolic links and permission bits.
      src=${src%/}
      (cd "$src" && find . -mindepth 1 | LC_ALL=C sort) | while IFS= read -r rel; do
        rel=${rel#./} path=$src/$rel
        mode=$(stat -c %a "$path")
        if [ -L "$path" ]; then echo "slink /$dir/$rel $(readlink "$path") 777 0 0"
        elif [ -d "$path" ]; then echo "dir /$dir/$rel $mode 0 0"
        elif [ -f "$path" ]; then echo "file /$dir/$rel $(readlink -f "$path") $mode 0 0"
        fi
      done
    else
      for f in "$src"/*; do
        [ -f "$f" ] && echo "file /$dir/$(basename "$f") $(readlink -f "$f") 755 0 0"
      done
    fi
  done
} > "$list"
"$gen" "$list" > "$out"
