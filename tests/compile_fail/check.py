#!/usr/bin/env python3
"""Run a compiler on a compile-fail test file and judge the result.

usage: check.py --must-fail|--must-compile SOURCE -- COMPILER ARGS...

--must-compile: the compiler must succeed (the _ok twin).
--must-fail:    the compiler must fail, and its diagnostics must match every regex given in
                `// expect: <regex>` lines of SOURCE (Python `re`, searched in the whole output).
"""
import os
import re
import subprocess
import sys


def main(argv):
    if len(argv) < 4 or argv[0] not in ("--must-fail", "--must-compile") or argv[2] != "--":
        sys.exit(__doc__)
    mode, source, command = argv[0], argv[1], argv[3:]
    # LC_ALL=C: g++ quotes names with ‘’ in a UTF-8 locale and with '' otherwise.
    env = dict(os.environ, LC_ALL="C")
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    output = result.stdout
    print("$ " + " ".join(command))
    print(output, end="")

    if mode == "--must-compile":
        if result.returncode != 0:
            sys.exit(f"FAIL: {source} must compile, but the compiler exited {result.returncode}")
        print(f"ok: {source} compiles")
        return

    if result.returncode == 0:
        sys.exit(f"FAIL: {source} must not compile, but it did")
    with open(source, encoding="utf-8") as f:
        expected = [m.group(1).strip() for line in f
                    if (m := re.match(r"\s*// expect: (.*)", line))]
    if not expected:
        sys.exit(f"FAIL: {source} has no `// expect: <regex>` line")
    missing = [regex for regex in expected if not re.search(regex, output, re.MULTILINE)]
    for regex in missing:
        print(f"FAIL: no diagnostic matches /{regex}/")
    if missing:
        sys.exit(1)
    print(f"ok: {source} is rejected with the expected diagnostics ({len(expected)} matched)")


if __name__ == "__main__":
    main(sys.argv[1:])
