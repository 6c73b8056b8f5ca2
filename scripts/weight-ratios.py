#!/usr/bin/env python3
"""Prints each benchmarked call's weight as a ratio to `pallet_balances::transfer_keep_alive`
from the same run, twice:

- *execution*: the base execution time (components at zero, storage accesses excluded);
- *with storage*: execution plus the call's base reads and writes at the measured ParityDB
  weights (`runtime/src/weights/paritydb_weights.rs`), which is what a block is charged.

It reads the raw samples the benchmark run writes (`benchmark pallet --json-file`), not the
generated `weights.rs`, and fits them the way the benchmark CLI's default analysis does
(`frame_benchmarking::Analysis::min_squares_iqr`): without components, the median sample;
with components, the middle half of the samples at each point, then least squares with an
intercept (if the intercept comes out negative, the smallest sample and a fit through it).
The base is that intercept, scaled and rounded as the CLI does (time truncated to the
picosecond, reads and writes rounded), so the printed numbers are the ones in `weights.rs`.
A benchmark with at most two samples (where the CLI switches to its median-slopes analysis)
is printed without numbers.

Usage: weight-ratios.py BASELINE.json PALLET.json...
"""
import json
import math
import pathlib
import re
import sys

DB = re.compile(r"(read|write): ([\d_]+) \* constants::WEIGHT_REF_TIME_PER_NANOS")
PARITYDB = pathlib.Path(__file__).resolve().parent.parent / "runtime/src/weights/paritydb_weights.rs"


def db_weights():
    """ParityDB's (read, write) ref_time in picoseconds, as measured."""
    text = PARITYDB.read_text()
    found = {kind: int(ns.replace("_", "")) * 1_000 for kind, ns in DB.findall(text)}
    return found["read"], found["write"]


def solve(matrix, vector):
    """Solves the square system `matrix · x = vector` (Gaussian elimination, partial pivot)."""
    n = len(vector)
    rows = [list(map(float, row)) + [float(v)] for row, v in zip(matrix, vector)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        if abs(rows[col][col]) < 1e-12:
            raise ValueError("the components do not vary independently")
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def intercept(points):
    """The intercept of the least-squares fit (with an intercept) of `points`, (xs, y) pairs."""
    design = [[1.0, *xs] for xs, _ in points]
    columns = len(design[0])
    normal = [[sum(row[i] * row[j] for row in design) for j in range(columns)] for i in range(columns)]
    moment = [sum(row[i] * y for row, (_, y) in zip(design, points)) for i in range(columns)]
    return solve(normal, moment)[0]


def base(samples, key):
    """The base value of `key` over `samples`: `min_squares_iqr`'s intercept, unscaled; None
    for at most two samples."""
    if not samples[0]["components"]:
        values = sorted(s[key] for s in samples)
        return values[len(values) // 2]
    if len(samples) <= 2:
        return None
    by_point = {}
    for s in samples:
        point = tuple(value for _, value in s["components"])
        by_point.setdefault(point, []).append(s[key])
    points = []
    for point, values in sorted(by_point.items()):
        values.sort()
        quarter = len(values) // 4
        points += [(point, float(v)) for v in values[quarter : len(values) - quarter]]
    fitted = intercept(points)
    if fitted >= -0.0001:
        return fitted
    return min(y for _, y in points)


def picoseconds(nanoseconds):
    """The CLI's `mul_1000_into_u128`, with its small upward bias: truncates."""
    value = nanoseconds + 0.000_000_005
    fraction, whole = math.modf(value)
    return int(whole) * 1_000 + int(fraction * 1_000)


def calls(path):
    """{pallet::call: (execution ps, reads, writes) or None} of one benchmark JSON file."""
    found = {}
    for batch in json.loads(pathlib.Path(path).read_text()):
        if not batch["time_results"] or not batch["db_results"]:
            continue  # the CLI skips a benchmark without results too
        name = f"{batch['pallet'].removeprefix('pallet_').removeprefix('btt_')}::{batch['benchmark']}"
        time = base(batch["time_results"], "extrinsic_time")
        reads = base(batch["db_results"], "reads")
        writes = base(batch["db_results"], "writes")
        if None in (time, reads, writes):
            found[name] = None
            continue
        found[name] = (picoseconds(time), int(reads + 0.5), int(writes + 0.5))
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("Usage: ")[1])
    read, write = db_weights()
    full = lambda w: w[0] + w[1] * read + w[2] * write
    baseline = calls(sys.argv[1])["balances::transfer_keep_alive"]
    print(
        f"baseline balances.transfer_keep_alive: {baseline[0] / 1e6:.1f} µs execution, "
        f"{full(baseline) / 1e6:.1f} µs with storage (ParityDB read {read / 1e6:.1f} µs, "
        f"write {write / 1e6:.1f} µs)"
    )
    print(f"{'call':<45} {'exec µs':>8} {'ratio':>6} {'r/w':>6} {'full µs':>8} {'ratio':>6}")
    for path in sys.argv[2:]:
        for name, w in calls(path).items():
            if w is None:
                print(f"{name:<45} (two samples or fewer: no fit)")
                continue
            print(
                f"{name:<45} {w[0] / 1e6:>8.1f} {w[0] / baseline[0]:>6.2f} "
                f"{w[1]:>2}/{w[2]:<3} {full(w) / 1e6:>8.1f} {full(w) / full(baseline):>6.2f}"
            )


if __name__ == "__main__":
    main()
