#!/usr/bin/env bash
# usage: bench.sh ROUNDS OUTFILE 'label=command' ...
# Runs every command once per round, in the order given (interleaved), as a whole process from this shell
# (no wrapper process), and writes "label wall_us cpu_us" per run: wall from $EPOCHREALTIME, CPU (user +
# system of the process and its children) from the shell's `times`. Prints medians; ratios against the
# command labelled "hello".
rounds=$1 out=$2; shift 2
: > "$out"
cpu_file=$(mktemp)
ms() { local t=${1%s}; local sec=${t#*m}; echo $(( 10#${t%%m*} * 60000 + 10#${sec/./} )); } # 1m2.345s -> 62345
child_cpu_us() { # sets c to the children's user + system time: the second line of `times` (0m0.012s 0m0.004s)
  local u s
  times > "$cpu_file" # a builtin in this shell, so its children's times (in a $(...) they would be the subshell's)
  { read -r _; read -r u s; } < "$cpu_file"
  c=$(( $(ms "$u") + $(ms "$s") ))
}
for ((r = 1; r <= rounds; r++)); do
  for spec in "$@"; do
    label=${spec%%=*} cmd=${spec#*=}
    child_cpu_us; c0=$c
    t0=$EPOCHREALTIME
    eval "$cmd" >/dev/null 2>&1
    t1=$EPOCHREALTIME
    child_cpu_us
    echo "$label $(( ${t1/./} - ${t0/./} )) $(( (c - c0) * 1000 ))" >> "$out"
  done
done
rm -f "$cpu_file"
python3 - "$out" <<'PY'
import sys, statistics, collections
d = collections.OrderedDict()
for l in open(sys.argv[1]):
    k, w, c = l.split(); d.setdefault(k, []).append((int(w) / 1000, int(c) / 1000))
wall = {k: statistics.median(x[0] for x in v) for k, v in d.items()}
cpu = {k: statistics.median(x[1] for x in v) for k, v in d.items()}
h = 'hello' in d
for k, v in d.items():
    r = f"  {wall[k] / wall['hello']:.2f}x hello (CPU {cpu[k] / cpu['hello']:.2f}x)" if h else ""
    print(f"{k:22s} n={len(v):2d} wall median {wall[k]:6.1f} ms (min {min(x[0] for x in v):6.1f}, max {max(x[0] for x in v):6.1f})  CPU {cpu[k]:5.1f} ms{r}")
PY
