#!/bin/bash
# scan.sh ROOT EXTRA...: the lesson scan into a fresh folder
root=$1; shift
d=$(mktemp -d -p /tmp/e2e/runs)
exec "$root/mcsweep" sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 --iterations 10000 -q --out "$d/o" "$@"
