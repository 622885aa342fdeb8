#!/bin/sh
# Writes the formatter and CSV writer as they were at this round's start (974d0a1), renamed, into DIR
# (default .), for CsvCpuTimeV2 and WarmFormat. Run from the repository root. An optional second argument
# names another commit to take them from (round 2 used 34ce641, the end of round 1, as its "start").
dir=${1:-.}/mcsweep/kernel/io
rev=${2:-974d0a1}
mkdir -p "$dir"
git show "$rev":kernel/src/main/java/mcsweep/kernel/io/ShortestDouble.java \
  | sed 's/class ShortestDouble/class ShortestDoubleAtStart/; s/private ShortestDouble()/private ShortestDoubleAtStart()/' \
  > "$dir/ShortestDoubleAtStart.java"
git show "$rev":kernel/src/main/java/mcsweep/kernel/io/CsvTraceWriter.java \
  | sed 's/class CsvTraceWriter/class CsvTraceWriterAtStart/; s/public CsvTraceWriter(/public CsvTraceWriterAtStart(/; s/ShortestDouble\./ShortestDoubleAtStart./g' \
  > "$dir/CsvTraceWriterAtStart.java"
