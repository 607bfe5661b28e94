#!/bin/bash
# run.sh [PKG...]: the real-world suite.  Fetches and verifies the tarballs
# pinned in sources.sha256 (scripts/pins.sh fetch), then builds and tests
# every package (pkgs/PKG.sh) with the FDPIC toolchain and with the baseline
# one, the two configurations side by side (one build job each).  Prints
# one line per test and configuration, "PASS: fdpic: PKG: test" or
# "FAIL: baseline: PKG: test" (testsuite/run-checks.sh counts them), per
# package the tests passed/failed on each side, and every test that passes
# on the baseline and fails on FDPIC ("FDPIC-ONLY FAILURE: PKG: test") or
# is missing there (a program that
# crashed before reporting it: then "FAIL: fdpic: PKG: test (passes on the
# baseline, not reported on FDPIC)"); it ends with
#   realworld: N packages, fdpic P passed F failed, baseline P passed F failed, R fdpic-only failures
# Exit status 0 only if no test passes on the baseline and fails on FDPIC
# (and every package built on both sides).
#
# Environment: PREFIX (default install), BASELINE_PREFIX (install-baseline),
# WORK (default build/realworld), DL (build/dl), QUICK=1 or
# REALWORLD_QUICK=1 (make check's subset: each package's short test set),
# CONFIGS (default "fdpic baseline"), TIMEOUT (seconds per test, 180),
# SHOW_PASSES=0 (PASS lines only in WORK/realworld.results, which always
# gets every line).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PREFIX=$(cd "${PREFIX:-$top/install}" && pwd)
BASELINE_PREFIX=$(cd "${BASELINE_PREFIX:-$top/install-baseline}" && pwd)
WORK=${WORK:-$top/build/realworld}
export DL=${DL:-$top/build/dl} PINS=$here/sources.sha256
# Seconds per test (lib.sh): the slowest test takes about 60 s on the baseline.
export TIMEOUT=${TIMEOUT:-180}
CONFIGS=${CONFIGS:-fdpic baseline}
ALL="zlib bzip2 lua sqlite expat pcre2 jansson libyaml lz4 xz cjson jsoncpp"
QUICK_PKGS="zlib lua jansson libyaml jsoncpp"
export QUICK=${REALWORLD_QUICK:-${QUICK:-0}}
if [ $# -gt 0 ]; then pkgs="$*"
elif [ "$QUICK" = 1 ]; then pkgs=$QUICK_PKGS
else pkgs=$ALL; fi

start=$(date +%s)
# SHOW_PASSES=0: the PASS lines only in $WORK/realworld.results.
mkdir -p "$WORK"
if [ "${SHOW_PASSES:-1}" = 0 ]; then
  exec > >(tee "$WORK/realworld.results" | grep --line-buffered -v '^PASS: ')
else
  exec > >(tee "$WORK/realworld.results")
fi
"$top/scripts/pins.sh" fetch || exit 1

# tarball PKG: the verified path of PKG's pinned tarball (as scripts/unpack.sh).
tarball() {
  local line pkg ver sum file actual
  line=$(awk -v c="$1" '!/^#/ && $1 == c && NF == 5 { print; exit }' "$PINS")
  [ -n "$line" ] || { echo "realworld: no pin for '$1' in $PINS" >&2; return 1; }
  read -r _ pkg ver sum file <<<"$line"
  [ -f "$DL/$file" ] || { echo "realworld: $DL/$file missing ($pkg $ver)" >&2; return 1; }
  actual=$(sha256sum "$DL/$file" | cut -d' ' -f1)
  if [ "$actual" != "$sum" ]; then
    echo "realworld: CHECKSUM MISMATCH for $DL/$file: expected $sum ($pkg $ver), got $actual; refusing to build" >&2
    return 1
  fi
  echo "$DL/$file"
}

# run_pkg PKG CONFIG: build and test one package in one configuration;
# the results go to $WORK/CONFIG/PKG.results.
run_pkg() {
  local pkg=$1 config=$2 prefix cc dir
  case $config in
    fdpic) prefix=$PREFIX cc=riscv64-linux-fdpic ;;
    baseline) prefix=$BASELINE_PREFIX cc=riscv64-linux-uclibc ;;
  esac
  dir=$WORK/$config/$pkg
  rm -rf "$dir"; mkdir -p "$dir"
  local t0=$(date +%s)
  (
    export PATH=$prefix/bin:$PATH PKG=$pkg CONFIG=$config WORK=$dir
    export CC=$cc-gcc CXX=$cc-g++ AR=$cc-ar RANLIB=$cc-ranlib STRIP=$cc-strip
    export SYSROOT=$prefix/sysroot QEMU="$PREFIX/bin/qemu-riscv64 -L $prefix/sysroot"
    export TARBALL=$tb HOST=riscv64-linux-gnu JOBS=1
    export LC_ALL=C
    cd "$dir" && "$here/pkgs/$pkg.sh" </dev/null
  ) >"$WORK/$config/$pkg.results" 2>&1
  if ! grep -q '^\(PASS\|FAIL\): ' "$WORK/$config/$pkg.results"; then
    echo "FAIL: $pkg: ran no test" >>"$WORK/$config/$pkg.results"
  fi
  echo "$(( $(date +%s) - t0 ))" >"$WORK/$config/$pkg.time"
}

tot_fo=0 bad=0
declare -A P F
for c in $CONFIGS; do P[$c]=0 F[$c]=0; mkdir -p "$WORK/$c"; done
for pkg in $pkgs; do
  [ -x "$here/pkgs/$pkg.sh" ] || { echo "realworld: no package script pkgs/$pkg.sh" >&2; bad=1; continue; }
  tb=$(tarball "$pkg") || { bad=1; continue; }
  echo "== $pkg ($(basename "$tb"))"
  pids=()
  for c in $CONFIGS; do run_pkg "$pkg" "$c" & pids+=($!); done
  wait "${pids[@]}"
  line="  $pkg:"
  for c in $CONFIGS; do
    r=$WORK/$c/$pkg.results
    sed -n "s/^\(PASS\|FAIL\): /\1: $c: /p" "$r"
    grep -v '^\(PASS\|FAIL\): ' "$r" | sed "s/^/  [$c] /"
    p=$(grep -c '^PASS: ' "$r") f=$(grep -c '^FAIL: ' "$r")
    P[$c]=$((P[$c] + p)) F[$c]=$((F[$c] + f))
    line="$line $c $p passed $f failed ($(cat "$WORK/$c/$pkg.time")s);"
  done
  echo "$line"
  if [ -f "$WORK/fdpic/$pkg.results" ] && [ -f "$WORK/baseline/$pkg.results" ]; then
    # Passed on the baseline and failed, or never reported, on FDPIC.
    fo=$(comm -23 <(sed -n 's/^PASS: //p' "$WORK/baseline/$pkg.results" | sort -u) \
                  <(sed -n 's/^PASS: //p' "$WORK/fdpic/$pkg.results" | sort -u))
    if [ -n "$fo" ]; then
      while IFS= read -r t; do
        if grep -qxF "FAIL: $t" "$WORK/fdpic/$pkg.results"; then
          echo "  FDPIC-ONLY FAILURE: $t"
        else
          echo "FAIL: fdpic: $t (passes on the baseline, not reported on FDPIC)"
        fi
      done <<<"$fo"
      tot_fo=$((tot_fo + $(echo "$fo" | wc -l)))
    fi
    if grep -q '^FAIL: [^:]*: build$' "$WORK/fdpic/$pkg.results" "$WORK/baseline/$pkg.results"; then bad=1; fi
  fi
done
sum="realworld: $(echo $pkgs | wc -w) packages"
for c in $CONFIGS; do sum="$sum, $c ${P[$c]} passed ${F[$c]} failed"; done
echo "$sum, $tot_fo fdpic-only failures ($(( $(date +%s) - start ))s)"
[ $tot_fo -eq 0 ] && [ $bad -eq 0 ]
