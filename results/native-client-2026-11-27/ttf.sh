#!/bin/bash
# Launch to the first task's submission of the lesson's scan (324 x 10,000 steps, CSV, -j 2), interleaved: served
# through the C client, served through the JVM client, and without a daemon; each run into a fresh folder. Every
# command and the daemon run with MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true (see launchers.sh), with which the
# JVM that runs the sweep prints "tasks submitted at MICROS". Usage: ROUNDS=9 ttf.sh; prints medians.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/launchers.sh"
rounds=${ROUNDS:-9}
runs=$(mktemp -d /tmp/ttf-XXXXXX)
cd "$main"
export MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true
java=$(bin/find-jdk)/bin/java
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$runs/Hello.java"
"$(dirname "$java")/javac" -d "$runs" "$runs/Hello.java"
./mcsweep daemon start >&2
"$c_timing" executors >/dev/null # builds its client, untimed
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
  echo "c $(scan "$c_timing")"
  echo "jvm $(scan "$jvm_client")"
  echo "cold $(MCSWEEP_DAEMON=off scan ./mcsweep)"
done > "$runs/raw.txt"
./mcsweep daemon stop >&2
cat "$runs/raw.txt"
python3 - "$runs/raw.txt" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
med = lambda k, i: st.median(int(r[i]) for r in rows if r[0] == k and len(r) > i)
print("medians: hello %d ms; served, C client: first task %d ms, end %d ms; served, JVM client: first task %d ms,"
      " end %d ms; no daemon: first task %d ms, end %d ms"
      % (med("hello", 1), med("c", 1), med("c", 2), med("jvm", 1), med("jvm", 2), med("cold", 1), med("cold", 2)))
PY
rm -rf "$runs"
