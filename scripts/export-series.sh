#!/bin/bash
# export-series.sh SRC PATCHDIR: write the commits base..HEAD of SRC as the
# patch series PATCHDIR/NNNN-*.patch (git format-patch), replacing the old
# series.  Commit ids are zeroed so that re-exporting is stable.
#
# PATCHDIR/0000-cover-letter.patch, if there is one, keeps its subject and
# its text (everything above the shortlog); the shortlog, the diffstat, the
# patch count and the date are regenerated from the series.
set -euo pipefail
src=$1 pdir=$2
if [ -n "$(git -C "$src" status --porcelain --untracked-files=no)" ]; then
  echo "export-series: $src has uncommitted changes; commit (or stash) them first" >&2
  exit 1
fi
mkdir -p "$pdir"
pdir=$(cd "$pdir" && pwd)
cover="$pdir/0000-cover-letter.patch"
old=
[ ! -e "$cover" ] || old=$(cat "$cover")
find "$pdir" -maxdepth 1 -name '*.patch' -delete
git -C "$src" format-patch -q --no-numbered --zero-commit --no-signature --full-index \
  ${old:+--cover-letter} -o "$pdir" base..HEAD
if [ -n "$old" ]; then
  OLD="$old" N=$(git -C "$src" rev-list --count base..HEAD) \
  DATE=$(git -C "$src" log -1 --format=%aD) python3 - "$cover" <<'PY'
import os, re, sys
path = sys.argv[1]
old, new = os.environ["OLD"], open(path).read()
subject = re.search(r"^Subject: \[PATCH[^]]*\] (.*(?:\n .*)*)", old, re.M).group(1)
# The text: after the headers, up to the shortlog ("Author (N):").
body = old.split("\n\n", 1)[1]
text = re.split(r"^\S.* \(\d+\):$", body, maxsplit=1, flags=re.M)[0]
new = re.sub(r"^Date: .*$", "Date: " + os.environ["DATE"], new, count=1, flags=re.M)
new = new.replace("Subject: [PATCH] *** SUBJECT HERE ***",
                  "Subject: [PATCH 0/%s] %s" % (os.environ["N"], subject), 1)
new = new.replace("*** BLURB HERE ***\n\n", text, 1)
open(path, "w").write(new)
PY
fi
git -C "$src" update-ref refs/series/applied HEAD
ls "$pdir"/*.patch 2>/dev/null | sed 's|^|  |' || echo "  (empty series)"
