# Sourced by every build step.  The Makefile exports:
#   TOP SRC OBJ PREFIX SYSROOT TARGET CONFIG JOBS
set -euxo pipefail
: "${TOP:?} ${SRC:?} ${OBJ:?} ${PREFIX:?} ${SYSROOT:?} ${TARGET:?} ${JOBS:?}"
export PATH="$PREFIX/bin:$PATH"
# Host code is built without -g: smaller, faster, and the same in every
# checkout, so ccache (when installed) hits across clones.
HOST_FLAGS=(CFLAGS=-O2 CXXFLAGS=-O2)
