#!/usr/bin/env bash
# flags.sh ROUNDS WORKLOADS... ; variants fixed below; runs ./mcsweep of the worktree
cd /work/wt/s4-startup
rounds=$1; shift
S="sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 -q --iterations 10000"
declare -A V
V[late_c2]=""
V[late_t3]="-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000"
V[later_t3]="-XX:Tier3InvocationThreshold=5000 -XX:Tier3MinInvocationThreshold=2000 -XX:Tier3CompileThreshold=50000"
V[late_t3_bk]="-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=200000"
V[t3_dc2]="-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier4InvocationThreshold=5000 -XX:Tier4MinInvocationThreshold=600 -XX:Tier4CompileThreshold=15000 -XX:Tier4BackEdgeThreshold=40000"
order=(late_c2 late_t3 later_t3 late_t3_bk t3_dc2)
declare -A W
W[csv2]="-j 2"; W[csv1]="-j 1"; W[none2]="--format none -j 2"; W[none1]="--format none -j 1"
res=/tmp/s4/flags.res.$$; : > $res
for r in $(seq $rounds); do
  for w in "$@"; do
    for v in "${order[@]}"; do
      out=/tmp/s4/fl.$$.$r.$w.$v
      opts=${V[$v]}; cache=auto
      if [ "$opts" = CACHEOFF ]; then opts=""; cache=off; fi
      /usr/bin/time -f "%e %U %S" -o /tmp/s4/flt.$$ env MCSWEEP_CACHE=$cache MCSWEEP_JAVA_OPTS="$opts" ./mcsweep $S ${W[$w]} --out $out >/dev/null 2>/tmp/s4/fle.$$ || { echo FAIL $v; cat /tmp/s4/fle.$$; }
      read e u s < <(tail -1 /tmp/s4/flt.$$)
      echo "$w $v $e $(echo "$u + $s" | bc)" >> $res
    done
  done
  :
done
rm -rf /tmp/s4/fl.$$.*
echo $res
python3 - "$res" <<'PY'
import sys,statistics,collections
w=collections.defaultdict(list);c=collections.defaultdict(list);order=[]
for l in open(sys.argv[1]):
    wl,v,e,cp=l.split(); k=(wl,v)
    if k not in order: order.append(k)
    w[k].append(float(e)); c[k].append(float(cp))
for k in order: print(f"{k[0]:6s} {k[1]:11s} wall {statistics.median(w[k]):.3f}  cpu {statistics.median(c[k]):.3f}  n={len(w[k])}")
PY
uptime
