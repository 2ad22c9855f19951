#pragma once
// A 2-8-1 tanh network learning two half-moons or XOR by full-batch gradient descent, with
// symdiff's gradient of the per-sample loss. Used by examples/train_mlp.cpp and by the test that
// compares every epoch with hand-written back-propagation (tests/runtime/train_mlp.cpp).
//
//   h_j  = tanh(w[j][0] * x[0] + w[j][1] * x[1] + b[j])      j = 0 .. 7
//   out  = tanh(v[0] * h_0 + ... + v[7] * h_7 + c)
//   loss = (out - t)^2 / 2        per sample; an epoch averages the gradient
//
// The weights are families of variables (symdiff::vars), bound and differentiated as arrays.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <symdiff/symdiff.hpp>

namespace mlp_training {

using namespace symdiff::literals;

inline constexpr std::size_t inputs = 2, hidden = 8;

inline constexpr symdiff::vars<"x", inputs> x; // a sample's inputs
inline constexpr symdiff::var<"t"> t;          // and its target, -1 or 1

inline constexpr symdiff::vars<"w", hidden, inputs> w; // hidden layer: weights w[j][i]
inline constexpr symdiff::vars<"b", hidden> b;         // and biases
inline constexpr symdiff::vars<"v", hidden> v;         // output unit: weights
inline constexpr symdiff::var<"c"> c;                  // and bias

// Each hidden unit is a named stage, h_0 ... h_7, so formulas print as back-propagation writes
// them: d loss / d w[0][1] = v[0] * x[1] * (out - t) * (1 - h_0^2) * (1 - out^2).
template <std::size_t J>
constexpr auto unit_name() {
    static_assert(J < 10, "one digit");
    char const text[] = {'h', '_', static_cast<char>('0' + J), '\0'};
    return symdiff::fixed_string<4>(text);
}
template <std::size_t J>
inline constexpr auto h = symdiff::name<unit_name<J>()>(
    tanh(symdiff::sum_over<inputs>([](auto i) { return w.at<J, decltype(i)::value>() * x[i]; }) +
         b.at<J>()));

inline constexpr auto out = symdiff::name<"out">(
    tanh(symdiff::sum_over<hidden>([](auto j) { return v[j] * h<decltype(j)::value>; }) + c));
inline constexpr auto loss = pow(out - t, 2_c) / 2_c;

// The per-sample loss and its gradient by w, b, v and c (a tuple of arrays shaped like them),
// formed once by the compiler.
inline constexpr auto loss_and_gradient = symdiff::value_and_gradient(loss, w, b, v, c);

// The trained parameters, in the shapes of their families.
struct parameters {
    std::array<std::array<double, inputs>, hidden> w;
    std::array<double, hidden> b;
    std::array<double, hidden> v;
    double c;
};

// The point that binds every parameter to its value in p.
inline auto point_of(parameters const& p) {
    return symdiff::at(w = p.w, b = p.b, v = p.v, c = p.c);
}

struct sample {
    double x0, x1, target; // target -1 or 1
};

// A tiny deterministic generator (SplitMix64): the same numbers with every standard library.
struct splitmix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15u);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
        return z ^ (z >> 31);
    }
    // uniform in [lo, hi), from the top 53 bits
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1p-53;
    }
};

// XOR on {-1, 1}^2: the target is 1 when exactly one input is 1.
inline std::vector<sample> xor_data() {
    return {{-1, -1, -1}, {-1, 1, 1}, {1, -1, 1}, {1, 1, -1}};
}

// Two interleaved half-moons, n points each, with uniform noise of +-noise in each coordinate:
// the upper moon (cos a, sin a) has target 1, the lower one (1 - cos a, 1/2 - sin a) target -1,
// a uniform in [0, pi]; then shifted to be centred on 0. Deterministic (splitmix64, std::cos and
// std::sin of glibc).
inline std::vector<sample> moons_data(std::size_t n = 50, double noise = 0.1,
                                      std::uint64_t seed = 7) {
    splitmix64 random{seed};
    std::vector<sample> data;
    constexpr double pi = 3.141592653589793;
    for (std::size_t k = 0; k < 2 * n; ++k) {
        bool upper = k % 2 == 0;
        double a = pi * random.uniform(0, 1);
        double u = upper ? std::cos(a) : 1 - std::cos(a);
        double v = upper ? std::sin(a) : 0.5 - std::sin(a);
        u += random.uniform(-noise, noise) - 0.5;
        v += random.uniform(-noise, noise) - 0.25;
        data.push_back({u, v, upper ? 1.0 : -1.0});
    }
    return data;
}

// Weights uniform in [-1, 1) (w row by row, then v), biases 0.
inline parameters initial_parameters(std::uint64_t seed) {
    splitmix64 random{seed};
    parameters p{};
    for (auto& row : p.w)
        for (auto& weight : row)
            weight = random.uniform(-1, 1);
    for (auto& weight : p.v)
        weight = random.uniform(-1, 1);
    return p;
}

inline double predict(parameters const& p, double in0, double in1) {
    return out(point_of(p), x = std::array{in0, in1});
}

inline double accuracy(parameters const& p, std::vector<sample> const& data) {
    std::size_t right = 0;
    for (auto const& s : data)
        right += (predict(p, s.x0, s.x1) > 0) == (s.target > 0);
    return static_cast<double>(right) / static_cast<double>(data.size());
}

struct settings {
    std::uint64_t seed = 1; // of the initial weights
    double rate = 1.0;      // the learning rate
    int epochs = 1000;
};

// One epoch of full-batch gradient descent: the mean loss and gradient over the samples at p,
// then p -= rate * gradient. Returns the mean loss at p (before the update).
inline double epoch(parameters& p, std::vector<sample> const& data, double rate) {
    auto const point = point_of(p);
    double total_loss = 0;
    parameters total{}; // the sum of the samples' gradients
    for (auto const& s : data) {
        auto [value, gradient] = loss_and_gradient(point, x = std::array{s.x0, s.x1}, t = s.target);
        auto const& [dw, db, dv, dc] = gradient;
        total_loss += value;
        for (std::size_t j = 0; j < hidden; ++j) {
            for (std::size_t i = 0; i < inputs; ++i)
                total.w[j][i] += dw[j][i];
            total.b[j] += db[j];
            total.v[j] += dv[j];
        }
        total.c += dc;
    }
    double n = static_cast<double>(data.size());
    for (std::size_t j = 0; j < hidden; ++j) {
        for (std::size_t i = 0; i < inputs; ++i)
            p.w[j][i] -= rate * (total.w[j][i] / n);
        p.b[j] -= rate * (total.b[j] / n);
        p.v[j] -= rate * (total.v[j] / n);
    }
    p.c -= rate * (total.c / n);
    return total_loss / n;
}

// Trains from initial_parameters(s.seed) for s.epochs epochs. `observe(epoch, mean loss,
// parameters before the update)` is called every epoch. Returns the final parameters.
template <class Observer>
parameters train(settings const& s, std::vector<sample> const& data, Observer&& observe) {
    parameters p = initial_parameters(s.seed);
    for (int e = 0; e < s.epochs; ++e) {
        parameters before = p;
        double mean_loss = epoch(p, data, s.rate);
        observe(e, mean_loss, before);
    }
    return p;
}

} // namespace mlp_training
