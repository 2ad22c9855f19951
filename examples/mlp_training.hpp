#pragma once
// A 2-3-1 tanh network learning XOR or two half-moons by full-batch gradient descent, with
// symdiff's gradient of the per-sample loss. Used by examples/train_mlp.cpp and by the test that
// compares every epoch with hand-written back-propagation (tests/runtime/train_mlp.cpp).
//
//   h_j  = tanh(w_j_0 * x0 + w_j_1 * x1 + b_j)        j = 0, 1, 2
//   out  = tanh(v_0 * h_0 + v_1 * h_1 + v_2 * h_2 + c)
//   loss = (out - t)^2 / 2                            per sample; an epoch averages the gradient
//
// The parameters are plain named variables (w_0_0, ...). Three hidden units, not more: with g++ 12
// the gradient of a 2-4-1 network (17 variables) exceeds the default template depth of 900.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include <symdiff/symdiff.hpp>

namespace mlp_training {

using namespace symdiff::literals;

// inputs and target
inline constexpr symdiff::var<"x0"> x0;
inline constexpr symdiff::var<"x1"> x1;
inline constexpr symdiff::var<"t"> t;

// parameters: hidden weights and biases, output weights and bias
inline constexpr symdiff::var<"w_0_0"> w_0_0;
inline constexpr symdiff::var<"w_0_1"> w_0_1;
inline constexpr symdiff::var<"w_1_0"> w_1_0;
inline constexpr symdiff::var<"w_1_1"> w_1_1;
inline constexpr symdiff::var<"w_2_0"> w_2_0;
inline constexpr symdiff::var<"w_2_1"> w_2_1;
inline constexpr symdiff::var<"b_0"> b_0;
inline constexpr symdiff::var<"b_1"> b_1;
inline constexpr symdiff::var<"b_2"> b_2;
inline constexpr symdiff::var<"v_0"> v_0;
inline constexpr symdiff::var<"v_1"> v_1;
inline constexpr symdiff::var<"v_2"> v_2;
inline constexpr symdiff::var<"c"> c;

inline constexpr auto h_0 = symdiff::name<"h_0">(tanh(w_0_0 * x0 + w_0_1 * x1 + b_0));
inline constexpr auto h_1 = symdiff::name<"h_1">(tanh(w_1_0 * x0 + w_1_1 * x1 + b_1));
inline constexpr auto h_2 = symdiff::name<"h_2">(tanh(w_2_0 * x0 + w_2_1 * x1 + b_2));
inline constexpr auto out = symdiff::name<"out">(tanh(v_0 * h_0 + v_1 * h_1 + v_2 * h_2 + c));
inline constexpr auto loss = pow(out - t, 2_c) / 2_c;

// The trained variables, in the order of a parameter vector.
inline constexpr auto trained =
    std::tuple{w_0_0, w_0_1, b_0, w_1_0, w_1_1, b_1, w_2_0, w_2_1, b_2, v_0, v_1, v_2, c};
inline constexpr std::size_t parameter_count = std::tuple_size_v<decltype(trained)>;
using parameters = std::array<double, parameter_count>;

// The per-sample loss and its gradient by every trained variable, formed once by the compiler.
inline constexpr auto loss_and_gradient =
    std::apply([](auto const&... x) { return symdiff::value_and_gradient(loss, x...); }, trained);

// The point that binds every trained variable to its value in p.
inline auto point_of(parameters const& p) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return symdiff::at((std::get<I>(trained) = p[I])...);
    }
    (std::make_index_sequence<parameter_count>{});
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

// Weights uniform in [-1, 1), biases 0.
inline parameters initial_parameters(std::uint64_t seed) {
    splitmix64 random{seed};
    parameters p{};
    for (std::size_t k = 0; k < parameter_count; ++k) {
        bool is_bias = k == 2 || k == 5 || k == 8 || k == parameter_count - 1;
        p[k] = is_bias ? 0.0 : random.uniform(-1, 1);
    }
    return p;
}

inline double predict(parameters const& p, double in0, double in1) {
    return out(point_of(p), x0 = in0, x1 = in1);
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
    parameters total_gradient{};
    for (auto const& s : data) {
        auto r = loss_and_gradient(point, x0 = s.x0, x1 = s.x1, t = s.target);
        total_loss += r.value;
        for (std::size_t k = 0; k < parameter_count; ++k)
            total_gradient[k] += r.gradient[k];
    }
    double n = static_cast<double>(data.size());
    for (std::size_t k = 0; k < parameter_count; ++k)
        p[k] -= rate * (total_gradient[k] / n);
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
