"""Every LaTeX formula symdiff prints renders: a renderer (matplotlib's mathtext), not a regex,
reads each one. The formulas cover every node, function, name style and derivative shape."""

import io
import os
import pathlib
import subprocess
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
from matplotlib import mathtext  # noqa: E402

FORMULAS = [
    "a - (b - c)", "-(a + b)", "pow(a * b, 2_c)", "pow(a, pow(b, c))", "pow(pow(a, b), c)",
    "a / (b * c)", "(a + b) / (a - c)", "tanh(a + b)", "-1_c / 2_c * x", "pow(x, -1_c)",
    "pow(x, 1_c / 2_c)", "pow(x, 3_c / 2_c)", "2.5 * x", "x / 3", "1e-20 * x", "abs(x - y)",
    "alpha * w_0_1 * input + x_max", "exp(x) * log(y) * sqrt(x * y)",
    "sin(x) + cos(y) + tan(x * y)", "asin(x) + acos(y) + atan(x / y)",
    "sinh(x) * cosh(y) / tanh(x + y)", "pow(1_c / 2_c, x)", "pow(x, y + 1_c)",
    "d(pow(x, y), x)", "d(x * exp(x), x, x, x)", "d(asin(2_c * x), x)", "d(abs(x), x)",
    "d(sqrt(x * x + y * y), x, y)", "d(atan(y / x), x)", "d(pow(tanh(alpha * x) - y, 2_c) / 2_c, alpha)",
    "d(loss, w_0_1)", "d(loss, net)",
]

PROGRAM = r"""
#include <iostream>
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
using symdiff::d;
constexpr symdiff::var<"a"> a;
constexpr symdiff::var<"b"> b;
constexpr symdiff::var<"c"> c;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;
constexpr symdiff::var<"alpha"> alpha;
constexpr symdiff::var<"w_0_1"> w_0_1;
constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"x_max"> x_max;
constexpr auto net = symdiff::name<"net">(input * w_0_1 + alpha);
constexpr auto loss = pow(tanh(net) - x_max, 2_c) / 2_c;
int main() {
%s
}
"""


def main():
    source = pathlib.Path(os.environ["SYMDIFF_SOURCE_DIR"])
    cxx = os.environ.get("SYMDIFF_CXX", "g++")
    lines = "\n".join(f'    std::cout << symdiff::to_latex({f}) << "\\n";' for f in FORMULAS)
    with tempfile.TemporaryDirectory() as tmp:
        cpp, exe = pathlib.Path(tmp) / "latex.cpp", pathlib.Path(tmp) / "latex"
        cpp.write_text(PROGRAM % lines)
        subprocess.run([cxx, "-std=c++20", "-O0", f"-I{source / 'include'}", str(cpp), "-o", str(exe)],
                       check=True)
        printed = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout
    outputs = printed.splitlines()
    assert len(outputs) == len(FORMULAS), (len(outputs), len(FORMULAS))
    failures = 0
    for formula, latex in zip(FORMULAS, outputs):
        try:
            mathtext.math_to_image(f"${latex}$", io.BytesIO(), format="png")
        except Exception as error:  # mathtext raises ValueError on a parse error
            failures += 1
            print(f"FAIL {formula}: {latex}\n    {error}")
    print(f"latex_render: {len(FORMULAS)} formulas rendered, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
