#!/usr/bin/env python3
"""The lesson's Metropolis program, as mcsweep's README describes it: one task per run.

    python3 mc.py X0 BETA H NUM_ITERATIONS OUTPUT_FILE [SEED]

Samples the density exp(-beta x^2) (H(x) = x^2): propose x' = x + h * U(-h, h), accept if
exp(-beta dH) > 1, else if U(0, 1) < exp(-beta dH). Writes a CSV with header x,accept and one row per
iteration: the state after the step and 1/0. SEED (optional, e.g. mcsweep's {seed}) seeds numpy's
generator; without it every run differs.
"""
import sys

import numpy as np


def run_mc(x0, h, beta, num_iterations, output_file, seed=None):
    rng = np.random.default_rng(seed)
    x = x0
    with open(output_file, "w") as f:
        f.write("x,accept\n")
        for _ in range(num_iterations):
            x_new = x + h * rng.uniform(-h, h)
            d_h = x_new * x_new - x * x
            p = np.exp(-beta * d_h)
            accept = p > 1 or rng.uniform(0, 1) < p
            if accept:
                x = x_new
            f.write(f"{x},{int(accept)}\n")


if __name__ == "__main__":
    if len(sys.argv) not in (6, 7):
        sys.exit("usage: mc.py X0 BETA H NUM_ITERATIONS OUTPUT_FILE [SEED]")
    x0, beta, h = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    seed = int(sys.argv[6]) if len(sys.argv) == 7 else None
    run_mc(x0, h, beta, int(sys.argv[4]), sys.argv[5], seed)
