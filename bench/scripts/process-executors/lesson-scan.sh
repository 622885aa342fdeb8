#!/usr/bin/env bash
# The lesson scan through the CLI: 324 tasks x 10,000 steps, CSV traces; wall time per executor.
J=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=$(cd "$(dirname "$0")/../../.." && pwd)/cli/target/mcsweep.jar
for ex in "$@"; do
  rm -rf /tmp/mcsweep-scan-$ex
  s=$(date +%s%N)
  $J $JOPTS -jar $JAR sweep --beta 0.1,0.2,0.3,0.5,1.0,2.0,3.0,5.0,10.0 --x0 0.1,0.2,0.3,0.5,1.0,2.0,3.0,5.0,10.0 \
     --h 0.25,0.5,1.0,2.5 --iterations 10000 -q -e $ex -j 2 --out /tmp/mcsweep-scan-$ex ${FORMAT:+--format $FORMAT}
  rc=$?
  e=$(date +%s%N)
  echo "$ex: rc=$rc wall $(( (e-s)/1000000 )) ms  load $(cut -d' ' -f1 /proc/loadavg)"
done
