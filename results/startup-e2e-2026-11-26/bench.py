#!/usr/bin/env python3
"""Interleaved whole-process timing: bench.py ROUNDS name=cmd ... ; prep via PREP env (shell cmd run before each).
Prints median wall, median cpu (user+sys of children), min wall, per config, and load averages."""
import os, sys, subprocess, time, statistics, json, shlex
rounds = int(sys.argv[1]); cfgs = [a.split('=', 1) for a in sys.argv[2:]]
prep = os.environ.get('PREP')
res = {n: [] for n, _ in cfgs}
la0 = os.getloadavg()
for r in range(rounds):
    order = cfgs[r % len(cfgs):] + cfgs[:r % len(cfgs)]
    for n, c in order:
        if prep: subprocess.run(prep, shell=True)
        t0 = time.perf_counter()
        p = subprocess.Popen(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(p.pid, 0)
        w = time.perf_counter() - t0
        err = p.stderr.read().decode()
        if os.waitstatus_to_exitcode(status) != 0:
            print('FAIL', n, err[:300], file=sys.stderr)
        res[n].append((w, ru.ru_utime + ru.ru_stime))
la1 = os.getloadavg()
base = None
print(f"rounds={rounds} load before={la0[0]:.1f} after={la1[0]:.1f}")
for n, _ in cfgs:
    ws = [x[0] for x in res[n]]; cs = [x[1] for x in res[n]]
    mw = statistics.median(ws)
    if base is None: base = mw
    print(f"{n:32s} wall med {mw*1000:8.1f} ms  min {min(ws)*1000:8.1f}  cpu med {statistics.median(cs)*1000:8.1f} ms  x{mw/base:6.2f}")
json.dump(res, open(os.environ.get('OUT', '/tmp/k3/last.json'), 'w'))
