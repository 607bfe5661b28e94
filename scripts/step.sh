#!/bin/bash
# step.sh NAME LOG COMMAND...: run one build step with all its output in LOG;
# print one progress line with the elapsed time, or, on failure, the tail of
# the log and its path.
name=$1 log=$2
shift 2
mkdir -p "$(dirname "$log")"
start=$(date +%s)
printf '  %-22s ' "$name"
"$@" >"$log" 2>&1 </dev/null
rc=$?
t=$(( $(date +%s) - start ))
if [ $rc -eq 0 ]; then
  printf 'done in %dm%02ds\n' $((t / 60)) $((t % 60))
else
  printf 'FAILED after %dm%02ds (exit %d); last lines of the log:\n' \
    $((t / 60)) $((t % 60)) $rc
  tail -n 30 "$log" | sed 's/^/    | /'
  printf '  full log: %s\n' "$log"
fi
exit $rc
