#!/usr/bin/python3
"""How much arithmetic each implementation's compiled code does: the scalar floating-point
add/sub/mul/div instructions and tanh calls in the assembly (-O2, vectorization off, the
hand-written loops fully unrolled), for the neuron's and the MLP-49's value and gradient:
hand-written back-propagation, SymPy's generated code (diff + cse + ccode) and symdiff's plan.
Also the moves to and from memory and registers (movsd/movapd/movq...) and the symdiff functions
the compiler kept out of line. This stands in for an operation count of symdiff's plan, which
the library does not print; SymPy's own count_ops is printed by sympy_codegen.py --count.

    bench/instruction_count.py --cxx g++ --include include --generated build/.../generated
"""
import argparse
import re
import subprocess
import tempfile
import os

SOURCE = r"""#include <array>
#include <cmath>
#include <functional>
#include <symdiff/symdiff.hpp>
#include "sympy_generated.hpp"
using namespace symdiff::literals;
using W = std::array<std::array<double, 4>, 8>;
using L = std::array<double, 8>;
using A = std::array<double, 4>;

// ---- the seed neuron
constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto neuron_loss = pow(tanh(input * weight + bias) - target, 2_c) / 2_c;

void neuron_symdiff(double i, double w, double b, double t, double* r) {
    auto g = symdiff::value_and_gradient(neuron_loss, input, weight, bias)(
        input = i, weight = w, bias = b, target = t);
    r[0] = g.value; r[1] = g.gradient[0]; r[2] = g.gradient[1]; r[3] = g.gradient[2];
}
void neuron_sympy(double i, double w, double b, double t, double* r) {
    sympy_neuron(i, w, b, t, r);
}
void neuron_hand_written(double i, double w, double b, double t, double* r) {
    double n = i * w + b, o = std::tanh(n), e = o - t, d = e * (1 - o * o);
    r[0] = e * e / 2; r[1] = d * w; r[2] = d * i; r[3] = d;
}

// ---- the 4-8-1 MLP
constexpr symdiff::vars<"w", 8, 4> w;
constexpr symdiff::vars<"b", 8> b;
constexpr symdiff::vars<"v", 8> v;
constexpr symdiff::var<"c"> c;
constexpr symdiff::vars<"a", 4> a;
constexpr symdiff::var<"t"> t;
constexpr auto output = symdiff::sum_over<8>([](auto j) {
    return v[j] * tanh(symdiff::sum_over<4>([&](auto i) { return w[j][i] * a[i]; }) + b[j]);
}) + c;
constexpr auto mlp_loss = pow(output - t, 2_c) / 2_c;

[[gnu::noinline]] void store(double value, W const& dw, L const& db, L const& dv, double dc,
                             double* out) {
    for (int j = 0; j < 8; ++j) {
        for (int i = 0; i < 4; ++i) out[4 * j + i] = dw[j][i];
        out[32 + j] = db[j];
        out[40 + j] = dv[j];
    }
    out[48] = dc;
    out[49] = value;
}
void mlp_symdiff(W const& pw, L const& pb, L const& pv, double pc, A const& pa, double pt,
                 double* out) {
    // std::cref: the arrays are read in place, as bench/mlp.cpp binds them
    auto r = symdiff::value_and_gradient(mlp_loss, w, b, v, c)(
        w = std::cref(pw), b = std::cref(pb), v = std::cref(pv), c = pc, a = std::cref(pa), t = pt);
    auto const& [dw, db, dv, dc] = r.gradient;
    store(r.value, dw, db, dv, dc, out);
}
void mlp_sympy(W const& pw, L const& pb, L const& pv, double pc, A const& pa, double pt,
               double* out) {
    sympy_mlp(pw, pb, pv, pc, pa, pt, out);
}
void mlp_hand_written(W const& pw, L const& pb, L const& pv, double pc, A const& pa, double pt,
                      double* out) {
    L h, db, dv;
    W dw;
    double o = pc;
#pragma GCC unroll 8
    for (int j = 0; j < 8; ++j) {
        double n = pb[j];
#pragma GCC unroll 4
        for (int i = 0; i < 4; ++i) n += pw[j][i] * pa[i];
        h[j] = std::tanh(n);
        o += pv[j] * h[j];
    }
    double e = o - pt;
#pragma GCC unroll 8
    for (int j = 0; j < 8; ++j) {
        dv[j] = e * h[j];
        double d = e * pv[j] * (1 - h[j] * h[j]);
        db[j] = d;
#pragma GCC unroll 4
        for (int i = 0; i < 4; ++i) dw[j][i] = d * pa[i];
    }
    store(e * e / 2, dw, db, dv, e, out);
}
"""

CASES = ["hand_written", "sympy", "symdiff"]


def count(cxx, include, generated):
    no_slp = "-fno-slp-vectorize" if "clang" in os.path.basename(cxx) else "-fno-tree-slp-vectorize"
    with tempfile.TemporaryDirectory() as workdir:
        src = os.path.join(workdir, "instructions.cpp")
        with open(src, "w") as f:
            f.write(SOURCE)
        p = subprocess.run([cxx, "-std=c++20", "-O2", "-fno-tree-vectorize", no_slp, "-I", include,
                            "-I", generated, "-S", "-o", "-", src], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(p.stderr[:3000])
    # Functions by their (demangled) names; symdiff's out-of-line functions count for the
    # symdiff case of the problem (neuron or mlp) whose types they carry.
    counts = {}
    current = None
    for line in p.stdout.splitlines():
        label = re.match(r"^(_Z\w+|\w+):", line)
        if label:
            name = subprocess.run(["c++filt", label.group(1)], capture_output=True,
                                  text=True).stdout.strip()
            current = None
            for problem in ("neuron", "mlp"):
                for case in CASES:
                    if name.startswith("%s_%s(" % (problem, case)) or \
                            (case == "sympy" and name.startswith("void sympy_%s" % problem)):
                        current = (problem, case, False)
            if label.group(1).startswith("_ZN7symdiff"):  # c++filt cannot demangle them all
                problem = "mlp" if "4varsI" in label.group(1) else "neuron"
                current = (problem, "symdiff", True)
            if current and current[:2] not in counts:
                counts[current[:2]] = {"arithmetic": 0, "tanh": 0, "moves": 0, "out_of_line": 0}
            if current and current[2]:
                counts[current[:2]]["out_of_line"] += 1
            continue
        fields = line.split()
        if current is None or not fields:
            continue
        c = counts[current[:2]]
        op = fields[0]
        if re.match(r"v?(add|sub|mul|div)sd$", op):
            c["arithmetic"] += 1
        elif op.startswith("call") or op == "jmp":
            c["tanh"] += len(fields) > 1 and fields[1].split("@")[0] == "tanh"
        elif re.match(r"v?mov(sd|apd|upd|q)$", op):
            c["moves"] += 1
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--include", required=True)
    ap.add_argument("--generated", required=True, help="the folder of sympy_generated.hpp")
    args = ap.parse_args()
    counts = count(args.cxx, os.path.abspath(args.include), os.path.abspath(args.generated))
    version = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout
    print("compiler: %s (%s), -O2 -fno-tree-vectorize, scalar instructions in the assembly"
          % (args.cxx, version.splitlines()[0]))
    print()
    print("| problem | code | + - * / instructions | tanh calls | moves | symdiff functions "
          "kept out of line |")
    print("|---|---|---|---|---|---|")
    for problem in ("neuron", "mlp"):
        for case in CASES:
            c = counts.get((problem, case))
            if c:
                print("| %s | %s | %d | %d | %d | %s |" % (problem, case, c["arithmetic"], c["tanh"],
                                                           c["moves"], c["out_of_line"]
                                                           if case == "symdiff" else ""))


if __name__ == "__main__":
    main()
