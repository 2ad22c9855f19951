"""The 4-8-1 tanh MLP's loss and 49-parameter gradient, written with families of variables
(vars, sum_over) and computed by symdiff's reverse mode, against SymPy's `diff` of the same
network evaluated exactly at fixed pseudo-random parameters (30 digits).

symdiff's gradient is computed in double: each partial is within a few ulps of the exact value
times the condition of the sums involved; 1e-12 relative (absolute below 1e-12) is the bound.
Also checks that gradient(loss, w) has the family's shape by indexing it as w[j][i].
"""

import random
import sys

import sympy

import symdiff_oracle as oracle

TOL = 1e-12


def main():
    rng = random.Random(20261128)
    vals = {}
    for j in range(8):
        for i in range(4):
            vals[f"w_{j}_{i}"] = f"{rng.uniform(-1, 1):.6f}"
        vals[f"b_{j}"] = f"{rng.uniform(-1, 1):.6f}"
        vals[f"v_{j}"] = f"{rng.uniform(-1, 1):.6f}"
    vals["c"] = f"{rng.uniform(-1, 1):.6f}"
    for i in range(4):
        vals[f"a_{i}"] = f"{rng.uniform(-1, 1):.6f}"
    vals["t"] = "0.25"

    S = {k: sympy.Symbol(k, real=True) for k in vals}
    hidden = [sympy.tanh(sum(S[f"w_{j}_{i}"] * S[f"a_{i}"] for i in range(4)) + S[f"b_{j}"])
              for j in range(8)]
    o = sympy.tanh(sum(S[f"v_{j}"] * hidden[j] for j in range(8)) + S["c"])
    loss = (o - S["t"]) ** 2 / 2
    params = [f"w_{j}_{i}" for j in range(8) for i in range(4)] + \
        [f"b_{j}" for j in range(8)] + [f"v_{j}" for j in range(8)] + ["c"]

    def arr(names):
        return "{" + ", ".join(vals[n] for n in names) + "}"

    W = "{{" + ", ".join(arr([f"w_{j}_{i}" for i in range(4)]) for j in range(8)) + "}}"
    program = f"""
#include <cstdio>
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
constexpr symdiff::vars<"a", 4> a;
constexpr symdiff::vars<"w", 8, 4> w;
constexpr symdiff::vars<"b", 8> b;
constexpr symdiff::vars<"v", 8> v;
constexpr symdiff::var<"c"> c;
constexpr symdiff::var<"t"> t;
int main() {{
    constexpr auto o = tanh(symdiff::sum_over<8>([](auto j) {{
        return v[j] * tanh(symdiff::sum_over<4>([&](auto i) {{ return w[j][i] * a[i]; }}) + b[j]);
    }}) + c);
    constexpr auto loss = pow(o - t, 2_c) / 2_c;
    auto p = symdiff::at(a = std::array<double, 4>{arr([f"a_{i}" for i in range(4)])},
                         w = std::array<std::array<double, 4>, 8>{W},
                         b = std::array<double, 8>{arr([f"b_{j}" for j in range(8)])},
                         v = std::array<double, 8>{arr([f"v_{j}" for j in range(8)])},
                         c = {vals["c"]}, t = {vals["t"]});
    auto r = symdiff::value_and_gradient(loss, w, b, v, c)(p);
    auto const& [gw, gb, gv, gc] = r.gradient;
    std::printf("%.17g\\n", r.value);
    for (int j = 0; j < 8; ++j)
        for (int i = 0; i < 4; ++i)
            std::printf("%.17g\\n", gw[j][i]);
    for (int j = 0; j < 8; ++j) std::printf("%.17g\\n", gb[j]);
    for (int j = 0; j < 8; ++j) std::printf("%.17g\\n", gv[j]);
    std::printf("%.17g\\n", gc);
}}
"""
    outputs, errors, _ = oracle.compile_and_run([program], flags=("-std=c++20", "-O2"))
    if errors:
        print("\n".join(errors))
        return 1
    got = [float(line) for line in outputs[0].split()]
    names = ["loss"] + params
    if len(got) != len(names):
        print(f"expected {len(names)} numbers, got {len(got)}")
        return 1
    failures = 0
    for name, value in zip(names, got):
        expr = loss if name == "loss" else sympy.diff(loss, S[name])
        exact = oracle.sym_value(expr, vals)
        err = abs(sympy.Float(value, 30) - exact)
        if err > TOL * max(1, abs(exact)):
            print(f"MISMATCH {name}: symdiff {value!r}, SymPy {exact}")
            failures += 1
    print(f"{len(names) - failures}/{len(names)} values agree with SymPy to {TOL} relative")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
