"""The neuron demo's figures, recomputed independently with mpmath (50 digits) and SymPy.

Runs $SYMDIFF_BUILD_DIR/examples/neuron at the seed's point (no arguments) and at a second point,
parses every `label = formula = value` row, every `name faux F symbolic S` row and the two float
lines, and checks:

  * each value and each symbolic gradient against mpmath (1e-11 relative, see TOL_VALUE);
  * each faux gradient against (loss(x + tiny) - loss(x)) / tiny computed in mpmath from the
    formulas, tiny = 1e-4 (1e-7 relative, see TOL_FAUX);
  * the float lines against the mpmath value rounded to 4 decimals;
  * each printed formula is the expected text, and that text, parsed by SymPy (`^` -> `**`) and
    evaluated at the point, equals the mpmath value: the printed text means the formula;
  * at the seed's point, the seed's reference figures (a copy of the tables of the project's
    seed-neuron.md, kept here: the test does not read anything outside the source tree).

Every expected row must be present: a missing row is a failure. Exits non-zero listing every
mismatch.
"""

import os
import re
import subprocess
import sys

import mpmath
import sympy

mpmath.mp.dps = 50

# Values are printed with `%#.12g`: 12 significant digits, so the printed text is within half a
# unit of the 12th digit, i.e. 5e-12 relative, of the double the program computed; the double is
# within a few ulps (~1e-15 relative) of the exact value. 1e-11 relative covers both with a margin
# of 2x; the tiny absolute term only matters for an exact zero.
TOL_VALUE = 1e-11
# Faux gradients are printed with `%#.8g`: 8 significant digits, so rounding alone is up to
# 5e-8 relative. The forward difference itself, computed in double, loses
# eps * |loss| / (tiny * |faux|) ~ 1e-16 * 1 / 1e-4 ~ 1e-12 relative at worst at these points
# (and x + tiny rounded in double moves the step by ~1e-12 relative), negligible next to 5e-8.
# So 1e-7 relative (2x the print rounding) is the honest bound.
TOL_FAUX = 1e-7
TINY = mpmath.mpf("1e-4")

SEED_POINT = {"input": "0.4", "weight": "0.5", "bias": "0.6", "target": "0.7"}
SECOND_POINT = {"input": "-1.3", "weight": "0.25", "bias": "2.1", "target": "-0.4"}

# --- The seed's reference figures (copy of seed-neuron.md, rows 2, 3, 4, 6-10 and the float
# program), at input = 0.4, weight = 0.5, bias = 0.6, target = 0.7.
SEED_VALUES = {
    ("forward", "net"): "0.8",
    ("forward", "output"): "0.664036770267849",
    ("forward", "error"): "-0.035963229732151",
    ("forward", "loss"): "0.000646676946384",
    ("local", "d net / d input"): "0.5",
    ("local", "d net / d weight"): "0.4",
    ("local", "d net / d bias"): "1",
    ("local", "d output / d net"): "0.559055167732244",
    ("local", "d loss / d output"): "-0.035963229732151",
    ("global", "d loss / d input"): "-0.010052714715050",
    ("global", "d loss / d weight"): "-0.008042171772040",
    ("global", "d loss / d bias"): "-0.020105429430101",
    ("global", "d loss / d net"): "-0.020105429430101",
    ("global", "d loss / d output"): "-0.035963229732151",
}
SEED_FAUX = {
    "output": "-0.035913229732146",
    "net": "-0.020088469318536",
    "bias": "-0.020088469318536",
    "weight": "-0.008039457952817",
    "input": "-0.010048474424961",
}
SEED_FLOAT = {"Weight gradient": "-0.0080", "Bias gradient": "-0.0201"}

# --- Expected rows: section -> [(label, expected formula text)], in the demo's order.
EXPECTED_FORMULAS = {  # the "Formulas" block: `  name = formula`
    "net": "input * weight + bias",
    "output": "tanh(net)",
    "error": "output - target",
    "loss": "error^2 / 2",
}
EXPECTED_ROWS = {
    "forward": [
        ("net", "input * weight + bias"),
        ("output", "tanh(net)"),
        ("error", "output - target"),
        ("loss", "error^2 / 2"),
    ],
    "local": [
        ("d net / d input", "weight"),
        ("d net / d weight", "input"),
        ("d net / d bias", "1"),
        ("d output / d net", "1 - output^2"),
        ("d loss / d output", "error"),
    ],
    "global": [
        ("d loss / d error", "error"),
        ("d loss / d output", "error"),
        ("d loss / d net", "error * (1 - output^2)"),
        ("d loss / d bias", "error * (1 - output^2)"),
        ("d loss / d weight", "input * error * (1 - output^2)"),
        ("d loss / d input", "weight * error * (1 - output^2)"),
    ],
}
FAUX_NAMES = ["output", "net", "bias", "weight", "input"]
SECTION_HEADERS = {
    "Formulas": "formulas",
    "Forward values": "forward",
    "Local gradients": "local",
    "Global gradients": "global",
    "Faux gradients": "faux",
    "check_gradient": "check",
    "The article's program": "float",
}

SYMBOLS = {n: sympy.Symbol(n) for n in ("input", "weight", "bias", "target", "net", "output", "error")}


# --- Independent reference computation in mpmath.
def stages(i, w, b, t):
    net = i * w + b
    out = mpmath.tanh(net)
    err = out - t
    return net, out, err, err**2 / 2


def reference(point):
    i, w, b, t = (mpmath.mpf(point[k]) for k in ("input", "weight", "bias", "target"))
    net, out, err, loss = stages(i, w, b, t)
    dout = 1 - out**2
    ref = {
        ("forward", "net"): net,
        ("forward", "output"): out,
        ("forward", "error"): err,
        ("forward", "loss"): loss,
        ("local", "d net / d input"): w,
        ("local", "d net / d weight"): i,
        ("local", "d net / d bias"): mpmath.mpf(1),
        ("local", "d output / d net"): dout,
        ("local", "d loss / d output"): err,
        ("global", "d loss / d error"): err,
        ("global", "d loss / d output"): err,
        ("global", "d loss / d net"): err * dout,
        ("global", "d loss / d bias"): err * dout,
        ("global", "d loss / d weight"): err * dout * i,
        ("global", "d loss / d input"): err * dout * w,
    }
    # Faux gradients: nudge one quantity by tiny, everything downstream recomputed, upstream fixed
    # (a nudged stage overrides its value).
    loss_from_output = lambda o: (o - t) ** 2 / 2
    loss_from_net = lambda n: loss_from_output(mpmath.tanh(n))
    faux = {
        "output": (loss_from_output(out + TINY) - loss) / TINY,
        "net": (loss_from_net(net + TINY) - loss) / TINY,
        "bias": (stages(i, w, b + TINY, t)[3] - loss) / TINY,
        "weight": (stages(i, w + TINY, b, t)[3] - loss) / TINY,
        "input": (stages(i + TINY, w, b, t)[3] - loss) / TINY,
    }
    symbolic = {
        "output": err,
        "net": err * dout,
        "bias": err * dout,
        "weight": err * dout * i,
        "input": err * dout * w,
    }
    floats = {"Weight gradient": err * dout * i, "Bias gradient": err * dout}
    subs = {SYMBOLS["input"]: i, SYMBOLS["weight"]: w, SYMBOLS["bias"]: b, SYMBOLS["target"]: t,
            SYMBOLS["net"]: net, SYMBOLS["output"]: out, SYMBOLS["error"]: err}
    return ref, faux, symbolic, floats, subs


# --- Parsing the demo's output.
ROW = re.compile(r"^  (\S.*?)\s+= (\S.*?)\s+= (\S+)$")
FORMULA_ROW = re.compile(r"^  (\w+)\s+= (\S.*)$")
FAUX_ROW = re.compile(r"^  (\w+)\s+faux\s+(\S+)\s+symbolic\s+(\S+)$")
FLOAT_ROW = re.compile(r"^(Weight gradient|Bias gradient): (\S+)$")


def parse(text):
    """-> (formulas, rows, faux, floats, problems); rows keyed by (section, label)."""
    formulas, rows, faux, floats, problems = {}, {}, {}, {}, []
    section = None
    for line in text.splitlines():
        if not line.strip():
            continue
        header = next((v for k, v in SECTION_HEADERS.items() if line.startswith(k)), None)
        if header is not None:
            section = header
            continue
        if section == "formulas":
            m = FORMULA_ROW.match(line)
            if m:
                formulas[m.group(1)] = m.group(2).strip()
            else:
                problems.append(f"unparsed formula line: {line!r}")
        elif section in ("forward", "local", "global"):
            m = ROW.match(line)
            if not m:
                problems.append(f"unparsed {section} row: {line!r}")
                continue
            key = (section, m.group(1).strip())
            if key in rows:
                problems.append(f"duplicate {section} row {key[1]!r}")
            rows[key] = (m.group(2).strip(), m.group(3))
        elif section == "faux":
            m = FAUX_ROW.match(line)
            if m:
                faux[m.group(1)] = (m.group(2), m.group(3))
            else:
                problems.append(f"unparsed faux row: {line!r}")
        elif section == "float":
            m = FLOAT_ROW.match(line)
            if m:
                floats[m.group(1)] = m.group(2)
            else:
                problems.append(f"unparsed float line: {line!r}")
    return formulas, rows, faux, floats, problems


def close(printed, exact, tol):
    """|printed - exact| <= tol * |exact| (+ 1e-15 so that an exact 0 can be printed)."""
    return abs(mpmath.mpf(printed) - exact) <= tol * abs(exact) + mpmath.mpf("1e-15")


def check_formula_text(where, text, expected_text, exact, subs, failures):
    if text != expected_text:
        failures.append(f"{where}: formula printed {text!r}, expected {expected_text!r}")
    try:
        parsed = sympy.sympify(text.replace("^", "**"), locals=SYMBOLS)
    except (sympy.SympifyError, SyntaxError, TypeError) as e:
        failures.append(f"{where}: SymPy cannot parse printed formula {text!r}: {e}")
        return
    value = sympy.N(parsed.subs({k: sympy.Float(str(v), 50) for k, v in subs.items()}), 40)
    if not value.is_number or abs(mpmath.mpf(str(value)) - exact) > mpmath.mpf("1e-30") * max(1, abs(exact)):
        failures.append(f"{where}: printed formula {text!r} evaluates to {value}, "
                        f"expected {mpmath.nstr(exact, 20)}")


def run_demo(program, point):
    args = [] if point is SEED_POINT else [f"{k}={v}" for k, v in point.items()]
    r = subprocess.run([program, *args], capture_output=True, text=True, timeout=30)
    return r


def check_point(program, point, failures):
    tag = " ".join(f"{k}={v}" for k, v in point.items())
    r = run_demo(program, point)
    if r.returncode != 0:
        failures.append(f"[{tag}] neuron exited {r.returncode}: {r.stderr.strip()}")
    formulas, rows, faux, floats, problems = parse(r.stdout)
    failures += [f"[{tag}] {p}" for p in problems]
    ref, ref_faux, ref_symbolic, ref_floats, subs = reference(point)
    checked = 0

    if f"input = {point['input']}, weight = {point['weight']}" not in r.stdout:
        failures.append(f"[{tag}] the header does not show the point: {r.stdout.splitlines()[:1]}")

    # The "Formulas" block (printed from the stages' bodies).
    ref_stage = {"net": ref[("forward", "net")], "output": ref[("forward", "output")],
                 "error": ref[("forward", "error")], "loss": ref[("forward", "loss")]}
    for name, expected_text in EXPECTED_FORMULAS.items():
        if name not in formulas:
            failures.append(f"[{tag}] Formulas: missing line for {name!r}")
            continue
        check_formula_text(f"[{tag}] Formulas {name}", formulas[name], expected_text,
                           ref_stage[name], subs, failures)
        checked += 1

    # label = formula = value rows.
    for section, expected in EXPECTED_ROWS.items():
        for label, expected_text in expected:
            key = (section, label)
            where = f"[{tag}] {section} {label!r}"
            if key not in rows:
                failures.append(f"{where}: row missing")
                continue
            text, printed = rows[key]
            exact = ref[key]
            if not close(printed, exact, TOL_VALUE):
                failures.append(f"{where}: printed {printed}, mpmath {mpmath.nstr(exact, 20)}")
            check_formula_text(where, text, expected_text, exact, subs, failures)
            checked += 1
        extra = [k[1] for k in rows if k[0] == section and k[1] not in dict(expected)]
        if extra:
            failures.append(f"[{tag}] {section}: unexpected rows {extra}")

    # faux rows.
    for name in FAUX_NAMES:
        where = f"[{tag}] faux {name!r}"
        if name not in faux:
            failures.append(f"{where}: row missing")
            continue
        printed_faux, printed_symbolic = faux[name]
        if not close(printed_faux, ref_faux[name], TOL_FAUX):
            failures.append(f"{where}: faux printed {printed_faux}, mpmath {mpmath.nstr(ref_faux[name], 20)}")
        if not close(printed_symbolic, ref_symbolic[name], TOL_VALUE):
            failures.append(f"{where}: symbolic printed {printed_symbolic}, "
                            f"mpmath {mpmath.nstr(ref_symbolic[name], 20)}")
        checked += 1

    # The float program: the exact value rounded to 4 decimals. Float rounding (~1e-7 relative)
    # could only flip the 4th decimal if the exact value sat next to a rounding boundary: refuse
    # such a test point rather than pass or fail by luck.
    for label, exact in ref_floats.items():
        where = f"[{tag}] {label!r}"
        if label not in floats:
            failures.append(f"{where}: line missing")
            continue
        scaled = abs(exact) * 10**4
        if abs(scaled - mpmath.floor(scaled) - mpmath.mpf("0.5")) < mpmath.mpf("1e-3"):
            failures.append(f"{where}: test point too close to a 4-decimal rounding boundary")
        expected = f"{float(exact):.4f}"
        if floats[label] != expected:
            failures.append(f"{where}: printed {floats[label]}, expected {expected} "
                            f"(mpmath {mpmath.nstr(exact, 12)})")
        checked += 1

    # The check_gradient line's wording is free; it must exist and say the gradients agree (the
    # exit status, checked above, says the same).
    check_lines = [l for l in r.stdout.splitlines() if l.startswith("check_gradient")]
    if len(check_lines) != 1 or "agree" not in check_lines[0] or "DISAGREE" in check_lines[0]:
        failures.append(f"[{tag}] check_gradient line missing or not agreeing: {check_lines}")

    # The seed's reference figures, at the seed's point only.
    if point is SEED_POINT:
        for key, figure in SEED_VALUES.items():
            where = f"[seed table] {key[0]} {key[1]!r}"
            fig = mpmath.mpf(figure)
            # The copy itself: 15 decimals, so within 1e-15 (+ last-digit rounding) of mpmath.
            if abs(fig - ref[key]) > mpmath.mpf("1e-15"):
                failures.append(f"{where}: the copied reference {figure} disagrees with mpmath "
                                f"{mpmath.nstr(ref[key], 20)}")
            if key in rows and not close(rows[key][1], fig, TOL_VALUE):
                failures.append(f"{where}: demo printed {rows[key][1]}, seed says {figure}")
            checked += 1
        for name, figure in SEED_FAUX.items():
            where = f"[seed table] faux {name!r}"
            fig = mpmath.mpf(figure)
            # The seed's faux figures were computed in double: a forward difference amplifies the
            # last bits of tanh by 1/tiny, so they agree with the exact quotient to ~1e-9.
            if abs(fig - ref_faux[name]) > mpmath.mpf("1e-9") * abs(ref_faux[name]):
                failures.append(f"{where}: the copied reference {figure} disagrees with mpmath "
                                f"{mpmath.nstr(ref_faux[name], 20)}")
            if name in faux and not close(faux[name][0], fig, TOL_FAUX):
                failures.append(f"{where}: demo printed {faux[name][0]}, seed says {figure}")
            checked += 1
        for label, figure in SEED_FLOAT.items():
            if floats.get(label) != figure:
                failures.append(f"[seed table] {label!r}: demo printed {floats.get(label)}, "
                                f"seed says {figure}")
            checked += 1
    return checked


def main():
    build = os.environ.get("SYMDIFF_BUILD_DIR")
    if not build:
        print("SYMDIFF_BUILD_DIR is not set", file=sys.stderr)
        return 2
    program = os.path.join(build, "examples", "neuron")
    if not os.access(program, os.X_OK):
        print(f"{program} is not built", file=sys.stderr)
        return 2
    failures = []
    checked = 0
    for point in (SEED_POINT, SECOND_POINT):
        checked += check_point(program, point, failures)
    for f in failures:
        print("FAIL", f)
    print(f"demo_points: {checked} figures checked at 2 points, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
