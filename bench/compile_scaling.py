#!/usr/bin/python3
"""Compile time and peak memory of gradient TUs, as a user would write them.

(a) the 4-8-1 MLP's loss and its gradient by all 49 parameters (value_and_gradient), written
    with families (vars + sum_over) and with 49 named `symdiff::var<"w_0_0">` and chains of `+`;
(b) an N-input tanh neuron's value_and_gradient by w (N) and b, N = 1, 32, 64, 128, 256, written
    as a chain of `+` over named variables (x0 * w0 + x1 * w1 + ...) and with sum_over over
    families;
(c) with --only build: the chain of (b) only built and evaluated, no gradient (what the smart
    constructors cost).

Each TU is compiled with this build's compiler (-std=c++20 -O2 -c) under
`/usr/bin/time -f "%e %M %U %S"` (wall time, peak memory, CPU time). A TU that takes less than
--repeat-below seconds of CPU time is compiled --repeat times in all, and its fastest run is
reported: the ratio divides by t(32) - t(1), about a second, and one TU's time on a shared
machine varies by up to 2x between runs. A variant stops growing N after a TU that fails, takes
more than --limit-seconds of CPU time (the compiler is stopped there) or more than --limit-mb.
Prints Markdown.

    bench/compile_scaling.py --cxx g++ --include include [--n 1,32,64,128,256] [--only mlp|neuron|build]
                             [--repeat 3] [--repeat-below 10] [--rounds 1]

With --rounds R > 1, the neuron series is compiled R times, N after N in each round (series_in_rounds),
and each round's ratio is printed with their median, then the ratio of each N's fastest run over
the rounds (less moved by one run's noise). The same ratio of peak memory follows each
series: unlike the time's, it does not move with the machine's speed.
"""
import argparse
import os
import resource
import subprocess
import tempfile

PRELUDE = """#include <array>
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
"""


def mlp_families():
    return PRELUDE + """
constexpr symdiff::vars<"w", 8, 4> w;
constexpr symdiff::vars<"b", 8> b;
constexpr symdiff::vars<"v", 8> v;
constexpr symdiff::var<"c"> c;
constexpr symdiff::vars<"a", 4> a;
constexpr symdiff::var<"t"> t;
constexpr auto output = symdiff::sum_over<8>([](auto j) {
    return v[j] * tanh(symdiff::sum_over<4>([&](auto i) { return w[j][i] * a[i]; }) + b[j]);
}) + c;
constexpr auto loss = pow(output - t, 2_c) / 2_c;

double mlp(std::array<std::array<double, 4>, 8> const& pw, std::array<double, 8> const& pb,
           std::array<double, 8> const& pv, double pc, std::array<double, 4> const& pa,
           double pt, double* out) {
    auto r = symdiff::value_and_gradient(loss, w, b, v, c)(w = pw, b = pb, v = pv, c = pc,
                                                            a = pa, t = pt);
    auto const& [dw, db, dv, dc] = r.gradient;
    for (int j = 0; j < 8; ++j) {
        for (int i = 0; i < 4; ++i) out[4 * j + i] = dw[j][i];
        out[32 + j] = db[j];
        out[40 + j] = dv[j];
    }
    out[48] = dc;
    return r.value;
}
"""


def mlp_named():
    w = [["w_%d_%d" % (j, i) for i in range(4)] for j in range(8)]
    b = ["b_%d" % j for j in range(8)]
    v = ["v_%d" % j for j in range(8)]
    a = ["a_%d" % i for i in range(4)]
    params = [x for row in w for x in row] + b + v + ["c"]
    decls = "".join('constexpr symdiff::var<"%s"> %s;\n' % (n, n) for n in params + a + ["t"])
    hidden = ["tanh(%s + %s)" % (" + ".join("%s * %s" % (w[j][i], a[i]) for i in range(4)), b[j])
              for j in range(8)]
    output = " + ".join("%s * %s" % (v[j], hidden[j]) for j in range(8)) + " + c"
    binds = ", ".join("%s = p[%d]" % (n, k) for k, n in enumerate(params))
    binds += ", " + ", ".join("%s = in[%d]" % (n, k) for k, n in enumerate(a)) + ", t = in[4]"
    return PRELUDE + decls + """
constexpr auto output = %s;
constexpr auto loss = pow(output - t, 2_c) / 2_c;

double mlp(double const* p, double const* in, double* out) {
    auto r = symdiff::value_and_gradient(loss, %s)(%s);
    for (int k = 0; k < 49; ++k) out[k] = r.gradient[k];
    return r.value;
}
""" % (output, ", ".join(params), binds)


def neuron_named(n):
    names = ["w%d" % i for i in range(n)] + ["x%d" % i for i in range(n)] + ["b", "t"]
    decls = "".join('constexpr symdiff::var<"%s"> %s;\n' % (v, v) for v in names)
    total = " + ".join("x%d * w%d" % (i, i) for i in range(n)) + " + b"
    wrt = ", ".join("w%d" % i for i in range(n)) + ", b"
    binds = ", ".join("w%d = pw[%d], x%d = px[%d]" % (i, i, i, i) for i in range(n))
    return PRELUDE + decls + """
constexpr auto loss = pow(tanh(%s) - t, 2_c) / 2_c;

double neuron(double const* pw, double const* px, double pb, double pt, double* out) {
    auto r = symdiff::value_and_gradient(loss, %s)(%s, b = pb, t = pt);
    for (int k = 0; k < %d; ++k) out[k] = r.gradient[k];
    return r.value;
}
""" % (total, wrt, binds, n + 1)


def neuron_named_build(n):
    """The chain of + of neuron_named, only built and evaluated (no gradient): what building
    the formula costs, apart from the gradient's plan and sweep."""
    names = ["w%d" % i for i in range(n)] + ["x%d" % i for i in range(n)] + ["b", "t"]
    decls = "".join('constexpr symdiff::var<"%s"> %s;\n' % (v, v) for v in names)
    total = " + ".join("x%d * w%d" % (i, i) for i in range(n)) + " + b"
    binds = ", ".join("x%d = px[%d], w%d = pw[%d]" % (i, i, i, i) for i in range(n))
    return PRELUDE + decls + """
constexpr auto loss = pow(tanh(%s) - t, 2_c) / 2_c;

double neuron(double const* pw, double const* px, double pb, double pt) {
    return loss(%s, b = pb, t = pt);
}
""" % (total, binds)


def neuron_families(n):
    return PRELUDE + """
constexpr symdiff::vars<"w", %d> w;
constexpr symdiff::vars<"x", %d> x;
constexpr symdiff::var<"b"> b;
constexpr symdiff::var<"t"> t;
constexpr auto loss =
    pow(tanh(symdiff::sum_over<%d>([](auto i) { return w[i] * x[i]; }) + b) - t, 2_c) / 2_c;

double neuron(std::array<double, %d> const& pw, std::array<double, %d> const& px, double pb,
              double pt, double* out) {
    auto r = symdiff::value_and_gradient(loss, w, b)(w = pw, x = px, b = pb, t = pt);
    for (int k = 0; k < %d; ++k) out[k] = std::get<0>(r.gradient)[k];
    out[%d] = std::get<1>(r.gradient);
    return r.value;
}
""" % (n, n, n, n, n, n, n)


def compile_best(cxx, include, name, source, workdir, limit_seconds, limit_mb, repeat,
                 repeat_below):
    """compile_once, repeated while the TU is cheap: the run with the least CPU time."""
    best = compile_once(cxx, include, name, source, workdir, limit_seconds, limit_mb)
    for _ in range(repeat - 1):
        if not best[0] or best[2] >= repeat_below:
            break
        again = compile_once(cxx, include, name, source, workdir, limit_seconds, limit_mb)
        if again[0] and again[2] < best[2]:
            best = again
    return best


def compile_once(cxx, include, name, source, workdir, limit_seconds, limit_mb):
    src = os.path.join(workdir, name + ".cpp")
    with open(src, "w") as out:
        out.write(source)
    timing = os.path.join(workdir, name + ".time")
    cmd = ["/usr/bin/time", "-o", timing, "-f", "%e %M %U %S", cxx, "-std=c++20", "-O2", "-I", include,
           "-c", src, "-o", os.devnull]

    # The compiler is stopped after limit_seconds of CPU time (not wall time: the machine may be
    # shared) or when it reserves more than 2 x limit_mb of memory.
    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (int(limit_seconds), int(limit_seconds)))
        memory = int(2 * limit_mb * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    p = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=limits)
    with open(timing) as f:
        last = f.read().split("\n")
    fields = next(l for l in reversed(last) if l.strip()).split()
    seconds, peak_mb = float(fields[0]), int(fields[1]) / 1024
    cpu = float(fields[2]) + float(fields[3])
    if p.returncode != 0 and (cpu >= limit_seconds - 2 or "Killed signal" in p.stderr):
        return False, seconds, cpu, peak_mb, "stopped at %d s of CPU time" % limit_seconds
    if p.returncode != 0:
        error = next((l for l in p.stderr.splitlines() if "error" in l), "?")
        return False, seconds, cpu, peak_mb, "error: " + error[:100]
    return True, seconds, cpu, peak_mb, ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--include",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include"))
    ap.add_argument("--n", default="1,32,64,128,256")
    ap.add_argument("--only", choices=["mlp", "neuron", "build"])
    ap.add_argument("--limit-seconds", type=float, default=90)
    ap.add_argument("--limit-mb", type=float, default=4096)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--repeat-below", type=float, default=10)
    ap.add_argument("--rounds", type=int, default=1,
                    help="neuron series: compile the whole series this many times, N after N, "
                         "and report each round's ratio and their median as well")
    args = ap.parse_args()
    include = os.path.abspath(args.include)
    version = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout
    print("compiler: %s (%s), -std=c++20 -O2 -c; a TU under %g s of CPU time: the fastest of %d "
          "runs" % (args.cxx, version.splitlines()[0], args.repeat_below, args.repeat))
    print()
    with tempfile.TemporaryDirectory() as workdir:
        if args.only in (None, "mlp"):
            print("| MLP-49 value_and_gradient TU | compiles | wall time (s) | CPU time (s) | "
                  "peak memory (MB) |")
            print("|---|---|---|---|---|")
            for name, source in (("vars + sum_over", mlp_families()),
                                 ("49 named var + chains of +", mlp_named())):
                ok, seconds, cpu, peak, why = compile_best(args.cxx, include, "mlp", source,
                                                           workdir, args.limit_seconds,
                                                           args.limit_mb, args.repeat,
                                                           args.repeat_below)
                print("| %s | %s | %.2f | %.2f | %.0f |" % (name, "yes" if ok else "no: " + why,
                                                            seconds, cpu, peak), flush=True)
            print()
        if args.only in (None, "neuron", "build"):
            ns = [int(v) for v in args.n.split(",")]
            what = "value only (built, evaluated)" if args.only == "build" else "value_and_gradient"
            print("| N-input neuron %s TU | N | compiles | wall time (s) | "
                  "CPU time (s) | peak memory (MB) |" % what)
            print("|---|---|---|---|---|---|")
            variants = ((("chain of + over named var", neuron_named_build),)
                        if args.only == "build" else
                        (("chain of + over named var", neuron_named),
                         ("sum_over over vars", neuron_families)))
            for variant, make in variants:
                if args.rounds > 1:
                    series_in_rounds(args, include, workdir, variant, make, ns)
                    continue
                times, cpus, peaks = {}, {}, {}
                for n in ns:
                    ok, seconds, cpu, peak, why = compile_best(
                        args.cxx, include, "neuron_%d" % n, make(n), workdir, args.limit_seconds,
                        args.limit_mb, args.repeat, args.repeat_below)
                    print("| %s | %d | %s | %.2f | %.2f | %.0f |"
                          % (variant, n, "yes" if ok else "no: " + why, seconds, cpu, peak),
                          flush=True)
                    if ok:
                        times[n], cpus[n], peaks[n] = seconds, cpu, peak
                    if not ok or cpu > args.limit_seconds or peak > args.limit_mb:
                        print("| %s | > %d | stopped: the last TU took over %g s of CPU time or %g MB, "
                              "or failed | | | |" % (variant, n, args.limit_seconds,
                                                     args.limit_mb), flush=True)
                        break
                print("| %s | (t(256) - t(1)) / (t(32) - t(1)) | | %s | %s | |"
                      % (variant, ratio(times), ratio(cpus)), flush=True)
                print_memory_ratio(variant, peaks)


def ratio(t):
    if all(k in t for k in (1, 32, 256)) and t[32] > t[1]:
        return "%.1f" % ((t[256] - t[1]) / (t[32] - t[1]))
    return "n/a"


def series_in_rounds(args, include, workdir, variant, make, ns):
    """The series compiled args.rounds times, one TU of each N after the other in each round: the
    machine's speed drifts by up to 2x over minutes, so a ratio of TUs compiled minutes apart (the
    fastest of several runs of t(1), then of t(32), ...) moves with the drift; within a round the
    TUs are compiled back to back. Reports each N's fastest run, each round's ratio and their
    median, and the ratio of the fastest runs: one round's ratio divides by t(32) - t(1), about
    0.6 s, which one run's noise (0.1-0.3 s) moves by up to half, so single rounds read 7 to 25
    with the same headers; the fastest of each N over the rounds is the least disturbed run."""
    best, rounds = {}, []
    for _ in range(args.rounds):
        cpus = {}
        for n in ns:
            ok, seconds, cpu, peak, why = compile_once(args.cxx, include, "neuron_%d" % n, make(n),
                                                       workdir, args.limit_seconds, args.limit_mb)
            if not ok:
                print("| %s | %d | no: %s | | | |" % (variant, n, why), flush=True)
                return
            cpus[n] = cpu
            if n not in best or cpu < best[n][2]:
                best[n] = (ok, seconds, cpu, peak)
        rounds.append(cpus)
    for n in ns:
        ok, seconds, cpu, peak = best[n]
        print("| %s | %d | yes | %.2f | %.2f | %.0f |" % (variant, n, seconds, cpu, peak),
              flush=True)
    each = [float(ratio(r)) for r in rounds if ratio(r) != "n/a"]
    median = sorted(each)[len(each) // 2] if each else float("nan")
    print("| %s | (t(256) - t(1)) / (t(32) - t(1)), each round (CPU) | | | %s; median **%.1f** | |"
          % (variant, ", ".join("%.1f" % r for r in each), median), flush=True)
    print("| %s | (t(256) - t(1)) / (t(32) - t(1)), fastest run of each N (CPU) | | | %s | |"
          % (variant, ratio({n: best[n][2] for n in ns})), flush=True)
    print_memory_ratio(variant, {n: best[n][3] for n in ns})


def print_memory_ratio(variant, peaks):
    """The same ratio of peak memory, (m(256) - m(1)) / (m(32) - m(1)): not the goal's measure, but
    the same for every run of the same headers, where the time's ratio moves with this machine's
    speed (the families TU's, unchanged, read 8.9, 11.8 and 7.6 with clang++ on one day)."""
    print("| %s | (m(256) - m(1)) / (m(32) - m(1)), peak memory | | | | %s |"
          % (variant, ratio(peaks)), flush=True)


if __name__ == "__main__":
    main()
