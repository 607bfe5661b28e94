#!/bin/bash
# fetch-sources.sh: download the source packages that no binary package
# ships (busybox, qemu) into $DL with `apt-get source --download-only`.
# Their sha256 is checked by unpack.sh against sources.sha256.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dl=${DL:-$here/../build/dl}
mkdir -p "$dl"
awk '!/^#/ && NF == 4 && $4 !~ /^\// { print $2, $4 }' "$here/sources.sha256" |
while read -r pkg file; do
  [ -f "$dl/$file" ] && continue
  (cd "$dl" && apt-get source --download-only "$pkg")
  [ -f "$dl/$file" ] || { echo "fetch: apt-get source $pkg did not give $file" >&2; exit 1; }
done
