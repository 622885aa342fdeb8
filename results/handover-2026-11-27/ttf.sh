#!/bin/bash
# Launch to the first task's submission of the lesson's scan (324 x 10,000 steps, CSV, -j 2), through ./mcsweep,
# with and without a daemon serving the folder, interleaved; each run into a fresh folder. The daemon and every
# client share MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true (a daemon serves only its own environment), which
# makes the JVM that runs the sweep print "tasks submitted at MICROS". Usage: ROUNDS=9 ttf.sh; prints medians.
set -eu
rounds=${ROUNDS:-9}
runs=$(mktemp -d /tmp/ttf-XXXXXX)
cd /work/main
export MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true
java=$(bin/find-jdk)/bin/java
[ -f "$runs/Hello.class" ] || { printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$runs/Hello.java"; "$(dirname "$java")/javac" -d "$runs" "$runs/Hello.java"; }
./mcsweep daemon start >&2
scan() {
  local d; d=$(mktemp -d -p "$runs")
  local t0=$EPOCHREALTIME
  "$@" sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 \
    --iterations 10000 -q --out "$d/o" -j 2 2>"$d/err"
  local t1=$EPOCHREALTIME
  awk -v t0="${t0/./}" -v t1="${t1/./}" '/tasks submitted/{printf "%d %d\n", ($NF-t0)/1000, (t1-t0)/1000}' "$d/err"
}
for ((r = 0; r < rounds; r++)); do
  t0=$EPOCHREALTIME; "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$runs" Hello >/dev/null; t1=$EPOCHREALTIME
  echo "hello $(( (${t1/./} - ${t0/./}) / 1000 ))"
  echo "served $(scan ./mcsweep)"
  echo "cold $(MCSWEEP_DAEMON=off scan ./mcsweep)"
done > "$runs/raw.txt"
./mcsweep daemon stop >&2
cat "$runs/raw.txt"
python3 - "$runs/raw.txt" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
med = lambda k, i: st.median(int(r[i]) for r in rows if r[0] == k)
print("medians: hello %d ms; served: first task %d ms, end %d ms; cold: first task %d ms, end %d ms"
      % (med("hello", 1), med("served", 1), med("served", 2), med("cold", 1), med("cold", 2)))
PY
rm -rf "$runs"
