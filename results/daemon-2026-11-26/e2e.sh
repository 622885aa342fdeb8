#!/bin/bash
# The lesson's scan as whole processes, with and without a daemon serving the folder, interleaved, each run into
# a fresh folder (deleted afterwards, outside the timed part). Usage: ROUNDS=9 [OUT_DIR=folder] e2e.sh; prints
# medians, and writes every run to OUT_DIR/e2e.json (default: this script's folder).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT_DIR:-$here}
mkdir -p /tmp/e2e-daemon/runs && cd /tmp/e2e-daemon
java=$(/work/main/bin/find-jdk)/bin/java
[ -f /tmp/e2e-daemon/Hello.class ] || { printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > Hello.java; "$(dirname "$java")/javac" Hello.java; }
# Started by the same python3 that runs the timed commands: pyenv's python puts its own PATH in their environment,
# and bench.py OUT; a daemon serves only commands whose environment is its own.
OUT=$out/e2e.json python3 -c 'import subprocess, sys; sys.exit(subprocess.run("/work/main/mcsweep daemon start", shell=True).returncode)' >&2
OUT=$out/e2e.json python3 /work/main/results/startup-e2e-2026-11-26/bench.py "${ROUNDS:-9}" \
  "hello=$java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp /tmp/e2e-daemon Hello" \
  "--version=/work/main/mcsweep --version" \
  "executors, daemon=/work/main/mcsweep executors" \
  "executors, no daemon=MCSWEEP_DAEMON=off /work/main/mcsweep executors" \
  "scan -j 1, daemon=$here/scan.sh -j 1" \
  "scan -j 2, daemon=$here/scan.sh -j 2" \
  "scan -j 2 none, daemon=$here/scan.sh -j 2 --format none" \
  "scan -j 1, no daemon=MCSWEEP_DAEMON=off $here/scan.sh -j 1" \
  "scan -j 2, no daemon=MCSWEEP_DAEMON=off $here/scan.sh -j 2"
OUT=$out/e2e.json python3 -c 'import subprocess; subprocess.run("/work/main/mcsweep daemon status; /work/main/mcsweep daemon stop", shell=True)' >&2
rm -rf /tmp/e2e-daemon/runs
