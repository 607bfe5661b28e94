#!/bin/bash
# check-nommu: boot the nommu kernel (build/nommu/Image) in
# qemu-system-riscv64 with an initramfs holding the FDPIC busybox, the
# shared libc and test programs, and check on the host what the system
# printed (testsuite/nommu/vm-check.sh):
#  - the runtime tests of the C library (core, libs: signals, vfork and
#    execve, dlopen, lazy binding) through the real kernel;
#  - threads (testsuite/threads/: TLS, barriers, stacks, robust and
#    process-shared mutexes, signals to threads, cancellation, vfork from
#    a threaded program) on the real kernel; in a second boot with 4 harts,
#    32 threads next to 8 busybox processes (threads32.c) and the
#    lazy-binding stress test;
#  - what the kernel must do for FDPIC processes (kernel.c: personality,
#    PTRACE_GETFDPIC, signal handlers entered through descriptors; dumpcore.c:
#    core dumps with EF_RISCV_FDPIC and the load maps);
#  - malformed programs refused by the kernel (testsuite/runtime/corrupt.py,
#    malformed.py), a read-only segment with a zero-filled tail cleared in
#    a private copy (rotail.c), a small stack with room for a large argument
#    (stackroom.c), jumps to bad addresses (badpc.c), no oops, and the
#    system still runs;
#  - busybox and libc text shared by all busybox processes, writable data
#    private, and the cost of each additional process within the bound;
#    the status quo (the baseline busybox, a non-FDPIC static PIE) costing
#    at least 5 times as much per process (testsuite/nommu/vmlog.py);
#  - execute in place, in a second boot with the root filesystem on a romfs
#    in QEMU virt's flash: text at flash addresses, the checks passing from
#    there, misaligned files copied with a kernel message (xip-check.sh).
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/../lib.sh"
rt="$here/../runtime"
CC="$T-gcc -Wall -Werror -O2 -fasynchronous-unwind-tables -I$rt"
LIBPATH="-Wl,-rpath,/tests -L."

rm -rf tests && mkdir tests && cd tests || exit 1
check "compile core" $CC -o core "$rt/core.c"
check "compile core -static" $CC -static -o core-static "$rt/core.c"
check "build liba.so libb.so libplug.so" sh -c "
  $CC -fPIC -shared -o liba.so $rt/liba.c &&
  $CC -fPIC -shared -o libb.so $rt/libb.c $LIBPATH -la &&
  $CC -fPIC -shared -o libplug.so $rt/plug.c $LIBPATH -la"
check "link libs" $CC -o libs "$rt/libs.c" $LIBPATH -la -lb -ldl
check "compile kernel" $CC -o kernel "$here/kernel.c"
check "compile kernel -static" $CC -static -o kernel-static "$here/kernel.c"
check "compile tryexec" $CC -o tryexec "$here/tryexec.c"
check "compile dumpcore" $CC -o dumpcore "$here/dumpcore.c"
check "compile badsig" $CC -o badsig "$here/badsig.c"
check "compile badpc" $CC -o badpc "$here/badpc.c"
check "compile xipmaps" $CC -o xipmaps "$here/xipmaps.c" $LIBPATH -la -ldl
check "compile stackroom with a 4 KiB stack" $CC -Wl,-z,stack-size=4096 -o stackroom "$here/stackroom.c"
check "make rotail (a text segment with a zero-filled tail)" sh -c "
  $CC -o rotail.tmp $here/rotail.c &&
  python3 $here/malformed.py --rotail rotail.tmp rotail && rm rotail.tmp &&
  cp rotail rotail-copy"
# Threads on the real kernel (testsuite/threads/): clone with CLONE_SETTLS,
# futexes, robust lists, signals to one thread, thread stacks without an
# MMU, cancellation (libgcc_s.so.1 from /lib), vfork from a thread.
th="$here/../threads"
for t in thr1 bar stack robust signals cancel atfork pshared; do
  check "compile threads/$t" $T-gcc -Wall -Werror -O2 -fasynchronous-unwind-tables \
    -D_REENTRANT -I"$rt" -o "th-$t" "$th/$t.c"
done
check "compile threads/thr1 -static" $T-gcc -Wall -Werror -O2 -D_REENTRANT -I"$rt" \
  -static -o th-thr1-static "$th/thr1.c"
check "make malformed copies of core" python3 "$rt/corrupt.py" core
check "make more malformed copies of core" python3 "$here/malformed.py" core
cd .. || exit 1

baseline_bb="$top/build/baseline/obj/busybox/busybox"
rm -rf baseline && mkdir baseline && cp "$baseline_bb" baseline/busybox
check "make the initramfs" "$here/mkrootfs.sh" rootfs.cpio tests:tests baseline:baseline
# booted WHAT IMAGE LOG PARAM...: boot.sh IMAGE LOG PARAM... (BOOT_* from the
# caller's environment); passes if the system ran its checks to the end
# and powered off.
booted() {
  local what=$1 image=$2 log=$3 start=$(date +%s) rc
  shift 3
  BOOT_TIMEOUT=300 "$here/boot.sh" "$image" "$log" "$@"
  rc=$?
  echo "($what: $(( $(date +%s) - start )) s; log $PWD/$log)"
  if [ $rc -eq 0 ] && grep -q '^=== END' "$log"; then
    pass "nommu system $what"
  else
    fail "nommu system $what" "qemu status $rc" "$(tail -n 20 "$log")"
  fi
}
booted "boots, runs the checks and powers off" rootfs.cpio console.log mode=check

# section NAME PART: the stdout, stderr or rc of one program run.
# (from console.log, or from $LOG)
section() {
  awk -v name="$1" -v part="$2" '
    { sub(/\r$/, "") }
    /^=== RUN / { sec = ($3 == name) ? "out" : ""; next }
    /^=== STDERR / { sec = ($3 == name) ? "err" : ""; next }
    /^=== RC / { if ($3 == name && part == "rc") print $4; sec = ""; next }
    /^=== / { sec = ""; next }
    sec == part { print }' "${LOG:-console.log}" | tr -d '\000'
}

# vm_checks NAME WANT-OKS EXTRA: like the runtime suite's run_checks.
vm_checks() {
  local name=$1 want=$2 extra=$3 out err rc
  out=$(section "$name" out) err=$(section "$name" err) rc=$(section "$name" rc)
  local oks=$(grep -c '^ok ' <<<"$out")
  local rest=$(grep -v '^ok ' <<<"$out")
  if [ "$rc" = 0 ] && [ "$oks" -eq "$want" ] && [ "$rest" = "$extra" ] && [ -z "$err" ]; then
    pass "${WHERE:-in the nommu system}: $name"
  else
    fail "${WHERE:-in the nommu system}: $name" "status '$rc', $oks of $want checks ok" \
      "other output: $rest" "expected other output: $extra" "stderr: $err"
  fi
}
checks_in() { grep -c 'CHECK (' "$1"; }

vm_checks core "$(checks_in "$rt/core.c")" "atexit handler"
for t in thr1 bar stack robust signals cancel atfork pshared; do
  vm_checks "th-$t" "$(checks_in "$here/../threads/$t.c")" ""
done
vm_checks th-thr1-static "$(checks_in "$here/../threads/thr1.c")" ""
vm_checks core-bind-now "$(checks_in "$rt/core.c")" "atexit handler"
vm_checks core-static "$(checks_in "$rt/core.c")" "atexit handler"
vm_checks libs "$(checks_in "$rt/libs.c")" "liba destructor"
vm_checks libs-bind-now "$(checks_in "$rt/libs.c")" "liba destructor"
vm_checks kernel "$(checks_in "$here/kernel.c")" ""
# Without an argument kernel.c skips its ptrace block (7 checks).
vm_checks kernel-static $(( $(checks_in "$here/kernel.c") - 7 )) ""
# An aborting FDPIC process leaves a core with the FDPIC e_flags and the
# load maps in NT_PRSTATUS.
vm_checks core-file "$(checks_in "$here/dumpcore.c")" ""
# The core of a process without the FDPIC personality (the status quo's
# busybox) has the same NT_PRSTATUS, but no EF_RISCV_FDPIC.
vm_checks core-file-plain "$(checks_in "$here/dumpcore.c")" ""

# A bad handler descriptor or a bad stack costs the process a SIGSEGV
# (status 139), never the kernel; the status quo's busybox, started from
# the FDPIC shell, runs with the plain Linux personality and gets its signal
# handlers entered directly.
for mode in handler kernel stack sigreturn; do
  # The shell reports the signal ("Segmentation fault"), then the status.
  out=$(section "badsig-$mode" out)
  if [ "$(tail -n 1 <<<"$out")" = "status 139" ] && ! grep -q 'still running' <<<"$out"; then
    pass "in the nommu system: a bad $mode at signal time is SIGSEGV"
  else
    fail "in the nommu system: a bad $mode at signal time is SIGSEGV" "output: $out" \
      "stderr: $(section "badsig-$mode" err)"
  fi
done
out=$(section baseline-personality out)
if [ "$out" = 00000000 ]; then
  pass "in the nommu system: a non-FDPIC program run by an FDPIC one has personality 0"
else
  fail "in the nommu system: a non-FDPIC program run by an FDPIC one has personality 0" "got: $out"
fi
out=$(section baseline-trap out)
if [ "$out" = "$(printf 'caught\nafter')" ] && [ "$(section baseline-trap rc)" = 0 ]; then
  pass "in the nommu system: the status quo's signal handlers run"
else
  fail "in the nommu system: the status quo's signal handlers run" "output: $out" \
    "status: $(section baseline-trap rc)"
fi

# Malformed programs: execve fails, with the kernel's reason in the log
# where the loader gives one.
refused() {  # NAME ERROR DMESG-PATTERN
  local out=$(section "$1" out) rc=$(section "$1" rc)
  if [ "$rc" = 126 ] && [ "$out" = "execve ./$1: $2" ] &&
     { [ -z "$3" ] || grep -aq "binfmt_elf_fdpic: .*$1.*$3" console.log; }; then
    pass "the kernel refuses $1 ($2)"
  else
    fail "the kernel refuses $1 ($2)" "status '$rc'" "output: $out" \
      "kernel messages: $(grep -a binfmt_elf_fdpic console.log)"
  fi
}
refused bad-truncated "Exec format error" "extends past the end of the file"
refused bad-segment "Exec format error" "extends past the end of the file"
refused bad-overlap "Exec format error" "overlaps or precedes the previous segment"
refused bad-noflag "Exec format error" ""
refused bad-interp "Accessing a corrupted shared library" "non-FDPIC program with FDPIC interpreter"
refused bad-phoff "Exec format error" ""
refused bad-interp2 "Exec format error" "more than one PT_INTERP"
refused bad-entry "Exec format error" "entry point is not in a loadable segment"
refused bad-phdrs "Exec format error" "program headers are not in a loadable segment"
refused bad-dynamic "Exec format error" "PT_DYNAMIC is not in a loadable segment"
refused bad-bigseg "Exec format error" "memory size does not fit in the load map"
refused bad-align "Exec format error" "alignment is not a power of two"
refused bad-misaligned "Exec format error" "address and offset disagree modulo the alignment"
refused bad-stack-huge "Exec format error" "stack size .* larger than the limit"
refused bad-stack-big "Exec format error" "stack size .* larger than the limit"
refused bad-order "Exec format error" "overlaps or precedes the previous segment"
refused bad-wrap "Exec format error" "address range wraps around"
refused bad-memsz "Exec format error" "memory size does not fit in the load map"
refused bad-interp0 "No such file or directory" ""
refused bad-abiversion "Exec format error" ""
# A read-only segment with more memory than file contents: the process
# sees its data, and the file (its page cache) is not cleared in place.
vm_checks rotail "$(checks_in "$here/rotail.c")" ""
if [ "$(section rotail-file rc)" = 0 ] && [ -z "$(section rotail-file out)" ]; then
  pass "in the nommu system: running rotail leaves its file unchanged"
else
  fail "in the nommu system: running rotail leaves its file unchanged" \
    "cmp status '$(section rotail-file rc)'" "output: $(section rotail-file out)"
fi
# PT_GNU_STACK asks for 4 KiB; a 16 KiB argument must still fit.
vm_checks stackroom "$(checks_in "$here/stackroom.c")" ""
# Jumping to an address the process does not own: a signal for the
# process (SIGSEGV, or SIGILL for the kernel's first instruction run in
# user mode), never an oops.
for mode in zero:139 high:139 kernel:132; do
  out=$(section "badpc-${mode%:*}" out)
  if [ "$(tail -n 1 <<<"$out")" = "status ${mode#*:}" ] && ! grep -q 'still running' <<<"$out"; then
    pass "in the nommu system: a jump to a bad pc (${mode%:*}) costs the process a signal"
  else
    fail "in the nommu system: a jump to a bad pc (${mode%:*}) costs the process a signal" \
      "output: $out" "stderr: $(section "badpc-${mode%:*}" err)"
  fi
done
if ! grep -aqE 'Oops|Kernel panic|Unable to handle|BUG:' console.log; then
  pass "the kernel never oopses during the checks"
else
  fail "the kernel never oopses during the checks" \
    "$(grep -aE -A5 'Oops|Kernel panic|Unable to handle|BUG:' console.log | head -n 30)"
fi
if [ "$(section alive out)" = alive ] && [ "$(section alive rc)" = 0 ]; then
  pass "the system keeps running after the refusals"
else
  fail "the system keeps running after the refusals" "$(section alive out)"
fi

# Shared text, private data, cost per process, against the status quo.
python3 "$here/vmlog.py" check console.log \
  "fdpic=$top/build/fdpic/obj/busybox/busybox,$SYSROOT/lib/libc.so.0,$SYSROOT/lib/ld-uClibc.so.1" \
  "baseline=$PWD/baseline/busybox"

# Execute in place, in a second boot: the same files on a romfs in QEMU
# virt's flash (mkrootfs.sh OUT.romfs, boot.sh BOOT_FLASH=1); the text of
# busybox, ld.so, libc and the test programs and libraries (dlopen
# included) must be mapped at flash addresses, writable segments in RAM;
# the C library's, threads' and kernel checks, a pipeline and a signal
# trap must pass from there; copies of busybox and libc whose data is not
# page aligned on the flash (/misaligned) must run from a copy in RAM, with
# the kernel's message (kernel-binfmt-elf-fdpic 0012); the cost per
# additional process stays within the bound; MemFree after boot is higher
# than from the initramfs by at least the text of busybox, ld.so and libc.
rm -rf misaligned && mkdir misaligned &&
  cp "$top/build/fdpic/obj/busybox/busybox" misaligned/busybox &&
  cp -L "$SYSROOT/lib/libc.so.0" misaligned/libc.so.0 || exit 1
check "make the flash image (romfs, text page aligned)" "$here/mkrootfs.sh" rootfs.romfs \
  tests:tests baseline:baseline misaligned:misaligned
BOOT_FLASH=1 booted "boots from flash (romfs on MTD), runs the checks and powers off" \
  rootfs.romfs xip.log mode=xip
LOG=xip.log WHERE="from flash"
vm_checks core "$(checks_in "$rt/core.c")" "atexit handler"
vm_checks libs "$(checks_in "$rt/libs.c")" "liba destructor"
vm_checks th-thr1 "$(checks_in "$here/../threads/thr1.c")" ""
vm_checks kernel "$(checks_in "$here/kernel.c")" ""
for t in pipeline:2 trap:"$(printf 'caught\nafter')"; do
  if [ "$(section "${t%%:*}" out)" = "${t#*:}" ] && [ "$(section "${t%%:*}" rc)" = 0 ]; then
    pass "from flash: busybox sh ${t%%:*}"
  else
    fail "from flash: busybox sh ${t%%:*}" "output: $(section "${t%%:*}" out)" \
      "status: $(section "${t%%:*}" rc)" "stderr: $(section "${t%%:*}" err)"
  fi
done
unset LOG WHERE
if ! grep -aqE 'Oops|Kernel panic|Unable to handle|BUG:' xip.log; then
  pass "the kernel never oopses running from flash"
else
  fail "the kernel never oopses running from flash" \
    "$(grep -aE -A5 'Oops|Kernel panic|Unable to handle|BUG:' xip.log | head -n 30)"
fi
fdpic_side="fdpic=$top/build/fdpic/obj/busybox/busybox,$SYSROOT/lib/libc.so.0,$SYSROOT/lib/ld-uClibc.so.1"
python3 "$here/vmlog.py" xip xip.log console.log "$fdpic_side"
python3 "$here/vmlog.py" check xip.log "$fdpic_side" "baseline=$PWD/baseline/busybox" |
  sed 's/^\(PASS\|FAIL\): /\1: from flash: /'

# Threads on four harts, in a second boot (-smp 4): 32 threads at once,
# their stacks in /proc/self/maps, next to 8 busybox processes; the
# lazy-binding stress test with its 8 threads on several harts; the module
# lists under threads (dlrace), a cached stack's DTV (dtvgrow), the stack
# cache's size (stackcache); OpenMP programs of libgomp's testsuite; C++
# programs with shared libraries, exceptions and threads (cxxmain, cxxthreads).
rm -rf smp && mkdir smp || exit 1
check "compile threads32" $T-gcc -Wall -Werror -O2 -D_REENTRANT -I"$rt" \
  -o smp/threads32 "$here/threads32.c"
check "build lazystress for the nommu system" sh -c "cd smp &&
  python3 '$th/lsgen.py' &&
  for l in 0 1 2 3; do $CC -fPIC -shared ls\$l.c -o libls\$l.so || exit; done &&
  $CC -fPIC -shared lsc.c -o liblsc.so -L. -lls0 -lls1 -lls2 -lls3 &&
  $CC -I. -o lazystress '$th/lazystress.c' -L. -Wl,--no-as-needed \
    -lls0 -lls1 -lls2 -lls3 -Wl,--as-needed -Wl,-rpath,/smp -ldl && rm -f ./*.c"
check "build dlrace, dtvgrow, stackcache and their libraries" sh -c "cd smp &&
  $CC -fPIC -shared -ftls-model=global-dynamic -o libtlsgd.so '$th/tlslib.c' &&
  $CC -fPIC -shared -o libtlslib.so '$th/tlslib.c' &&
  mkdir tl && for i in \$(seq 0 39); do cp libtlsgd.so tl/tls\$i.so || exit; done &&
  $CC -D_REENTRANT -I. -o dlrace '$th/dlrace.c' -Wl,-rpath,/smp -ldl &&
  $CC -D_REENTRANT -o dtvgrow '$th/dtvgrow.c' -ldl &&
  $CC -D_REENTRANT -o stackcache '$th/stackcache.c' && rm expect.h"
gomp=$top/build/src/gcc/libgomp
OMP="nqueens-1 reduction-1 depend-1 lock-3 copyin-1"
check "build libgomp.c programs for the nommu system" sh -c "cd smp &&
  cp -L '$SYSROOT/lib/libgomp.so.1' '$SYSROOT/lib/libatomic.so.1' . &&
  for t in $OMP; do $T-gcc -O2 -fopenmp -Wno-deprecated-declarations -I'$gomp' \
    -Wl,-rpath,/smp -o omp-\$t '$gomp/testsuite/libgomp.c/'\$t.c || exit; done"
# C++ (testsuite/cxx): virtual calls, RTTI and exceptions across
# libshape.so, a dlopen'ed module and libstdc++.so.6 (stripped: 18 MiB of
# debug information otherwise); std::thread and thread_local destructors.
cx=$here/../cxx
CXX="$T-g++ -Wall -Werror -O2 -I$cx -I$rt"
check "build cxxmain, cxxthreads and their libraries for the nommu system" sh -c "cd smp &&
  $T-strip -o libstdc++.so.6 '$SYSROOT/lib/libstdc++.so.6' &&
  $CXX -fPIC -shared -o libshape.so '$cx/shape.cc' &&
  $CXX -fPIC -shared -o libplugin.so '$cx/plugin.cc' -L. -lshape -Wl,-rpath,/smp &&
  $CXX -o cxxmain '$cx/cxxmain.cc' -L. -lshape -ldl -Wl,-rpath,/smp &&
  $CXX -fPIC -shared -o libtlocal.so '$cx/tlocal.cc' &&
  $CXX -pthread -o cxxthreads '$cx/cxxthreads.cc' -L. -ltlocal -Wl,-rpath,/smp"
cat > smp/vm-run.sh <<'EOS'
#!/bin/sh
# Run by /init for mode=smp (testsuite/nommu/run.sh).
cd /smp
pids=
for i in 1 2 3 4 5 6 7 8; do busybox sleep 600 & pids="$pids $!"; done
. /nommu/vm-lib.sh
run cpus grep -c ^processor /proc/cpuinfo
run threads32 ./threads32
run lazystress env LS_ROUNDS=100 ./lazystress /smp/liblsc.so
run dlrace env DLR_ROUNDS=300 ./dlrace /smp/liblsc.so /smp/libtlsgd.so /smp/libtlslib.so
run dtvgrow ./dtvgrow /smp/tl
run stackcache ./stackcache
for t in OMPLIST; do run omp-$t env OMP_NUM_THREADS=4 ./omp-$t; done
run cxxmain ./cxxmain /smp/libplugin.so
run cxxthreads ./cxxthreads
alive=0
for p in $pids; do kill -0 $p 2>/dev/null && alive=$((alive + 1)); done
run sleepers echo $alive
EOS
sed -i "s/OMPLIST/$OMP/" smp/vm-run.sh
chmod +x smp/vm-run.sh
check "make the initramfs with 4 harts' tests" "$here/mkrootfs.sh" smp.cpio smp:smp/
BOOT_SMP=4 booted "with 4 harts boots, runs the thread checks and powers off" \
  smp.cpio smp.log mode=smp
LOG=smp.log
run_expect_vm() {  # NAME WANT
  if [ "$(section "$1" out)" = "$2" ] && [ "$(section "$1" rc)" = 0 ]; then
    pass "in the nommu system with 4 harts: $1"
  else
    fail "in the nommu system with 4 harts: $1" "output: $(section "$1" out)" \
      "want: $2" "status: $(section "$1" rc)" "stderr: $(section "$1" err)"
  fi
}
run_expect_vm cpus 4
vm_checks threads32 "$(checks_in "$here/threads32.c")" ""
run_expect_vm lazystress "rounds=100 threads=8 calls=204800 wrong=0"
for t in dlrace dtvgrow stackcache; do
  vm_checks $t "$(checks_in "$th/$t.c")" ""
done
for t in $OMP; do
  if [ "$(section omp-$t rc)" = 0 ] && [ -z "$(section omp-$t err)" ]; then
    pass "in the nommu system with 4 harts: libgomp.c/$t (4 threads)"
  else
    fail "in the nommu system with 4 harts: libgomp.c/$t (4 threads)" \
      "status: $(section omp-$t rc)" "output: $(section omp-$t out)" "stderr: $(section omp-$t err)"
  fi
done
vm_checks cxxmain "$(checks_in "$cx/cxxmain.cc")" "shapes rect:12 tri:15"
vm_checks cxxthreads "$(checks_in "$cx/cxxthreads.cc")" ""
run_expect_vm sleepers 8
if ! grep -aqE 'Oops|Kernel panic|Unable to handle|BUG:' smp.log; then
  pass "the kernel with 4 harts never oopses during the thread checks"
else
  fail "the kernel with 4 harts never oopses during the thread checks" \
    "$(grep -aE -A5 'Oops|Kernel panic|Unable to handle|BUG:' smp.log | head -n 30)"
fi
