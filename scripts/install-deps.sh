#!/bin/bash
# install-deps.sh: make sure the Debian 12 packages the build needs are
# installed.  As root it installs them (adding a deb-src entry for
# `apt-get source`); otherwise it prints the exact command and fails.
set -euo pipefail

# Source packages (tarballs under /usr/src), build tools and test tools.
PACKAGES=(
  binutils-source gcc-12-source uclibc-source linux-source-6.12
  build-essential bison flex texinfo gawk bc cpio rsync xz-utils bzip2 file
  libgmp-dev libmpfr-dev libmpc-dev zlib1g-dev
  python3 ninja-build meson libglib2.0-dev pkg-config dpkg-dev
  dejagnu qemu-system-misc gcc-riscv64-linux-gnu ccache
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
    || missing+=("$p")
done

need_src=no
grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ || \
  grep -qs '^deb-src ' /etc/apt/sources.list || need_src=yes

if [ ${#missing[@]} -eq 0 ] && [ $need_src = no ]; then
  exit 0
fi

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
