#!/bin/bash
# export-series.sh SRC PATCHDIR: write the commits base..HEAD of SRC as the
# patch series PATCHDIR/NNNN-*.patch (git format-patch), replacing the old
# series.  Commit ids are zeroed so that re-exporting is stable.
set -euo pipefail
src=$1 pdir=$2
if [ -n "$(git -C "$src" status --porcelain --untracked-files=no)" ]; then
  echo "export-series: $src has uncommitted changes; commit (or stash) them first" >&2
  exit 1
fi
mkdir -p "$pdir"
rm -f "$pdir"/*.patch
git -C "$src" format-patch -q --no-numbered --zero-commit --no-signature --full-index \
  -o "$(cd "$pdir" && pwd)" base..HEAD
git -C "$src" update-ref refs/series/applied HEAD
ls "$pdir"/*.patch 2>/dev/null | sed 's|^|  |' || echo "  (empty series)"
