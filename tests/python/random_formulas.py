"""Property test: random formulas, symdiff's values and derivatives against SymPy's.

A deterministic generator (fixed seed) builds random expression trees over x, y, z from + - * /,
unary -, pow with exact exponents (2_c, 3_c, -1_c, 1_c / 2_c), the functions exp log sqrt sin cos
tan asin acos atan sinh cosh tanh abs, exact constants (2_c, 1_c / 3_c, 0.5_c) and stored doubles
(2.5, 0.75, 0.1). Each tree is written twice from the same random choices: as symdiff C++ text and
as a SymPy expression built from SymPy objects (never by reading symdiff's output). Domains are
kept valid by construction: log and sqrt take 1 + u^2, 2 + sin(u) or 2 + tanh(u); asin and acos
take tanh(u)/2, sin(u)/2 or atan(u)/2; tan takes tanh(u), sin(u) or atan(u)/2; a divisor is a
constant or one of the positive forms; abs is kept away from its kink at the chosen points.

For each formula f and 3 random points (x, y, z in [-1.5, 1.5], 3 decimals, read exactly by both
sides), a generated C++ program prints f, d(f, x), d(f, y), d(f, z), d(f, x, x), d(f, x, y),
d(d(f, y), x) and d(f, y, z) (17 digits), and the texts of f, d(f, x, y) and d(f, y, x). The
script checks

  * every value against SymPy's diff evaluated at 30 digits:
    |symdiff - sympy| <= 1e-12 * max(1, |sympy|)  (no formula has a looser bound);
  * d(f, x, y) and d(f, y, x) print the same text (mixed partials are taken in the variables'
    canonical order, so they are one formula); d(d(f, y), x), the other order taken by hand (a
    different formula in general), is checked by value like the others;
  * the printed text of f (`^` -> `**`, `abs` -> `Abs`) read by SymPy has f's value (1e-14).

Formulas whose values or derivatives exceed 1e4 in magnitude at a point are rejected by the
generator (and replaced by the next random formula), as are points closer than 0.05 to a kink of
abs: the test is about the derivatives, not about floating-point overflow or cancellation.

Prints every mismatch with its formula and a summary; exits 1 on any mismatch.
Environment: SYMDIFF_CXX, SYMDIFF_SOURCE_DIR (see tests/README.md); RANDOM_FORMULAS_COUNT,
RANDOM_FORMULAS_SEED and RANDOM_FORMULAS_JOBS override the defaults (for exploring by hand).
"""

import os
import random
import sys
import time

import mpmath
import sympy
from sympy import Abs, Rational, acos, asin, atan, cos, cosh, exp, log, sin, sinh, sqrt, tan, tanh

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import symdiff_oracle as oracle  # noqa: E402
from symdiff_oracle import x, y, z  # noqa: E402

SEED = int(os.environ.get("RANDOM_FORMULAS_SEED", "20240605"))
# The cost is compile time, ~2 s of CPU per formula (g++ -Og; clang++ -O0 ~1.5 s), all template
# instantiation and code generation. Measured on 2 cores: 28 formulas took 50 s (g++) and 62 s
# (clang++) alone, but 96-99 s beside sympy_derivatives under `ctest -j 2`; 20 keeps it near 60 s
# there. More, by hand: RANDOM_FORMULAS_COUNT=60 RANDOM_FORMULAS_SEED=7 (other seeds).
COUNT = int(os.environ.get("RANDOM_FORMULAS_COUNT", "20"))
# Compile processes at a time: ctest runs 2 tests at a time on this 2-core machine.
JOBS = int(os.environ.get("RANDOM_FORMULAS_JOBS", "1"))
PARTS = 2               # programs: compiled in turn when JOBS = 1 (less memory than one)
DEPTH = 4               # the deepest tree: 4 levels of operations above the leaves
POINTS = 3
TOL = 1e-12             # values: C++ double vs SymPy at 30 digits
TOL_TEXT = 1e-14        # printed text vs SymPy, both at 30 digits
LIMIT = 1e4             # reject a formula whose value or derivative exceeds this at a point
KINK = 0.05             # reject a formula with an abs argument closer than this to 0 at a point

VARS = [("x", x), ("y", y), ("z", z)]
# (label, C++ expression of f, the SymPy derivative's variables)
DERIVATIVES = [
    ("f", "f", ()),
    ("dx", "symdiff::d(f, x)", (x,)),
    ("dy", "symdiff::d(f, y)", (y,)),
    ("dz", "symdiff::d(f, z)", (z,)),
    ("dxx", "symdiff::d(f, x, x)", (x, x)),
    ("dxy", "symdiff::d(f, x, y)", (x, y)),
    ("dyx", "symdiff::d(symdiff::d(f, y), x)", (y, x)),
    ("dyz", "symdiff::d(f, y, z)", (y, z)),
]
TEXTS = [("f", "f"), ("dxy", "symdiff::d(f, x, y)"), ("dyx", "symdiff::d(f, y, x)")]

# Exact constants and stored doubles: (C++ text, SymPy value). A stored double is exactly the
# binary number nearest its decimal text, Rational(float) on SymPy's side.
CONSTANTS = [("2_c", Rational(2)), ("(1_c / 3_c)", Rational(1, 3)), ("0.5_c", Rational(1, 2)),
             ("2.5", Rational(2.5)), ("0.75", Rational(0.75)), ("0.1", Rational(0.1))]


class Generator:
    """Random trees, each node a pair (C++ text, SymPy expression); every tree has a variable."""

    def __init__(self, rng):
        self.rng = rng
        self.abs_arguments = []  # SymPy arguments of abs in the current formula

    def formula(self):
        self.abs_arguments = []
        return self.tree(DEPTH)

    def tree(self, depth):
        r = self.rng.random()
        if depth <= 0 or r < 0.15:
            return self.variable()
        if r < 0.50:
            return self.binary(depth)
        if r < 0.58:
            c, s = self.tree(depth - 1)
            return f"-({c})", -s
        if r < 0.70:
            return self.power(depth)
        return self.function(depth)

    def variable(self):
        name, s = self.rng.choice(VARS)
        return name, s

    def operand(self, depth):
        """A subtree, or now and then a constant."""
        if self.rng.random() < 0.25:
            return self.rng.choice(CONSTANTS)
        return self.tree(depth - 1)

    def binary(self, depth):
        op = self.rng.choice("+-*/")
        a = self.tree(depth - 1)
        if op == "/":
            if self.rng.random() < 0.2:
                b = self.rng.choice(CONSTANTS)
            else:
                b = self.positive(depth - 1)
                if self.rng.random() < 0.2:  # a constant over a positive form
                    a = self.rng.choice(CONSTANTS)
            return f"({a[0]}) / ({b[0]})", a[1] / b[1]
        b = self.operand(depth)
        if self.rng.random() < 0.5:
            a, b = b, a
        if op == "+":
            return f"({a[0]}) + ({b[0]})", a[1] + b[1]
        if op == "-":
            return f"({a[0]}) - ({b[0]})", a[1] - b[1]
        return f"({a[0]}) * ({b[0]})", a[1] * b[1]

    def positive(self, depth):
        """A form >= 1/2 > 0 built from a random subtree u: 1 + u^2, 2 + sin(u), 2 + tanh(u)."""
        c, s = self.tree(depth - 1)
        kind = self.rng.randrange(3)
        if kind == 0:
            return f"(1_c + ({c}) * ({c}))", 1 + s * s
        if kind == 1:
            return f"(2_c + sin({c}))", 2 + sin(s)
        return f"(2_c + tanh({c}))", 2 + tanh(s)

    def bounded(self, depth, half):
        """A form in (-1, 1) (half=False) or in (-1/2, 1/2) (half=True): tanh(u), sin(u), atan(u)/2."""
        c, s = self.tree(depth - 1)
        kind = self.rng.randrange(3)
        if kind == 2:
            return f"atan({c}) / 2_c", atan(s) / 2
        f, g = [("tanh", tanh), ("sin", sin)][kind]
        if half:
            return f"{f}({c}) / 2_c", g(s) / 2
        return f"{f}({c})", g(s)

    def power(self, depth):
        kind = self.rng.randrange(4)
        if kind == 0:
            c, s = self.tree(depth - 1)
            return f"pow({c}, 2_c)", s**2
        if kind == 1:
            c, s = self.tree(depth - 1)
            return f"pow({c}, 3_c)", s**3
        c, s = self.positive(depth)
        if kind == 2:
            return f"pow({c}, -1_c)", s**-1
        return f"pow({c}, 1_c / 2_c)", sqrt(s)

    def function(self, depth):
        name = self.rng.choice(["exp", "log", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
                                "sinh", "cosh", "tanh", "abs"])
        g = {"exp": exp, "log": log, "sqrt": sqrt, "sin": sin, "cos": cos, "tan": tan,
             "asin": asin, "acos": acos, "atan": atan, "sinh": sinh, "cosh": cosh, "tanh": tanh,
             "abs": Abs}[name]
        if name in ("log", "sqrt"):
            c, s = self.positive(depth)
        elif name in ("asin", "acos"):
            c, s = self.bounded(depth, half=True)
        elif name == "tan":
            c, s = self.bounded(depth, half=False)
        else:
            c, s = self.tree(depth - 1)
        if name == "abs":
            self.abs_arguments.append(s)
        return f"{name}({c})", g(s)


def numeric(expr):
    """expr as a function of (x, y, z) computed by mpmath at the current precision."""
    # d/du sign(u) is 2 DiracDelta(u), which SymPy sometimes leaves as Derivative(sign(u), x):
    # both are 0 away from the kink, where every point is.
    expr = expr.replace(sympy.DiracDelta, lambda *args: sympy.S.Zero)
    expr = expr.replace(lambda e: isinstance(e, sympy.Derivative) and isinstance(e.expr, sympy.sign),
                        lambda e: sympy.S.Zero)
    return sympy.lambdify((x, y, z), expr, modules="mpmath")


def derivative_table(f, bys):
    """{by: d f / d by} for every tuple of variables `by` in bys and each of its prefixes (() is f
    itself), each derivative taken from the one before it."""
    done = {(): f}
    for by in bys:
        for n in range(1, len(by) + 1):
            if by[:n] not in done:
                done[by[:n]] = sympy.diff(done[by[:n - 1]], by[n - 1])
    return done


def sympy_derivatives(f):
    """SymPy's derivatives of f listed in DERIVATIVES, each second derivative from a first."""
    done = derivative_table(f, [by for _, _, by in DERIVATIVES])
    return [done[by] for _, _, by in DERIVATIVES]


def point(rng):
    return {name: f"{rng.uniform(-1.5, 1.5):.3f}" for name, _ in VARS}


def exact_values(fns, p):
    args = [mpmath.mpf(Rational(p[name]).p) / Rational(p[name]).q for name, _ in VARS]
    return [mpmath.mpf(fn(*args)) for fn in fns]


def bounded_values(fns, p):
    """exact_values(fns, p) when every value is defined, finite and within LIMIT, else None."""
    try:
        row = exact_values(fns, p)
    except (ValueError, TypeError, ZeroDivisionError, OverflowError):
        return None
    return row if all(mpmath.isfinite(v) and abs(v) <= LIMIT for v in row) else None


def generate(seed=SEED, count=COUNT, derivatives_of=sympy_derivatives):
    """`count` formulas, each with its points and the SymPy values of derivatives_of(formula) at
    them: [(cpp, sym, points, values)]. (random_gradients.py asks for other derivatives.)"""
    rng = random.Random(seed)
    gen = Generator(rng)
    formulas, tries = [], 0
    while len(formulas) < count:
        tries += 1
        assert tries < 50 * count, "the generator rejects nearly every formula"
        cpp, sym = gen.formula()
        points = [point(rng) for _ in range(POINTS)]
        if len(sym.free_symbols) < 2:
            continue  # a constant or a one-variable formula: too little to check
        fns = [numeric(e) for e in derivatives_of(sym)]
        kinks = [numeric(a) for a in gen.abs_arguments]
        values = []
        for p in points:
            row = bounded_values(fns, p)
            if row is None:
                break
            try:
                near_kink = any(abs(v) < KINK for v in exact_values(kinks, p))
            except (ValueError, TypeError, ZeroDivisionError, OverflowError):
                break
            if near_kink:
                break
            values.append(row)
        if len(values) == len(points):
            formulas.append((cpp, sym, points, values))
    return formulas


def cpp_program(formulas, indices):
    out = oracle.values_program_head([call for _, call, _ in DERIVATIVES]) + [
        "template <class F, class... P>",
        "void report(int k, F const& f, P const&... p) {",
    ]
    for label, call in TEXTS:
        out.append(f'    std::cout << "text " << k << " {label} " << {call} << "\\n";')
    out += [
        "    int j = 0;",
        "    (values(k, j++, f, p), ...);",
        "}",
        "",
        "int main() {",
        "    std::cout << std::setprecision(17);",
    ]
    for k in indices:
        cpp, _, points, _ = formulas[k]
        at = ", ".join(f"symdiff::at(x = {p['x']}, y = {p['y']}, z = {p['z']})" for p in points)
        out.append(f"    report({k}, {cpp},\n           {at});")
    out += ["}", ""]
    return "\n".join(out)


def main():
    mpmath.mp.dps = 30
    start = time.monotonic()
    formulas = generate()
    generated = time.monotonic() - start

    parts = oracle.balance(list(range(len(formulas))), lambda k: len(formulas[k][0]), PARTS)
    ran = oracle.run_generated([cpp_program(formulas, part) for part in parts], jobs=JOBS,
                               prefix="symdiff_random_")
    if ran is None:
        return 1
    texts, values, seconds = ran

    mismatches, checks = [], 0
    for k, (cpp, sym, points, exact) in enumerate(formulas):
        name = f"#{k} {cpp}"
        dxy, dyx = texts.get((k, "dxy")), texts.get((k, "dyx"))
        checks += 1
        if dxy is None or dxy != dyx:
            mismatches.append(f"{name}: d(f, x, y) prints {dxy!r}\n    but d(f, y, x) prints {dyx!r}")
        text = texts.get((k, "f"))
        parsed = None
        try:
            parsed = numeric(oracle.parse_text(text))
        except (sympy.SympifyError, SyntaxError, TypeError, AttributeError) as e:
            mismatches.append(f"{name}: f printed {text!r}, which SymPy cannot read: {e}")
        for j, p in enumerate(points):
            row = values.get((k, j))
            if row is None or len(row) != len(DERIVATIVES):
                mismatches.append(f"{name}: missing or malformed values at point {j}: {row}")
                continue
            for (label, _, _), want, printed in zip(DERIVATIVES, exact[j], row):
                err = oracle.relative_error(printed, want)
                checks += 1
                if err is None or err > TOL:
                    mismatches.append(
                        f"{name}: {label} at {p}: symdiff {printed}, SymPy"
                        f" {mpmath.nstr(want, 20)} (relative error"
                        f" {mpmath.nstr(err, 3) if err is not None else '?'};"
                        f" f printed as {text!r})")
            if parsed is not None:
                checks += 1
                via_text = exact_values([parsed], p)[0]
                if not abs(via_text - exact[j][0]) <= TOL_TEXT * max(1, abs(exact[j][0])):
                    mismatches.append(f"{name}: printed text {text!r} evaluates at {p} to"
                                      f" {mpmath.nstr(via_text, 20)}, SymPy"
                                      f" {mpmath.nstr(exact[j][0], 20)}")

    for m in mismatches:
        print("FAIL", m)
    print(f"random_formulas: seed {SEED}, {len(formulas)} formulas, {checks} checks,"
          f" {len(mismatches)} mismatches; generated in {generated:.1f} s, compiled in"
          f" {' + '.join(f'{s:.1f}' for s in seconds)} s ({oracle.compiler()}),"
          f" {time.monotonic() - start:.1f} s in all")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
