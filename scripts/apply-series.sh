#!/bin/bash
# apply-series.sh SRC PATCHDIR: make the git tree SRC hold tag `base` plus
# the series PATCHDIR/*.patch, one commit per patch (like `git am`); a
# cover letter (0000-cover-letter.patch) is not a patch.
#
# The series is built in a scratch index, never in the work tree; only then
# is the work tree moved to the result, so files whose content does not change
# keep their timestamps and make rebuilds only what a patch really changed.
# Work that is not yet exported (uncommitted edits, or commits that differ
# from the series) is never thrown away: the script stops and says so.
set -euo pipefail
src=$1
pdir=$(cd "$2" && pwd)
cd "$src"
note() { echo "apply-series: $*" >&2; }

base=$(git rev-parse --verify -q 'refs/tags/base^{commit}') \
  || { note "$src has no 'base' tag"; exit 1; }

idx="$PWD/.git/series-index"
trap 'rm -f "$idx" "$idx.lock" .git/series-msg .git/series-patch' EXIT
export GIT_INDEX_FILE="$idx"
git read-tree "$base"
head=$base
shopt -s nullglob
for p in "$pdir"/*.patch; do
  [ "$(basename "$p")" != 0000-cover-letter.patch ] || continue
  info=$(git mailinfo .git/series-msg .git/series-patch <"$p")
  field() { sed -n "s/^$1: //p" <<<"$info" | head -n 1; }
  if ! git apply --cached --whitespace=nowarn .git/series-patch; then
    note "$(basename "$p") does not apply to $src (series $pdir)"
    exit 1
  fi
  tree=$(git write-tree)
  export GIT_AUTHOR_NAME="$(field Author)" GIT_AUTHOR_EMAIL="$(field Email)"
  export GIT_AUTHOR_DATE="$(field Date)"
  export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
  export GIT_COMMITTER_DATE="$GIT_AUTHOR_DATE"
  head=$(printf '%s\n\n%s' "$(field Subject)" "$(cat .git/series-msg)" \
         | git commit-tree "$tree" -p "$head")
done
unset GIT_INDEX_FILE

current=$(git rev-parse HEAD)
if [ "$(git rev-parse "$head^{tree}")" = "$(git rev-parse "$current^{tree}")" ] \
   && [ -z "$(git status --porcelain --untracked-files=no)" ]; then
  git update-ref refs/series/applied "$current"
  exit 0            # the tree already holds exactly this series
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  note "$src has uncommitted changes; commit them and run 'make export-<component>', or discard them"
  git status --short --untracked-files=no | head >&2
  exit 1
fi
recorded=$(git rev-parse -q --verify refs/series/applied || echo "$base")
if [ "$current" != "$recorded" ]; then
  note "$src has commits that are not in $pdir; run 'make export-<component>' first"
  note "(or drop them: git -C $src reset --hard $recorded)"
  exit 1
fi
# Two-way checkout: only paths whose content differs are rewritten.
git checkout -q -B series "$head"
git update-ref refs/series/applied "$head"
echo "apply-series: $src now at $(git rev-list --count "$base..$head") patch(es) from $pdir" >&2
