"""symdiff's derivatives and printed formulas, cross-checked against SymPy.

A fixed list of formulas over x, y, z, each written twice and independently: once as symdiff C++
text, once as a SymPy expression. The script writes a C++ program that prints, for each formula,
the text of f, d(f, x), d(f, y), d(f, x, y), d(f, x, x) and their values at 3 points (17 digits);
compiles it with $SYMDIFF_CXX against $SYMDIFF_SOURCE_DIR/include; runs it; and checks

  * every value against SymPy's diff evaluated at 30 digits: |c++ - sympy| <= tol * max(1, |sympy|),
    tol = 1e-12 unless a formula says otherwise (with the reason);
  * every printed text (`^` -> `**`, `abs` -> `Abs`, a named stage read as its body), parsed by
    sympy.sympify, against the same SymPy values (1e-14): the printed text means the formula.

Prints every mismatch and a summary line; exits non-zero on any mismatch.
"""

import os
import sys

import sympy
from sympy import (Abs, Rational, acos, asin, atan, cos, cosh, exp, log, sin, sinh, sqrt, tan,
                   tanh)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import symdiff_oracle as oracle  # noqa: E402
from symdiff_oracle import parse_text, sym_value, x, y, z  # noqa: E402

R = Rational

TOL = 1e-12          # values: C++ double vs SymPy at 30 digits
TOL_TEXT = 1e-14     # printed text vs SymPy, both evaluated at 30 digits (stored doubles print in
                     # shortest round-trip form, so they read back to within ~1e-17)

# The 3 points, inside every formula's domain: 0 < x < 1 (asin, acos, pow(x, y), log(x)),
# y > x (quotients by y - x), z of both signs.
POINTS = [
    {"x": "0.3", "y": "1.7", "z": "0.6"},
    {"x": "0.55", "y": "0.8", "z": "-1.2"},
    {"x": "0.8", "y": "2.3", "z": "0.45"},
]
DERIVATIVES = [  # (label, C++ call on f, SymPy)
    ("f", "f", lambda e: e),
    ("dx", "symdiff::d(f, x)", lambda e: sympy.diff(e, x)),
    ("dy", "symdiff::d(f, y)", lambda e: sympy.diff(e, y)),
    ("dxy", "symdiff::d(f, x, y)", lambda e: sympy.diff(e, x, y)),
    ("dxx", "symdiff::d(f, x, x)", lambda e: sympy.diff(e, x, 2)),
]


# Printed texts checked: f and d(f, x). (The other derivatives' texts could be checked the same
# way, but printing them nearly doubles the compile time; their values are checked.)
TEXTS = ("f", "dx")


def F(cpp, sym, prelude="", stages=None, tol=TOL, why=None):
    """One formula: symdiff C++ text (prelude may define named stages), the SymPy expression,
    the stages' bodies (to read printed stage names), and an optional looser tolerance + reason."""
    assert (tol == TOL) or why, "a loosened tolerance needs a reason"
    return {"cpp": cpp, "sym": sym, "prelude": prelude, "stages": stages or {}, "tol": tol}


FORMULAS = [
    # operators
    F("x + y", x + y),
    F("x - y * z", x - y * z),
    F("-x * y", -x * y),
    F("x * y * z", x * y * z),
    F("x / y", x / y),
    F("(x + 1_c) / (y - x)", (x + 1) / (y - x)),
    F("(x + y) / (x - y + z)", (x + y) / (x - y + z)),
    F("-(x - z) / (y * y)", -(x - z) / y**2),
    # powers with constant exponents
    F("pow(x, 3_c)", x**3),
    F("pow(x, 1_c / 2_c)", sqrt(x)),
    F("pow(x, -2_c)", x**-2),
    F("pow(x * y + 1_c, 0.5_c)", sqrt(x * y + 1)),
    F("pow(x, 1_c / 3_c) * y", x ** R(1, 3) * y),
    F("pow(x + y, -3_c / 2_c) - pow(z, 4_c)", (x + y) ** R(-3, 2) - z**4),
    F("pow(x * y, 2.5)", (x * y) ** R(5, 2)),
    F("pow(exp(x), -1_c / 2_c) * sqrt(y)", exp(x) ** R(-1, 2) * sqrt(y)),
    # general powers
    F("pow(x, y)", x**y),
    F("pow(y, x * x)", y ** (x**2)),
    F("pow(sin(x) + 2_c, y * z)", (sin(x) + 2) ** (y * z)),
    # every function
    F("exp(x * y)", exp(x * y)),
    F("log(x + y * y)", log(x + y**2)),
    F("sqrt(x * x + y * y)", sqrt(x**2 + y**2)),
    F("sin(x * y) + cos(x - y)", sin(x * y) + cos(x - y)),
    F("tan(x / y)", tan(x / y)),
    F("asin(x * y / 3_c)", asin(x * y / 3)),
    F("acos(x) * y", acos(x) * y),
    F("atan(x * y) - atan(y / x)", atan(x * y) - atan(y / x)),
    F("sinh(x) * cosh(y)", sinh(x) * cosh(y)),
    F("tanh(x * y + z)", tanh(x * y + z)),
    F("abs(x - y) * z", Abs(x - y) * z),
    F("abs(sin(x * y)) + abs(z)", Abs(sin(x * y)) + Abs(z)),
    # nested compositions
    F("exp(sin(x)) * log(y)", exp(sin(x)) * log(y)),
    F("log(cosh(x * y))", log(cosh(x * y))),
    F("sqrt(1_c + tanh(x) * tanh(x)) / y", sqrt(1 + tanh(x) ** 2) / y),
    F("1_c / (1_c + exp(-x * y))", 1 / (1 + exp(-x * y))),
    F("x * exp(-y * y / 2_c) * cos(z)", x * exp(-y**2 / 2) * cos(z)),
    F("atan(y / x) / sqrt(x * x + y * y)", atan(y / x) / sqrt(x**2 + y**2)),
    F("sinh(asin(x)) - cosh(atan(y))", sinh(asin(x)) - cosh(atan(y))),
    F("-pow(tan(x), 2_c) + 1_c / cos(x * y)", -tan(x) ** 2 + 1 / cos(x * y)),
    F("log(abs(x - y)) * z", log(Abs(x - y)) * z),
    F("asin(x) + acos(x) + y", asin(x) + acos(x) + y),
    # constants: exact rationals and stored doubles
    F("0.5_c * x * x * y", R(1, 2) * x**2 * y),
    F("2.5 * x * y", R(5, 2) * x * y),
    F("x / 3.0 + 0.1 * y", x / 3 + R(0.1) * y),  # R(0.1): the double nearest 0.1, exactly
    F("(1_c / 3_c) * pow(x, 3_c) - 0.25 * y / x", R(1, 3) * x**3 - R(1, 4) * y / x),
    # named stages
    F("tanh(s) * s", tanh(x * y + z) * (x * y + z),
      prelude='auto const s = symdiff::name<"s">(x * y + z);', stages={"s": x * y + z}),
    F("v / u", ((sin(x) + y) ** 2 + x) / (sin(x) + y),
      prelude='auto const u = symdiff::name<"u">(sin(x) + y);\n'
              '        auto const v = symdiff::name<"v">(u * u + x);',
      stages={"u": sin(x) + y, "v": (sin(x) + y) ** 2 + x}),
    F("pow(error, 2_c) / 2_c",
      (tanh(x * y + z) - R(1, 2)) ** 2 / 2,
      prelude='auto const net = symdiff::name<"net">(x * y + z);\n'
              '        auto const output = symdiff::name<"output">(tanh(net));\n'
              '        auto const error = symdiff::name<"error">(output - 0.5_c);',
      stages={"net": x * y + z, "output": tanh(x * y + z), "error": tanh(x * y + z) - R(1, 2)}),
]


def cpp_program(indices):
    out = oracle.values_program_head([call for _, call, _ in DERIVATIVES]) + [
        "template <class F>",
        "void report(int k, F const& f) {",
    ]
    for label, call, _ in DERIVATIVES:
        if label in TEXTS:
            out.append(f'    std::cout << "text " << k << " {label} " << {call} << "\\n";')
    for j, p in enumerate(POINTS):
        out.append(f"    values(k, {j}, f, symdiff::at(x = {p['x']}, y = {p['y']}, z = {p['z']}));")
    out += ["}", "", "int main() {", "    std::cout << std::setprecision(17);"]
    for k in indices:
        f = FORMULAS[k]
        out.append("    {")
        if f["prelude"]:
            out.append("        " + f["prelude"])
        out.append(f"        report({k}, {f['cpp']});")
        out.append("    }")
    out += ["}", ""]
    return "\n".join(out)


def cost(f):
    return len(f["cpp"]) + len(f["prelude"])


def main():
    # The compile time is all template instantiation (~2 s per formula): split the formulas into
    # a few programs, compiled in parallel, balanced by a rough cost (the formula's length).
    jobs = max(1, min(4, os.cpu_count() or 1, len(FORMULAS)))
    chunks = oracle.balance(list(range(len(FORMULAS))), lambda k: cost(FORMULAS[k]), jobs)
    outputs, errors, _ = oracle.compile_and_run([cpp_program(chunk) for chunk in chunks],
                                                jobs=jobs, prefix="symdiff_sympy_")
    if errors:
        for e in errors:
            print("FAIL:", e)
        return 1

    try:
        texts, values = oracle.read_texts_and_values(outputs)
    except ValueError as e:
        print(f"FAIL: {e}")
        return 1

    mismatches, checks = [], 0
    for k, f in enumerate(FORMULAS):
        name = f"#{k} {f['cpp']}"
        exprs = [sym(f["sym"]) for _, _, sym in DERIVATIVES]
        parsed = {}
        for label in TEXTS:
            text = texts.get((k, label))
            if text is None:
                mismatches.append(f"{name}: no printed text for {label}")
                continue
            try:
                parsed[label] = parse_text(text, f["stages"])
            except (sympy.SympifyError, SyntaxError, TypeError) as e:
                mismatches.append(f"{name}: {label} printed {text!r}, which SymPy cannot read: {e}")
        for j, point in enumerate(POINTS):
            row = values.get((k, j))
            if row is None or len(row) != len(DERIVATIVES):
                mismatches.append(f"{name}: missing or malformed values at point {j}: {row}")
                continue
            for (label, _, _), expr, printed in zip(DERIVATIVES, exprs, row):
                where = f"{name}: {label} at {point}"
                exact = sym_value(expr, point)
                scale = max(1, abs(exact))
                try:
                    got = sympy.Float(printed, 30)
                    ok = abs(got - exact) <= f["tol"] * scale
                except ValueError:
                    ok = False
                checks += 1
                if not ok:
                    shown = texts.get((k, label), texts.get((k, "f")))
                    mismatches.append(f"{where}: symdiff {printed}, SymPy {sympy.N(exact, 20)}"
                                      f" (formula printed as {shown!r})")
                if label in parsed:
                    checks += 1
                    try:
                        via_text = sym_value(parsed[label], point)
                        ok = abs(via_text - exact) <= TOL_TEXT * scale
                    except (ValueError, TypeError) as e:
                        via_text, ok = str(e), False
                    if not ok:
                        mismatches.append(f"{where}: printed text {texts[(k, label)]!r} evaluates"
                                          f" to {via_text}, SymPy {sympy.N(exact, 20)}")

    for m in mismatches:
        print("FAIL", m)
    print(f"sympy_derivatives: {len(FORMULAS)} formulas, {checks} checks, "
          f"{len(mismatches)} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
