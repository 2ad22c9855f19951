#!/usr/bin/python3
"""Reference tables for the symdiff::math accuracy tests.

Run with Debian's /usr/bin/python3 (needs python3-mpmath):
    /usr/bin/python3 tests/math/gen_reference.py
Writes reference_{float,double,long_double}.inc next to this script. Each row
is a C++ initializer  { "name", x, y, expected },  (y is 0 for unary
functions; atan2 rows are { "atan2", y, x, ... } in argument order). All
numbers are exact hexadecimal floating literals; `expected` is the correctly
rounded (nearest-even, subnormals included) value of the function at the
exact input, computed by mpmath at 320 bits. Points whose result overflows
the format are skipped. The seed is fixed, so the output is reproducible.
"""
import os
import random

import mpmath
from mpmath import mp, mpf

mp.prec = 320


class Format:
    def __init__(self, name, p, emin, emax, suffix):
        self.name, self.p, self.emin, self.emax, self.suffix = name, p, emin, emax, suffix

    def round(self, v):
        """v rounded to the format as (integer mantissa, exponent), or None on overflow."""
        v = mpf(v)
        if v == 0:
            return (0, 0)
        sign, man, exp, bc = v._mpf_
        lead = exp + bc - 1
        q = max(lead, self.emin) - (self.p - 1)  # quantum of the result
        shift = q - exp
        if shift <= 0:
            m = man << -shift
        else:
            m = man >> shift
            rem = man - (m << shift)
            half = 1 << (shift - 1)
            if rem > half or (rem == half and m & 1):
                m += 1
        if m * mpf(2) ** q >= mpf(2) ** (self.emax + 1):
            return None
        return (-m if sign else m, q)

    def value(self, r):
        return mpf(r[0]) * mpf(2) ** r[1]

    def literal(self, r):
        m, q = r
        if m == 0:
            return "0x0p+0" + self.suffix
        return "%s0x%xp%+d%s" % ("-" if m < 0 else "", abs(m), q, self.suffix)

    def max_value(self):
        return (mpf(2) - mpf(2) ** (1 - self.p)) * mpf(2) ** self.emax

    def min_subnormal(self):
        return mpf(2) ** (self.emin - self.p + 1)


FORMATS = [
    Format("float", 24, -126, 127, "f"),
    Format("double", 53, -1022, 1023, ""),
    Format("long_double", 64, -16382, 16383, "L"),
]


def generate(fmt, rng):
    rows = []
    ln_max = mpmath.log(fmt.max_value())
    ln_min = mpmath.log(fmt.min_subnormal())
    p = fmt.p

    def rep(v):  # nearest representable input
        return fmt.value(fmt.round(v))

    def uni(a, b):
        return rep(mpf(a) + (mpf(b) - mpf(a)) * mpf(rng.random()))

    def loguni(a, b, signed=False):  # magnitude log-uniform in [a, b]
        la, lb = mpmath.log(a), mpmath.log(b)
        v = mpmath.exp(la + (lb - la) * mpf(rng.random()))
        if signed and rng.random() < 0.5:
            v = -v
        return rep(v)

    def tiny(n, signed=True):  # |x| = 2^-k (1 + small), down to below one ulp of 1
        out = []
        for _ in range(n):
            k = rng.randint(5, p + 40)
            v = mpf(2) ** -k * (1 + mpf(rng.random()))
            out.append(rep(-v if signed and rng.random() < 0.5 else v))
        return out

    def add(name, f, xs, ys=None):
        for i, x in enumerate(xs):
            y = ys[i] if ys is not None else None
            v = f(x) if y is None else f(x, y)
            r = fmt.round(v)
            if r is None:
                continue
            xl = fmt.literal(fmt.round(x))
            yl = fmt.literal(fmt.round(y)) if y is not None else fmt.literal((0, 0))
            rows.append('{ "%s", %s, %s, %s },' % (name, xl, yl, fmt.literal(r)))

    def n_of(k, g):
        return [g() for _ in range(k)]

    # exp: whole finite range, subnormal results, near overflow, near 0
    xs = n_of(150, lambda: uni(ln_min, ln_max))
    xs += n_of(40, lambda: uni(-1, 1)) + tiny(30)
    xs += [rep(ln_max - mpf(2) ** -k) for k in range(1, 11)]
    xs += n_of(10, lambda: uni(ln_min, ln_min + 20))
    add("exp", mpmath.exp, xs)

    xs = n_of(100, lambda: uni(-60, ln_max)) + n_of(80, lambda: uni(-1, 1)) + tiny(50)
    xs += [rep(s * mpmath.log(2) / 2 * (1 + mpf(d) * 2 ** -20)) for s in (1, -1) for d in (-1, 1)]
    add("expm1", mpmath.expm1, xs)

    xs = n_of(150, lambda: loguni(fmt.min_subnormal(), fmt.max_value()))
    xs += [rep(1 + s * mpf(2) ** -rng.randint(1, p)) for s in (1, -1) for _ in range(20)]
    xs += n_of(50, lambda: uni(0.5, 2)) + n_of(10, lambda: loguni(fmt.min_subnormal(), mpf(2) ** fmt.emin))
    add("log", mpmath.log, xs)

    xs = n_of(80, lambda: loguni(mpf(2) ** -(p + 10), fmt.max_value()))
    xs += [rep(-1 + mpf(2) ** -rng.randint(1, p)) for _ in range(30)] + tiny(60)
    xs += n_of(60, lambda: uni(-0.5, 1))
    add("log1p", mpmath.log1p, xs)

    xs = n_of(200, lambda: loguni(fmt.min_subnormal(), fmt.max_value()))
    # near-midpoint squares: sqrt(x) is within ~2^-p ulp of a midpoint of the format
    for _ in range(30):
        mid = (rng.getrandbits(p) | (1 << p) | 1) * mpf(2) ** (-p + rng.randint(-50, 50))
        xs.append(rep(mid * mid))
    add("sqrt", mpmath.sqrt, xs)

    half_pi = mpmath.pi / 2
    trig_xs = n_of(100, lambda: uni(-10, 10))
    trig_xs += n_of(60, lambda: loguni(10, 1e6, signed=True))
    trig_xs += [rep(rng.randint(1, 640000) * half_pi) for _ in range(30)]
    trig_xs += [rep(k * half_pi) for k in range(1, 11)] + tiny(20)
    trig_xs += n_of(30, lambda: loguni(1e6, fmt.max_value(), signed=True))
    add("sin", mpmath.sin, trig_xs)
    add("cos", mpmath.cos, trig_xs)
    add("tan", mpmath.tan, trig_xs)

    xs = n_of(150, lambda: uni(-1, 1))
    xs += [rep(s * (1 - mpf(2) ** -rng.randint(1, p))) for s in (1, -1) for _ in range(20)] + tiny(30)
    xs += [rep(s * (mpf(0.5) + d * mpf(2) ** -p)) for s in (1, -1) for d in (-1, 0, 1)] + [mpf(1), mpf(-1)]
    add("asin", mpmath.asin, xs)
    add("acos", mpmath.acos, xs)

    xs = n_of(150, lambda: loguni(mpf(2) ** -70, mpf(2) ** 70, signed=True))
    xs += n_of(80, lambda: uni(-3, 3)) + tiny(30)
    xs += n_of(10, lambda: loguni(mpf(2) ** 70, fmt.max_value(), signed=True))
    add("atan", mpmath.atan, xs)

    ys, xs = [], []
    for _ in range(200):
        ys.append(loguni(mpf(2) ** -20, mpf(2) ** 20, signed=True))
        xs.append(loguni(mpf(2) ** -20, mpf(2) ** 20, signed=True))
    for _ in range(20):  # |y| == |x| and extreme ratios
        a = loguni(1e-3, 1e3)
        ys.append(a * rng.choice((1, -1)))
        xs.append(a * rng.choice((1, -1)))
        ys.append(loguni(mpf(2) ** -(p + 20), mpf(2) ** -p, signed=True))
        xs.append(uni(-4, 4))
    add("atan2", mpmath.atan2, ys, xs)

    big = ln_max + mpmath.log(2)  # sinh/cosh overflow a bit after exp does
    xs = n_of(150, lambda: uni(-big, big)) + n_of(60, lambda: uni(-2, 2)) + tiny(30)
    xs += [rep(s * (big - mpf(2) ** -k)) for s in (1, -1) for k in range(2, 7)]
    add("sinh", mpmath.sinh, xs)
    add("cosh", mpmath.cosh, xs)

    xs = n_of(100, lambda: uni(-30, 30)) + n_of(80, lambda: uni(-1.5, 1.5)) + tiny(50)
    add("tanh", mpmath.tanh, xs)

    bx, by = [], []
    limit = fmt.emax * mpmath.log(2) * mpf(0.95)
    while len(bx) < 150:
        x = loguni(mpf(2) ** -30, mpf(2) ** 30)
        y = uni(-60, 60)
        if abs(y * mpmath.log(x)) < limit:
            bx.append(x)
            by.append(y)
    for _ in range(30):  # negative bases with integral exponents
        bx.append(-loguni(1e-3, 1e3))
        by.append(mpf(rng.randint(-40, 40)))
    for _ in range(30):  # x near 1, large y
        k = rng.randint(10, p)
        bx.append(rep(1 + rng.choice((1, -1)) * mpf(2) ** -k * (1 + mpf(rng.random()))))
        by.append(rep(mpf(2) ** (k - 2) * uni(-limit / 2, limit / 2)))
    for _ in range(20):  # exact results
        bx.append(mpf(2) ** rng.randint(-20, 20))
        by.append(mpf(rng.randint(-10, 10)))
    ln_min_normal = fmt.emin * mpmath.log(2)
    for i in range(40):  # |y log x| up to the limits with x away from 1; subnormal results
        x = uni(0.55, 0.95) if rng.random() < 0.5 else uni(1.05, 1.8)
        z = uni(ln_min, ln_min_normal) if i < 10 else rng.choice((1, -1)) * uni(limit / 4, limit)
        bx.append(x)
        by.append(rep(z / mpmath.log(x)))
    add("pow", mpmath.power, bx, by)

    add("abs", mpmath.fabs, n_of(20, lambda: loguni(fmt.min_subnormal(), fmt.max_value(), signed=True)))
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for fmt in FORMATS:
        rng = random.Random("symdiff-math-" + fmt.name)
        rows = generate(fmt, rng)
        path = os.path.join(here, "reference_%s.inc" % fmt.name)
        with open(path, "w") as out:
            out.write("// Generated by tests/math/gen_reference.py - do not edit.\n")
            out.write("// { function, x, y (0 if unused; atan2: y, x), correctly rounded result }\n")
            out.write("\n".join(rows) + "\n")
        print("%s: %d rows" % (path, len(rows)))


if __name__ == "__main__":
    main()
