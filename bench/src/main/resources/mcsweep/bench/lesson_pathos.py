"""The lesson's Metropolis program, run over one of its sweeps with a Pathos pool: mcsweep's Python reference.

Usage: python lesson_pathos.py lesson|scan OUTPUT_DIR NODES

run_mc is the lesson's function (H(x) = x^2, proposal x + h * U(-h, h), CSV "x,accept" with one row per
step); the sweeps are the lesson's: 7 (beta, x0) pairs of 100,000 steps, or the 9 x 9 x 4 scan of 10,000.
"""
import itertools
import os
import sys

import numpy as np
from pathos.pools import ProcessPool


def run_mc(x0, h, beta, num_iterations, output_file):
    x = x0
    with open(output_file, "w") as f:
        f.write("x,accept\n")
        for _ in range(num_iterations):
            x_new = x + h * np.random.uniform(-h, h)
            dH = x_new ** 2 - x ** 2
            p = np.exp(-beta * dH)
            accept = 1 if p > 1 or np.random.uniform(0, 1) < p else 0
            if accept:
                x = x_new
            f.write(f"{x},{accept}\n")


def main():
    sweep, out, nodes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if sweep == "lesson":
        pairs = [(0.5, 0.5), (0.5, 1.0), (1.0, 0.5), (1.0, 1.0), (1.0, 2.0), (2.0, 1.0), (2.0, 2.0)]
        args = [(x0, 1.0, beta, 100_000, os.path.join(out, f"b{beta}_m{x0}.dat")) for beta, x0 in pairs]
    elif sweep == "scan":
        values = [0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0]
        hs = [0.25, 0.5, 1.0, 2.5]
        args = [(x0, h, beta, 10_000, os.path.join(out, f"b{beta}_m{x0}_h{h}.dat"))
                for beta, x0, h in itertools.product(values, values, hs)]
    else:
        sys.exit("sweep must be lesson or scan: " + sweep)
    pool = ProcessPool(nodes=nodes)
    pool.map(run_mc, *zip(*args))
    pool.close()
    pool.join()
    pool.clear()


if __name__ == "__main__":
    main()
