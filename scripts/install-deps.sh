#!/bin/bash
# install-deps.sh: make sure the Debian 12 packages the build needs are
# installed: the build and test tools here, and the pinned source packages of
# scripts/sources.sha256 at exactly their pinned versions (scripts/pins.sh).
# As root it installs them (adding a deb-src entry for `apt-get source`);
# otherwise it prints the exact command and fails.  The log (build/logs/
# deps.log) ends with the installed version of every package results depend
# on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# Build tools and test tools.
PACKAGES=(
  build-essential bison flex texinfo gawk bc cpio rsync xz-utils bzip2 file
  libgmp-dev libmpfr-dev libmpc-dev zlib1g-dev
  python3 ninja-build meson libglib2.0-dev pkg-config dpkg-dev
  dejagnu qemu-system-misc gcc-riscv64-linux-gnu ccache genromfs asciidoctor
)
# The packages whose exact version goes into the log: tools that make or
# run results (the kernel's compiler, the nommu machine, the test driver).
RECORD=(qemu-system-misc gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu dejagnu gcc make)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
    || missing+=("$p")
done

need_src=no
grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ || \
  grep -qs '^deb-src ' /etc/apt/sources.list || need_src=yes

if [ ${#missing[@]} -ne 0 ] || [ $need_src = yes ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-deps: not root; run this, then make again:" >&2
    [ $need_src = yes ] && echo "  sed 's/^Types: deb\$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/fdpic-deb-src.sources" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  if [ $need_src = yes ]; then
    # apt-get source needs a deb-src entry; mirror the deb822 binary entries.
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        > /etc/apt/sources.list.d/fdpic-deb-src.sources
    else
      sed -n 's/^deb /deb-src /p' /etc/apt/sources.list \
        > /etc/apt/sources.list.d/fdpic-deb-src.list
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  [ ${#missing[@]} -eq 0 ] || apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The pinned source packages, at their pinned versions; the package lists
# may predate a version pinned since they were last updated.
while read -r pkg ver; do
  [ "$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)" = "$ver" ] && continue
  [ "$(id -u)" = 0 ] && [ -z "${updated:-}" ] && { apt-get update; updated=1; }
done < <(awk '!/^#/ && NF == 5 && $5 ~ /^\// { print $2, $3 }' "$here/sources.sha256")
"$here/pins.sh" install

echo "Installed versions:"
dpkg-query -W -f='  ${Package} ${Version}\n' "${RECORD[@]}" \
  $(awk '!/^#/ && NF == 5 && $5 ~ /^\// { print $2 }' "$here/sources.sha256" | sort -u)
