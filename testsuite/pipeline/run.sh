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

# --- cover letters: apply-series skips 0000-cover-letter.patch; export
# keeps its subject and text and regenerates shortlog, diffstat and count -
git init -q ctoy && (
  cd ctoy
  git config user.name t && git config user.email t@t
  printf 'one\n' >a.c && git add . && git commit -qm pristine && git tag base
  printf 'one, patched\n' >a.c && git commit -qam "patch a"
  printf 'two\n' >b.c && git add b.c && git commit -qm "patch b"
) >/dev/null
mkdir cseries
"$scripts/export-series.sh" ctoy cseries >/dev/null
cat >cseries/0000-cover-letter.patch <<'EOF2'
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: t <t@t>
Date: Thu, 1 Jan 2026 00:00:00 +0000
Subject: [PATCH 0/1] toy: what the series is

What the series does,
over two lines.

t (1):
  an old shortlog line

EOF2
git -C ctoy reset -q --hard base
git -C ctoy update-ref -d refs/series/applied
check "apply-series skips the cover letter" sh -c \
  "'$scripts/apply-series.sh' ctoy cseries 2>/dev/null \
   && [ \$(git -C ctoy rev-list --count base..HEAD) = 2 ]"
(cd ctoy && printf 'three\n' >c.c && git add c.c && git commit -qm "patch c")
"$scripts/export-series.sh" ctoy cseries >/dev/null
cl=cseries/0000-cover-letter.patch
check "export keeps the cover letter's subject, with the new count" \
  grep -qx 'Subject: \[PATCH 0/3\] toy: what the series is' $cl
check "  and its text" sh -c "grep -qx 'What the series does,' $cl && grep -qx 'over two lines.' $cl"
check "  and regenerates the shortlog" sh -c \
  "grep -qx 't (3):' $cl && grep -qx '  patch c' $cl && ! grep -q 'old shortlog' $cl"
check "  and the diffstat" grep -q '^ 3 files changed' $cl
check "  with no placeholder left" sh -c "! grep -q '\*\*\*' $cl"
check "export writes the cover letter and one patch per commit" test "$(ls cseries | wc -l)" = 4

# --- pins: exact versions, the stop message and make repin, against a
# stand-in for apt (testsuite/pipeline/fake-apt; no network) ---------------
fa=$PWD/apt && mkdir -p "$fa" && : >"$fa/log"
export FAKE_APT=$fa
fakepath=$here/fake-apt:$PATH
# toy-source: a binary package that installs /usr/src/toy.tar.xz (here under
# $PWD/root); toysrc: a source package fetched with apt-get source.
mktar() {  # mktar OUT LINE: a tarball of toy-1/a.c holding LINE, and VERSION
  rm -rf mk && mkdir -p mk/toy-1 && printf '%s\n' "$2" >mk/toy-1/a.c
  basename "$(dirname "$1")" >mk/toy-1/VERSION
  tar -C mk -cJf "$1" toy-1
}
for v in 1.0-1 2.0-1 3.0-1; do
  mkdir -p "$fa/pool/toy-source/$v"
done
mktar "$fa/pool/toy-source/1.0-1/payload" 'int a;'
mktar "$fa/pool/toy-source/2.0-1/payload" 'int a;'     # the series still applies
mktar "$fa/pool/toy-source/3.0-1/payload" 'long a;'    # it does not
echo "$PWD/root/usr/src/toy.tar.xz" >"$fa/pool/toy-source/path"
for v in 1:1.0-1 1:1.1-1; do
  u=${v#1:}; u=${u%-1}
  mkdir -p "$fa/pool/toysrc/$v/src"
  mktar "$fa/pool/toysrc/$v/src/toysrc_$u.orig.tar.xz" "v$u"
  printf 'Format: 3.0 (quilt)\nSource: toysrc\nFiles:\n 0 1 toysrc_%s.orig.tar.xz\n 0 1 toysrc_%s.debian.tar.xz\n' \
    "$u" "$v" >"$fa/pool/toysrc/$v/src/toysrc_${v#1:}.dsc"
done
printf '%s\n' 'toy-source 1.0-1 Packages' 'toy-source 2.0-1 Packages' \
  'toysrc 1:1.0-1 Sources' 'toysrc 1:1.1-1 Sources' 'toy-source 9.9 Sources' >"$fa/offered"
echo 'toy-source 2.0-1' >"$fa/installed"           # newer than the pin
sha() { sha256sum "$1" | cut -d' ' -f1; }
{
  echo '# component package version sha256 file'
  echo "toy     toy-source 1.0-1   $(sha "$fa/pool/toy-source/1.0-1/payload")  $PWD/root/usr/src/toy.tar.xz"
  echo "toysrc  toysrc     1:1.0-1 $(sha "$fa/pool/toysrc/1:1.0-1/src/toysrc_1.0.orig.tar.xz")  toysrc_1.0.orig.tar.xz"
} >pins
pins() { env PATH="$fakepath" PINS=$PWD/pins DL=$PWD/pdl "$scripts/pins.sh" "$@"; }

out=$(pins install 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -q 'apt-get install .*--allow-downgrades toy-source=1.0-1$' "$fa/log" \
   && grep -qx 'toy-source 1.0-1' "$fa/installed" \
   && cmp -s root/usr/src/toy.tar.xz "$fa/pool/toy-source/1.0-1/payload"; then
  pass "pins install: the pinned version, over a newer installed one"
else
  fail "pins install: the pinned version, over a newer installed one" "exit $rc" "$out" "$(cat "$fa/log")"
fi
# A fresh machine: the pinned package was never installed (dpkg-query fails).
: >"$fa/installed"; rm -f root/usr/src/toy.tar.xz
out=$(pins install 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -qx 'toy-source 1.0-1' "$fa/installed" \
   && cmp -s root/usr/src/toy.tar.xz "$fa/pool/toy-source/1.0-1/payload"; then
  pass "pins install: the pinned version on a machine that never had the package"
else
  fail "pins install: the pinned version on a machine that never had the package" "exit $rc" "$out" "$(cat "$fa/log")"
fi
: >"$fa/log"
check "pins install: nothing to do at the pinned version" sh -c \
  "$(declare -f pins); $(declare -f sha); fakepath='$fakepath' scripts='$scripts'; pins install && [ ! -s '$fa/log' ]"
out=$(pins fetch 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -qx 'apt-get source --download-only toysrc=1:1.0-1' "$fa/log" \
   && [ -f pdl/toysrc_1.0.orig.tar.xz ]; then
  pass "pins fetch: apt-get source of the pinned version"
else
  fail "pins fetch: apt-get source of the pinned version" "exit $rc" "$out" "$(cat "$fa/log")"
fi

# A pin the archive no longer offers: one message, naming it, what is
# offered, and the command that re-pins.
sed 's/toy-source 1.0-1 /toy-source 0.9-1 /' pins >pins.old
out=$(env PATH="$fakepath" PINS=$PWD/pins.old DL=$PWD/pdl "$scripts/pins.sh" install 2>&1); rc=$?
if [ $rc -ne 0 ] && [ "$(wc -l <<<"$out")" = 1 ] \
   && grep -q 'toy-source 0.9-1, pinned for toy in .*not offered by apt; offered: 1.0-1 2.0-1\..*make repin' <<<"$out"; then
  pass "a pin apt no longer offers stops with one message naming 'make repin'"
else
  fail "a pin apt no longer offers stops with one message naming 'make repin'" "exit $rc" "$out"
fi

# make repin: the newest offered versions, recorded with their sha256, and
# every series re-applied.
mkdir -p tseries && git init -q tp && (
  cd tp && git config user.name t && git config user.email t@t
  printf 'int a;\n' >a.c && git add . && git commit -qm pristine && git tag base
  printf 'int a = 1;\n' >a.c && git commit -qam "toy: initialise a"
) && "$scripts/export-series.sh" tp tseries >/dev/null
cp pins pins.before
out=$(pins repin toy=$PWD/tseries 2>&1); rc=$?
if [ $rc -eq 0 ] \
   && grep -Eq "^toy +toy-source +2\.0-1 +$(sha "$fa/pool/toy-source/2.0-1/payload")  $PWD/root/usr/src/toy.tar.xz\$" pins \
   && grep -Eq "^toysrc +toysrc +1:1\.1-1 +$(sha pdl/toysrc_1.1.orig.tar.xz)  toysrc_1\.1\.orig\.tar\.xz\$" pins \
   && grep -q '^# component' pins && grep -q 'toy: 1 patch(es) .* apply' <<<"$out"; then
  pass "repin: newest versions and sha256 recorded, series re-applied"
else
  fail "repin: newest versions and sha256 recorded, series re-applied" "exit $rc" "$out" "$(cat pins)"
fi
check "repin: unpack sees the new pin" env PINS=$PWD/pins DL=$PWD/pdl sh -c \
  "'$scripts/unpack.sh' toy tnew && '$scripts/unpack.sh' --current toy tnew \
   && ! PINS=$PWD/pins.before '$scripts/unpack.sh' --current toy tnew"
echo 'toy-source 3.0-1 Packages' >>"$fa/offered"
out=$(pins repin toy=$PWD/tseries 2>&1); rc=$?
if [ $rc -ne 0 ] && grep -q 'toy: FAILED: .*0001-toy-initialise-a.patch does not apply' <<<"$out" \
   && grep -Eq '^toy +toy-source +3\.0-1 ' pins; then
  pass "repin names the patch that no longer applies"
else
  fail "repin names the patch that no longer applies" "exit $rc" "$out"
fi
unset FAKE_APT

# --- configure_in (scripts/build/common.sh): a tree is configured again,
# from scratch, exactly when its configure command line changes ----------
printf '#!/bin/sh\necho "$*" >configured-with\necho run >>../configure-runs\n[ "$1" != --fail ]\n' \
  >fake-configure
chmod +x fake-configure
configure() {  # ARG...: configure_in cfgtree with fake-configure ARG...
  (TOP=$(cd "$here/../.." && pwd) SRC=- OBJ=- PREFIX=- SYSROOT=- TARGET=- JOBS=1
   . "$scripts/build/common.sh" 2>/dev/null; set +x
   configure_in "$PWD/cfgtree" "$PWD/fake-configure" "$@") >/dev/null 2>&1
}
runs() { wc -l <configure-runs 2>/dev/null || echo 0; }
configure --one && touch cfgtree/built
check "configure_in configures a new tree" test "$(runs)" = 1 -a -f cfgtree/configured-with
configure --one
check "configure_in keeps a tree configured with the same line" \
  test "$(runs)" = 1 -a -f cfgtree/built
configure --two
check "configure_in starts the tree again when the line changes" \
  test "$(runs)" = 2 -a ! -e cfgtree/built -a "$(cat cfgtree/configured-with)" = --two
configure --fail
configure --fail
check "configure_in records no line when configure fails" test "$(runs)" = 4

# --- scripts/step.sh under make -n: the Makefile's step recipes are marked
# + (the jobserver), so make -n runs them; the step must not run -----------
printf 'all:\n\t+@%s toy-step %s touch ran && touch stamp\n' \
  "$scripts/step.sh" "$PWD/step.log" >Makefile.steps
make -n -f Makefile.steps >/dev/null 2>&1
check "make -n runs no build step and touches no stamp" test ! -e ran -a ! -e stamp
make -f Makefile.steps >/dev/null 2>&1
check "  make runs it" test -e ran -a -e stamp
