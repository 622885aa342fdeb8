#!/bin/bash
# Launch to the first task's submission of the lesson's scan (324 x 10,000 steps, CSV, -j 2) without a daemon,
# two launchers interleaved (e.g. a clone of the commit before, built and cached, and ./mcsweep), each run into a
# fresh folder; -Dmcsweep.debug.timing=true makes the sweep print "tasks submitted at MICROS".
# Usage: [ROUNDS=11] [HELLO=1] [RUNS=folder] ttf-cold.sh LAUNCHER_A LAUNCHER_B; prints the raw rows and the
# medians. HELLO=1 also runs a hello-world class on the same JDK (java -cp DIR Hello, default flags) in every
# round and gives each median as a multiple of its. RUNS: where the scans write (default /tmp; a folder where
# nothing was deleted lately measures the code rather than the file system).
set -eu
rounds=${ROUNDS:-11}
mkdir -p "${RUNS:-/tmp}"
runs=$(mktemp -d -p "${RUNS:-/tmp}" ttf-cold-XXXXXX)
if [ -n "${HELLO:-}" ]; then
  java=$(bin/find-jdk)/bin/java
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$runs/Hello.java"
  "$(dirname "$java")/javac" -d "$runs" "$runs/Hello.java"
fi
for ((r = 0; r < rounds; r++)); do
  if [ -n "${HELLO:-}" ]; then
    t0=$EPOCHREALTIME; "$java" -cp "$runs" Hello >/dev/null; t1=$EPOCHREALTIME
    echo "hello $(( (${t1/./} - ${t0/./}) / 1000 ))"
  fi
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
hello = [int(r[1]) for r in rows if r[0] == "hello"]
if hello:
    print("hello: %d ms (median of %d)" % (st.median(hello), len(hello)))
for L in sys.argv[2:]:
    a = [int(r[1]) for r in rows if r[0] == L]; b = [int(r[2]) for r in rows if r[0] == L]
    ratio = " (%.2fx hello)" % (st.median(a) / st.median(hello)) if hello else ""
    print("%s: first task %d ms%s, end %d ms (medians of %d)" % (L, st.median(a), ratio, st.median(b), len(a)))
PY
rm -rf "$runs"
