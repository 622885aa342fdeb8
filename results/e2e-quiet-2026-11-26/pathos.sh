#!/bin/bash
d=$(mktemp -d -p /tmp/e2e/runs); exec /root/.pyenv/versions/3.11.7/bin/python3 /work/main/bench/src/main/resources/mcsweep/bench/lesson_pathos.py scan $d 2
