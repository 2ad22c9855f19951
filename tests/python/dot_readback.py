"""to_dot: Graphviz accepts every graph (`dot -Tsvg`), and the graph means the formula: this test
reads each graph back (labels and ordered edges), evaluates it at a point with Python's math
module, and compares with symdiff's own value of the formula (1e-12 relative)."""

import math
import os
import pathlib
import re
import subprocess
import sys
import tempfile

FORMULAS = [
    "pow(output - target, 2_c) / 2_c",
    "d(pow(output - target, 2_c) / 2_c, weight)",
    "x * y + sin(x * y) * exp(x * y)",
    "(x + 1_c) / (y - x) + sqrt(x * x + y * y)",
    "pow(x, 3_c) * pow(y, -2_c) - pow(x, 1_c / 2_c) / 3_c",
    "log(1_c + x * x) * atan(y / x) - asin(tanh(y) / 2_c) + acos(x / 4_c)",
    "2.5 * x * y - x / 3 + 0.1 + 3.5 * x",
    "abs(x - y) * cosh(x) + sinh(y) * tan(x / 3_c) + cos(y)",
    "pow(x, y) + pow(2, x * y)",
    "d(abs(x) * x, x)",
]
POINT = dict(x=0.7, y=1.3, input=0.4, weight=0.5, bias=0.6, target=0.7)

PROGRAM = r"""
#include <cstdio>
#include <iostream>
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
using symdiff::d;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;
constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
int main() {
    auto p = symdiff::at(x = %(x)r, y = %(y)r, input = %(input)r, weight = %(weight)r,
                         bias = %(bias)r, target = %(target)r);
%(body)s
}
"""

FUNCTIONS = {name: getattr(math, name) for name in
             "exp log sqrt sin cos tan asin acos atan sinh cosh tanh".split()}
FUNCTIONS["abs"] = abs
FUNCTIONS["sign"] = lambda v: (v > 0) - (v < 0)


def evaluate_graph(dot):
    labels = dict(re.findall(r'^\s*(\w+) \[(?:shape=plaintext )?label="([^"]*)"', dot, re.M))
    edges = {}
    for a, b in re.findall(r"^\s*(\w+) -> (\w+);", dot, re.M):
        edges.setdefault(a, []).append(b)

    def value(node):
        label, kids = labels[node], [value(k) for k in edges.get(node, [])]
        if node.startswith("f"):
            return kids[0]
        if label == "+":
            return sum(kids)
        if label == "*":
            return math.prod(kids)
        if label == "^":
            return kids[0] ** kids[1]
        if label in FUNCTIONS:
            return FUNCTIONS[label](kids[0])
        if kids:  # a named stage: its definition
            return kids[0]
        if label in POINT:
            return POINT[label]
        if "/" in label:
            p, q = label.split("/")
            return int(p) / int(q)
        return float(label)

    return value("f0")


ANNOTATED = r"""
#include <cstdio>
#include <iostream>
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;
constexpr symdiff::var<"w"> w;
constexpr auto net = symdiff::name<"net">(x * w + y);
constexpr auto f = pow(tanh(net) - sin(x * y), 2_c) / 2_c + exp(-w * w) * net;
int main() {
    auto p = symdiff::at(x = 0.7, y = -1.3, w = 0.45);
    std::cout << symdiff::to_dot(f, p);
    std::printf("value %.17g\n", f(p));
    std::printf("d x %.17g\nd y %.17g\nd w %.17g\nd net %.17g\n", symdiff::d(f, x)(p),
                symdiff::d(f, y)(p), symdiff::d(f, w)(p), symdiff::d(f, net)(p));
}
"""


def check_annotation(include, cxx):
    """to_dot(f, p): the gradient shown at each variable and stage is d(f, it)(p) (6 digits)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "a.cpp").write_text(ANNOTATED)
        subprocess.run([cxx, "-std=c++20", "-O0", f"-I{include}", str(tmp / "a.cpp"), "-o", str(tmp / "a")],
                       check=True)
        printed = subprocess.run([str(tmp / "a")], check=True, capture_output=True, text=True).stdout
    failures = 0
    if subprocess.run(["dot", "-Tsvg"], input=printed.split("}\n")[0] + "}\n",
                      capture_output=True, text=True).returncode != 0:
        print("FAIL dot rejects the annotated graph")
        failures += 1
    shown = dict(re.findall(r'label="(\w+)\\nvalue [^\\]*\\ngradient ([^"]*)"', printed))
    for name, want in re.findall(r"^d (\w+) (\S+)$", printed, re.M):
        got = float(shown.get(name, "nan"))
        if not abs(got - float(want)) <= 1e-5 * max(1.0, abs(float(want))):
            print(f"FAIL annotated gradient of {name}: shown {got}, d(f, {name}) = {want}")
            failures += 1
    checked = re.findall(r"^d (\w+) ", printed, re.M)
    if sorted(checked) != ["net", "w", "x", "y"] or not all(n in shown for n in checked):
        print(f"FAIL annotated graph: expected gradients of x, y, w, net; found {sorted(shown)}")
        failures += 1
    return failures


def main():
    include = pathlib.Path(os.environ["SYMDIFF_SOURCE_DIR"]) / "include"
    cxx = os.environ.get("SYMDIFF_CXX", "g++")
    body = "\n".join(
        f'    std::cout << symdiff::to_dot({f}) << "value "; std::printf("%.17g\\n", ({f})(p));'
        for f in FORMULAS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "g.cpp").write_text(PROGRAM % dict(POINT, body=body))
        subprocess.run([cxx, "-std=c++20", "-O0", f"-I{include}", str(tmp / "g.cpp"), "-o", str(tmp / "g")],
                       check=True)
        printed = subprocess.run([str(tmp / "g")], check=True, capture_output=True, text=True).stdout
    graphs = re.findall(r"(digraph formula \{.*?\n\})\nvalue (\S+)\n", printed, re.S)
    assert len(graphs) == len(FORMULAS), len(graphs)
    failures = 0
    for formula, (dot, expected) in zip(FORMULAS, graphs):
        rendered = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
        if rendered.returncode != 0 or "<svg" not in rendered.stdout:
            failures += 1
            print(f"FAIL dot rejects the graph of {formula}: {rendered.stderr}")
            continue
        got, want = evaluate_graph(dot), float(expected)
        if abs(got - want) > 1e-12 * max(1.0, abs(want)):
            failures += 1
            print(f"FAIL {formula}: graph evaluates to {got!r}, symdiff to {want!r}")
    failures += check_annotation(include, cxx)
    print(f"dot_readback: {len(FORMULAS)} graphs rendered and read back, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
