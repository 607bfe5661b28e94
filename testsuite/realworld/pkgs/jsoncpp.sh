#!/bin/bash
# JsonCpp 1.9.5 (C++): libjsoncpp.so built from src/lib_json, and
# upstream's two test programs linked against it: test_lib_json (the unit
# tests of src/test_lib_json, 119 test cases; many expect a
# Json::LogicError or Json::RuntimeError thrown inside libjsoncpp.so and
# caught in the program, and they use iostreams, std::function and
# templates instantiated on both sides) and jsontestrunner, which
# test/runjsontests.py drives over test/data (parse, write with each
# writer class, compare with the .expected files) and json.org's
# JSON_checker files.  Each unit test prints "Testing NAME: OK" or
# "FAILED"; runjsontests.py prints "TESTING: FILE OK".
. "$(dirname "$0")/../lib.sh"
unpack
CXXFLAGS="-O2 -fPIC -std=c++11 -Iinclude"
build $CXX $CXXFLAGS -shared -Wl,-soname,libjsoncpp.so.25 -o libjsoncpp.so.25 \
  src/lib_json/json_reader.cpp src/lib_json/json_value.cpp src/lib_json/json_writer.cpp
ln -sf libjsoncpp.so.25 libjsoncpp.so
LINK="-L. -ljsoncpp -Wl,-rpath,$PWD"
build $CXX $CXXFLAGS -o test_lib_json src/test_lib_json/jsontest.cpp \
  src/test_lib_json/main.cpp src/test_lib_json/fuzz.cpp $LINK
build $CXX $CXXFLAGS -o jsontestrunner src/jsontestrunner/main.cpp $LINK

# The unit tests: one line per test case.  A crash ends the list early;
# the cases never reported are then missing, and run.sh reports every one
# that passes on the baseline.
q ./test_lib_json >unit.out 2>&1; rc=$?
cat unit.out >>"$LOG"
sed -n -e "s/^Testing \(.*\): OK$/PASS: $PKG: unit\/\1/p" \
       -e "s/^Testing \(.*\): FAILED$/FAIL: $PKG: unit\/\1/p" unit.out
if [ $rc -ne 0 ] && ! grep -q ': FAILED$' unit.out; then
  fail unit "exit status $rc with no failed test case reported"
fi

# runjsontests.py's checks, once per writer class (its main stops at the
# first writer with a failure, so call runAllTests for each).
wrap jsontestrunner.sh ./jsontestrunner
[ "${QUICK:-0}" = 1 ] && writers="StyledWriter" ||
  writers="StyledWriter StyledStreamWriter BuiltStyledStreamWriter"
for w in $writers; do
  (cd test && python3 -c "
import sys, runjsontests as r
try:
    r.runAllTests(sys.argv[1], sys.argv[2], with_json_checker=True, writerClass=sys.argv[3])
except r.FailError:
    sys.exit(1)" "$PWD/../jsontestrunner.sh" "$PWD/data" "$w") >data-$w.out 2>>"$LOG"
  cat data-$w.out >>"$LOG"
  awk -v p="$PKG" -v w="$w" '
    $1 == "TESTING:" { n = split($2, a, "/"); t = a[n - 1] "/" a[n]
                       st = ($3 == "OK") ? "PASS" : "FAIL"
                       print st ": " p ": " w "/" t }' data-$w.out
done
