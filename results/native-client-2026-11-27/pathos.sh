#!/bin/bash
# The served scan (C client, -j 2) beside the lesson's program on pathos ProcessPool(nodes=2), interleaved, 3
# rounds. Usage: [RUNS=folder] pathos.sh (after e2e.sh, which writes scan.sh); writes pathos.json here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export RUNS=${RUNS:-/tmp/e2e-native/runs}
mkdir -p "$RUNS" && cd /tmp/e2e-native
py=/root/.pyenv/versions/3.11.7/bin/python3
OUT=$here/pathos.json python3 -c 'import subprocess, sys; sys.exit(subprocess.run("/work/main/mcsweep daemon start", shell=True).returncode)' >&2
OUT=$here/pathos.json python3 /work/main/results/startup-e2e-2026-11-26/bench.py 3 \
  "scan -j 2, C client=/tmp/e2e-native/scan.sh /work/main/mcsweep -j 2" \
  "pathos=d=\$(mktemp -d -p $RUNS) && $py /work/main/bench/src/main/resources/mcsweep/bench/lesson_pathos.py scan \$d 2"
OUT=$here/pathos.json python3 -c 'import subprocess; subprocess.run("/work/main/mcsweep daemon stop", shell=True)' >&2
