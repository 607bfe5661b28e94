#!/bin/bash
# unpack.sh COMPONENT DEST: verify the pinned tarball of COMPONENT (see
# sources.sha256), unpack it into DEST and make DEST a git repository whose
# first commit is the pristine upstream tree.  Debian's build fix for the
# dfsg gcc tarball (gcc-gfdl-build.diff) becomes a second commit.  The tag
# `base` marks the commit the project's patch series applies to.
#
# unpack.sh --current COMPONENT DEST: exit 0 if DEST holds the source of
# the current pin (after `make repin` it does not).  A tree of an earlier
# pin is replaced only if it holds no work that is not exported.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pins=${PINS:-$here/sources.sha256}
current=no
[ "$1" = --current ] && { current=yes; shift; }
comp=$1 dest=$2
dl=${DL:-$here/../build/dl}

# pin_id: the sha256s DEST is made from, recorded in its git config.
pin_id() {
  awk -v c="$comp" '($1 == c || (c == "gcc" && $1 == "gcc-gfdl")) && NF == 5 { s = s (s ? " " : "") $4 } END { print s }' "$pins"
}
if [ $current = yes ]; then
  [ -d "$dest/.git" ] && [ "$(git -C "$dest" config fdpic.pin || true)" = "$(pin_id)" ]
  exit
fi
if [ -d "$dest/.git" ]; then
  applied=$(git -C "$dest" rev-parse -q --verify refs/series/applied || true)
  if [ -n "$(git -C "$dest" status --porcelain --untracked-files=no)" ] \
     || [ "$(git -C "$dest" rev-parse HEAD)" != "${applied:-none}" ]; then
    echo "unpack: $dest was unpacked from another pin and holds work that is not exported;" >&2
    echo "  run 'make export-$comp' (or remove $dest), then make again" >&2
    exit 1
  fi
fi

# file_of NAME: print the verified path of NAME's pinned file, or fail.
file_of() {
  local line pkg sum file path actual
  line=$(awk -v c="$1" '$1 == c && NF == 5 { print; exit }' "$pins")
  [ -n "$line" ] || { echo "unpack: no pinned source for '$1' in $pins" >&2; exit 1; }
  read -r _ pkg ver sum file <<<"$line"
  case $file in /*) path=$file ;; *) path=$dl/$file ;; esac
  if [ ! -f "$path" ]; then
    echo "unpack: $path missing (Debian package $pkg $ver); run 'make fetch'" >&2; exit 1
  fi
  actual=$(sha256sum "$path" | cut -d' ' -f1)
  if [ "$actual" != "$sum" ]; then
    {
      echo "unpack: CHECKSUM MISMATCH for $path"
      echo "  expected $sum ($pins, $pkg $ver)"
      echo "  got      $actual"
      echo "  The file differs from the pinned upstream source; refusing to build."
    } >&2
    exit 1
  fi
  echo "$path"
}

tarball=$(file_of "$comp")
rm -rf "$dest.tmp"
mkdir -p "$dest.tmp"
tar -xf "$tarball" -C "$dest.tmp" --strip-components=1 --no-same-owner

# Fixed identity and dates: the same tarball always gives the same commits.
export GIT_AUTHOR_NAME="upstream" GIT_AUTHOR_EMAIL="upstream@localhost"
export GIT_COMMITTER_NAME="upstream" GIT_COMMITTER_EMAIL="upstream@localhost"
export GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" GIT_COMMITTER_DATE="2000-01-01T00:00:00Z"
git -C "$dest.tmp" init -q
git -C "$dest.tmp" config core.autocrlf false
git -C "$dest.tmp" config gc.auto 0
git -C "$dest.tmp" add -A -f .
git -C "$dest.tmp" commit -q --no-verify -m "Pristine $(basename "$tarball")"

if [ "$comp" = gcc ]; then
  diff=$(file_of gcc-gfdl)
  # Debian's patch is rooted at src/, two levels above gcc/.
  git -C "$dest.tmp" apply -p2 "$diff"
  git -C "$dest.tmp" commit -q -a --no-verify \
    -m "Debian gcc-gfdl-build.diff: build without the GFDL manuals" \
    -m "The dfsg tarball lacks doc/tm.texi; Debian's patch makes s-tm-texi a no-op."
fi
git -C "$dest.tmp" tag base
git -C "$dest.tmp" config fdpic.pin "$(pin_id)"
rm -rf "$dest"
mv "$dest.tmp" "$dest"
