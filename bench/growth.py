#!/usr/bin/python3
"""Expression growth: the size of symdiff's derivatives against SymPy's diff, and their cost to
compile. Writes docs/growth.md (run by hand, from anywhere; not part of make test):

    /usr/bin/python3 bench/growth.py [--out docs/growth.md] [--rows seed,mlp,...]

For each row, one C++ program computes and prints the row's derivatives (symdiff::to_string and
symdiff::operation_count of each). It is compiled with g++ and clang++ (-std=c++20 -O1) under
/usr/bin/time -v (CPU time, maximum resident set size) and run. The printed derivatives are read
by SymPy (`^` -> `**`, `abs` -> `Abs`, named stages as symbols) and measured with
sympy.count_ops; SymPy's own derivatives (sympy.diff, no cse, no simplify) of the same formula
are measured the same way. Needs Debian's /usr/bin/python3 (python3-sympy), g++, clang++, time.
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile

import sympy
from sympy import cos, exp, sin, tan, tanh

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(SOURCE, "tests", "python"))
import symdiff_oracle as oracle  # noqa: E402

COMPILERS = [("g++", "/usr/bin/g++"), ("clang++", "/usr/bin/clang++")]
FLAGS = ["-std=c++20", "-O1"]


def S(*names):
    return sympy.symbols(names, real=True)


class Row:
    """One row: C++ declarations, the derivatives as C++ expressions, SymPy's derivatives, and
    the names (variables, stages) a printed derivative may use."""

    def __init__(self, key, title, variables, decls, cpp, sym, stages=(), note="", stage_ops=0):
        self.key, self.title, self.note = key, title, note
        self.variables, self.decls, self.cpp, self.sym = variables, decls, cpp, sym
        self.stages = list(stages)
        self.stage_ops = stage_ops  # count_ops of the stages' bodies, each computed once


def var_decls(names):
    return [f'constexpr symdiff::var<"{n}"> {n};' for n in names]


def neuron(stages):
    inp, w, b, t = S("input", "weight", "bias", "target")
    loss = (tanh(inp * w + b) - t) ** 2 / 2
    names = ["input", "weight", "bias", "target"]
    decls = var_decls(names)
    if stages:
        decls += ['constexpr auto net = symdiff::name<"net">(input * weight + bias);',
                  'constexpr auto output = symdiff::name<"output">(tanh(net));',
                  "constexpr auto loss = pow(output - target, 2_c) / 2_c;"]
    else:
        decls += ["constexpr auto loss = pow(tanh(input * weight + bias) - target, 2_c) / 2_c;"]
    by = ["input", "weight", "bias"]
    return Row("seed-stages" if stages else "seed",
               "seed neuron, named stages net, output: d loss / d input, weight, bias" if stages
               else "seed neuron (plain formula): d loss / d input, weight, bias",
               names, decls, [f"symdiff::d(loss, {v})" for v in by],
               [sympy.diff(loss, s) for s in (inp, w, b)], stages=["net", "output"] if stages else [],
               note="SymPy: the plain formula" if stages else "",
               # net = input * weight + bias, output = tanh(net)
               stage_ops=sympy.count_ops(inp * w + b) + 1 if stages else 0)


def mlp(stages):
    a = [f"a{i}" for i in range(4)]
    w = [[f"w_{j}_{i}" for i in range(4)] for j in range(8)]
    bb = [f"b_{j}" for j in range(8)]
    v = [f"v_{j}" for j in range(8)]
    params = [n for j in range(8) for n in w[j]] + bb + v + ["c"]
    names = a + ["t"] + params
    sy = dict(zip(names, S(*names)))
    hidden = [tanh(sum(sy[w[j][i]] * sy[a[i]] for i in range(4)) + sy[bb[j]]) for j in range(8)]
    o = tanh(sum(sy[v[j]] * hidden[j] for j in range(8)) + sy["c"])
    loss = (o - sy["t"]) ** 2 / 2
    decls = var_decls(names)
    for j in range(8):
        body = f"tanh({' + '.join(f'{w[j][i]} * {a[i]}' for i in range(4))} + {bb[j]})"
        decls.append(f'constexpr auto h_{j} = symdiff::name<"h_{j}">({body});' if stages
                     else f"constexpr auto h_{j} = {body};")
    body = f"tanh({' + '.join(f'{v[j]} * h_{j}' for j in range(8))} + c)"
    decls.append(f'constexpr auto o = symdiff::name<"o">({body});' if stages
                 else f"constexpr auto o = {body};")
    decls.append("constexpr auto loss = pow(o - t, 2_c) / 2_c;")
    return Row("mlp-stages" if stages else "mlp",
               "4-8-1 tanh MLP, named stages h_j, o: 49 partials" if stages
               else "4-8-1 tanh MLP (plain formula): 49 partials",
               names, decls, [f"symdiff::d(loss, {p})" for p in params],
               [sympy.diff(loss, sy[p]) for p in params],
               stages=[f"h_{j}" for j in range(8)] + ["o"] if stages else [],
               note="SymPy: the plain formula" if stages else "",
               # h_j = tanh(sum_i w_ji a_i + b_j), o = tanh(sum_j v_j h_j + c)
               stage_ops=sum(sympy.count_ops(h) for h in hidden) + sympy.count_ops(
                   tanh(sum(sy[v[j]] * sympy.Symbol(f"h_{j}") for j in range(8)) + sy["c"]))
               if stages else 0)


def rows():
    x, y = S("x", "y")
    out = [neuron(False), neuron(True), mlp(False), mlp(True)]
    f = (x**3 - 2 * x + 1) / (x**2 + y**2 + 1)
    out.append(Row("rational", "(x^3 - 2 x + 1) / (x^2 + y^2 + 1): d/dx, d/dy", ["x", "y"],
                   var_decls(["x", "y"]) + [
                       "constexpr auto f = (pow(x, 3_c) - 2_c * x + 1_c)"
                       " / (pow(x, 2_c) + pow(y, 2_c) + 1_c);"],
                   ["symdiff::d(f, x)", "symdiff::d(f, y)"], [sympy.diff(f, x), sympy.diff(f, y)]))
    f = sin(cos(tan(x * y))) * cos(sin(x))
    out.append(Row("trig", "sin(cos(tan(x y))) cos(sin(x)): d/dx", ["x", "y"],
                   var_decls(["x", "y"]) + ["constexpr auto f = sin(cos(tan(x * y))) * cos(sin(x));"],
                   ["symdiff::d(f, x)"], [sympy.diff(f, x)]))
    f = x * exp(x)
    out.append(Row("d10", "x exp(x): 10th derivative", ["x"],
                   var_decls(["x"]) + ["constexpr auto f = x * exp(x);"],
                   ["symdiff::d(f, x, x, x, x, x, x, x, x, x, x)"], [sympy.diff(f, x, 10)]))
    xs = [f"x{i}" for i in range(1, 9)]
    sx = S(*xs)
    f = sympy.Mul(*sx)
    out.append(Row("prod8-vars", "x1 x2 ... x8: gradient (8 partials)", xs,
                   var_decls(xs) + [f"constexpr auto f = {' * '.join(xs)};"],
                   [f"symdiff::d(f, {v})" for v in xs], [sympy.diff(f, s) for s in sx]))
    f = sympy.Mul(*[x + k for k in range(1, 9)])
    out.append(Row("prod8-shifts", "(x + 1)(x + 2) ... (x + 8): d/dx", ["x"],
                   var_decls(["x"]) + [
                       "constexpr auto f = "
                       + " * ".join(f"(x + {k}_c)" for k in range(1, 9)) + ";"],
                   ["symdiff::d(f, x)"], [sympy.diff(f, x)]))
    return out


def program(row):
    out = ["#include <iostream>", "#include <symdiff/symdiff.hpp>", "",
           "using namespace symdiff::literals;", ""]
    out += row.decls
    out += ["", "template <class F>", "void show(F const& f) {",
            '    std::cout << symdiff::operation_count(f) << " " << symdiff::to_string(f) << "\\n";',
            "}", "", "int main() {"]
    out += [f"    show({c});" for c in row.cpp]
    out += ["}", ""]
    return "\n".join(out)


def compile_measured(cxx, src, exe):
    """(CPU seconds, peak MiB) of compiling src, or raise with the compiler's message. CPU time
    (user + system) rather than wall time: the machine may be shared."""
    cmd = ["/usr/bin/time", "-v", cxx, *FLAGS, f"-I{oracle.include_dir()}", src, "-o", exe]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{r.stderr[-5000:]}")
    seconds = sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", r.stderr).group(1))
                  for kind in ("User", "System"))
    kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return seconds, kib / 1024


def first_line(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "?"


def sympy_text(e):
    return str(e).replace("**", "^")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(SOURCE, "docs", "growth.md"))
    ap.add_argument("--rows", help="comma-separated row keys (default: all)")
    args = ap.parse_args()
    os.environ.setdefault("SYMDIFF_SOURCE_DIR", SOURCE)

    selected = rows()
    if args.rows:
        keys = args.rows.split(",")
        selected = [r for r in selected if r.key in keys]

    results = []
    with tempfile.TemporaryDirectory(prefix="symdiff_growth_") as tmp:
        for row in selected:
            src = os.path.join(tmp, f"{row.key.replace('-', '_')}.cpp")
            with open(src, "w") as fh:
                fh.write(program(row))
            cost, texts, counts = {}, None, None
            for label, cxx in COMPILERS:
                exe = os.path.join(tmp, f"{row.key}_{label}")
                cost[label] = compile_measured(cxx, src, exe)
                r = subprocess.run([exe], capture_output=True, text=True, check=True)
                lines = r.stdout.splitlines()
                got = [line.split(" ", 1) for line in lines]
                if texts is None:
                    counts = [int(c) for c, _ in got]
                    texts = [t for _, t in got]
                elif [t for _, t in got] != texts:
                    print(f"warning: {row.key}: g++ and clang++ builds print different formulas")
            names = {n: sympy.Symbol(n, real=True) for n in row.variables + row.stages}
            ours = [int(sympy.count_ops(oracle.parse_text(t, names))) for t in texts]
            theirs = [sympy.count_ops(e) for e in row.sym]
            results.append((row, sum(ours) + row.stage_ops, sum(theirs), sum(counts), cost, texts))
            print(f"{row.key}: symdiff {sum(ours)} + {row.stage_ops} in stages"
                  f" (operation_count {sum(counts)}),"
                  f" SymPy {sum(theirs)}, "
                  + ", ".join(f"{k} {s:.2f} s {m:.0f} MiB" for k, (s, m) in cost.items()),
                  flush=True)

    write(args.out, results)
    print(f"wrote {args.out}")


def write(path, results):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as fh:
            m = re.search(r"model name\s*:\s*(.*)", fh.read())
            cpu = m.group(1) if m else "?"
    except OSError:
        pass
    out = [
        "# Expression growth: symdiff's derivatives against SymPy's",
        "",
        "<!-- generated by bench/growth.py; run `/usr/bin/python3 bench/growth.py` to refresh -->",
        "",
        "The size of each derivative is SymPy's `count_ops` of the formula as printed: symdiff's",
        "printed text read back by SymPy (`^` -> `**`; a named stage is a symbol), and SymPy's own",
        "`diff` of the same formula (no `cse`, no `simplify`). For several derivatives in a row the",
        "sizes are summed. `operation_count` is symdiff's own count of its printed derivatives (it",
        "counts `sqrt(u)` as 1 operation, where SymPy counts `u**(1/2)` as 2). Compile time (CPU,",
        "user + system) and peak memory (`/usr/bin/time -v`, maximum resident set size) are those",
        "of one program that computes and prints the row's derivatives (`-std=c++20 -O1`).",
        "",
        "Rows with named stages print their derivatives in terms of the stages (`net`, `output`,",
        "`h_j`, `o`), the way a program evaluates them: each stage is computed once and shared by",
        "all partials. Their symdiff count is the printed derivatives' plus the stages' bodies",
        "(`a + b`: the bodies' count_ops, once). SymPy's column is the plain formula's `diff` in both",
        "variants, so these rows compare shared stages with SymPy's expanded trees; the issue's",
        "goal is judged on the plain rows.",
        "",
        "The issue's goal: the total no larger than SymPy's, and no row above 2x SymPy's.",
        "",
        "| row | symdiff count_ops | SymPy count_ops | ratio | symdiff operation_count"
        " | g++ compile CPU s / MiB | clang++ compile CPU s / MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    totals = {}  # "plain" / "all": [ours, theirs, operation_count, {compiler: [s, max MiB]}]
    over, larger = [], []
    for row, ours, theirs, counts, cost, _ in results:
        ratio = ours / theirs if theirs else float("inf")
        if ratio > 2:
            over.append(row.key)
        if ratio > 1:
            larger.append(row.key)
        for kind in (["all"] if row.stages else ["plain", "all"]):
            t = totals.setdefault(kind, [0, 0, 0, {label: [0.0, 0.0] for label, _ in COMPILERS}])
            t[0] += ours
            t[1] += theirs
            t[2] += counts
            for label, (sec, mib) in cost.items():
                t[3][label][0] += sec
                t[3][label][1] = max(t[3][label][1], mib)
        title = row.title + (f" ({row.note})" if row.note else "")
        shown = f"{ours - row.stage_ops} + {row.stage_ops} = {ours}" if row.stages else f"{ours}"
        out.append(f"| {title} | {shown} | {theirs} | {ratio:.2f} | {counts} | "
                   + " | ".join(f"{cost[label][0]:.2f} / {cost[label][1]:.0f}"
                                for label, _ in COMPILERS) + " |")
    labels = {"plain": "**total, plain rows**", "all": "total, all rows"}
    for kind in ("plain", "all"):
        if kind not in totals:
            continue
        ours, theirs, counts, cost = totals[kind]
        out.append(f"| {labels[kind]} | {ours} | {theirs} | {ours / theirs:.2f} | {counts} | "
                   + " | ".join(f"{cost[label][0]:.2f} / max {cost[label][1]:.0f}"
                                for label, _ in COMPILERS) + " |")
    out.append("")
    if "plain" in totals:
        ours, theirs = totals["plain"][:2]
        out.append(f"**Goal.** Plain rows: total {ours} vs SymPy's {theirs}, "
                   + ("met" if ours <= theirs else "**not met**")
                   + f"; with the named-stage rows: {totals['all'][0]} vs {totals['all'][1]}."
                   + " Rows above 2x SymPy's: " + (", ".join(over) if over else "none")
                   + (f"; rows larger than SymPy's: {', '.join(larger)} (shown below)."
                      if larger else "."))
    out += ["",
            "Machine: " + f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()};"
            f" {first_line(['/usr/bin/g++', '--version'])};"
            f" {first_line(['/usr/bin/clang++', '--version'])};"
            f" SymPy {sympy.__version__}, Python {platform.python_version()}."
            " Timings are CPU time of one run each, on a shared machine: read them as rough.",
            ""]
    for row, ours, theirs, _, _, texts in results:
        if ours <= theirs:
            continue
        out += [f"## {row.key}: symdiff {ours} vs SymPy {theirs}", ""]
        shown = list(range(min(3, len(texts))))
        for i in shown:
            out += [f"`{row.cpp[i]}`:", "", "```",
                    f"symdiff: {texts[i]}", f"SymPy:   {sympy_text(row.sym[i])}", "```", ""]
        if len(texts) > len(shown):
            out += [f"({len(texts) - len(shown)} more partials not shown.)", ""]
    with open(path, "w") as fh:
        fh.write("\n".join(out))


if __name__ == "__main__":
    main()
