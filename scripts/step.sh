#!/bin/bash
# step.sh NAME LOG COMMAND...: run one build step with all its output in LOG;
# print one line when it ends with the elapsed time, or, on failure, the tail
# of the log and its path.  While it runs it shows progress: on a terminal a
# status line of every running step (elapsed time and what it is building,
# from its log), updated every few seconds; otherwise a line a minute.
name=$1 log=$2
shift 2
# make -n runs this recipe anyway (it is marked + to share the jobserver),
# and the step's own make would then run half of its install: refuse.
# Make's single-letter flags are the first word of MAKEFLAGS.
case ${MAKEFLAGS%% *} in
  -*|*=*) ;;
  *n*) echo "  $name: not run: make -n cannot show a build step without running it" >&2
       exit 1 ;;
esac
mkdir -p "$(dirname "$log")"
start=$(date +%s)
running=$(dirname "$log")/.running
mkdir -p "$running"

mmss() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
# what LOG: what the step is at, from the end of its log: the make directory,
# the ninja or kbuild target, the source file compiled, or configure's check.
what() {
  local w
  w=$(tail -c 16384 "$1" 2>/dev/null | tr -d '\r' | grep -a -oE \
      "Entering directory '[^']+'|^\[[0-9]+/[0-9]+\] [A-Za-z]+ [^ ]+|^  [A-Z0-9_]{2,8} +[^ ]+|[A-Za-z0-9_.+-]+\.(c|cc|S)( |$)|^checking [^.]+" \
      | tail -n 1)
  w=${w#Entering directory \'}; w=${w%\'}
  w=${w#"$TOP/"}
  printf '%s, %d log lines' "${w:-starting}" "$(wc -l <"$1" 2>/dev/null || echo 0)"
}

ticker() {
  local n=0 t
  if [ -t 1 ]; then
    while sleep 3; do
      t=$(( $(date +%s) - start ))
      printf '%s %s (%s)' "$name" "$(mmss $t)" "$(what "$log")" >"$running/$name"
      # One line for every step that runs now (parallel steps share it).
      printf '\r\033[K  ... %s' "$(cat "$running"/* 2>/dev/null | paste -sd';' | cut -c1-$(( $(tput cols 2>/dev/null || echo 100) - 8 )))"
    done
  else
    while sleep 60; do
      n=$((n + 1))
      echo "  $name: running for ${n}m ($(what "$log"))"
    done
  fi
}

[ -t 1 ] || echo "  $name: started (log $log)"
ticker & tpid=$!
"$@" >"$log" 2>&1 </dev/null
rc=$?
kill $tpid 2>/dev/null; wait $tpid 2>/dev/null
rm -f "$running/$name"
[ -t 1 ] && printf '\r\033[K'
t=$(( $(date +%s) - start ))
if [ $rc -eq 0 ]; then
  printf '  %-22s done in %s\n' "$name" "$(mmss $t)"
else
  printf '  %-22s FAILED after %s (exit %d); last lines of the log:\n' \
    "$name" "$(mmss $t)" $rc
  tail -n 30 "$log" | sed 's/^/    | /'
  printf '  full log: %s\n' "$log"
fi
exit $rc
