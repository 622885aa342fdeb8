#!/bin/bash
# Launch to the first task's submission of the lesson's scan (324 x 10,000 steps, CSV, -j 2) without a daemon,
# two launchers interleaved (e.g. a clone of the commit before, built and cached, and ./mcsweep), each run into a
# fresh folder; -Dmcsweep.debug.timing=true makes the sweep print "tasks submitted at MICROS".
# Usage: ROUNDS=11 ttf-cold.sh LAUNCHER_A LAUNCHER_B; prints the raw rows and the medians.
set -eu
rounds=${ROUNDS:-11}
runs=$(mktemp -d /tmp/ttf-cold-XXXXXX)
for ((r = 0; r < rounds; r++)); do
  for L in "$@"; do
    d=$(mktemp -d -p "$runs"); t0=$EPOCHREALTIME
    MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true MCSWEEP_DAEMON=off "$L" sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 \
      --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 --iterations 10000 -q --out "$d/o" -j 2 2>"$d/err" >/dev/null
    t1=$EPOCHREALTIME
    awk -v L="$L" -v t0="${t0/./}" -v t1="${t1/./}" '/tasks submitted/{printf "%s %d %d\n", L, ($NF-t0)/1000, (t1-t0)/1000}' "$d/err"
  done
done | tee "$runs/raw.txt"
python3 - "$runs/raw.txt" "$@" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
for L in sys.argv[2:]:
    a = [int(r[1]) for r in rows if r[0] == L]; b = [int(r[2]) for r in rows if r[0] == L]
    print("%s: first task %d ms, end %d ms (medians of %d)" % (L, st.median(a), st.median(b), len(a)))
PY
rm -rf "$runs"
