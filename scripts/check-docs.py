#!/usr/bin/env python3
"""Checks that the project's documentation points only inside the repository, at files that
exist: every Markdown link and image (outside http(s) addresses) and every `path` in
backticks that names a file or folder of the repository (it starts with a top-level entry,
e.g. `docs/tokenomics.md`, `pallets/btt-staking/src/views.rs`, `scripts/run-dev.sh`),
from the repository's root or from the document's own folder. Paths git ignores (outputs
such as `tests/e2e/artifacts/`) need not exist.

Usage: scripts/check-docs.py   (exit status 1 and a list when something is missing)
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
        *sorted(ROOT.glob("*/README.md")), *sorted(ROOT.glob("*/*/README.md"))]
TOP = {p.name for p in ROOT.iterdir() if not p.name.startswith(".git")}
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\s]+)`")
# Globs and placeholders in prose (`pallets/btt-*/src/weights.rs`, `<pallet>.rs`) are patterns, not paths.
PATTERN = re.compile(r"[*<>{}…]|\.\.\.")


def generated(token):
    """Whether git ignores `token`: a build or test output (e.g. `tests/e2e/artifacts/`)
    that a fresh clone does not have until something writes it."""
    # As a folder and as a file: a folder pattern (`artifacts/`) matches a path that does
    # not exist only when the path ends in a slash.
    names = {token.rstrip("/"), token.rstrip("/") + "/"}
    return any(
        subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT).returncode == 0
        for name in names
    )


def problems():
    for doc in DOCS:
        if "node_modules" in doc.parts:
            continue
        text = doc.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            for target in LINK.findall(line):
                if target.startswith(("http://", "https://", "#", "mailto:")):
                    continue
                path = (doc.parent / target.split("#")[0]).resolve()
                if ROOT not in path.parents and path != ROOT:
                    yield f"{doc.relative_to(ROOT)}:{number}: link leaves the repository: {target}"
                elif not path.exists():
                    yield f"{doc.relative_to(ROOT)}:{number}: link to a missing file: {target}"
            for token in CODE.findall(line):
                if "/" not in token or PATTERN.search(token) or "://" in token:
                    continue
                first = token.split("/")[0]
                if token.startswith("../"):
                    yield f"{doc.relative_to(ROOT)}:{number}: points outside the repository: {token}"
                elif first in TOP and not any(
                    (base / token.split(":")[0]).exists() for base in (ROOT, doc.parent)
                ) and not generated(token):
                    yield f"{doc.relative_to(ROOT)}:{number}: names a missing path: {token}"


found = list(problems())
for problem in found:
    print(problem)
print(f"check-docs: {len(DOCS)} documents, {len(found)} problem(s)")
sys.exit(1 if found else 0)
