#!/bin/sh
# vm-run.sh: run by /init (mode=bbtest) in the nommu system, from the
# initramfs that testsuite/busybox/run.sh makes.
# Runs busybox 1.35's own testsuite (testsuite/runtest) once with the FDPIC
# busybox and once with the status quo (the baseline busybox, a non-FDPIC
# static PIE), each in a root of its own where /bin/sh and every applet the
# tests call are that side's busybox.  $applets (comma-separated, from the
# kernel command line) limits the run to those applets; default all;
# $bbside picks one side (default both).
# Output for the host (testsuite/busybox/run.sh):
#   === BBTEST side
#   ...runtest's PASS:/FAIL:/SKIPPED:/UNTESTED: lines...
#   === BBTEST-END side status seconds
list=$(echo "${applets:-}" | tr , ' ')
for side in ${bbside:-fdpic baseline}; do
  r=/bbroot-$side
  mkdir -p $r/bin $r/lib $r/proc $r/dev $r/tmp $r/etc $r/bb
  cp /bbtest/$side/busybox $r/bb/busybox
  cp /bbtest/$side/config $r/bb/.config
  cp -a /bbtest/testsuite $r/bb/testsuite
  cp /bbtest/each.sh $r/bb/
  ln -s /bb/busybox $r/bin/busybox
  # The FDPIC busybox needs the dynamic linker and libc; the status quo is
  # static and gets nothing more.
  [ $side = fdpic ] && cp /lib/* $r/lib/
  echo "root:x:0:0:root:/root:/bin/sh" > $r/etc/passwd
  echo "root:x:0:" > $r/etc/group
  mount -t proc proc $r/proc
  mount -t devtmpfs devtmpfs $r/dev
  # Every applet of this side's busybox in /bin, /bin/sh included.
  chroot $r /bb/busybox --install -s /bin
  echo "=== BBTEST $side"
  start=$(date +%s)
  chroot $r /bin/sh /bb/each.sh ${bbtimeout:-300} $list 2>&1
  rc=$?
  echo "=== BBTEST-END $side $rc $(( $(date +%s) - start ))"
  umount $r/proc $r/dev
  rm -rf $r
done
