// Run time of the seed neuron's value and full gradient: symdiff against hand-written
// back-propagation, measured in the same run (ratios printed by ratios.py).

#include <cmath>

#include <benchmark/benchmark.h>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

namespace {

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto loss = pow(tanh(net) - target, 2_c) / 2_c;

struct result {
    double value, d_input, d_weight, d_bias;
};

// The article's back-propagation, written by hand.
result hand_written(double i, double w, double b, double t) {
    double n = i * w + b;
    double o = std::tanh(n);
    double e = o - t;
    double d_net = e * (1 - o * o);
    return {e * e / 2, d_net * w, d_net * i, d_net};
}

result symdiff_plan(double i, double w, double b, double t) {
    constexpr auto step = symdiff::value_and_gradient(loss, input, weight, bias);
    auto r = step(input = i, weight = w, bias = b, target = t);
    return {r.value, r.gradient[0], r.gradient[1], r.gradient[2]};
}

// Each derivative evaluated on its own, walking its tree.
result symdiff_trees(double i, double w, double b, double t) {
    auto p = symdiff::at(input = i, weight = w, bias = b, target = t);
    return {loss(p), symdiff::d(loss, input)(p), symdiff::d(loss, weight)(p),
            symdiff::d(loss, bias)(p)};
}

template <result (*Compute)(double, double, double, double)>
void run(benchmark::State& state) {
    double i = 0.4, w = 0.5, b = 0.6, t = 0.7;
    for (auto _ : state) {
        benchmark::DoNotOptimize(i);
        benchmark::DoNotOptimize(w);
        benchmark::DoNotOptimize(b);
        benchmark::DoNotOptimize(t);
        result r = Compute(i, w, b, t);
        benchmark::DoNotOptimize(r);
        w -= 1e-9 * r.d_weight; // a data dependence between iterations, as in training
    }
}

} // namespace

BENCHMARK(run<hand_written>)->Name("neuron/hand_written");
BENCHMARK(run<symdiff_plan>)->Name("neuron/symdiff_value_and_gradient");
BENCHMARK(run<symdiff_trees>)->Name("neuron/symdiff_d_one_by_one");

BENCHMARK_MAIN();
