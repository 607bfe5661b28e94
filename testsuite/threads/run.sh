#!/bin/bash
# Threads (NPTL, inside libc.so/libc.a in uClibc-ng 1.0.35) and TLS of the
# FDPIC C library and dynamic linker, under qemu-riscv64 (THREADS.md §3,
# §4).  Each program checks its own results and prints "ok ..." per CHECK
# (check.h); a run passes if it exits 0, prints exactly one "ok" line per
# CHECK in its source, nothing else and nothing on stderr.  Every qemu run
# is under timeout: a hang is a FAIL (status 124).
#
#  thr1      TLS in the executable: local exec/initial exec (dynamic and
#            -static) and global dynamic (-static -fPIC); initialised,
#            aligned(64) and beyond-0x800 variables, errno, in 8 threads
#  tls2      TLS in libtlslib.so: global/local dynamic inside it, initial
#            exec (R_RISCV_TLS_TPREL64) from the executable, dlsym of TLS
#            symbols, in 4 threads
#  dlotls    a TLS library dlopen'ed while 4 threads exist (DTV growth),
#            used by them and by 4 later threads; dlclose and dlopen again
#  dtvgrow   a cached thread stack reused after 40 TLS libraries were
#            dlopen'ed: its DTV grows
#  stackcache  32 threads joined keep at most 1 MiB of stacks (no MMU)
#  bar       9 threads x 2000 rounds of 2 barriers (real atomics, futexes)
#  lazystress  lazy binding under threads (8 threads race to bind 256
#            fresh PLT slots per round, 200 rounds), LD_BIND_NOW=1, and
#            proof that the slots are bound lazily
#  dlrace    lazy binding, dl_iterate_phdr and __tls_get_addr in 4 threads
#            while another dlopens and dlcloses a TLS library (the
#            lock of the module lists)
#  badmain, baddl  a library with an unresolvable extern __thread is
#            refused by name at start-up and by dlopen (not SIGSEGV)
#  mutex     recursive, error-checking (EDEADLK, EPERM), trylock EBUSY,
#            8-thread contention, rwlock
#  cond      producer/consumer (checked sum and tally), broadcast,
#            timedwait ETIMEDOUT
#  once      pthread_once from 8 threads runs once
#  keys      pthread_key_create destructors at thread exit, counted
#  cancel    deferred cancellation in cond_wait, read, nanosleep; disabled
#            then enabled; asynchronous; cleanup handlers and their order;
#            plain and -fexceptions (libgcc_s.so.1 is dlopen'ed; the
#            program must not carry its own unwinder), dynamic and -static
#  signals   pthread_kill to one thread (handler through a descriptor,
#            pthread_self and __thread in the handler), sigwait thread
#  stack     pthread_attr_setstacksize (64 KiB) honoured, setstack,
#            32 threads at once, the main thread's pthread_getattr_np
#  atfork    pthread_atfork returns 0 without an MMU; vfork runs no handler
#  pshared   process-shared mutex, cond, barrier in MAP_SHARED memory;
#            their futex calls are not FUTEX_PRIVATE (qemu -strace)
#  robust    robust mutex: EOWNERDEAD, consistent, ENOTRECOVERABLE; pshared
#            (qemu-user has no set_robust_list: then init gives ENOTSUP)
#  detach    detached threads, semaphores
#  malloc    malloc/realloc/calloc/free from 8 threads, contents checked
#  stdio     8 threads writing and reading one FILE: whole lines
#  -pthread  gcc -pthread links (libatomic)
#  libgomp.c/*  29 programs of libgomp's testsuite, gcc -fopenmp, 4 threads
# Not tested: C11 <threads.h> (not in uClibc-ng 1.0.35); fork and exec
# (qemu-user; see check-nommu).  CHECK comes from testsuite/runtime/check.h;
# lsgen.py writes the lazystress libraries.
#
# Environment: as every suite (run-checks.sh: PATH, SYSROOT); THREADS_CFLAGS
# is added to every compiler command (e.g. --sysroot=DIR to test another
# sysroot, with SYSROOT=DIR for qemu).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

# NPTL is in libc: the programs link without -pthread (one check below
# uses it).  -fasynchronous-unwind-tables: cancellation unwinds the
# test's frames.
CC="$T-gcc -Wall -Werror -O2 -fasynchronous-unwind-tables -D_REENTRANT -I$here/../runtime ${THREADS_CFLAGS:-}"
LIBPATH="-Wl,-rpath,$PWD -L."
RUN="timeout 60 $QEMU"

# build_run NAME [CFLAGS...]: compile NAME.c to NAME and run its checks.
build_run() {
  local name=$1; shift
  check "compile $name${*:+ $*}" $CC "$@" -o $name "$here/$name.c"
  run_checks "$name${*:+ $*}" "$here/$name.c" "" $RUN ./$name
}

# 1. TLS in the executable.
check "compile thr1 (dynamic: LE, IE)" $CC -o thr1 "$here/thr1.c"
check "thr1: PT_TLS, FDPIC" sh -c "$T-readelf -lh thr1 | grep -q 'Flags:.*FDPIC' &&
  $T-readelf -l thr1 | grep -q '^ *TLS '"
run_checks "thr1 (dynamic)" "$here/thr1.c" "" $RUN ./thr1
check "compile thr1 (-static)" $CC -static -o thr1-static "$here/thr1.c"
run_checks "thr1 (-static)" "$here/thr1.c" "" $RUN ./thr1-static
check "compile thr1 (-static -fPIC -ftls-model=global-dynamic)" \
  $CC -static -fPIC -ftls-model=global-dynamic -o thr1-gd "$here/thr1.c"
check "thr1-gd: global dynamic (calls __tls_get_addr)" sh -c "
  test \$($T-objdump -d thr1-gd | grep -c '<__tls_get_addr>\$') -ge 8"
run_checks "thr1 (-static, global dynamic)" "$here/thr1.c" "" $RUN ./thr1-gd

# 2. TLS in a shared library, used from the executable.
check "build libtlslib.so" $CC -fPIC -shared -o libtlslib.so "$here/tlslib.c"
check "libtlslib.so: TLS_DTPMOD64 and TLS_DTPREL64 relocations" sh -c "
  $T-readelf -rW libtlslib.so | grep -q R_RISCV_TLS_DTPMOD64 &&
  $T-readelf -rW libtlslib.so | grep -q R_RISCV_TLS_DTPREL64"
check "link tls2" $CC -o tls2 "$here/tls2.c" $LIBPATH -ltlslib -ldl
check "tls2: TPREL64 against lib_var (IE), DTPMOD64+DTPREL64 against lib_first (GD)" sh -c "
  $T-readelf -rW tls2 | grep R_RISCV_TLS_TPREL64 | grep -q lib_var &&
  $T-readelf -rW tls2 | grep R_RISCV_TLS_DTPMOD64 | grep -q lib_first &&
  $T-readelf -rW tls2 | grep R_RISCV_TLS_DTPREL64 | grep -q lib_first"
run_checks "tls2" "$here/tls2.c" "" $RUN ./tls2
run_checks "tls2 (LD_BIND_NOW)" "$here/tls2.c" "" $RUN -E LD_BIND_NOW=1 ./tls2

# 3. A TLS library dlopen'ed while threads exist.
check "build libtlsgd.so" $CC -fPIC -shared -ftls-model=global-dynamic \
  -o libtlsgd.so "$here/tlslib.c"
check "link dlotls" $CC -o dlotls "$here/dlotls.c" -ldl
run_checks "dlotls" "$here/dlotls.c" "" $RUN ./dlotls "$PWD/libtlsgd.so"

# 3b. A cached thread stack reused after 40 TLS libraries were dlopen'ed:
# its DTV must grow (it overflowed into the heap before).
rm -rf tl && mkdir tl
check "40 copies of libtlsgd.so" sh -c 'for i in $(seq 0 39); do cp libtlsgd.so tl/tls$i.so || exit; done'
check "link dtvgrow" $CC -o dtvgrow "$here/dtvgrow.c" -ldl
run_checks "dtvgrow" "$here/dtvgrow.c" "" $RUN ./dtvgrow "$PWD/tl"

# 3c. Without an MMU the thread stack cache keeps at most 1 MiB.
check "compile stackcache" $CC -o stackcache "$here/stackcache.c"
run_checks "stackcache (32 threads joined: at most 1 MiB of stacks kept)" \
  "$here/stackcache.c" "" $RUN ./stackcache

# 4. Barriers.
check "compile bar" $CC -o bar "$here/bar.c"
run_checks "bar (9 threads x 2000 rounds)" "$here/bar.c" "" $RUN ./bar 2000

# 5. Lazy binding under threads.
rm -rf ls && mkdir ls
check "generate lazystress" sh -c "cd ls && python3 '$here/lsgen.py'"
check "build libls0-3.so, liblsc.so (lazy)" sh -c "cd ls &&
  for l in 0 1 2 3; do $CC -fPIC -shared ls\$l.c -o libls\$l.so || exit; done &&
  $CC -fPIC -shared lsc.c -o liblsc.so -L. -lls0 -lls1 -lls2 -lls3"
check "liblsc.so: lazy (no BIND_NOW), 256 PLT relocations" sh -c "
  ! $T-readelf -d ls/liblsc.so | grep -q -e BIND_NOW -e 'FLAGS.*NOW' &&
  test \$($T-readelf -rW ls/liblsc.so | grep -c 'R_RISCV_FUNCDESC_VALUE.*ls[0-3]_') -ge 256"
check "link lazystress" $CC -Ils -o ls/lazystress "$here/lazystress.c" -Lls \
  -Wl,--no-as-needed -lls0 -lls1 -lls2 -lls3 -Wl,--as-needed \
  -Wl,-rpath,$PWD/ls -ldl
ls_want="rounds=200 threads=8 calls=409600 wrong=0"
run_expect "lazystress (200 rounds, lazy)" "$ls_want" 0 \
  $RUN -E LS_ROUNDS=200 ./ls/lazystress "$PWD/ls/liblsc.so"
run_expect "lazystress (200 rounds, LD_BIND_NOW)" "$ls_want" 0 \
  $RUN -E LS_ROUNDS=200 -E LD_BIND_NOW=1 ./ls/lazystress "$PWD/ls/liblsc.so"
# The race is real: in one round, the threads bind all 256 slots of
# liblsc.so lazily (some more than once: threads racing on one slot).
# (Names, not lines: the threads' debug lines may interleave.)
n=$($RUN -E LS_ROUNDS=1 -E LD_DEBUG=bindings ./ls/lazystress "$PWD/ls/liblsc.so" 2>&1 |
    grep -o 'ls[0-3]_[0-9][0-9]*' | sort -u | wc -l)
check "lazystress: one round resolves all 256 functions lazily (got $n)" test "$n" -eq 256

# 5b. The module lists under threads (T10): lazy binding, dl_iterate_phdr
# and TLS slow paths in 4 threads while a fifth dlopens and dlcloses a
# TLS library 1000 times.  Without the list lock every run crashed.
check "link dlrace" $CC -Ils -o dlrace "$here/dlrace.c" -Wl,-rpath,$PWD/ls -ldl
run_checks "dlrace (1000 rounds)" "$here/dlrace.c" "" \
  $RUN -E DLR_ROUNDS=1000 ./dlrace "$PWD/ls/liblsc.so" "$PWD/libtlsgd.so" "$PWD/libtlslib.so"

# 6. An unresolvable TLS reference.
check "build libbadprov.so, libbadtls.so, badmain, baddl" sh -c "
  $CC -fPIC -shared -o libbadprov.so '$here/defmissing.c' &&
  $CC -fPIC -shared -o libbadtls.so '$here/badtls.c' -L. -lbadprov &&
  $CC -o badmain '$here/badmain.c' $LIBPATH -lbadtls -lbadprov &&
  $CC -o baddl '$here/baddl.c' $LIBPATH -ldl"
run_expect "badmain runs while missing_tls is defined" 3 0 $RUN ./badmain
check "replace libbadprov.so by one without missing_tls" \
  $CC -fPIC -shared -o libbadprov.so -x c /dev/null
out=$($RUN ./badmain 2>&1); rc=$?
# Not 0, not a timeout (124), not a signal (129-159).
if [ $rc -ne 0 ] && [ $rc -ne 124 ] && { [ $rc -lt 129 ] || [ $rc -gt 159 ]; } &&
   grep -q "libbadtls.so': symbol 'missing_tls': can't resolve symbol" <<<"$out" &&
   ! grep -qx 3 <<<"$out"; then
  pass "ld.so refuses libbadtls.so: missing_tls, at start-up"
else
  fail "ld.so refuses libbadtls.so: missing_tls, at start-up" "status $rc" "$out"
fi
out=$($RUN ./baddl "$PWD/libbadtls.so" 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -q "libbadtls.so" <<<"$out" && grep -q missing_tls <<<"$out"; then
  pass "dlopen refuses libbadtls.so: missing_tls"
else
  fail "dlopen refuses libbadtls.so: missing_tls" "status $rc" "$out"
fi

# 7. The POSIX threads interfaces.
build_run mutex
build_run cond
check "compile cond -static" $CC -static -o cond-static "$here/cond.c"
run_checks "cond -static" "$here/cond.c" "" $RUN ./cond-static
build_run once
build_run keys
build_run cancel
check "compile cancel -fexceptions" $CC -fexceptions -o cancel-eh "$here/cancel.c"
# One unwinder: libc's cancellation dlopens libgcc_s.so.1, so the
# program's cleanups must resume through it too, not through a copy of
# the unwinder linked into the program (that aborts).
check "cancel-eh: _Unwind_Resume from libgcc_s.so.1" sh -c "
  $T-nm -D cancel-eh | grep -q ' U _Unwind_Resume'"
run_checks "cancel -fexceptions" "$here/cancel.c" "" $RUN ./cancel-eh
check "compile cancel -static" $CC -static -o cancel-static "$here/cancel.c"
run_checks "cancel -static" "$here/cancel.c" "" $RUN ./cancel-static
check "compile cancel -static -fexceptions" $CC -static -fexceptions \
  -o cancel-static-eh "$here/cancel.c"
run_checks "cancel -static -fexceptions" "$here/cancel.c" "" $RUN ./cancel-static-eh
build_run signals
check "compile signals -static" $CC -static -o signals-static "$here/signals.c"
run_checks "signals -static" "$here/signals.c" "" $RUN ./signals-static
build_run stack
build_run atfork
build_run pshared
check "pshared: futexes of the shared objects are not private" sh -c "
  $RUN -strace ./pshared 2>&1 >/dev/null | python3 '$here/pshared-futex.py'"
build_run robust
check "compile robust -static" $CC -static -o robust-static "$here/robust.c"
run_checks "robust -static" "$here/robust.c" "" $RUN ./robust-static
build_run detach
build_run malloc
build_run stdio

# gcc -pthread (adds -latomic, --as-needed).
check "compile once -pthread" $CC -pthread -o once-pthread "$here/once.c"
run_checks "once -pthread" "$here/once.c" "" $RUN ./once-pthread

# 8. OpenMP: programs of libgomp's own testsuite (GCC's libgomp.c, each
# aborts or exits non-zero on a wrong result) with gcc -fopenmp, which
# links libgomp (libgomp.spec) and libatomic; 4 threads, passive waiting
# (spinning threads are slow under qemu).  Parallel regions, worksharing
# loops and schedules, reductions, tasks and dependences, barriers,
# locks (lock-3 with POSIX threads), critical, atomics, threadprivate
# (copyin: TLS), single, sections, ordered, the omp_* library.
gomp=$here/../../build/src/gcc/libgomp
OMP="omp_hello omp_workshare1 pr26943-1 loop-1 loop-2 omp-loop01 reduction-1
  reduction-2 omp_reduction task-1 task-2 task-3 nqueens-1 depend-1 barrier-1
  lock-1 lock-2 lock-3 critical-1 critical-2 atomic-10 copyin-1 copyin-2
  copyin-3 single-1 sections-1 ordered-1 lib-1 sort-1"
OMPCC="$T-gcc -O2 -fopenmp -Wno-deprecated-declarations -I$gomp ${THREADS_CFLAGS:-}"
check "gcc -fopenmp links libgomp.so.1" sh -c "
  $OMPCC -o omp-hello '$gomp/testsuite/libgomp.c/omp_hello.c' &&
  $T-readelf -d omp-hello | grep -q 'NEEDED.*libgomp.so.1'"
for t in $OMP; do
  if out=$($OMPCC -o omp-$t "$gomp/testsuite/libgomp.c/$t.c" 2>&1); then
    check "libgomp.c/$t (4 threads)" \
      $RUN -E OMP_NUM_THREADS=4 -E OMP_WAIT_POLICY=passive ./omp-$t
  else
    fail "libgomp.c/$t: compile" "$out"
  fi
done
check "compile libgomp.c/reduction-1 -static" $OMPCC -static -o omp-static \
  "$gomp/testsuite/libgomp.c/reduction-1.c"
check "libgomp.c/reduction-1 -static (4 threads)" \
  $RUN -E OMP_NUM_THREADS=4 -E OMP_WAIT_POLICY=passive ./omp-static
