#!/bin/bash
# headers-sum.sh SYSROOT SUMFILE: write the sha256 of the headers in
# SYSROOT/usr/include to SUMFILE, but only if it differs from what SUMFILE
# holds, so that SUMFILE's time says when the headers last changed.  gcc's
# step depends on SUMFILE: a change to the kernel or uClibc-ng series that
# leaves every header as it was rebuilds uClibc-ng, not gcc.
# bits/sysnum.h is left out: the headers step makes it with the host's
# preprocessor and the uclibc step again with the cross compiler.
set -euo pipefail
sum=$(cd "$1/usr/include" && find . -type f ! -path ./bits/sysnum.h -print0 |
      LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
[ "$(cat "$2" 2>/dev/null)" = "$sum" ] || echo "$sum" > "$2"
