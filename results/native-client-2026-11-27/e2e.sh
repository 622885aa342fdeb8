#!/bin/bash
# Whole processes with a daemon serving the folder: ./mcsweep with its C client against the same launcher with
# the JVM client, interleaved, and the scan without a daemon; the lesson's scan (324 x 10,000 steps, CSV) runs
# into a fresh folder each time, under RUNS (default /tmp/e2e-native/runs, removed at the end). Creating files on
# ext4 (mounted with discard) near where many were just deleted is slow (here 230 us per file in /tmp against 24
# us in /work after a mass deletion in /tmp), so RUNS should be a folder where nothing was deleted lately.
# Usage: ROUNDS=9 [OUT_DIR=folder] [RUNS=folder] e2e.sh; prints medians, writes OUT_DIR/e2e.json.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "${OUT_DIR:-$here}" && pwd)
. "$here/launchers.sh"
work=/tmp/e2e-native
runs=${RUNS:-$work/runs}
mkdir -p "$work" "$runs" && cd "$work"
java=$("$main/bin/find-jdk")/bin/java
[ -f Hello.class ] || { printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > Hello.java; "$(dirname "$java")/javac" Hello.java; }
cat > scan.sh <<'SCAN'
#!/bin/bash
# scan.sh LAUNCHER EXTRA...
d=$(mktemp -d -p "$RUNS"); l=$1; shift
exec "$l" sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 \
  --h 0.25,0.5,1,2.5 --iterations 10000 -q --out "$d/o" "$@"
SCAN
chmod +x scan.sh
export RUNS=$runs
# Started by the python3 that runs the timed commands: the same environment (a daemon serves only its own).
OUT=$out/e2e.json python3 -c 'import subprocess, sys; sys.exit(subprocess.run("/work/main/mcsweep daemon start", shell=True).returncode)' >&2
"$main/mcsweep" executors >/dev/null # builds the C client, untimed
OUT=$out/e2e.json python3 "$main/results/startup-e2e-2026-11-26/bench.py" "${ROUNDS:-9}" \
  "hello=$java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $work Hello" \
  "executors, C client=$main/mcsweep executors" \
  "executors, JVM client=$jvm_client executors" \
  "scan -j 1, C client=$work/scan.sh $main/mcsweep -j 1" \
  "scan -j 2, C client=$work/scan.sh $main/mcsweep -j 2" \
  "scan -j 2 none, C client=$work/scan.sh $main/mcsweep -j 2 --format none" \
  "scan -j 1, JVM client=$work/scan.sh $jvm_client -j 1" \
  "scan -j 2, JVM client=$work/scan.sh $jvm_client -j 2" \
  "scan -j 2, no daemon=MCSWEEP_DAEMON=off $work/scan.sh $main/mcsweep -j 2"
OUT=$out/e2e.json python3 -c 'import subprocess; subprocess.run("/work/main/mcsweep daemon status; /work/main/mcsweep daemon stop", shell=True)' >&2
[ -n "${RUNS_KEEP:-}" ] || rm -rf "$runs"
