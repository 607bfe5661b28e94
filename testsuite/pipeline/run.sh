#!/bin/bash
# Tests of the build machinery itself: pinned checksums and the patch
# workflow (scripts/unpack.sh, apply-series.sh, export-series.sh).
# Runs in the current directory, which it may fill.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
scripts=$here/../../scripts
rm -rf ./* 2>/dev/null

# --- checksums: a tampered tarball stops the unpack, naming the file -----
src=$(awk '$1 == "busybox" && NF == 5 { print $5 }' "$scripts/sources.sha256")
dl=$(cd "$here/../../build/dl" 2>/dev/null && pwd)
if [ -f "$dl/$src" ]; then
  mkdir -p good bad
  cp "$dl/$src" good/ && cp "$dl/$src" bad/
  printf 'x' >>"bad/$src"
  out=$(DL=$PWD/bad "$scripts/unpack.sh" busybox bb-bad 2>&1); rc=$?
  if [ $rc -ne 0 ] && grep -q "CHECKSUM MISMATCH for $PWD/bad/$src" <<<"$out" \
     && [ ! -d bb-bad ]; then
    pass "tampered tarball is refused, naming the file"
  else
    fail "tampered tarball is refused, naming the file" "exit $rc" "$out"
  fi
  check "pristine tarball unpacks" env DL=$PWD/good "$scripts/unpack.sh" busybox bb-good
  check "unpacked tree is tagged base and clean" sh -c \
    "git -C bb-good rev-parse -q --verify base && [ -z \"\$(git -C bb-good status --porcelain)\" ]"
else
  fail "checksum tests" "$dl/$src missing: run make fetch"
fi

# --- patch workflow on a small tree ---------------------------------------
git init -q toy && (
  cd toy
  git config user.name t && git config user.email t@t
  printf 'one\n' >a.c; printf 'two\n' >b.c; printf 'three\n' >c.c
  git add . && git commit -qm pristine && git tag base
  printf 'one, patched\n' >a.c && git commit -qam "patch a"
  printf 'two, patched\n' >b.c && git commit -qam "patch b"
) >/dev/null
mkdir series
"$scripts/export-series.sh" toy series >/dev/null
check "export writes one patch per commit" test "$(ls series | wc -l)" = 2
cp -r series series.orig
git -C toy reset -q --hard base             # as freshly unpacked
git -C toy update-ref -d refs/series/applied
check "apply-series applies the series" sh -c \
  "'$scripts/apply-series.sh' toy series 2>/dev/null && grep -qx 'two, patched' toy/b.c \
   && [ \$(git -C toy rev-list --count base..HEAD) = 2 ]"
"$scripts/export-series.sh" toy series >/dev/null
check "export after apply reproduces the series byte for byte" diff -r series.orig series

touch -d '2001-01-01' toy/a.c toy/b.c toy/c.c
sed -i 's/two, patched/two, patched again/' series/0002-*.patch
check "re-applying a changed series" "$scripts/apply-series.sh" toy series
check "  updates the file the changed patch touches" grep -qx 'two, patched again' toy/b.c
check "  leaves the other patched file's timestamp alone" \
  test "$(stat -c %Y toy/a.c)" = "$(date -d 2001-01-01 +%s)"
check "  leaves an unpatched file's timestamp alone" \
  test "$(stat -c %Y toy/c.c)" = "$(date -d 2001-01-01 +%s)"

echo 'local edit' >>toy/c.c
out=$("$scripts/apply-series.sh" toy series.orig 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'uncommitted changes' <<<"$out" \
   && grep -qx 'local edit' toy/c.c; then
  pass "apply-series keeps uncommitted work and says so"
else
  fail "apply-series keeps uncommitted work and says so" "exit $rc" "$out"
fi
git -C toy checkout -q c.c
git -C toy commit -q --allow-empty -m "unexported work"
out=$("$scripts/apply-series.sh" toy series.orig 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'not in' <<<"$out"; then
  pass "apply-series keeps unexported commits and says so"
else
  fail "apply-series keeps unexported commits and says so" "exit $rc" "$out"
fi
