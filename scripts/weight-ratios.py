#!/usr/bin/env python3
"""Prints each benchmarked call's measured ref_time as a ratio to
`pallet_balances::transfer_keep_alive` from the same run.

Usage: weight-ratios.py BASELINE_WEIGHTS.rs PALLET_WEIGHTS.rs...

Reads the `SubstrateWeight` impls the benchmark CLI wrote: the first
`Weight::from_parts(ref_time, proof)` of each function is its measured base execution
time (components at zero, database accesses excluded).
"""
import re
import sys

FN = re.compile(r"fn (\w+)\s*\(([^)]*)\)\s*->\s*Weight\s*\{(.*?)\n\t\}", re.S)
BASE = re.compile(r"Weight::from_parts\(([\d_]+),\s*([\d_]+)\)")


def weights(path):
    text = open(path).read()
    # Only the first impl (SubstrateWeight): stop at the `()` impl.
    text = text.split("impl WeightInfo for ()")[0]
    found = {}
    for name, _args, body in FN.findall(text):
        base = BASE.search(body)
        if base:
            found[name] = int(base.group(1).replace("_", ""))
    return found


def main():
    baseline = weights(sys.argv[1])["transfer_keep_alive"]
    print(f"baseline balances.transfer_keep_alive: {baseline / 1e6:.1f} µs ref_time")
    print(f"{'call':<45} {'ref_time µs':>12} {'ratio':>7}")
    for path in sys.argv[2:]:
        for name, ref_time in weights(path).items():
            label = f"{path.split('/')[-1].removesuffix('.rs')}::{name}"
            print(f"{label:<45} {ref_time / 1e6:>12.1f} {ref_time / baseline:>7.2f}")


if __name__ == "__main__":
    main()
