// Run time of a 4-8-1 tanh MLP's loss and its gradient by all 49 parameters (w 8x4, b 8, v 8,
// c): symdiff against hand-written back-propagation, SymPy's generated code (diff + cse + ccode,
// bench/sympy_codegen.py) and, when installed, the forward-mode peers (Ceres Jet, Eigen
// AutoDiffScalar, Boost.Math autodiff). Every case is checked against the hand-written one
// before timing (ratios printed by ratios.py).
//
//   h[j] = tanh(sum_i w[j][i] a[i] + b[j]),  o = sum_j v[j] h[j] + c,  loss = (o - t)^2 / 2

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <tuple>

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

constexpr std::size_t inputs = 4, hidden = 8, parameters = hidden * inputs + 2 * hidden + 1;

using weights = std::array<std::array<double, inputs>, hidden>;
using layer = std::array<double, hidden>;
using input = std::array<double, inputs>;

// The parameters, or the loss's derivatives by them (same shape).
struct params {
    weights w;
    layer b, v;
    double c;
};

struct result {
    double value;
    params d;
};

// ---- hand-written back-propagation: forward, then reverse, plain doubles

result hand_written(params const& p, input const& a, double t) {
    layer h;
    double o = p.c;
    for (std::size_t j = 0; j < hidden; ++j) {
        double n = p.b[j];
        for (std::size_t i = 0; i < inputs; ++i)
            n += p.w[j][i] * a[i];
        h[j] = std::tanh(n);
        o += p.v[j] * h[j];
    }
    double e = o - t;
    result r;
    r.value = e * e / 2;
    r.d.c = e;
    for (std::size_t j = 0; j < hidden; ++j) {
        r.d.v[j] = e * h[j];
        double d_net = e * p.v[j] * (1 - h[j] * h[j]);
        r.d.b[j] = d_net;
        for (std::size_t i = 0; i < inputs; ++i)
            r.d.w[j][i] = d_net * a[i];
    }
    return r;
}

// ---- symdiff, written as a user would

constexpr symdiff::vars<"w", hidden, inputs> w;
constexpr symdiff::vars<"b", hidden> b;
constexpr symdiff::vars<"v", hidden> v;
constexpr symdiff::var<"c"> c;
constexpr symdiff::vars<"a", inputs> a;
constexpr symdiff::var<"t"> t;

constexpr auto output =
    symdiff::sum_over<hidden>([](auto j) {
        return v[j] *
               tanh(symdiff::sum_over<inputs>([&](auto i) { return w[j][i] * a[i]; }) + b[j]);
    }) +
    c;
constexpr auto loss = pow(output - t, 2_c) / 2_c;

result symdiff_value_and_gradient(params const& p, input const& x, double target) {
    constexpr auto step = symdiff::value_and_gradient(loss, w, b, v, c);
    // std::cref: the arrays are read in place, not copied into the bindings (docs/guide.md)
    auto r = step(w = std::cref(p.w), b = std::cref(p.b), v = std::cref(p.v), c = p.c,
                  a = std::cref(x), t = target);
    auto const& [dw, db, dv, dc] = r.gradient;
    return {r.value, {dw, db, dv, dc}};
}

// ---- SymPy: diff, cse, ccode (generated at build time)

result sympy_cse(params const& p, input const& x, double target) {
    double r[1 + parameters];
    sympy_mlp(p.w, p.b, p.v, p.c, x, target, r);
    result out;
    out.value = r[0];
    std::size_t k = 1;
    for (auto& row : out.d.w)
        for (auto& e : row)
            e = r[k++];
    for (auto& e : out.d.b)
        e = r[k++];
    for (auto& e : out.d.v)
        e = r[k++];
    out.d.c = r[k];
    return out;
}

// ---- forward-mode peers: the same loss over a scalar type S carrying derivatives; `seed(x, k)`
// makes parameter k's value x with derivative 1 by k.

template <class S, class Seed>
S forward_loss(params const& p, input const& x, double target, Seed seed) {
    std::size_t k = 0;
    std::array<std::array<S, inputs>, hidden> sw;
    for (std::size_t j = 0; j < hidden; ++j)
        for (std::size_t i = 0; i < inputs; ++i)
            sw[j][i] = seed(p.w[j][i], k++);
    std::array<S, hidden> sb, sv;
    for (std::size_t j = 0; j < hidden; ++j)
        sb[j] = seed(p.b[j], k++);
    for (std::size_t j = 0; j < hidden; ++j)
        sv[j] = seed(p.v[j], k++);
    S o = seed(p.c, k++);
    for (std::size_t j = 0; j < hidden; ++j) {
        S n = sb[j];
        for (std::size_t i = 0; i < inputs; ++i)
            n = n + sw[j][i] * x[i];
        o = o + sv[j] * tanh(n);
    }
    S e = o - target;
    return e * e / 2.0;
}

// the result from a value and derivative k = 0 .. 48 by `derivative(k)`
template <class Derivative>
result from_derivatives(double value, Derivative derivative) {
    result r;
    r.value = value;
    std::size_t k = 0;
    for (auto& row : r.d.w)
        for (auto& e : row)
            e = derivative(k++);
    for (auto& e : r.d.b)
        e = derivative(k++);
    for (auto& e : r.d.v)
        e = derivative(k++);
    r.d.c = derivative(k);
    return r;
}

#if SYMDIFF_BENCH_CERES
result ceres_jet(params const& p, input const& x, double target) {
    using jet = ceres::Jet<double, parameters>;
    jet l = forward_loss<jet>(
        p, x, target, [](double value, std::size_t k) { return jet(value, static_cast<int>(k)); });
    return from_derivatives(l.a, [&](std::size_t k) { return l.v[k]; });
}
#endif

#if SYMDIFF_BENCH_EIGEN
result eigen_autodiff(params const& p, input const& x, double target) {
    using scalar = Eigen::AutoDiffScalar<Eigen::Matrix<double, parameters, 1>>;
    scalar l = forward_loss<scalar>(p, x, target, [](double value, std::size_t k) {
        return scalar(value, parameters, static_cast<Eigen::Index>(k));
    });
    return from_derivatives(l.value(), [&](std::size_t k) { return l.derivatives()[k]; });
}
#endif

#if SYMDIFF_BENCH_BOOST_AUTODIFF
// Boost's autodiff is forward mode over one variable at a time here (a 49-variable fvar would
// carry 2^49 coefficients): 49 passes, each seeding one parameter, as its documentation does.
result boost_autodiff(params const& p, input const& x, double target) {
    using boost::math::differentiation::make_fvar;
    using fvar = boost::math::differentiation::autodiff_fvar<double, 1>;
    std::array<double, parameters> d;
    double value = 0;
    for (std::size_t seeded = 0; seeded < parameters; ++seeded) {
        fvar l = forward_loss<fvar>(p, x, target, [&](double value, std::size_t k) {
            return k == seeded ? make_fvar<double, 1>(value) : fvar(value);
        });
        value = static_cast<double>(l);
        d[seeded] = l.derivative(1);
    }
    return from_derivatives(value, [&](std::size_t k) { return d[k]; });
}
#endif

// ---- checks and timing

params start() {
    params p;
    for (std::size_t j = 0; j < hidden; ++j) {
        for (std::size_t i = 0; i < inputs; ++i)
            p.w[j][i] = 0.1 + 0.05 * double(j) - 0.07 * double(i);
        p.b[j] = 0.2 - 0.03 * double(j);
        p.v[j] = 0.3 - 0.09 * double(j);
    }
    p.c = 0.1;
    return p;
}
constexpr input sample{0.4, -0.3, 0.8, 0.5};
constexpr double sample_target = 0.7;

using compute = result (*)(params const&, input const&, double);

bool close(double x, double y) {
    return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y));
}

// Aborts unless `f` agrees with hand_written to 1e-12 relative at a few points.
void check(char const* name, compute f) {
    for (double shift : {0.0, 0.37, -0.81}) {
        params p = start();
        p.c += shift;
        p.w[3][2] -= shift;
        input x = sample;
        x[1] += shift;
        result want = hand_written(p, x, sample_target), got = f(p, x, sample_target);
        auto fail = [&](char const* what, double wanted, double gotten) {
            std::fprintf(stderr, "%s: %s is %.17g, hand-written %.17g (shift %g)\n", name, what,
                         gotten, wanted, shift);
            std::abort();
        };
        if (!close(want.value, got.value))
            fail("the value", want.value, got.value);
        for (std::size_t j = 0; j < hidden; ++j) {
            for (std::size_t i = 0; i < inputs; ++i)
                if (!close(want.d.w[j][i], got.d.w[j][i]))
                    fail("d/dw", want.d.w[j][i], got.d.w[j][i]);
            if (!close(want.d.b[j], got.d.b[j]))
                fail("d/db", want.d.b[j], got.d.b[j]);
            if (!close(want.d.v[j], got.d.v[j]))
                fail("d/dv", want.d.v[j], got.d.v[j]);
        }
        if (!close(want.d.c, got.d.c))
            fail("d/dc", want.d.c, got.d.c);
    }
}

template <compute Compute>
void run(benchmark::State& state) {
    params p = start();
    input x = sample;
    double target = sample_target;
    for (auto _ : state) {
        benchmark::DoNotOptimize(p);
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(target);
        result r = Compute(p, x, target);
        benchmark::DoNotOptimize(r);
        p.c -= 1e-9 * r.d.c; // a data dependence between iterations, as in training
    }
}

// One call for the paired blocks (paired.hpp), with the same inputs and data dependence.
template <compute Compute>
struct step {
    params p = start();
    input x = sample;
    double target = sample_target;
    void operator()() {
        paired::touch(*this);
        result r = Compute(p, x, target);
        paired::touch(r);
        p.c -= 1e-9 * r.d.c;
    }
};

template <compute Compute>
void add(char const* name) {
    check(name, Compute);
    benchmark::RegisterBenchmark(name, run<Compute>);
}

} // namespace

int main(int argc, char** argv) {
    add<hand_written>("mlp/hand_written");
    add<symdiff_value_and_gradient>("mlp/symdiff_value_and_gradient");
    benchmark::RegisterBenchmark(
        "mlp/paired_symdiff_value_and_gradient",
        paired::pairs<step<hand_written>, step<symdiff_value_and_gradient>>);
    add<sympy_cse>("mlp/sympy_cse");
#if SYMDIFF_BENCH_CERES
    add<ceres_jet>("mlp/ceres_jet");
#else
    std::puts("mlp/ceres_jet: skipped (ceres/jet.h not found)");
#endif
#if SYMDIFF_BENCH_EIGEN
    add<eigen_autodiff>("mlp/eigen_autodiffscalar");
#else
    std::puts("mlp/eigen_autodiffscalar: skipped (Eigen not found)");
#endif
#if SYMDIFF_BENCH_BOOST_AUTODIFF
    add<boost_autodiff>("mlp/boost_autodiff");
#else
    std::puts("mlp/boost_autodiff: skipped (boost/math/differentiation/autodiff.hpp not found)");
#endif
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
