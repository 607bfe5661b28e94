#!/bin/bash
# run.sh [PKG...]: the real-world suite.  Fetches and verifies the tarballs
# pinned in sources.sha256 (scripts/pins.sh fetch), then builds and tests
# every package (pkgs/PKG.sh) with the FDPIC toolchain and with the baseline
# one, the two configurations side by side (one build job each).  Prints
# every test line, per package the tests passed/failed on each side and
# every test that passes on the baseline and fails on FDPIC, and ends with
#   realworld: N packages, fdpic P passed F failed, baseline P passed F failed, R fdpic-only failures
# Exit status 0 only if no test passes on the baseline and fails on FDPIC
# (and every package built on both sides).
#
# Environment: PREFIX (default install), BASELINE_PREFIX (install-baseline),
# WORK (default build/realworld), DL (build/dl), QUICK=1 (zlib and lua only),
# CONFIGS (default "fdpic baseline"), TIMEOUT (seconds per test, 600).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
PREFIX=$(cd "${PREFIX:-$top/install}" && pwd)
BASELINE_PREFIX=$(cd "${BASELINE_PREFIX:-$top/install-baseline}" && pwd)
WORK=${WORK:-$top/build/realworld}
export DL=${DL:-$top/build/dl} PINS=$here/sources.sha256
CONFIGS=${CONFIGS:-fdpic baseline}
ALL="zlib bzip2 lua sqlite expat pcre2 jansson libyaml lz4 xz"
if [ $# -gt 0 ]; then pkgs="$*"
elif [ "${QUICK:-0}" = 1 ]; then pkgs="zlib lua"
else pkgs=$ALL; fi

start=$(date +%s)
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
    export CC=$cc-gcc AR=$cc-ar RANLIB=$cc-ranlib STRIP=$cc-strip
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
  for c in $CONFIGS; do run_pkg "$pkg" "$c" & done
  wait
  line="  $pkg:"
  for c in $CONFIGS; do
    r=$WORK/$c/$pkg.results
    sed "s/^/  [$c] /" "$r" | grep -v '^  \[[a-z]*\] PASS: '
    p=$(grep -c '^PASS: ' "$r") f=$(grep -c '^FAIL: ' "$r")
    P[$c]=$((P[$c] + p)) F[$c]=$((F[$c] + f))
    line="$line $c $p passed $f failed ($(cat "$WORK/$c/$pkg.time")s);"
  done
  echo "$line"
  if [ -f "$WORK/fdpic/$pkg.results" ] && [ -f "$WORK/baseline/$pkg.results" ]; then
    fo=$(comm -12 <(sed -n 's/^PASS: //p' "$WORK/baseline/$pkg.results" | sort -u) \
                  <(sed -n 's/^FAIL: //p' "$WORK/fdpic/$pkg.results" | sort -u))
    if [ -n "$fo" ]; then
      echo "$fo" | sed 's/^/  FDPIC-ONLY FAILURE: /'
      tot_fo=$((tot_fo + $(echo "$fo" | wc -l)))
    fi
    if grep -q '^FAIL: [^:]*: build$' "$WORK/fdpic/$pkg.results" "$WORK/baseline/$pkg.results"; then bad=1; fi
  fi
done
sum="realworld: $(echo $pkgs | wc -w) packages"
for c in $CONFIGS; do sum="$sum, $c ${P[$c]} passed ${F[$c]} failed"; done
echo "$sum, $tot_fo fdpic-only failures ($(( $(date +%s) - start ))s)"
[ $tot_fo -eq 0 ] && [ $bad -eq 0 ]
