#!/bin/bash
# usage: scanl.sh ROOT OUT [extra args...]: the lesson scan through ROOT/mcsweep
root=$1; out=$2; shift 2
exec "$root/mcsweep" sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 --iterations 10000 -q --out "$out" "$@"
