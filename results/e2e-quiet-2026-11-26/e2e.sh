#!/bin/bash
# before/after, interleaved, fresh folders
cd /tmp/e2e
B=/work/wt/before; A=/work/main
SC="--beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 --iterations 10000 -q"
OUT=/tmp/final/e2e.json python3 /work/main/results/startup-e2e-2026-11-26/bench.py ${ROUNDS:-7} \
 "hello=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp /tmp Hello" \
 "before --version=$B/mcsweep --version" "after --version=$A/mcsweep --version" \
 "before sweep --help=$B/mcsweep sweep --help" "after sweep --help=$A/mcsweep sweep --help" \
 "before scan --dry-run=$B/mcsweep sweep $SC --dry-run --out /tmp/e2e/runs/dry" "after scan --dry-run=$A/mcsweep sweep $SC --dry-run --out /tmp/e2e/runs/dry" \
 "before scan -j 1=./scan.sh $B -j 1" "after scan -j 1=./scan.sh $A -j 1" \
 "before scan -j 2=./scan.sh $B -j 2" "after scan -j 2=./scan.sh $A -j 2" \
 "before scan -j 2 none=./scan.sh $B -j 2 --format none" "after scan -j 2 none=./scan.sh $A -j 2 --format none"
