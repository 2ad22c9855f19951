#!/usr/bin/python3
"""Compile-time cost of constant evaluation of symdiff::math functions.

For each function and N, a TU computes, in ONE constant expression, the sum of
f(x_i) over N varying arguments (a constexpr variable), and is compiled with the
compiler's default constexpr limits under /usr/bin/time -v (wall time, peak
memory). When a TU exceeds the limits, a bisection finds the largest N that
still compiles. Prints a Markdown table.

    bench/compile_time.py --cxx g++ --include include [--functions tanh,exp] [--n 1000,10000]
"""
import argparse
import os
import re
import subprocess
import tempfile

# argument of call i of n, as a C++ expression of double i and n
ARGUMENTS = {
    "tanh": "-3.0 + 6.0 * i / n",
    "exp": "-10.0 + 20.0 * i / n",
    "log": "0.5 + i",
    "sin": "-10.0 + 20.0 * i / n",
}

SOURCE = """#include "symdiff/math.hpp"

constexpr double sum_of_calls(int count) {{
    double total = 0;
    const double n = count;
    for (int k = 0; k < count; ++k) {{
        const double i = k;
        total += symdiff::math::{f}({arg});
    }}
    return total;
}}

constexpr double total = sum_of_calls({n});  // one constant expression

int main() {{ return total == 0.123456789 ? 1 : 0; }}
"""


def compile_once(cxx, include, f, n, workdir):
    src = os.path.join(workdir, "bench_%s_%d.cpp" % (f, n))
    with open(src, "w") as out:
        out.write(SOURCE.format(f=f, arg=ARGUMENTS[f], n=n))
    cmd = ["/usr/bin/time", "-v", cxx, "-std=c++20", "-O2", "-I", include, "-c", src, "-o", os.devnull]
    p = subprocess.run(cmd, capture_output=True, text=True)
    err = p.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else float("nan")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    peak_mb = int(rss.group(1)) / 1024 if rss else float("nan")
    ok = p.returncode == 0
    reason = ""
    if not ok:
        if re.search(r"constexpr-ops-limit|constexpr evaluation operation count exceeds", err):
            reason = "ops limit (-fconstexpr-ops-limit)"
        elif re.search(r"constexpr-loop-limit", err):
            reason = "loop limit (-fconstexpr-loop-limit)"
        elif re.search(r"maximum step limit|constexpr-steps", err):
            reason = "step limit (-fconstexpr-steps)"
        else:
            reason = "error: " + next((l for l in err.splitlines() if "error" in l), "?")[:80]
    return ok, seconds, peak_mb, reason


def largest_n(cxx, include, f, failing, workdir):
    lo, hi = 1, failing  # lo compiles, hi does not
    while hi - lo > max(1, lo // 50):  # 2 % resolution
        mid = (lo + hi) // 2
        if compile_once(cxx, include, f, mid, workdir)[0]:
            lo = mid
        else:
            hi = mid
    return lo


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--include", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include"))
    ap.add_argument("--functions", default="tanh,exp,log,sin")
    ap.add_argument("--n", default="1000,10000")
    args = ap.parse_args()
    version = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print("compiler: %s (%s), default constexpr limits, -std=c++20 -O2" % (args.cxx, version))
    print()
    print("| function | N | compiles | wall time (s) | peak memory (MB) | largest N within the limits |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as workdir:
        for f in args.functions.split(","):
            for n in (int(v) for v in args.n.split(",")):
                ok, seconds, peak, reason = compile_once(args.cxx, os.path.abspath(args.include), f, n, workdir)
                best = "-" if ok else str(largest_n(args.cxx, os.path.abspath(args.include), f, n, workdir))
                print("| %s | %d | %s | %.2f | %.0f | %s |" % (f, n, "yes" if ok else "no: " + reason, seconds, peak, best),
                      flush=True)


if __name__ == "__main__":
    main()
