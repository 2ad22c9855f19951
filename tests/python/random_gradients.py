"""Property test: random formulas through the plan (reverse mode), against SymPy.

random_formulas.py checks the symbolic derivative d(f, x). This test sends the same kind of
random formulas (its Generator: + - * /, unary -, exact powers, the elementary functions, abs,
exact constants and stored doubles, domains kept valid by construction) through the evaluation
plan and the reverse sweep, the code behind gradient, value_and_gradient, hessian and jacobian,
which shares nothing with d but the formulas' types. A different seed from random_formulas.py,
so different formulas. For each formula f, a partner g (the next formula when it is defined and
bounded at f's points, else f * x), and 3 random points, a generated C++ program prints

    value_and_gradient(f, x, y, z)(p)          f and its 3 first derivatives
    hessian(f, x, y, z)(p)                     all 9 entries
    gradient(f, z, x)(p)                       a subset, in another order
    jacobian(outputs(f, g), x, y, z)(p)        2 rows from one plan of both formulas
    gradient(s * g + s, x, y, z, s)(p)         s = name<"s">(f), a named stage: by x, y, z
                                               through it, and by s itself (g + 1)

and the script checks every number against SymPy's diff evaluated at 30 digits,
|symdiff - sympy| <= 1e-12 * max(1, |sympy|), and that the Hessian's mirrored entries print the
same digits (each pair is computed once). Formulas whose values or derivatives exceed 1e4 at a
point, or with abs near its kink, are rejected by random_formulas.py's generate.

Prints every mismatch with its formula and a summary; exits 1 on any mismatch.
Environment: SYMDIFF_CXX, SYMDIFF_SOURCE_DIR (see tests/README.md); RANDOM_GRADIENTS_COUNT,
RANDOM_GRADIENTS_SEED and RANDOM_GRADIENTS_JOBS override the defaults (for exploring by hand).
"""

import functools
import os
import sys
import time

import mpmath

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import random_formulas as rf  # noqa: E402
import symdiff_oracle as oracle  # noqa: E402
from symdiff_oracle import x, y, z  # noqa: E402

SEED = int(os.environ.get("RANDOM_GRADIENTS_SEED", "20261129"))
# ~2 s of CPU per formula, as random_formulas.py (the Hessian's second derivatives are formulas).
COUNT = int(os.environ.get("RANDOM_GRADIENTS_COUNT", "16"))
JOBS = int(os.environ.get("RANDOM_GRADIENTS_JOBS", "1"))
PARTS = 2
TOL = 1e-12

XYZ = (x, y, z)
# what each printed number is, as the variables SymPy differentiates f (or g) by, in order
LAYOUT = ([("f", ())] + [("f", (v,)) for v in XYZ] +
          [("f", (a, b)) for a in XYZ for b in XYZ] +
          [("f", (z,)), ("f", (x,))] +
          [("f", (v,)) for v in XYZ] + [("g", (v,)) for v in XYZ])


def expected(d, g):
    """The numbers the program prints, from the derivatives of f (d) and g: LAYOUT's, then those
    of s * g + s with s = f by x, y, z and by s."""
    numbers = [(d if which == "f" else g)[by] for which, by in LAYOUT]
    numbers += [d[(v,)] * (g[()] + 1) + d[()] * g[(v,)] for v in XYZ] + [g[()] + 1]
    return numbers


NUMBERS = len(LAYOUT) + 4


@functools.lru_cache(maxsize=None)
def derivatives(expr):
    """expr's derivatives named in LAYOUT (by variables), each second one from a first."""
    return rf.derivative_table(expr, [by for _, by in LAYOUT])


def bounded(fns, points):
    """Whether fns are defined, finite and within LIMIT at every point."""
    return all(rf.bounded_values(fns, p) is not None for p in points)


def generate():
    """COUNT formulas with a partner, points and the expected numbers: [(cpp_f, cpp_g, points,
    rows)], rows[j] the numbers of LAYOUT at point j. The formulas are random_formulas.py's,
    drawn and rejected as there, by the derivatives this test prints."""
    keys = sorted({by for _, by in LAYOUT}, key=len)
    candidates = [(cpp, sym, points, derivatives(sym)) for cpp, sym, points, _ in rf.generate(
        seed=SEED, count=COUNT + 1, derivatives_of=lambda sym: [derivatives(sym)[by] for by in keys])]
    formulas = []
    for k in range(COUNT):
        cpp, sym, points, d = candidates[k]
        g_cpp, g_sym = candidates[k + 1][0], candidates[k + 1][1]
        g = derivatives(g_sym)
        if not bounded([rf.numeric(g[by]) for by in [()] + [(v,) for v in XYZ]], points):
            g_cpp, g_sym = f"({cpp}) * x", sym * x
            g = derivatives(g_sym)
        exprs = expected(d, g)
        rows = [rf.exact_values([rf.numeric(e) for e in exprs], p) for p in points]
        formulas.append((cpp, g_cpp, points, rows))
    return formulas


def cpp_program(formulas, indices):
    out = oracle.program_prologue() + [
        "template <class F, class G, class P>",
        "void values(int k, int j, F const& f, G const& g, P const& p) {",
        "    auto const r = symdiff::value_and_gradient(f, x, y, z)(p);",
        "    auto const h = symdiff::hessian(f, x, y, z)(p);",
        "    auto const zx = symdiff::gradient(f, z, x)(p);",
        "    auto const jac = symdiff::jacobian(symdiff::outputs(f, g), x, y, z)(p);",
        '    std::cout << "value " << k << " " << j << " " << r.value;',
        '    for (double d : r.gradient) std::cout << " " << d;',
        "    for (auto const& row : h)",
        '        for (double d : row) std::cout << " " << d;',
        '    std::cout << " " << zx[0] << " " << zx[1];',
        "    for (auto const& row : jac)",
        '        for (double d : row) std::cout << " " << d;',
        "    auto const s = symdiff::name<\"s\">(f);",
        "    auto const st = symdiff::gradient(s * g + s, x, y, z, s)(p);",
        '    for (double d : st) std::cout << " " << d;',
        '    std::cout << "\\n";',
        "}",
        "",
        "template <class F, class G, class... P>",
        "void report(int k, F const& f, G const& g, P const&... p) {",
        "    int j = 0;",
        "    (values(k, j++, f, g, p), ...);",
        "}",
        "",
        "int main() {",
        "    std::cout << std::setprecision(17);",
    ]
    for k in indices:
        cpp, g_cpp, points, _ = formulas[k]
        at = ", ".join(f"symdiff::at(x = {p['x']}, y = {p['y']}, z = {p['z']})" for p in points)
        out.append(f"    report({k}, {cpp},\n           {g_cpp},\n           {at});")
    out += ["}", ""]
    return "\n".join(out)


def label(which, by):
    return f"{which}" + ("" if not by else "_" + "".join(str(v) for v in by))


def main():
    mpmath.mp.dps = 30
    start = time.monotonic()
    formulas = generate()
    generated = time.monotonic() - start

    parts = oracle.balance(list(range(len(formulas))),
                           lambda k: len(formulas[k][0]) + len(formulas[k][1]), PARTS)
    ran = oracle.run_generated([cpp_program(formulas, part) for part in parts], jobs=JOBS,
                               prefix="symdiff_gradients_")
    if ran is None:
        return 1
    _, values, seconds = ran

    labels = [label(which, by) for which, by in LAYOUT] + [
        "stage_x", "stage_y", "stage_z", "stage_s"]
    mismatches, checks = [], 0
    for k, (cpp, g_cpp, points, exact) in enumerate(formulas):
        name = f"#{k} f = {cpp}; g = {g_cpp}"
        for j, p in enumerate(points):
            row = values.get((k, j))
            if row is None or len(row) != NUMBERS:
                mismatches.append(f"{name}: missing or malformed values at point {j}: {row}")
                continue
            for n, (what, want, printed) in enumerate(zip(labels, exact[j], row)):
                checks += 1
                err = oracle.relative_error(printed, want)
                if err is None or err > TOL:
                    mismatches.append(
                        f"{name}: number {n} ({what}) at {p}: symdiff {printed},"
                        f" SymPy {mpmath.nstr(want, 20)} (relative error"
                        f" {mpmath.nstr(err, 3) if err is not None else '?'})")
            # the Hessian (numbers 4 .. 12, row-major) is symmetric to the digit
            for a in range(3):
                for b in range(a + 1, 3):
                    checks += 1
                    if row[4 + 3 * a + b] != row[4 + 3 * b + a]:
                        mismatches.append(f"{name}: hessian[{a}][{b}] = {row[4 + 3 * a + b]} but"
                                          f" hessian[{b}][{a}] = {row[4 + 3 * b + a]} at {p}")

    for m in mismatches:
        print("FAIL", m)
    print(f"random_gradients: seed {SEED}, {len(formulas)} formulas, {checks} checks,"
          f" {len(mismatches)} mismatches; generated in {generated:.1f} s, compiled in"
          f" {' + '.join(f'{s:.1f}' for s in seconds)} s ({oracle.compiler()}),"
          f" {time.monotonic() - start:.1f} s in all")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
