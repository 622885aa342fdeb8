#!/usr/bin/env bash
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
S="sweep --beta 0.1,0.2,0.3,0.5,1,2,3,5,10 --x0 0.1,0.2,0.3,0.5,1,2,3,5,10 --h 0.25,0.5,1,2.5 -q --out OUT"
B=/tmp/s4/before/mcsweep; A=/work/wt/s4-startup/mcsweep
args=(hello "$J -cp /tmp/s4 Hello")
for v in before after; do
  m=$B; [ $v = after ] && m=$A
  args+=("$v-version" "$m --version" "$v-help" "$m sweep --help" "$v-dry" "$m $S --iterations 10000 --dry-run"
         "$v-it1none" "$m $S --iterations 1 --format none -j 2" "$v-none2" "$m $S --iterations 10000 --format none -j 2"
         "$v-csv2" "$m $S --iterations 10000 -j 2" "$v-csv1" "$m $S --iterations 10000 -j 1")
done
/tmp/s4/bench.sh "$1" "${args[@]}"
