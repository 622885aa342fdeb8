#!/bin/bash
# A/B of daemon warm-ups: each batch starts a daemon with its warm-up, times 7 scans -j 2 and 7 -j 1, stops it.
cd /tmp/e2e-daemon; mkdir -p runs
for rep in 1 2; do
for cfg in "5 10000" "8 2000" "15 2000"; do
  set -- $cfg
  export MCSWEEP_JAVA_OPTS="-Dmcsweep.daemon.warm-up=$1 -Dmcsweep.daemon.warm-up.steps=$2"
  /work/main/mcsweep daemon start >/dev/null 2>&1
  for j in 2 1; do
    ts=()
    for i in 1 2 3 4 5 6 7; do
      s=$(date +%s%N); /work/main/results/daemon-2026-11-26/scan.sh -j $j; e=$(date +%s%N); ts+=($(( (e-s)/1000000 )))
    done
    echo "rounds $1 steps $2 -j $j: median $(printf '%s\n' "${ts[@]}" | sort -n | sed -n 4p) ms: ${ts[*]}"
  done
  /work/main/mcsweep daemon stop >/dev/null
done
done
