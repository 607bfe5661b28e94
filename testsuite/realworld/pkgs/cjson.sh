#!/bin/bash
# cJSON 1.7.15: libcjson.so and libcjson_utils.so (which needs libcjson.so),
# and upstream's tests: the Unity test programs of tests/ (each prints one
# line per test function; they include cJSON.c themselves, as upstream
# builds them, so their cJSON_* definitions interpose on the shared
# library's for libcjson_utils.so), the cJSON_Utils tests (JSON Patch
# suites, linked against both libraries), and upstream's cJSON_test
# program (test.c, linked against libcjson.so) whose output must equal the
# host build's.  cJSON_InitHooks installs malloc/free function pointers.
. "$(dirname "$0")/../lib.sh"
unpack
CFLAGS="-O2 -Wall -fPIC -std=c89 -D_DEFAULT_SOURCE"
build $CC $CFLAGS -shared -Wl,-soname,libcjson.so.1 -o libcjson.so.1 cJSON.c -lm
ln -sf libcjson.so.1 libcjson.so
build $CC $CFLAGS -shared -Wl,-soname,libcjson_utils.so.1 -o libcjson_utils.so.1 cJSON_Utils.c -L. -lcjson
ln -sf libcjson_utils.so.1 libcjson_utils.so
LINK="-L. -lcjson -lm -Wl,-rpath,$PWD"
build $CC $CFLAGS -o cJSON_test test.c $LINK
build gcc -O2 -o cJSON_test.host test.c cJSON.c -lm
UNITY="tests/unity/src/unity.c"
UT="parse_examples parse_number parse_hex4 parse_string parse_array parse_object parse_value
  print_string print_number print_array print_object print_value misc_tests parse_with_opts
  compare_tests cjson_add readme_examples minify_tests"
UTILS="json_patch_tests old_utils_tests misc_utils_tests"
T=$PWD/tgt; mkdir -p "$T"
CT="-O2 -fPIC -Wno-error -I. -Itests/unity/src"
build $CC $CT -c -o unity.o $UNITY
for t in $UT; do build $CC $CT -o "$T/$t" tests/$t.c unity.o $LINK; done
for t in $UTILS; do build $CC $CT -o "$T/$t" tests/$t.c unity.o -lcjson_utils $LINK; done

# Unity prints "file.c:LINE:name:PASS", ":FAIL:...", ":IGNORE".
cd tests
for t in $UT $UTILS; do
  q "$T/$t" >$t.out 2>&1; rc=$?
  cat $t.out >>"$LOG"
  awk -F: -v p="$PKG" -v t="$t" '
    $4 == "PASS" { print "PASS: " p ": " t "/" $3 }
    $4 == "FAIL" { print "FAIL: " p ": " t "/" $3 }' $t.out
  if [ $rc -ne 0 ] && ! grep -q ':FAIL' $t.out; then fail "$t" "exit status $rc"; fi
done
cd ..
check cJSON_test-vs-host sh -c "$QEMU ./cJSON_test > t.out && ./cJSON_test.host > h.out && cmp h.out t.out"
