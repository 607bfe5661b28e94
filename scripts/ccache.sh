# Sourced by the build steps (scripts/build/common.sh) and by
# scripts/check-series.sh, with TOP set: when ccache is installed, host
# compilers (gcc, g++, cc) run through its masquerade directory and hit the
# cache also from another checkout of this tree (CCACHE_BASEDIR).  Decided
# when a step runs, not when make reads the Makefile: on a fresh machine the
# deps step installs ccache after that.
if [ -x /usr/lib/ccache/gcc ] && ccache -k cache_dir >/dev/null 2>&1; then
  export PATH="/usr/lib/ccache:$PATH" CCACHE_BASEDIR="$TOP" CCACHE_NOHASHDIR=1
fi
