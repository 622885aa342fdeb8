#!/usr/bin/env bash
# usage: ftt.sh ROUNDS label dir ... : time from launch to "tasks submitted" for the it1none scan, plus hello wall
rounds=$1; shift
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
S="sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 -q --iterations 1 --format none -j 2"
res=/tmp/s4/ftt.$$; : > $res
for r in $(seq $rounds); do
  t0=$EPOCHREALTIME; $J -cp /tmp/s4 Hello >/dev/null; t1=$EPOCHREALTIME
  echo "hello $(echo "($t1 - $t0)*1000" | bc)" >> $res
  for arg in "$@"; do
    label=${arg%%=*}; dir=${arg#*=}
    out=/tmp/s4/fo.$$.$r.$label
    t0=$EPOCHREALTIME
    MCSWEEP_JAVA_OPTS=-Dmcsweep.debug.timing=true $dir/mcsweep $S --out $out 2>/tmp/s4/fe.$$ >/dev/null
    t1=$EPOCHREALTIME
    sub=$(grep -o "tasks submitted at [0-9]*" /tmp/s4/fe.$$ | awk '{print $4}')
    echo "$label-submit $(awk -v s=$sub -v t=$t0 "BEGIN{printf \"%.1f\", (s/1e6 - t)*1000}")" >> $res
    echo "$label-total $(echo "($t1 - $t0)*1000" | bc)" >> $res
  done
done
rm -rf /tmp/s4/fo.$$.*
python3 - "$res" <<'PY'
import sys,statistics,collections
w=collections.defaultdict(list);order=[]
for l in open(sys.argv[1]):
    k,v=l.split(); order.append(k) if k not in order else None; w[k].append(float(v))
for k in order: print(f"{k:20s} median {statistics.median(w[k]):7.1f} ms  min {min(w[k]):7.1f}  n={len(w[k])}")
PY
uptime
