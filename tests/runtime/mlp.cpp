// A 4-8-1 tanh MLP with a squared loss, written with families of variables: its 49-parameter
// gradient (reverse mode over the plan) against back-propagation written by hand here, against
// central differences, and as a constant expression. tests/python/mlp_sympy.py checks the same
// network against SymPy.

#include <array>
#include <cmath>
#include <tuple>

#include <catch2/catch.hpp>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

namespace {
constexpr symdiff::vars<"a", 4> a; // input
constexpr symdiff::vars<"w", 8, 4> w;
constexpr symdiff::vars<"b", 8> b;
constexpr symdiff::vars<"v", 8> v;
constexpr symdiff::var<"c"> c;
constexpr symdiff::var<"t"> t; // target

constexpr auto o = tanh(
    symdiff::sum_over<8>([](auto j) {
        return v[j] * tanh(symdiff::sum_over<4>([&](auto i) { return w[j][i] * a[i]; }) + b[j]);
    }) +
    c);
constexpr auto loss = pow(o - t, 2_c) / 2_c;

using vec4 = std::array<double, 4>;
using vec8 = std::array<double, 8>;
using mat84 = std::array<vec4, 8>;

struct parameters {
    mat84 W;
    vec8 B, V;
    double C;
};

// fixed pseudo-random parameters in [-1, 1)
constexpr parameters make_parameters() {
    parameters p{};
    unsigned s = 12345u;
    auto next = [&] {
        s = s * 1103515245u + 12345u;
        return double((s >> 8) % 20000u) / 10000.0 - 1.0;
    };
    for (auto& row : p.W)
        for (auto& x : row)
            x = next();
    for (auto& x : p.B)
        x = next();
    for (auto& x : p.V)
        x = next();
    p.C = next();
    return p;
}
constexpr parameters P = make_parameters();
constexpr vec4 A{0.3, -0.8, 0.5, 0.1};
constexpr double T = 0.25;

struct hand_gradient {
    double loss;
    mat84 W;
    vec8 B, V;
    double C;
};

// Back-propagation written by hand: the reference.
hand_gradient backprop(parameters const& p, vec4 const& x, double target) {
    vec8 h{};
    double net = p.C;
    for (int j = 0; j < 8; ++j) {
        double s = p.B[j];
        for (int i = 0; i < 4; ++i)
            s += p.W[j][i] * x[i];
        h[j] = std::tanh(s);
        net += p.V[j] * h[j];
    }
    double out = std::tanh(net);
    double e = out - target;
    hand_gradient g{};
    g.loss = e * e / 2;
    double d_net = e * (1 - out * out);
    g.C = d_net;
    for (int j = 0; j < 8; ++j) {
        g.V[j] = d_net * h[j];
        double d_s = d_net * p.V[j] * (1 - h[j] * h[j]);
        g.B[j] = d_s;
        for (int i = 0; i < 4; ++i)
            g.W[j][i] = d_s * x[i];
    }
    return g;
}

bool close(double x, double y, double tol) {
    return std::fabs(x - y) <= tol * std::max(1.0, std::fabs(y));
}
} // namespace

TEST_CASE("MLP-49 gradient equals hand-written back-propagation", "[mlp][gradient]") {
    auto point = symdiff::at(a = A, w = P.W, b = P.B, v = P.V, c = P.C, t = T);
    auto [value, g] = symdiff::value_and_gradient(loss, w, b, v, c)(point);
    auto [gw, gb, gv, gc] = g;
    auto ref = backprop(P, A, T);
    CHECK(close(value, ref.loss, 1e-14));
    for (int j = 0; j < 8; ++j) {
        INFO("j = " << j);
        CHECK(close(gb[j], ref.B[j], 1e-13));
        CHECK(close(gv[j], ref.V[j], 1e-13));
        for (int i = 0; i < 4; ++i)
            CHECK(close(gw[j][i], ref.W[j][i], 1e-13));
    }
    CHECK(close(gc, ref.C, 1e-13));
    // the input's gradient too, against central differences
    auto ga = symdiff::gradient(loss, a)(point);
    CHECK(ga[0] == Approx(symdiff::central_derivative(loss, a.at<0>(), point)).epsilon(1e-7));
    CHECK(ga[3] == Approx(symdiff::central_derivative(loss, a.at<3>(), point)).epsilon(1e-7));
}

TEST_CASE("MLP-49 gradient against central differences", "[mlp][gradient]") {
    auto point = symdiff::at(a = A, w = P.W, b = P.B, v = P.V, c = P.C, t = T);
    auto gw = symdiff::gradient(loss, w)(point);
    CHECK(gw[0][0] == Approx(symdiff::central_derivative(loss, w.at<0, 0>(), point)).epsilon(1e-7));
    CHECK(gw[5][2] == Approx(symdiff::central_derivative(loss, w.at<5, 2>(), point)).epsilon(1e-7));
    CHECK(gw[7][3] == Approx(symdiff::central_derivative(loss, w.at<7, 3>(), point)).epsilon(1e-7));
    CHECK(symdiff::check_gradient(loss, point, c, b.at<3>(), v.at<6>(), w.at<2, 1>()));
}

TEST_CASE("MLP-49 gradient is a constant expression", "[mlp][gradient]") {
    constexpr auto point = symdiff::at(a = A, w = P.W, b = P.B, v = P.V, c = P.C, t = T);
    constexpr auto g = symdiff::gradient(loss, w, c)(point);
    auto ref = backprop(P, A, T);
    // symdiff's constexpr tanh is correctly rounded, glibc's within 2 ulp
    CHECK(close(std::get<0>(g)[4][1], ref.W[4][1], 1e-13));
    CHECK(close(std::get<1>(g), ref.C, 1e-13));
    STATIC_REQUIRE(std::get<1>(g) != 0.0);
}
