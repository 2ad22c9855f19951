// More operands than clang 14 allows in one fold expression (256), on both compilers: a 260-term
// sum built and evaluated, a gradient whose plan has more than 256 entries (a 90-input neuron),
// a gradient by 260 elements that one step hands over together (and by 260 arguments), and 260
// bindings. (Bigger gradients compile too, but a 256-input one takes minutes with g++:
// docs/performance.md. This TU takes about 35 s and 1.3 GB with g++.)

#include <array>
#include <cmath>
#include <utility>

#include <catch2/catch.hpp>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

namespace {
constexpr std::size_t n = 260;
constexpr symdiff::vars<"x", n> x;
constexpr symdiff::vars<"w", n> w;
constexpr symdiff::var<"b"> b;

constexpr std::size_t m = 90; // inputs of the neuron: its plan has 3 m + 9 entries
constexpr symdiff::vars<"u", m> u;
constexpr symdiff::vars<"v", m> v;
constexpr auto loss =
    pow(tanh(symdiff::sum_over<m>([](auto i) { return u[i] * v[i]; }) + b) - 0.25_c, 2_c) / 2_c;

template <std::size_t N>
std::array<double, N> wave(double f, double scale) {
    std::array<double, N> a{};
    for (std::size_t i = 0; i < N; ++i)
        a[i] = scale * std::sin(f * double(i) + 0.5);
    return a;
}
} // namespace

TEST_CASE("a 260-term sum", "[large]") {
    auto s = symdiff::sum_over<n>([](auto i) { return x[i] * w[i]; }) + b;
    auto X = wave<n>(0.1, 1.0), W = wave<n>(0.3, 0.01);
    double dot = 0;
    for (std::size_t i = 0; i < n; ++i)
        dot += X[i] * W[i];
    CHECK(s(x = X, w = W, b = 0.125) == Approx(dot + 0.125).epsilon(1e-13));
}

TEST_CASE("a gradient whose plan has more than 256 entries", "[large]") {
    auto U = wave<m>(0.1, 1.0), V = wave<m>(0.3, 0.01);
    double net = 0.125;
    for (std::size_t i = 0; i < m; ++i)
        net += U[i] * V[i];
    double o = std::tanh(net), d_net = (o - 0.25) * (1 - o * o); // back-propagation by hand
    auto p = symdiff::at(u = U, v = V, b = 0.125);
    auto [value, gradient] = symdiff::value_and_gradient(loss, v, b)(p);
    auto [gv, gb] = gradient;
    CHECK(value == Approx((o - 0.25) * (o - 0.25) / 2).epsilon(1e-13));
    CHECK(gb == Approx(d_net).epsilon(1e-13));
    for (std::size_t i : {0u, 7u, 50u, 89u})
        CHECK(gv[i] == Approx(d_net * U[i]).epsilon(1e-13));
}

TEST_CASE("a gradient by 260 elements, all final after one step", "[large]") {
    // d (sum x_i)^2 / d x_i = 2 s for every i: the sum hands all 260 derivatives over at once
    auto f = pow(symdiff::sum_over<n>([](auto i) { return x[i]; }), 2_c);
    auto X = wave<n>(0.2, 1.0);
    double s = 0;
    for (double e : X)
        s += e;
    auto by_family = symdiff::gradient(f, x)(x = std::cref(X));
    auto one_by_one = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return symdiff::gradient(f, x.at<I>()...)(x = std::cref(X)); // 260 arguments
    }
    (std::make_index_sequence<n>{});
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(by_family[i] == Approx(2 * s).epsilon(1e-13));
        CHECK(one_by_one[i] == by_family[i]);
    }
}

TEST_CASE("260 bindings", "[large]") {
    auto X = wave<n>(0.7, 2.0);
    auto ends = x.at<0>() + x.at<n - 1>();
    double value = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return ends((x.at<I>() = X[I])...); // each element bound on its own
    }
    (std::make_index_sequence<n>{});
    CHECK(value == X[0] + X[n - 1]);
}
