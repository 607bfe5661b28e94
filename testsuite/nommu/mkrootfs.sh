#!/bin/bash
# mkrootfs.sh OUT.cpio|OUT.romfs [DIR:SRC]...: the root filesystem of the
# nommu system: an initramfs written with the kernel's usr/gen_init_cpio
# (no root needed), or, for OUT.romfs, the same tree as a romfs image for
# QEMU virt's first flash bank (boot.sh with BOOT_FLASH=1), from which the
# kernel maps text segments in place (execute in place):
#   /init                testsuite/nommu/init
#   /bin/busybox, /bin/sh  the FDPIC busybox (build/fdpic/obj/busybox)
#   /lib                 ld-uClibc.so.1, libc.so.0 and libgcc_s.so.1 (FDPIC sysroot)
#   /nommu               measure.sh (make demo), vm-check.sh (make check-nommu),
#                        vm-lib.sh (their helpers)
# plus, for each DIR:SRC argument, every file of the host directory SRC as
# /DIR/<name> (test programs in /tests, the baseline busybox in /baseline);
# DIR:SRC/ (trailing slash) copies the whole tree as it is.
#
# romfs: genromfs puts the data of every file of every directory on a page
# boundary of the image (-A 4096), as the kernel maps only page-aligned
# file data in place; /misaligned, if given, keeps romfs's 16-byte
# alignment (check-nommu's bad input: such files must be copied, not
# mis-mapped).  romfs.py check verifies the layout, and the image must
# fit in the flash bank (32 MiB).
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
stage=$(mktemp -d)
trap 'rm -rf "$list" "$stage"' EXIT
{
  for d in /bin /lib /dev /proc /sys /tmp /nommu; do echo "dir $d 755 0 0"; done
  echo "nod /dev/console 600 0 0 c 5 1"
  echo "file /init $here/init 755 0 0"
  echo "file /nommu/measure.sh $here/measure.sh 755 0 0"
  echo "file /nommu/vm-check.sh $here/vm-check.sh 755 0 0"
  echo "file /nommu/vm-lib.sh $here/vm-lib.sh 644 0 0"
  echo "file /nommu/xip-check.sh $here/xip-check.sh 755 0 0"
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
case $out in
  *.romfs) ;;
  *) "$gen" "$list" > "$out"; exit ;;
esac
# The list's dir, file and slink lines as a tree for genromfs (device
# nodes come from devtmpfs; /dev/console from the kernel's built-in
# initramfs).
while read -r kind path a b _; do
  case $kind in
    dir) mkdir -p "$stage$path" ;;
    file) cp "$a" "$stage$path" && chmod "$b" "$stage$path" ;;
    slink) ln -s "$a" "$stage$path" ;;
  esac
done < "$list"
align=()
while IFS= read -r d; do
  d=${d#"$stage"}
  [ "$d" = /misaligned ] || align+=(-A "4096,$d/*")
done < <(find "$stage" -type d)
rm -f "$out"
genromfs -f "$out" -d "$stage" -V fdpic-root "${align[@]}"
python3 "$here/romfs.py" check "$out"
size=$(stat -c %s "$out") flash=$((32 * 1024 * 1024))
[ "$size" -le "$flash" ] || { echo "mkrootfs: $out is $size bytes, more than the 32 MiB flash bank" >&2; exit 1; }
