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
#            (by .cfi_personality; cxxmain also with the tables the
#            compiler writes itself, -fno-dwarf2-cfi-asm)
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
# g++ describes frames with CFI directives; gas relocates the datarel
# personality word of .cfi_personality with R_RISCV_GPREL32.
check "shape.o: .cfi_personality 0xbb, R_RISCV_GPREL32 to DW.ref.__gxx_personality_v0" sh -c "
  $CXX -fPIC -S -o - '$here/shape.cc' | grep -q '^[[:space:]]*.cfi_personality 0xbb,DW.ref.__gxx_personality_v0\$' &&
  $CXX -fPIC -c -o shape.o '$here/shape.cc' &&
  $T-readelf -rW shape.o | awk '/^Relocation section .\.rela\.eh_frame/ { s = 1; next }
    /^Relocation section/ { s = 0 }
    s && \$3 == \"R_RISCV_GPREL32\" && \$5 == \"DW.ref.__gxx_personality_v0\" { f = 1 }
    END { exit !f }'"
# The tables the compiler writes itself (-fno-dwarf2-cfi-asm) work too.
check "build libshape.so, libplugin.so, cxxmain with -fno-dwarf2-cfi-asm" sh -c "
  mkdir -p nocfi && cd nocfi &&
  $CXX -fno-dwarf2-cfi-asm -fPIC -shared -o libshape.so '$here/shape.cc' &&
  $CXX -fno-dwarf2-cfi-asm -fPIC -shared -o libplugin.so '$here/plugin.cc' -Wl,-rpath,\$PWD -L. -lshape &&
  $CXX -fno-dwarf2-cfi-asm -o cxxmain '$here/cxxmain.cc' -Wl,-rpath,\$PWD -L. -lshape -ldl"
run_checks "cxxmain (-fno-dwarf2-cfi-asm)" "$here/cxxmain.cc" "shapes rect:12 tri:15" \
  $RUN ./nocfi/cxxmain "$PWD/nocfi/libplugin.so"

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
# An FDPIC C++ object of another floating-point ABI (lp64, soft-float)
# against libstdc++ (lp64d): refused by name too.
check "compile shape.cc for lp64 (soft-float)" $CXX -fPIC -march=rv64imac -mabi=lp64 -c -o shape-soft.o "$here/shape.cc"
out=$($CXX -shared -o libsoft.so shape-soft.o 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'shape-soft.o: can.t link soft-float modules' <<<"$out" && [ ! -e libsoft.so ]; then
  pass "a soft-float C++ object is refused by name"
else
  fail "a soft-float C++ object is refused by name" "status $rc" "$out"
fi
blib=$(dirname "$BXX")/../riscv64-linux-uclibc/lib/libstdc++.so.6
out=$($CXX -o mixed "$here/terminate.cc" $LIBPATH -lshape "$blib" 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'libstdc++.so.6' <<<"$out" && [ ! -e mixed ]; then
  pass "the baseline's libstdc++.so.6 is refused by name"
else
  fail "the baseline's libstdc++.so.6 is refused by name" "status $rc" "$out"
fi
