"""Shared helpers of the SymPy cross-checks (tests/python/*.py) and bench/growth.py.

Not a test itself: ctest runs every tests/python/*.py, and this one just exits 0 when run.

  * where things are: the compiler and the include directory, from $SYMDIFF_CXX and
    $SYMDIFF_SOURCE_DIR (the build's environment; see tests/README.md);
  * compiling generated C++ programs, a few at a time, and running them;
  * SymPy's side: the symbols x, y, z, exact values at a point, and reading printed formulas back.
"""

import os
import re
import subprocess
import tempfile
import time

import mpmath
import sympy
from sympy import (Abs, Rational, acos, asin, atan, cos, cosh, exp, log, sin, sinh, sqrt, tan,
                   tanh)

x, y, z = sympy.symbols("x y z", real=True)

# The names a printed formula may use, for sympy.sympify.
FUNCTIONS = {"abs": Abs, "exp": exp, "log": log, "sqrt": sqrt, "sin": sin, "cos": cos, "tan": tan,
             "asin": asin, "acos": acos, "atan": atan, "sinh": sinh, "cosh": cosh, "tanh": tanh}


def source_dir():
    return os.environ.get("SYMDIFF_SOURCE_DIR") or os.path.dirname(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def include_dir():
    return os.path.join(source_dir(), "include")


def compiler():
    return os.environ.get("SYMDIFF_CXX", "c++")


def balance(keys, cost, jobs):
    """Split `keys` into `jobs` lists of about equal total `cost(key)` (largest first)."""
    chunks = [[] for _ in range(max(1, min(jobs, len(keys))))]
    load = [0] * len(chunks)
    for k in sorted(keys, key=lambda k: -cost(k)):
        i = load.index(min(load))
        chunks[i].append(k)
        load[i] += cost(k)
    return [sorted(c) for c in chunks]


def compile_and_run(sources, jobs=2, flags=("-std=c++20", "-O1"), cxx=None, prefix="symdiff_"):
    """Compile each C++ source text (at most `jobs` compilers at a time), run each program.

    Returns (outputs, errors, seconds): the programs' stdout in order, a list of error messages
    (a failed compile or run; empty when all went well) and the wall time of each compile."""
    cxx = cxx or compiler()
    outputs, errors, seconds = [""] * len(sources), [], [0.0] * len(sources)
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        pending = list(range(len(sources)))
        running = []
        exes = {}
        while pending or running:
            while pending and len(running) < max(1, jobs):
                i = pending.pop(0)
                src, exe = os.path.join(tmp, f"part_{i}.cpp"), os.path.join(tmp, f"part_{i}")
                with open(src, "w") as fh:
                    fh.write(sources[i])
                cmd = [cxx, *flags, f"-I{include_dir()}", src, "-o", exe]
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
                running.append((i, cmd, exe, proc, time.monotonic()))
            i, cmd, exe, proc, start = running.pop(0)
            _, err = proc.communicate(timeout=900)
            seconds[i] = time.monotonic() - start
            if proc.returncode != 0:
                message = f"a generated program does not compile: {' '.join(cmd)}\n{err[-20000:]}"
                if os.environ.get("SYMDIFF_KEEP_SOURCE"):
                    message += "\n" + sources[i]
                errors.append(message)
            else:
                exes[i] = exe
        for i, exe in sorted(exes.items()):
            r = subprocess.run([exe], capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                errors.append(f"{exe} exited {r.returncode}: {r.stderr}")
            outputs[i] = r.stdout
    return outputs, errors, seconds


def run_generated(sources, jobs=1, prefix="symdiff_"):
    """Compile and run generated programs that print values_program_head's lines, with the
    fastest build measured for them (10 random formulas: g++ -Og 21 s, -O1 23 s, -O0 35 s;
    clang++ -O0 16 s, -O1 24 s; they are mostly code generation for the evaluation walks).

    Returns (texts, values, seconds) as read_texts_and_values and compile_and_run give them, or
    None after printing a FAIL line for each failed compile or run or unreadable output."""
    optimize = "-O0" if "clang" in os.path.basename(compiler()) else "-Og"
    outputs, errors, seconds = compile_and_run(sources, jobs=jobs, flags=("-std=c++20", optimize),
                                               prefix=prefix)
    if errors:
        for e in errors:
            print("FAIL:", e)
        return None
    try:
        texts, values = read_texts_and_values(outputs)
    except ValueError as e:
        print(f"FAIL: {e}")
        return None
    return texts, values, seconds


def relative_error(printed, want):
    """|printed - want| / max(1, |want|) for a printed number and an mpmath value, or None when
    `printed` is not a number."""
    try:
        return abs(mpmath.mpf(printed) - want) / max(1, abs(want))
    except (ValueError, TypeError):
        return None


def program_prologue():
    """The first lines of a C++ test program over the variables x, y, z: includes and the
    variables."""
    return [
        "#include <iomanip>",
        "#include <iostream>",
        "#include <symdiff/symdiff.hpp>",
        "",
        "using namespace symdiff::literals;",
        'constexpr symdiff::var<"x"> x;',
        'constexpr symdiff::var<"y"> y;',
        'constexpr symdiff::var<"z"> z;',
        "",
    ]


def values_program_head(calls):
    """The first lines of a C++ test program over the variables x, y, z: program_prologue, and
    `values(k, j, f, p)`, which prints `value k j` and each call (C++ text over f) at p."""
    return program_prologue() + [
        "template <class F, class P>",
        "void values(int k, int j, F const& f, P const& p) {",
        '    std::cout << "value " << k << " " << j'
        + "".join(f' << " " << {call}(p)' for call in calls) + ' << "\\n";',
        "}",
        "",
    ]


def read_texts_and_values(outputs):
    """The lines of the programs values_program_head starts: `text k label formula` and
    `value k j v...`, as {(k, label): formula} and {(k, j): [v, ...]}. Raises ValueError on any
    other line."""
    texts, values = {}, {}
    for line in "".join(outputs).splitlines():
        m = re.match(r"^text (\d+) (\w+) (.*)$", line)
        if m:
            texts[(int(m.group(1)), m.group(2))] = m.group(3)
            continue
        m = re.match(r"^value (\d+) (\d+) (.*)$", line)
        if m:
            values[(int(m.group(1)), int(m.group(2)))] = m.group(3).split()
            continue
        raise ValueError(f"unexpected output line {line!r}")
    return texts, values


def sym_value(expr, point, digits=30):
    """expr at point ({"x": "0.3", ...}, decimal strings read exactly), a real number to `digits`."""
    subs = {s: Rational(point[s.name]) for s in expr.free_symbols if s.name in point}
    v = sympy.N(expr.xreplace(subs), digits)
    if not v.is_number or not v.is_real:
        raise ValueError(f"SymPy value is not a real number: {v}")
    return v


def parse_text(text, names=None):
    """A formula printed by symdiff, read by SymPy: `^` -> `**`, `abs` -> `Abs`; `names` maps
    other names (variables, named stages read as their bodies) to SymPy expressions."""
    scope = {"x": x, "y": y, "z": z, **FUNCTIONS}
    scope.update(names or {})
    return sympy.sympify(text.replace("^", "**"), locals=scope)


if __name__ == "__main__":
    # ctest runs every tests/python/*.py: check the helpers themselves.
    e = parse_text("2 * x^2 * abs(y) - sqrt(z) / 3")
    assert e == 2 * x**2 * Abs(y) - sqrt(z) / 3, e
    assert abs(sym_value(e, {"x": "0.5", "y": "-2", "z": "0.25"}) - Rational(5, 6)) < 1e-29
    assert balance([1, 2, 3, 4], lambda k: k, 2) == [[1, 4], [2, 3]]
