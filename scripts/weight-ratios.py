#!/usr/bin/env python3
"""Prints each benchmarked call's weight as a ratio to `pallet_balances::transfer_keep_alive`
from the same run, twice:

- *execution*: the measured base execution time (components at zero, storage accesses
  excluded), the first `Weight::from_parts(ref_time, proof)` of each function;
- *with storage*: execution plus the call's base reads and writes at the measured ParityDB
  weights (`runtime/src/weights/paritydb_weights.rs`), which is what a block is charged.

Usage: weight-ratios.py BASELINE_WEIGHTS.rs PALLET_WEIGHTS.rs...
"""
import pathlib
import re
import sys

FN = re.compile(r"fn (\w+)\s*\(([^)]*)\)\s*->\s*Weight\s*\{(.*?)\n\t\}", re.S)
BASE = re.compile(r"Weight::from_parts\(([\d_]+),\s*([\d_]+)\)")
READS = re.compile(r"\.reads\(([\d_]+)_u64\)")
WRITES = re.compile(r"\.writes\(([\d_]+)_u64\)")
DB = re.compile(r"(read|write): ([\d_]+) \* constants::WEIGHT_REF_TIME_PER_NANOS")
PARITYDB = pathlib.Path(__file__).resolve().parent.parent / "runtime/src/weights/paritydb_weights.rs"


def number(text):
    return int(text.replace("_", ""))


def db_weights():
    """ParityDB's (read, write) ref_time in picoseconds, as measured."""
    found = dict((kind, number(ns) * 1_000) for kind, ns in DB.findall(PARITYDB.read_text()))
    return found["read"], found["write"]


def weights(path):
    """{call: (execution, reads, writes)} of the first impl in a weights file."""
    text = open(path).read()
    # Only the first impl (SubstrateWeight): stop at the `()` impl.
    text = text.split("impl WeightInfo for ()")[0]
    found = {}
    for name, _args, body in FN.findall(text):
        base = BASE.search(body)
        if base:
            reads = sum(number(r) for r in READS.findall(body))
            writes = sum(number(w) for w in WRITES.findall(body))
            found[name] = (number(base.group(1)), reads, writes)
    return found


def main():
    read, write = db_weights()
    full = lambda w: w[0] + w[1] * read + w[2] * write
    baseline = weights(sys.argv[1])["transfer_keep_alive"]
    print(
        f"baseline balances.transfer_keep_alive: {baseline[0] / 1e6:.1f} µs execution, "
        f"{full(baseline) / 1e6:.1f} µs with storage (ParityDB read {read / 1e6:.1f} µs, "
        f"write {write / 1e6:.1f} µs)"
    )
    print(f"{'call':<45} {'exec µs':>8} {'ratio':>6} {'r/w':>6} {'full µs':>8} {'ratio':>6}")
    for path in sys.argv[2:]:
        for name, w in weights(path).items():
            label = f"{path.split('/')[-3].removeprefix('btt-')}::{name}"
            print(
                f"{label:<45} {w[0] / 1e6:>8.1f} {w[0] / baseline[0]:>6.2f} "
                f"{w[1]:>2}/{w[2]:<3} {full(w) / 1e6:>8.1f} {full(w) / full(baseline):>6.2f}"
            )


if __name__ == "__main__":
    main()
