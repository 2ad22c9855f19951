"""to_cpp: the generated functions compile (with the compiler of this build, warnings as errors)
and compute what symdiff computes. For each formula f, to_cpp<"f_k">(f, d(f, x), d(f, y)) is
generated, compiled into a second program beside symdiff's own evaluation of the same formulas,
and compared at several points (1e-13 relative: the generated code may round differently, e.g.
std::pow(u, 3) against symdiff's repeated multiplication)."""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

FORMULAS = [
    "pow(tanh(input * weight + bias) - target, 2_c) / 2_c",
    "pow(output - target, 2_c) / 2_c",  # with named stages
    "x * y + sin(x * y) * exp(x * y)",
    "(x + 1_c) / (y - x) + sqrt(x * x + y * y)",
    "pow(x, 3_c) * pow(y, -2_c) + pow(x, 1_c / 2_c) / 3_c",
    "log(1_c + x * x) * atan(y / x) - asin(tanh(y) / 2_c)",
    "2.5 * x * y - x / 3 + 0.1",  # stored numbers
    "abs(x - y) * cosh(x) + sinh(y) * acos(tanh(x) / 2_c)",
    "pow(x, y) + pow(2, x * y)",
    "x * y * z * exp(x) + y * z * exp(x) + z * exp(x)",
]
POINTS = [(0.4, 0.5, 0.6, 0.7), (1.3, -0.8, 0.25, 2.0), (0.9, 1.7, -1.1, -0.3)]

PRELUDE = r"""
#include <array>
#include <cmath>
#include <iostream>
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
using symdiff::d;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;
constexpr symdiff::var<"z"> z;
constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
"""


def derivative_vars(formula):
    return ("weight", "bias") if ("weight" in formula or "output" in formula) else ("x", "y")


def run(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if result.returncode != 0:
        print("FAILED:", " ".join(cmd), result.stdout, result.stderr, sep="\n")
        sys.exit(1)
    return result.stdout


def main():
    include = pathlib.Path(os.environ["SYMDIFF_SOURCE_DIR"]) / "include"
    cxx = os.environ.get("SYMDIFF_CXX", "g++")
    flags = ["-std=c++20", "-O1", "-Wall", "-Wextra", "-Wpedantic", "-Werror", f"-I{include}"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        body = []
        for k, f in enumerate(FORMULAS):
            a, b = derivative_vars(f)
            body.append(f'    std::cout << symdiff::to_cpp<"f_{k}">({f}, d({f}, {a}), d({f}, {b}));')
        (tmp / "gen.cpp").write_text(PRELUDE + "int main() {\n" + "\n".join(body) + "\n}\n")
        run([cxx, *flags, str(tmp / "gen.cpp"), "-o", str(tmp / "gen")])
        generated = run([str(tmp / "gen")])
        (tmp / "generated.hpp").write_text(generated)

        checks = []
        for k, f in enumerate(FORMULAS):
            params = re.search(rf"f_{k}\(([^)]*)\)", generated).group(1)
            names = [p.split()[1] for p in params.split(", ")] if params else []
            a, b = derivative_vars(f)
            for point in POINTS:
                values = dict(zip(("x", "y", "z", "input"), point))
                values.update(weight=point[1], bias=point[2], target=point[3])
                args = ", ".join(repr(values[n]) for n in names)
                binds = ", ".join(f"{n} = {v!r}" for n, v in values.items())
                checks.append(
                    f"    {{ auto got = f_{k}<double>({args});\n"
                    f"      auto p = symdiff::at({binds});\n"
                    f"      double want[] = {{({f})(p), d({f}, {a})(p), d({f}, {b})(p)}};\n"
                    f"      for (int i = 0; i < 3; ++i) if (!symdiff::approx(got[i], want[i], 1e-13)) {{\n"
                    f'        std::cout << "FAIL f_{k} output " << i << " at {binds}: " << got[i]'
                    f' << " != " << want[i] << "\\n"; ++failures; }} }}')
        (tmp / "check.cpp").write_text(PRELUDE + '#include "generated.hpp"\nint main() {\n'
                                       "    int failures = 0;\n" + "\n".join(checks) +
                                       "\n    return failures;\n}\n")
        run([cxx, *flags, str(tmp / "check.cpp"), "-o", str(tmp / "check")])
        result = subprocess.run([str(tmp / "check")], capture_output=True, text=True)
        print(result.stdout, end="")
        print(f"cpp_codegen: {len(FORMULAS)} generated functions, {len(checks)} points, "
              f"exit {result.returncode}")
        return 1 if result.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
