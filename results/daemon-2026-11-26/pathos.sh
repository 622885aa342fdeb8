#!/bin/bash
# The lesson's own program on pathos ProcessPool(nodes=2), the same scan (the reference line of issue 12, goal 4).
mkdir -p /tmp/e2e-daemon/runs
d=$(mktemp -d -p /tmp/e2e-daemon/runs)
exec /root/.pyenv/versions/3.11.7/bin/python3 /work/main/bench/src/main/resources/mcsweep/bench/lesson_pathos.py scan "$d" 2
