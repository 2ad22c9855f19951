// Run time of an N-input tanh neuron's loss and its gradient by w (N) and b, for N = 8 .. 128:
// symdiff against hand-written back-propagation, checked against it before timing (ratios
// printed by ratios.py).
//
//   loss = (tanh(sum_i w[i] x[i] + b) - t)^2 / 2
//
// This file is compiled once per N (-DSYMDIFF_NINPUT_N=8, ...: the TU's compile time grows with
// N, bench/compile_scaling.py measures it) and the objects are linked into one benchmark with
// Google Benchmark's main; each registers its two cases when the program starts.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include <benchmark/benchmark.h>
#include <symdiff/symdiff.hpp>

#include "paired.hpp"

using namespace symdiff::literals;

namespace {

template <std::size_t N>
struct result {
    double value;
    std::array<double, N> d_w;
    double d_b;
};

template <std::size_t N>
using compute = result<N> (*)(std::array<double, N> const&, double, std::array<double, N> const&,
                              double);

template <std::size_t N>
result<N> hand_written(std::array<double, N> const& w, double b, std::array<double, N> const& x,
                       double t) {
    double n = b;
    for (std::size_t i = 0; i < N; ++i)
        n += w[i] * x[i];
    double o = std::tanh(n);
    double e = o - t;
    double d_net = e * (1 - o * o);
    result<N> r;
    r.value = e * e / 2;
    for (std::size_t i = 0; i < N; ++i)
        r.d_w[i] = d_net * x[i];
    r.d_b = d_net;
    return r;
}

template <std::size_t N>
struct neuron {
    static constexpr symdiff::vars<"w", N> w{};
    static constexpr symdiff::vars<"x", N> x{};
    static constexpr symdiff::var<"b"> b{};
    static constexpr symdiff::var<"t"> t{};
    static constexpr auto loss =
        pow(tanh(symdiff::sum_over<N>([](auto i) { return w[i] * x[i]; }) + b) - t, 2_c) / 2_c;
};

template <std::size_t N>
result<N> symdiff_value_and_gradient(std::array<double, N> const& w, double b,
                                     std::array<double, N> const& x, double t) {
    using n = neuron<N>;
    constexpr auto step = symdiff::value_and_gradient(n::loss, n::w, n::b);
    auto r = step(n::w = std::cref(w), n::b = b, n::x = std::cref(x), n::t = t); // no copies
    return {r.value, std::get<0>(r.gradient), std::get<1>(r.gradient)};
}

template <std::size_t N>
std::array<double, N> spread(double from, double step) {
    std::array<double, N> a;
    for (std::size_t i = 0; i < N; ++i)
        a[i] = from + step * double(i % 7) - 0.3 * step * double(i % 3);
    return a;
}

bool close(double x, double y) {
    return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y));
}

// Aborts unless `f` agrees with hand_written to 1e-12 relative at a few points.
template <std::size_t N>
void check(std::string const& name, compute<N> f) {
    for (double shift : {0.0, 0.37, -0.81}) {
        auto w = spread<N>(0.5 / N, 0.2 / N), x = spread<N>(0.9, -0.1);
        w[0] += shift;
        double b = 0.1, t = 0.7 + shift;
        result<N> want = hand_written<N>(w, b, x, t), got = f(w, b, x, t);
        bool ok = close(want.value, got.value) && close(want.d_b, got.d_b);
        for (std::size_t i = 0; i < N; ++i)
            ok = ok && close(want.d_w[i], got.d_w[i]);
        if (!ok) {
            std::fprintf(stderr, "%s differs from hand-written by more than 1e-12 (shift %g)\n",
                         name.c_str(), shift);
            std::abort();
        }
    }
}

template <std::size_t N, compute<N> Compute>
void run(benchmark::State& state) {
    auto w = spread<N>(0.5 / N, 0.2 / N), x = spread<N>(0.9, -0.1);
    double b = 0.1, t = 0.7;
    for (auto _ : state) {
        benchmark::DoNotOptimize(w);
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(b);
        benchmark::DoNotOptimize(t);
        result<N> r = Compute(w, b, x, t);
        benchmark::DoNotOptimize(r);
        b -= 1e-9 * r.d_b; // a data dependence between iterations, as in training
    }
}

// One call for the paired blocks (paired.hpp), with the same inputs and data dependence.
template <std::size_t N, compute<N> Compute>
struct step {
    std::array<double, N> w = spread<N>(0.5 / N, 0.2 / N), x = spread<N>(0.9, -0.1);
    double b = 0.1, t = 0.7;
    void operator()() {
        paired::touch(*this);
        result<N> r = Compute(w, b, x, t);
        paired::touch(r);
        b -= 1e-9 * r.d_b;
    }
};

template <std::size_t N>
bool add() {
    std::string group = "ninput<" + std::to_string(N) + ">/";
    check<N>(group + "symdiff_value_and_gradient", symdiff_value_and_gradient<N>);
    benchmark::RegisterBenchmark((group + "hand_written").c_str(), run<N, hand_written<N>>);
    benchmark::RegisterBenchmark((group + "symdiff_value_and_gradient").c_str(),
                                 run<N, symdiff_value_and_gradient<N>>);
    benchmark::RegisterBenchmark(
        (group + "paired_symdiff_value_and_gradient").c_str(),
        paired::pairs<step<N, hand_written<N>>, step<N, symdiff_value_and_gradient<N>>>);
    return true;
}

[[maybe_unused]] bool const registered = add<SYMDIFF_NINPUT_N>();

} // namespace
