# Sourced by every build step.  The Makefile exports:
#   TOP SRC OBJ PREFIX SYSROOT TARGET CONFIG JOBS
set -euxo pipefail
: "${TOP:?} ${SRC:?} ${OBJ:?} ${PREFIX:?} ${SYSROOT:?} ${TARGET:?} ${JOBS:?}"
. "$TOP/scripts/ccache.sh"
export PATH="$PREFIX/bin:$PATH"
# Host code is built without -g: smaller, faster, and the same in every
# checkout, so ccache (when installed) hits across clones.
HOST_FLAGS=(CFLAGS=-O2 CXXFLAGS=-O2)

# The parallelism of a step's make: run from a make with a jobserver (the
# top-level make -jN, whose step recipes are marked `+`), it takes its jobs
# from there, shared with the steps that run at the same time; run on its
# own, JOBS jobs.  ninja cannot join a make jobserver: it runs JOBS jobs.
if [[ " ${MAKEFLAGS-} " == *" --jobserver-auth="* || " ${MAKEFLAGS-} " == *" --jobserver-fds="* ]]; then
  PAR=()
else
  PAR=(-j"$JOBS")
fi

# configure_in DIR CONFIGURE [ARG...]: cd into DIR, a build tree configured
# by exactly this command line.  configure runs once in a tree, so a tree
# configured otherwise (DIR/configure.cmd records the command line of the
# last configure that succeeded) is emptied and configured again: a changed
# option is never ignored.
configure_in() {
  local dir=$1 cmd
  shift
  case $dir in "$TOP"/build/?*) ;; *) echo "configure_in: $dir is not under $TOP/build" >&2; exit 1 ;; esac
  cmd=$(printf '%q ' "$@")
  if [ "$(cat "$dir/configure.cmd" 2>/dev/null)" != "$cmd" ]; then
    [ ! -e "$dir" ] || echo "$dir: configured with other options: configuring it again from scratch"
    rm -rf "$dir"
    mkdir -p "$dir"
    (cd "$dir" && "$@")
    printf '%s\n' "$cmd" >"$dir/configure.cmd"
  fi
  cd "$dir"
}
