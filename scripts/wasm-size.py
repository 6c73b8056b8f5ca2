#!/usr/bin/env python3
"""What a wasm runtime's code is made of: the size of its function bodies, summed by the
crate each function comes from (read from the wasm's `name` section), largest first.

Usage: wasm-size.py RUNTIME.wasm [TOP]
(the runtime before compaction, e.g. target/.../wbuild/btt-runtime/btt_runtime.wasm, which
still carries the function names.)
"""
import re
import sys
from collections import Counter


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        yield kind, data[pos:pos + size]
        pos += size


def crate_of(name):
    """The first path segment of a (legacy- or v0-) mangled Rust symbol, else the name."""
    legacy = re.match(r"_ZN(\d+)", name)
    if legacy:
        length = int(legacy.group(1))
        start = legacy.end()
        crate = name[start:start + length]
    else:
        crate = name.split("::")[0]
    # `<T as Trait>` impls are mangled as `_$LT$crate..Type...`: take the crate inside.
    crate = re.sub(r"^_?\$LT\$", "", crate)
    # `<&T as Trait>`, `<&mut T as Trait>`: T's crate.
    crate = re.sub(r"^\$RF\$(mut\$u20\$)?", "", crate)
    crate = crate.split("$u20$as$u20$")[0]
    crate = crate.split("..")[0]
    return re.sub(r"\[[0-9a-f]+\]$", "", crate) or "?"


def main():
    data = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    imported = 0
    bodies = []
    names = {}
    section_sizes = Counter()
    section_names = {0: "custom (names)", 1: "types", 2: "imports", 3: "functions", 5: "memory",
                     6: "globals", 7: "exports", 9: "elements", 10: "code", 11: "data"}
    for kind, body in sections(data):
        section_sizes[section_names.get(kind, str(kind))] += len(body)
        if kind == 2:  # imports: function imports take the first indices
            count, pos = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    length, pos = leb(body, pos)
                    pos += length
                desc = body[pos]
                pos += 1
                if desc == 0:
                    imported += 1
                    _, pos = leb(body, pos)
                elif desc == 1:
                    pos += 1
                    flags, pos = leb(body, pos)
                    _, pos = leb(body, pos)
                    if flags & 1:
                        _, pos = leb(body, pos)
                elif desc == 2:
                    flags, pos = leb(body, pos)
                    _, pos = leb(body, pos)
                    if flags & 1:
                        _, pos = leb(body, pos)
                else:
                    pos += 2
        elif kind == 10:  # code
            count, pos = leb(body, 0)
            for _ in range(count):
                size, pos = leb(body, pos)
                bodies.append(size)
                pos += size
        elif kind == 0:  # custom: the name section's function names
            length, pos = leb(body, 0)
            if body[pos:pos + length] != b"name":
                continue
            pos += length
            while pos < len(body):
                sub = body[pos]
                size, pos = leb(body, pos + 1)
                if sub == 1:
                    count, p = leb(body, pos)
                    for _ in range(count):
                        index, p = leb(body, p)
                        length, p = leb(body, p)
                        names[index] = body[p:p + length].decode("utf-8", "replace")
                        p += length
                pos += size
    by_crate = Counter()
    for i, size in enumerate(bodies):
        by_crate[crate_of(names.get(imported + i, "?"))] += size
    total = sum(bodies)
    print(f"{len(data):,} bytes: " + ", ".join(f"{k} {v:,}" for k, v in section_sizes.most_common(4)))
    print(f"code: {total:,} bytes in {len(bodies):,} functions, by crate:")
    for crate, size in by_crate.most_common(top):
        print(f"  {crate:<40} {size:>10,} {100 * size / total:5.1f}%")


if __name__ == "__main__":
    main()
