// Run time of the seed neuron's value and full gradient: symdiff against hand-written
// back-propagation, SymPy's generated code (diff + cse + ccode, bench/sympy_codegen.py) and, when
// installed, the forward-mode peers (Ceres Jet, Eigen AutoDiffScalar, Boost.Math autodiff),
// measured in the same run (ratios printed by ratios.py). Every case is checked against the
// hand-written one before timing.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <benchmark/benchmark.h>
#include <symdiff/symdiff.hpp>

#include "paired.hpp"

#include "sympy_generated.hpp"

#if SYMDIFF_BENCH_CERES
#include <ceres/jet.h>
#endif
#if SYMDIFF_BENCH_EIGEN
#include <unsupported/Eigen/AutoDiff>
#endif
#if SYMDIFF_BENCH_BOOST_AUTODIFF
#include <boost/math/differentiation/autodiff.hpp>
#endif

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

result sympy_cse(double i, double w, double b, double t) {
    double r[4];
    sympy_neuron(i, w, b, t, r);
    return {r[0], r[1], r[2], r[3]};
}

// The forward-mode peers: the loss over a scalar type S carrying derivatives by (i, w, b).
template <class S>
S forward_loss(S const& i, S const& w, S const& b, double t) {
    S e = tanh(i * w + b) - t;
    return e * e / 2.0;
}

#if SYMDIFF_BENCH_CERES
result ceres_jet(double i, double w, double b, double t) {
    using jet = ceres::Jet<double, 3>;
    jet l = forward_loss(jet(i, 0), jet(w, 1), jet(b, 2), t);
    return {l.a, l.v[0], l.v[1], l.v[2]};
}
#endif

#if SYMDIFF_BENCH_EIGEN
result eigen_autodiff(double i, double w, double b, double t) {
    using scalar = Eigen::AutoDiffScalar<Eigen::Vector3d>;
    scalar l = forward_loss(scalar(i, 3, 0), scalar(w, 3, 1), scalar(b, 3, 2), t);
    return {l.value(), l.derivatives()[0], l.derivatives()[1], l.derivatives()[2]};
}
#endif

#if SYMDIFF_BENCH_BOOST_AUTODIFF
// Boost's multivariate first derivatives, as its documentation writes them: one pass over an
// fvar of three variables of order 1 (which also carries the mixed terms).
result boost_autodiff(double i, double w, double b, double t) {
    using namespace boost::math::differentiation;
    auto const vars = make_ftuple<double, 1, 1, 1>(i, w, b);
    auto const& [x, y, z] = vars;
    auto e = tanh(x * y + z) - t;
    auto l = e * e / 2.0;
    return {static_cast<double>(l), l.derivative(1, 0, 0), l.derivative(0, 1, 0),
            l.derivative(0, 0, 1)};
}
#endif

using compute = result (*)(double, double, double, double);

bool close(double x, double y) {
    return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y));
}

// Aborts unless `f` agrees with hand_written to 1e-12 relative at a few points.
void check(char const* name, compute f) {
    for (double shift : {0.0, 0.37, -0.81}) {
        double i = 0.4 + shift, w = 0.5 - shift, b = 0.6, t = 0.7;
        result want = hand_written(i, w, b, t), got = f(i, w, b, t);
        double const wanted[] = {want.value, want.d_input, want.d_weight, want.d_bias};
        double const gotten[] = {got.value, got.d_input, got.d_weight, got.d_bias};
        for (int k = 0; k < 4; ++k)
            if (!close(wanted[k], gotten[k])) {
                std::fprintf(stderr, "%s: result %d is %.17g, hand-written %.17g (shift %g)\n",
                             name, k, gotten[k], wanted[k], shift);
                std::abort();
            }
    }
}

template <compute Compute>
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

// One call for the paired blocks (paired.hpp), with the same inputs and data dependence.
template <compute Compute>
struct step {
    double i = 0.4, w = 0.5, b = 0.6, t = 0.7;
    void operator()() {
        paired::touch(*this);
        result r = Compute(i, w, b, t);
        paired::touch(r);
        w -= 1e-9 * r.d_weight;
    }
};

template <compute Compute>
void add(char const* name) {
    check(name, Compute);
    benchmark::RegisterBenchmark(name, run<Compute>);
}

} // namespace

int main(int argc, char** argv) {
    add<hand_written>("neuron/hand_written");
    add<symdiff_plan>("neuron/symdiff_value_and_gradient");
    benchmark::RegisterBenchmark("neuron/paired_symdiff_value_and_gradient",
                                 paired::pairs<step<hand_written>, step<symdiff_plan>>);
    add<symdiff_trees>("neuron/symdiff_d_one_by_one");
    add<sympy_cse>("neuron/sympy_cse");
#if SYMDIFF_BENCH_CERES
    add<ceres_jet>("neuron/ceres_jet");
#else
    std::puts("neuron/ceres_jet: skipped (ceres/jet.h not found)");
#endif
#if SYMDIFF_BENCH_EIGEN
    add<eigen_autodiff>("neuron/eigen_autodiffscalar");
#else
    std::puts("neuron/eigen_autodiffscalar: skipped (Eigen not found)");
#endif
#if SYMDIFF_BENCH_BOOST_AUTODIFF
    add<boost_autodiff>("neuron/boost_autodiff");
#else
    std::puts("neuron/boost_autodiff: skipped (boost/math/differentiation/autodiff.hpp not found)");
#endif
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
