"""Property test: random one-hidden-layer networks written with families, against SymPy.

Each network has I inputs and J hidden units (1 <= I <= 5, 1 <= J <= 4, drawn at random), an
activation drawn from tanh, sin, atan, sinh, u^3 and u / (1 + u^2), and a loss drawn from the
squared error and the logistic loss:

    h_j  = act(sum_i w[j][i] a[i] + b[j])        (sum_over, vars<"w", J, I>, vars<"b", J>)
    out  = sum_j v[j] h_j + c                    (sum_over, vars<"v", J>, var<"c">)
    loss = (out - t)^2 / 2   or   log(1 + exp(-t out))

written in C++ as a user would (sum_over over families, whole arrays bound), and as a SymPy
expression over one symbol per element (never from symdiff's output). A generated program prints,
at random values in [-1, 1] (3 decimals, read exactly by both sides),

    value_and_gradient(loss, w, b, v, c)     the value, then d/dw (row-major), d/db, d/dv, d/dc
    gradient(loss, a, t)                     d/da, d/dt (a family and a variable)
    hessian(loss, b, c)                      when J <= 2: the (J + 1) x (J + 1) second
                                             derivatives by b's elements and c, row-major (its
                                             formulas cost most of the compile time)

and the script checks every number against SymPy's diff evaluated at 30 digits,
|symdiff - sympy| <= 1e-12 * max(1, |sympy|).

Prints every mismatch and a summary; exits 1 on any mismatch.
Environment: SYMDIFF_CXX, SYMDIFF_SOURCE_DIR (see tests/README.md); RANDOM_NETWORKS_COUNT,
RANDOM_NETWORKS_SEED override the defaults (for exploring by hand).
"""

import os
import random
import sys
import time

import mpmath
import sympy
from sympy import Rational, atan, exp, log, sin, sinh, tanh

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import symdiff_oracle as oracle  # noqa: E402

SEED = int(os.environ.get("RANDOM_NETWORKS_SEED", "20261129"))
COUNT = int(os.environ.get("RANDOM_NETWORKS_COUNT", "12"))
TOL = 1e-12

# activation: (C++ of u, SymPy function)
ACTIVATIONS = [
    ("tanh({u})", tanh),
    ("sin({u})", sin),
    ("atan({u})", atan),
    ("sinh({u})", sinh),
    ("pow({u}, 3_c)", lambda u: u**3),
    ("({u}) / (1_c + ({u}) * ({u}))", lambda u: u / (1 + u**2)),
]
# loss of out and t: (C++, SymPy)
LOSSES = [
    ("pow(out - t, 2_c) / 2_c", lambda out, t: (out - t) ** 2 / 2),
    ("log(1_c + exp(-(t * out)))", lambda out, t: log(1 + exp(-t * out))),
]


def value(rng):
    return f"{rng.uniform(-1, 1):.3f}"


def network(k, rng):
    """Network k: its C++ namespace text and the expected numbers."""
    inputs, hidden = rng.randint(1, 5), rng.randint(1, 4)
    act_cpp, act = rng.choice(ACTIVATIONS)
    loss_cpp, loss_fn = rng.choice(LOSSES)
    W = [[value(rng) for _ in range(inputs)] for _ in range(hidden)]
    B = [value(rng) for _ in range(hidden)]
    V = [value(rng) for _ in range(hidden)]
    C, T = value(rng), value(rng)
    A = [value(rng) for _ in range(inputs)]

    # SymPy: one symbol per element
    w = [[sympy.Symbol(f"w_{j}_{i}", real=True) for i in range(inputs)] for j in range(hidden)]
    b = [sympy.Symbol(f"b_{j}", real=True) for j in range(hidden)]
    v = [sympy.Symbol(f"v_{j}", real=True) for j in range(hidden)]
    c, t = sympy.Symbol("c", real=True), sympy.Symbol("t", real=True)
    a = [sympy.Symbol(f"a_{i}", real=True) for i in range(inputs)]
    out = sum(v[j] * act(sum(w[j][i] * a[i] for i in range(inputs)) + b[j])
              for j in range(hidden)) + c
    loss = loss_fn(out, t)
    by = [w[j][i] for j in range(hidden) for i in range(inputs)] + b + v + [c] + a + [t]
    subs = {s: Rational(x) for s, x in zip(
        [w[j][i] for j in range(hidden) for i in range(inputs)] + b + v + [c] + a + [t],
        [W[j][i] for j in range(hidden) for i in range(inputs)] + B + V + [C] + A + [T])}
    exact = [sympy.N(loss.subs(subs), 30)] + [sympy.N(sympy.diff(loss, s).subs(subs), 30)
                                              for s in by]
    with_hessian = hidden <= 2
    if with_hessian:
        exact += [sympy.N(sympy.diff(loss, p, q).subs(subs), 30)
                  for p in b + [c] for q in b + [c]]

    def array(xs):
        return "{" + ", ".join(xs) + "}"

    hessian = ("    for (auto const& row : symdiff::hessian(loss, b, c)(w = W, b = B, v = V, c = C,\n"
               "                                                         a = A, t = T))\n"
               "        for (double d : row) std::cout << \" \" << d;\n") if with_hessian else ""
    act_text = act_cpp.format(u="symdiff::sum_over<I>([&](auto i) { return w[j][i] * a[i]; }) + b[j]")
    cpp = f"""namespace net{k} {{
constexpr std::size_t I = {inputs}, J = {hidden};
constexpr symdiff::vars<"w", J, I> w;
constexpr symdiff::vars<"b", J> b;
constexpr symdiff::vars<"v", J> v;
constexpr symdiff::var<"c"> c;
constexpr symdiff::vars<"a", I> a;
constexpr symdiff::var<"t"> t;
constexpr auto out = symdiff::sum_over<J>([](auto j) {{ return v[j] * {act_text}; }}) + c;
constexpr auto loss = {loss_cpp};
void run() {{
    std::array<std::array<double, I>, J> const W{{{{{", ".join(array(row) for row in W)}}}}};
    std::array<double, J> const B{array(B)}, V{array(V)};
    std::array<double, I> const A{array(A)};
    double const C = {C}, T = {T};
    auto const r = symdiff::value_and_gradient(loss, w, b, v, c)(w = W, b = B, v = V, c = C,
                                                                   a = A, t = T);
    auto const& [dw, db, dv, dc] = r.gradient;
    std::cout << "value {k} 0 " << r.value;
    for (auto const& row : dw)
        for (double d : row) std::cout << " " << d;
    for (double d : db) std::cout << " " << d;
    for (double d : dv) std::cout << " " << d;
    std::cout << " " << dc;
    auto const [da, dt] = symdiff::gradient(loss, a, t)(w = W, b = B, v = V, c = C, a = A, t = T);
    for (double d : da) std::cout << " " << d;
    std::cout << " " << dt;
{hessian}    std::cout << "\\n";
}}
}} // namespace net{k}
"""
    name = f"net{k} (I = {inputs}, J = {hidden}, {act_cpp.format(u='u')}, {loss_cpp})"
    return cpp, exact, name


def main():
    mpmath.mp.dps = 30
    start = time.monotonic()
    rng = random.Random(SEED)
    nets = [network(k, rng) for k in range(COUNT)]
    source = "\n".join(
        ["#include <array>", "#include <cstddef>", "#include <iomanip>", "#include <iostream>",
         "#include <symdiff/symdiff.hpp>", "", "using namespace symdiff::literals;", ""] +
        [cpp for cpp, _, _ in nets] +
        ["int main() {", "    std::cout << std::setprecision(17);"] +
        [f"    net{k}::run();" for k in range(COUNT)] + ["}", ""])
    ran = oracle.run_generated([source], prefix="symdiff_networks_")
    if ran is None:
        return 1
    _, values, seconds = ran

    mismatches, checks = [], 0
    for k, (_, exact, name) in enumerate(nets):
        row = values.get((k, 0))
        if row is None or len(row) != len(exact):
            mismatches.append(f"{name}: {len(exact)} numbers expected, printed {row}")
            continue
        for n, (want, printed) in enumerate(zip(exact, row)):
            checks += 1
            want = mpmath.mpf(str(want))
            err = oracle.relative_error(printed, want)
            if err is None or err > TOL:
                mismatches.append(f"{name}: number {n}: symdiff {printed}, SymPy"
                                  f" {mpmath.nstr(want, 20)} (relative error"
                                  f" {mpmath.nstr(err, 3) if err is not None else '?'})")
    for m in mismatches:
        print("FAIL", m)
    print(f"random_networks: seed {SEED}, {COUNT} networks, {checks} checks,"
          f" {len(mismatches)} mismatches; compiled in {seconds[0]:.1f} s ({oracle.compiler()}),"
          f" {time.monotonic() - start:.1f} s in all")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
