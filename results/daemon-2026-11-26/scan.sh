#!/bin/bash
# scan.sh EXTRA...: the lesson's scan (324 tasks x 10,000 steps, CSV traces) through ./mcsweep into a fresh folder
mkdir -p /tmp/e2e-daemon/runs; d=$(mktemp -d -p /tmp/e2e-daemon/runs)
exec /work/main/mcsweep sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 \
  --h 0.25,0.5,1,2.5 --iterations 10000 -q --out "$d/o" "$@"
