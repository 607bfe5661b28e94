#!/bin/bash
# C++ under FDPIC (psABI "C++" and "Exception handling and unwinding"),
# under qemu-riscv64: g++ and libstdc++, shared and -static.
#
#  cxxmain   virtual calls both ways across libshape.so, RTTI (typeid,
#            dynamic_cast) across modules, pointers to members made in
#            the library, one canonical descriptor for an inline template
#            instantiated on both sides, std::function and lambdas,
#            static constructors in order, exceptions thrown in the
#            library and caught in the program, through qsort (C frames),
#            rethrow, nested exceptions, exception_ptr, iostreams; a
#            dlopen'ed module (libplugin.so) with a derived class and
#            throws; the same program -static (no plugin)
#  terminate an exception leaving a noexcept function calls the
#            terminate handler
#  iterthrow an exception out of a dl_iterate_phdr callback releases the
#            module-list lock (another thread walks the modules afterwards)
#  cxxthreads  std::thread, thread_local objects with destructors in the
#            program and in a shared library, exceptions in threads and
#            through std::async
#  vtable    the psABI's representation: vtable slots are R_RISCV_FUNCDESC
#            in .data.rel.ro, personality/typeinfo words reached datarel
#
# Each program checks its own results (testsuite/runtime/check.h).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
CXX="$T-g++ -Wall -Werror -O2 -I$here -I$here/../runtime ${CXX_FLAGS:-}"
LIBPATH="-Wl,-rpath,$PWD -L."
RUN="timeout 60 $QEMU"

check "build libshape.so" $CXX -fPIC -shared -o libshape.so "$here/shape.cc"
check "build libplugin.so" $CXX -fPIC -shared -o libplugin.so "$here/plugin.cc" $LIBPATH -lshape
check "link cxxmain" $CXX -o cxxmain "$here/cxxmain.cc" $LIBPATH -lshape -ldl
run_checks "cxxmain (shared libraries, dlopen)" "$here/cxxmain.cc" "shapes rect:12 tri:15" \
  $RUN ./cxxmain "$PWD/libplugin.so"
run_checks "cxxmain (LD_BIND_NOW)" "$here/cxxmain.cc" "shapes rect:12 tri:15" \
  $RUN -E LD_BIND_NOW=1 ./cxxmain "$PWD/libplugin.so"
# -static: the same objects, no plugin (one CHECK fewer is printed).
check "link cxxmain -static" $CXX -static -o cxxmain-static "$here/cxxmain.cc" "$here/shape.cc"
out=$($RUN ./cxxmain-static 2>&1); rc=$?
want=$(( $(grep -c 'CHECK (' "$here/cxxmain.cc") - 3 ))
if [ $rc -eq 0 ] && [ "$(grep -c '^ok ' <<<"$out")" -eq $want ] &&
   [ "$(grep -v '^ok ' <<<"$out")" = "shapes rect:12 tri:15" ]; then
  pass "cxxmain -static"
else
  fail "cxxmain -static" "status $rc, want $want ok lines" "$out"
fi

check "link terminate" $CXX -o terminate "$here/terminate.cc" $LIBPATH -lshape
run_expect "terminate: an exception leaving noexcept" "terminate called" 3 $RUN ./terminate

check "link iterthrow" $CXX -pthread -o iterthrow "$here/iterthrow.cc"
run_checks "iterthrow: an exception out of a dl_iterate_phdr callback" \
  "$here/iterthrow.cc" "" $RUN ./iterthrow

check "build libtlocal.so" $CXX -fPIC -shared -o libtlocal.so "$here/tlocal.cc"
check "link cxxthreads" $CXX -pthread -o cxxthreads "$here/cxxthreads.cc" $LIBPATH -ltlocal
run_checks "cxxthreads" "$here/cxxthreads.cc" "" $RUN ./cxxthreads
check "link cxxthreads -static" $CXX -static -pthread -o cxxthreads-static \
  "$here/cxxthreads.cc" "$here/tlocal.cc"
run_checks "cxxthreads -static" "$here/cxxthreads.cc" "" $RUN ./cxxthreads-static

# The psABI's representation.  Rect's vtable (in libshape.so) holds a
# canonical descriptor of Rect::area: an R_RISCV_FUNCDESC in .data.rel.ro;
# the personality routine is reached through a DW.ref word, datarel.
check "libshape.so: Rect::area's vtable slot is R_RISCV_FUNCDESC in .data.rel.ro" sh -c "
  range=\$($T-readelf -SW libshape.so | awk '\$2 == \".data.rel.ro\" {print \$4, \$6}')
  $T-readelf -rW libshape.so | awk -v r=\"\$range\" '
    BEGIN { split(r, a, \" \"); lo = strtonum(\"0x\" a[1]); hi = lo + strtonum(\"0x\" a[2]) }
    \$3 == \"R_RISCV_FUNCDESC\" && \$5 == \"_ZNK4Rect4areaEv\" {
      o = strtonum(\"0x\" \$1); if (o >= lo && o < hi) found = 1 }
    END { exit !found }'"
check "libshape.so, libstdc++.so.6: no R_RISCV_64 against a function" sh -c "
  for f in libshape.so $SYSROOT/lib/libstdc++.so.6; do
    $T-readelf --dyn-syms -W \$f | awk '\$4 == \"FUNC\" {print \$8}' | sort -u > funcs.tmp
    $T-readelf -rW \$f | awk '\$3 == \"R_RISCV_64\" {print \$5}' | sort -u > r64.tmp
    test -s funcs.tmp && test -z \"\$(comm -12 funcs.tmp r64.tmp)\" || exit 1
  done"
# Every C++ output (and libstdc++ itself) keeps the psABI's conditions.
for f in libshape.so libplugin.so cxxmain cxxthreads "$SYSROOT/lib/libstdc++.so.6"; do
  check "$(basename $f): FDPIC, only psABI dynamic relocations, no TEXTREL" sh -c "
    $T-readelf -h $f | grep -q 'Flags:.*FDPIC' &&
    ! $T-readelf -d $f | grep -q TEXTREL &&
    $T-readelf -rW $f | awk '/^[0-9a-f]+ /{print \$3}' | sort -u |
      grep -v -x -e R_RISCV_64 -e R_RISCV_RELATIVE -e R_RISCV_FUNCDESC \
        -e R_RISCV_FUNCDESC_VALUE -e R_RISCV_TLS_DTPMOD64 -e R_RISCV_TLS_DTPREL64 \
        -e R_RISCV_TLS_TPREL64; test \$? = 1"
done

# Bad input: a C++ object of the non-FDPIC baseline toolchain, or its
# libstdc++, is refused at link time with the file named.
top=$(cd "$here/../.." && pwd)
BXX="${BASELINE_PREFIX:-$top/install-baseline}/bin/riscv64-linux-uclibc-g++"
check "compile shape.cc with the baseline g++" $BXX -O2 -fPIC -c -o shape-base.o "$here/shape.cc"
out=$($CXX -shared -o libmixed.so shape-base.o 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'shape-base.o' <<<"$out" && [ ! -e libmixed.so ]; then
  pass "a non-FDPIC C++ object is refused by name"
else
  fail "a non-FDPIC C++ object is refused by name" "status $rc" "$out"
fi
blib=$(dirname "$BXX")/../riscv64-linux-uclibc/lib/libstdc++.so.6
out=$($CXX -o mixed "$here/terminate.cc" $LIBPATH -lshape "$blib" 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'libstdc++.so.6' <<<"$out" && [ ! -e mixed ]; then
  pass "the baseline's libstdc++.so.6 is refused by name"
else
  fail "the baseline's libstdc++.so.6 is refused by name" "status $rc" "$out"
fi
