#!/usr/bin/env bash
# usage: components.sh BEFORE_ROOT AFTER_ROOT ROUNDS OUT
# The parts of `./mcsweep --version`, before and after, interleaved: the launcher alone (a copy of each tree's
# ./mcsweep that exits where it would exec java) and the JVM alone (java started with the launcher's flags and
# the cache each tree's launcher picks, without the script).
set -eu
before=$1 after=$2 rounds=$3 out=$4
here=$(cd "${0%/*}" && pwd)
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for t in "$before" "$after"; do
  sed 's/^exec "\$java" "\${flags\[@\]}"/exit 0; &/' "$t/mcsweep" > "$t/mcsweep-noexec"
  chmod +x "$t/mcsweep-noexec"
done
f="-XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xlog:aot=off"
bc=$(ls "$before"/cli/target/mcsweep-[0-9]*.aot) ac=$(ls "$after"/cli/target/mcsweep-info-*.aot)
"$here/bench.sh" "$rounds" "$out" "hello=$java -cp /tmp/su Hello" \
  "before-launcher=$before/mcsweep-noexec --version" "after-launcher=$after/mcsweep-noexec --version" \
  "before-jvm=$java $f -XX:AOTCache=$bc -jar $before/cli/target/mcsweep.jar --version" \
  "after-jvm=$java $f -XX:AOTCache=$ac -jar $after/cli/target/mcsweep.jar --version" \
  "after-jvm-sweepscache=$java $f -XX:AOTCache=$(ls "$after"/cli/target/mcsweep-[0-9]*.aot) -jar $after/cli/target/mcsweep.jar --version"
rm -f "$before/mcsweep-noexec" "$after/mcsweep-noexec"
