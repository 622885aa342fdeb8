#!/usr/bin/env bash
# usage: bench.sh ROUNDS label1 'cmd1' label2 'cmd2' ... ; OUT placeholder in commands replaced by fresh dir
# prints medians of wall and CPU (user+sys) per label; interleaved
rounds=$1; shift
labels=(); cmds=()
while [ $# -gt 0 ]; do labels+=("$1"); cmds+=("$2"); shift 2; done
res=/tmp/s4/res.$$; : > $res
for r in $(seq $rounds); do
  for i in "${!labels[@]}"; do
    d=/tmp/s4/out.$$.$r.$i
    c=${cmds[$i]//OUT/$d}
    /usr/bin/time -f "%e %U %S" -o /tmp/s4/t.$$ bash -c "$c" >/dev/null 2>/tmp/s4/err.$$ || { echo "FAIL ${labels[$i]}"; cat /tmp/s4/err.$$; }
    read e u s < <(tail -1 /tmp/s4/t.$$)
    echo "${labels[$i]} $e $(echo "$u + $s" | bc)" >> $res
  done
  :
done
rm -rf /tmp/s4/out.$$.*; python3 - "$res" <<'PY'
import sys,statistics,collections
w=collections.defaultdict(list);c=collections.defaultdict(list);order=[]
for l in open(sys.argv[1]):
    k,e,cp=l.split(); 
    if k not in order: order.append(k)
    w[k].append(float(e)); c[k].append(float(cp))
for k in order: print(f"{k:28s} wall {statistics.median(w[k]):.3f}  cpu {statistics.median(c[k]):.3f}  n={len(w[k])}  walls={sorted(w[k])}")
PY
uptime
