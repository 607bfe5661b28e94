#!/bin/bash
# pins.sh: the Debian source packages of scripts/sources.sha256, at exactly
# their pinned versions.
#
#   pins.sh install    install each pinned binary package (a file under
#                      /usr/src) at its pinned version, also over a newer
#                      installed one; not root: print the command and fail
#   pins.sh fetch      apt-get source --download-only PACKAGE=VERSION into
#                      $DL for each pinned source package not yet there
#   pins.sh repin COMPONENT=PATCHDIR...
#                      pin the newest version apt offers of every package:
#                      install or fetch it, record version and sha256, then
#                      unpack each COMPONENT and apply its series, naming
#                      the first patch that no longer applies
#
# A pinned version that apt no longer offers stops install and fetch with
# one message: the pinned version, the versions offered, and `make repin`.
# PINS (the pins file) and DL can be overridden; the pipeline suite does, and
# puts stand-ins for apt-get, apt-cache and dpkg-query first in PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PINS=${PINS:-$here/sources.sha256}
DL=${DL:-$here/../build/dl}
export PINS DL

note() { echo "pins: $*" >&2; }

# pins: the pin lines, as "component package version sha256 file".
pins() { awk '!/^#/ && NF == 5' "$PINS"; }

# offered PKG KIND: the versions apt offers of PKG, KIND Packages (binary)
# or Sources, one per line.
offered() {
  apt-cache madison "$1" 2>/dev/null | awk -F'|' -v p="$1" -v k="$2" '
    { for (i = 1; i <= NF; i++) gsub(/^ +| +$/, "", $i) }
    $1 == p && $3 ~ (" " k "$") { print $2 }' | sort -u
}

# newest VERSION...: the highest by Debian's ordering.
newest() {
  local best="" v
  for v in "$@"; do
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
  done
  echo "$best"
}

installed() {
  # dpkg-query fails for a package that was never installed: empty answer.
  { dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null || true; } \
    | awk '$1 == "install" && $2 == "ok" && $3 == "installed" { print $4 }'
}

# require_offered COMPONENT PKG VERSION KIND: stop unless apt offers it.
require_offered() {
  local list
  list=$(offered "$2" "$4")
  grep -qxF -- "$3" <<<"$list" && return 0
  note "$2 $3, pinned for $1 in $PINS, is not offered by apt; offered:" \
       "$(echo ${list:-none})." \
       "Run 'make repin' to pin the newest offered version of every source package."
  exit 1
}

# dsc_orig DIR PKG VERSION: the upstream tarball named by the .dsc.
dsc_orig() {
  local dsc="$1/${2}_${3#*:}.dsc"
  [ -f "$dsc" ] || { note "apt-get source $2=$3 gave no $dsc"; exit 1; }
  awk '/^Files:/ { f = 1; next } /^[^ ]/ { f = 0 } f && $3 ~ /\.orig\.tar\./ { print $3; exit }' "$dsc"
}

cmd_install() {
  local todo=() comp pkg ver sum file have
  while read -r comp pkg ver sum file; do
    case $file in /*) ;; *) continue ;; esac
    have=$(installed "$pkg")
    [ "$have" = "$ver" ] && continue
    printf '%s\n' "${todo[@]}" | grep -qxF "$pkg=$ver" && continue
    require_offered "$comp" "$pkg" "$ver" Packages
    todo+=("$pkg=$ver")
  done < <(pins)
  [ ${#todo[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    note "not root; run this, then make again:"
    echo "  apt-get install -y --no-install-recommends --allow-downgrades ${todo[*]}" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    --allow-downgrades "${todo[@]}"
}

cmd_fetch() {
  local comp pkg ver sum file
  mkdir -p "$DL"
  while read -r comp pkg ver sum file; do
    case $file in /*) continue ;; esac
    [ -f "$DL/$file" ] && continue
    require_offered "$comp" "$pkg" "$ver" Sources
    (cd "$DL" && apt-get source --download-only "$pkg=$ver")
    [ -f "$DL/$file" ] || { note "apt-get source $pkg=$ver did not give $file"; exit 1; }
  done < <(pins)
}

cmd_repin() {
  local comp pkg ver sum file kind new path line out rc failed=0
  local -A newver=()
  local new_pins
  new_pins=$(mktemp "$PINS.new.XXXXXX")
  trap 'rm -f "$new_pins"' EXIT
  mkdir -p "$DL"
  while IFS= read -r line; do
    if ! awk '!/^#/ && NF == 5 { ok = 1 } END { exit !ok }' <<<"$line"; then
      echo "$line" >>"$new_pins"; continue
    fi
    read -r comp pkg ver sum file <<<"$line"
    case $file in /*) kind=Packages ;; *) kind=Sources ;; esac
    if [ -z "${newver[$pkg]:-}" ]; then
      new=$(newest $(offered "$pkg" "$kind"))
      [ -n "$new" ] || { note "apt offers no version of $pkg"; exit 1; }
      newver[$pkg]=$new
      if [ "$kind" = Packages ]; then
        if [ "$(installed "$pkg")" != "$new" ]; then
          DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            --allow-downgrades "$pkg=$new"
        fi
      else
        (cd "$DL" && apt-get source --download-only "$pkg=$new")
      fi
      [ "$new" = "$ver" ] && echo "repin: $pkg $ver (unchanged)" \
                          || echo "repin: $pkg $ver -> $new"
    fi
    new=${newver[$pkg]}
    if [ "$kind" = Packages ]; then
      path=$file
    else
      file=$(dsc_orig "$DL" "$pkg" "$new")
      path=$DL/$file
    fi
    [ -f "$path" ] || { note "$pkg $new does not provide $path"; exit 1; }
    sum=$(sha256sum "$path" | cut -d' ' -f1)
    printf '%-9s %-18s %-19s %s  %s\n' "$comp" "$pkg" "$new" "$sum" "$file" >>"$new_pins"
  done <"$PINS"
  mv "$new_pins" "$PINS"
  trap - EXIT
  echo "repin: recorded in $PINS"

  # Every series on its new upstream tree, in a scratch directory.
  local work arg pdir
  work=$(mktemp -d "${TMPDIR:-/tmp}/repin.XXXXXX")
  for arg in "$@"; do
    comp=${arg%%=*} pdir=${arg#*=}
    out=$("$here/unpack.sh" "$comp" "$work/$comp" 2>&1 \
          && "$here/apply-series.sh" "$work/$comp" "$pdir" 2>&1) && rc=0 || rc=$?
    if [ $rc -eq 0 ]; then
      echo "repin: $comp: $(ls "$pdir"/[0-9]*.patch 2>/dev/null | grep -vc /0000-cover-letter.patch) patch(es) of $pdir apply"
    else
      failed=1
      echo "repin: $comp: FAILED: $(grep -E 'apply-series: .*does not apply|MISMATCH|missing|no pinned' <<<"$out" | head -n 1)"
      echo "$out" | sed 's/^/    | /' | tail -n 15
    fi
    rm -rf "$work/$comp"
  done
  rm -rf "$work"
  if [ $failed -ne 0 ]; then
    echo "repin: the new pins are recorded; fix the patch named above (make sources, then edit build/src/<component> and make export-<component>)" >&2
    exit 1
  fi
}

case ${1:-} in
  install) cmd_install ;;
  fetch) cmd_fetch ;;
  repin) shift; cmd_repin "$@" ;;
  *) echo "usage: $0 install | fetch | repin COMPONENT=PATCHDIR..." >&2; exit 2 ;;
esac
