"""Every snippet the docs show is a compiled file: a block after a marker
`<!-- docs/examples/NAME.cpp -->` (or `.out`) in README.md or docs/*.md must equal that file.
The files themselves are compiled and run by the `doc.NAME` tests, which compare the output with
NAME.out, so what the docs show is what the code prints."""

import os
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(os.environ.get("SYMDIFF_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
marker = re.compile(r"<!-- (docs/examples/[\w.-]+) -->\n```[a-z]*\n(.*?)```", re.S)

problems, checked = [], 0
documents = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
for doc in documents:
    for match in marker.finditer(doc.read_text()):
        path, shown = root / match.group(1), match.group(2)
        checked += 1
        if not path.exists():
            problems.append(f"{doc.name}: {match.group(1)} does not exist")
        elif path.read_text() != shown:
            problems.append(f"{doc.name}: the block differs from {match.group(1)}")

# `<!-- output of examples/NAME -->`: the block is what the built example prints, without arguments
program = re.compile(r"<!-- output of examples/([\w-]+) -->\n```[a-z]*\n(.*?)```", re.S)
build = os.environ.get("SYMDIFF_BUILD_DIR")
for doc in documents:
    for match in program.finditer(doc.read_text()):
        checked += 1
        if not build:
            problems.append(f"{doc.name}: SYMDIFF_BUILD_DIR is not set, cannot run examples/{match.group(1)}")
            continue
        exe = pathlib.Path(build) / "examples" / match.group(1)
        run = subprocess.run([str(exe)], capture_output=True, text=True)
        if run.stdout != match.group(2):
            problems.append(f"{doc.name}: the output shown differs from what examples/{match.group(1)} prints")

# every doc example is shown somewhere, and README shows one
shown_files = {m.group(1) for d in documents for m in marker.finditer(d.read_text())}
for cpp in sorted((root / "docs" / "examples").glob("*.cpp")):
    if f"docs/examples/{cpp.name}" not in shown_files:
        problems.append(f"docs/examples/{cpp.name} is not shown in any document")
if not any(m for m in marker.finditer((root / "README.md").read_text())):
    problems.append("README.md shows no compiled example")

for p in problems:
    print("FAIL:", p)
print(f"{checked} snippets checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
