// gradient, value_and_gradient, hessian, jacobian: evaluated from one plan, they agree with the
// symbolic derivatives taken one by one (which walk their own trees) and with central differences.

#include <array>
#include <cmath>
#include <tuple>
#include <type_traits>

#include <catch2/catch.hpp>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::at;
using symdiff::d;

namespace {
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;
constexpr symdiff::var<"z"> z;
constexpr auto net = symdiff::name<"net">(x * y + z);
constexpr auto f = pow(tanh(net) - sin(x * z), 2_c) / 2_c + exp(-y * y) * net + 2.5 * x * z;

template <class T>
bool close(T a, T b, T tol) {
    return std::fabs(a - b) <= tol * std::max<T>(1, std::fabs(b));
}
} // namespace

TEMPLATE_TEST_CASE("gradient equals the derivatives one by one", "[gradient]", float, double,
                   long double) {
    using T = TestType;
    T tol = 64 * std::numeric_limits<T>::epsilon();
    for (auto point : {std::array{0.3, -0.7, 1.1}, std::array{-1.2, 0.4, 0.05}}) {
        auto p = at(x = T(point[0]), y = T(point[1]), z = T(point[2]));
        auto g = symdiff::gradient(f, x, y, z, net)(p);
        STATIC_REQUIRE(std::is_same_v<decltype(g), std::array<T, 4>>);
        CHECK(close<T>(g[0], d(f, x)(p), tol));
        CHECK(close<T>(g[1], d(f, y)(p), tol));
        CHECK(close<T>(g[2], d(f, z)(p), tol));
        CHECK(close<T>(g[3], d(f, net)(p), tol));
        auto vg = symdiff::value_and_gradient(f, x, y, z)(p);
        CHECK(close<T>(vg.value, f(p), tol));
        for (std::size_t i = 0; i < 3; ++i)
            CHECK(close<T>(vg.gradient[i], g[i], tol));
    }
}

TEST_CASE("gradient against central differences", "[gradient]") {
    auto p = at(x = 0.3, y = -0.7, z = 1.1);
    auto g = symdiff::gradient(f, x, y, z)(p);
    CHECK(g[0] == Approx(symdiff::central_derivative(f, x, p)).epsilon(1e-8));
    CHECK(g[1] == Approx(symdiff::central_derivative(f, y, p)).epsilon(1e-8));
    CHECK(g[2] == Approx(symdiff::central_derivative(f, z, p)).epsilon(1e-8));
}

TEST_CASE("hessian: symmetric, each entry the second derivative", "[hessian]") {
    auto p = at(x = 0.3, y = -0.7, z = 1.1);
    auto h = symdiff::hessian(f, x, y, z)(p);
    STATIC_REQUIRE(std::is_same_v<decltype(h), std::array<std::array<double, 3>, 3>>);
    CHECK(close(h[0][0], d(f, x, x)(p), 1e-14));
    CHECK(close(h[0][1], d(f, x, y)(p), 1e-14));
    CHECK(close(h[0][2], d(f, x, z)(p), 1e-14));
    CHECK(close(h[1][1], d(f, y, y)(p), 1e-14));
    CHECK(close(h[1][2], d(f, y, z)(p), 1e-14));
    CHECK(close(h[2][2], d(f, z, z)(p), 1e-14));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            CHECK(h[i][j] == h[j][i]);
    // a hand-derived Hessian: x^2 y^3 -> [[2 y^3, 6 x y^2], [6 x y^2, 6 x^2 y]]
    auto hh = symdiff::hessian(pow(x, 2_c) * pow(y, 3_c), x, y)(x = 1.5, y = -2.0);
    CHECK(hh[0][0] == -16.0);
    CHECK(hh[0][1] == 36.0);
    CHECK(hh[1][0] == 36.0);
    CHECK(hh[1][1] == -27.0);
}

TEST_CASE("hessian by a family: its elements in row-major order", "[hessian]") {
    constexpr symdiff::vars<"w", 2, 2> w;
    // f = x^2 (sin(w00) w01 + sin(w11) w11), derived by hand below
    constexpr auto g =
        x * x * (sin(w.at<0, 0>()) * w.at<0, 1>() + sin(w.at<1, 1>()) * w.at<1, 1>());
    std::array<std::array<double, 2>, 2> wv{{{0.1, 0.2}, {0.3, 0.4}}};
    double xv = 0.5, s0 = std::sin(0.1), c0 = std::cos(0.1), s1 = std::sin(0.4), c1 = std::cos(0.4);
    auto h = symdiff::hessian(g, w, x)(x = xv, w = wv);
    STATIC_REQUIRE(std::is_same_v<decltype(h), std::array<std::array<double, 5>, 5>>);
    // rows and columns: w[0][0], w[0][1], w[1][0], w[1][1], x
    std::array<std::array<double, 5>, 5> want{};
    want[0][0] = -xv * xv * s0 * 0.2;
    want[0][1] = xv * xv * c0;
    want[0][4] = 2 * xv * c0 * 0.2;
    want[1][4] = 2 * xv * s0;
    want[3][3] = xv * xv * (2 * c1 - 0.4 * s1);
    want[3][4] = 2 * xv * (0.4 * c1 + s1);
    want[4][4] = 2 * (s0 * 0.2 + s1 * 0.4);
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 5; ++j) {
            CHECK(h[i][j] == h[j][i]);
            CHECK(close(h[std::min(i, j)][std::max(i, j)], want[std::min(i, j)][std::max(i, j)],
                        1e-15));
        }
    // the same as naming the elements one by one
    auto by_elements = symdiff::hessian(g, w.at<0, 0>(), w.at<0, 1>(), w.at<1, 0>(), w.at<1, 1>(),
                                        x)(x = xv, w = wv);
    CHECK(by_elements == h);
}

TEST_CASE("jacobian: rows are gradients", "[jacobian]") {
    auto p = at(x = 0.3, y = -0.7, z = 1.1);
    auto g2 = sin(x * y) + z;
    auto j = symdiff::jacobian(symdiff::outputs(f, g2, 3.5 * x * x), x, y, z)(p);
    STATIC_REQUIRE(std::is_same_v<decltype(j), std::array<std::array<double, 3>, 3>>);
    // not ==: g++ -O2 may fold a tanh of these known inputs correctly rounded in one call and
    // leave the other to glibc (1 ulp apart)
    auto g = symdiff::gradient(f, x, y, z)(p);
    for (int i = 0; i < 3; ++i)
        CHECK(close(j[0][i], g[i], 1e-14));
    CHECK(close(j[1][0], std::cos(0.3 * -0.7) * -0.7, 1e-15)); // by hand
    CHECK(close(j[1][1], std::cos(0.3 * -0.7) * 0.3, 1e-15));
    CHECK(j[1][2] == 1.0);
    CHECK(close(j[2][0], 7.0 * 0.3, 1e-15));
    CHECK(j[2][1] == 0.0);
    CHECK(j[2][2] == 0.0);
}

TEST_CASE("jacobian by families: each row in gradient's shape", "[jacobian]") {
    constexpr symdiff::vars<"w", 2, 3> w;
    constexpr symdiff::vars<"b", 2> b;
    // two units: u_j = sum_i w[j][i] x^i + b[j]; derivatives by hand
    constexpr auto u0 = w.at<0, 0>() + w.at<0, 1>() * x + w.at<0, 2>() * x * x + b.at<0>();
    constexpr auto u1 = tanh(w.at<1, 0>() + w.at<1, 1>() * x + w.at<1, 2>() * x * x + b.at<1>());
    std::array<std::array<double, 3>, 2> wv{{{0.1, 0.2, 0.3}, {-0.4, 0.5, -0.6}}};
    std::array<double, 2> bv{0.7, -0.8};
    double xv = 1.5;
    auto j = symdiff::jacobian(symdiff::outputs(u0, u1), w, b, x)(w = wv, b = bv, x = xv);
    using row = std::tuple<std::array<std::array<double, 3>, 2>, std::array<double, 2>, double>;
    STATIC_REQUIRE(std::is_same_v<decltype(j), std::array<row, 2>>);
    auto const& [dw0, db0, dx0] = j[0];
    CHECK(dw0[0][0] == 1.0);
    CHECK(dw0[0][1] == xv);
    CHECK(dw0[0][2] == xv * xv);
    CHECK(dw0[1][0] == 0.0);
    CHECK(db0[0] == 1.0);
    CHECK(db0[1] == 0.0);
    CHECK(close(dx0, 0.2 + 2 * 0.3 * xv, 1e-15));
    double n1 = -0.4 + 0.5 * xv - 0.6 * xv * xv - 0.8, s1 = 1 - std::tanh(n1) * std::tanh(n1);
    auto const& [dw1, db1, dx1] = j[1];
    CHECK(dw1[0][2] == 0.0);
    CHECK(close(dw1[1][0], s1, 1e-14));
    CHECK(close(dw1[1][2], s1 * xv * xv, 1e-14));
    CHECK(close(db1[1], s1, 1e-14));
    CHECK(close(dx1, s1 * (0.5 - 2 * 0.6 * xv), 1e-14));
    // each row is the output's gradient (not ==: a compiler may fold one tanh of these known
    // inputs correctly rounded and leave the other to the library, 1 ulp apart)
    auto g1 = symdiff::gradient(u1, w, b, x)(w = wv, b = bv, x = xv);
    auto jw = symdiff::jacobian(symdiff::outputs(u0, u1), w)(w = wv, b = bv, x = xv);
    STATIC_REQUIRE(
        std::is_same_v<decltype(jw), std::array<std::array<std::array<double, 3>, 2>, 2>>);
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(close(std::get<0>(g1)[r][i], dw1[r][i], 1e-15));
            CHECK(close(jw[1][r][i], dw1[r][i], 1e-15));
            CHECK(jw[0][r][i] == dw0[r][i]);
        }
    CHECK(close(std::get<2>(g1), dx1, 1e-15));
}

TEST_CASE("gradient objects are constexpr", "[gradient]") {
    constexpr symdiff::var<"input"> input;
    constexpr symdiff::var<"weight"> weight;
    constexpr symdiff::var<"bias"> bias;
    constexpr symdiff::var<"target"> target;
    constexpr auto neuron = symdiff::name<"net">(input * weight + bias);
    constexpr auto loss = pow(tanh(neuron) - target, 2_c) / 2_c;
    constexpr auto p = at(input = 0.4, weight = 0.5, bias = 0.6, target = 0.7);
    constexpr auto g = symdiff::gradient(loss, input, weight, bias);
    // the seed's row 4
    STATIC_REQUIRE(symdiff::approx(g(p)[0], -0.010052714715050));
    STATIC_REQUIRE(symdiff::approx(g(p)[1], -0.008042171772040));
    STATIC_REQUIRE(symdiff::approx(g(p)[2], -0.020105429430101));
    constexpr auto vg = symdiff::value_and_gradient(loss, input, weight, bias, neuron);
    STATIC_REQUIRE(symdiff::approx(vg(p).value, 0.000646676946384, 1e-11));
    STATIC_REQUIRE(symdiff::approx(vg(p).gradient[3], -0.020105429430101));
    constexpr auto h = symdiff::hessian(loss, weight, bias);
    STATIC_REQUIRE(h(p)[0][1] == h(p)[1][0]);
    CHECK(g(p)[1] == Approx(-0.008042171772040).epsilon(1e-12)); // and at run time
}

// The plan's and the sweeps' tables are not initialized: every slot is written before it is read.
// Constant evaluation rejects a read of an unwritten slot, so these cases, which start adjoints
// in the unusual ways (outputs that do not depend on a variable, stored numbers walked where they
// stand, u^u, a stage with stored numbers asked for), are evaluated at compile time.
TEST_CASE("every slot is written before it is read", "[gradient][jacobian]") {
    // x^2 and 3 y at x = 1.5, y = 2: [[2 x, 0], [0, 3]]
    constexpr auto j = symdiff::jacobian(symdiff::outputs(x * x, 3_c * y), x, y);
    STATIC_REQUIRE(j(x = 1.5, y = 2.0)[0][0] == 3.0);
    STATIC_REQUIRE(j(x = 1.5, y = 2.0)[0][1] == 0.0);
    STATIC_REQUIRE(j(x = 1.5, y = 2.0)[1][0] == 0.0);
    STATIC_REQUIRE(j(x = 1.5, y = 2.0)[1][1] == 3.0);
    // 2.5 x y + x^x at x = 2, y = 3: d/dx = 2.5 y + x^x (log x + 1) = 7.5 + 4 (log 2 + 1),
    // d/dy = 2.5 x = 5
    constexpr auto g = symdiff::gradient(2.5 * x * y + pow(x, x), x, y);
    STATIC_REQUIRE(symdiff::approx(g(x = 2.0, y = 3.0)[0], 14.272588722239781));
    STATIC_REQUIRE(g(x = 2.0, y = 3.0)[1] == 5.0);
    // s = 2.5 x, f = s^2 at x = 2: d f / d s = 2 s = 10, d f / d x = 2 s * 2.5 = 25
    constexpr auto s = symdiff::name<"s">(2.5 * x);
    constexpr auto gs = symdiff::gradient(s * s + y, s, x, y);
    STATIC_REQUIRE(gs(x = 2.0, y = 1.0)[0] == 10.0);
    STATIC_REQUIRE(gs(x = 2.0, y = 1.0)[1] == 25.0);
    STATIC_REQUIRE(gs(x = 2.0, y = 1.0)[2] == 1.0);
    CHECK(gs(x = 2.0, y = 1.0)[1] == 25.0); // and at run time
}

// Each function descriptor states its derivative twice: as a formula (for d) and as a number
// (slope, for reverse mode). The two must agree wherever the function is differentiable.
template <class Fn>
void check_slope(std::initializer_list<double> points) {
    constexpr symdiff::var<"u"> u;
    auto formula = Fn::derivative(u);
    for (double x : points) {
        INFO(Fn::name << " at " << x);
        CHECK(close(Fn::slope(x, Fn::value(x)), formula(u = x), 4e-16));
    }
}

TEST_CASE("slope and derivative of every function agree", "[gradient]") {
    namespace fn = symdiff::functions;
    auto everywhere = {-2.5, -0.7, -0.1, 0.3, 1.1, 3.0};
    auto inside_one = {-0.9, -0.3, 0.0, 0.2, 0.75};
    auto positive = {0.01, 0.3, 1.0, 7.5, 1e3};
    check_slope<fn::exp_fn>(everywhere);
    check_slope<fn::log_fn>(positive);
    check_slope<fn::sqrt_fn>(positive);
    check_slope<fn::sin_fn>(everywhere);
    check_slope<fn::cos_fn>(everywhere);
    check_slope<fn::tan_fn>({-1.2, -0.4, 0.0, 0.5, 1.3});
    check_slope<fn::asin_fn>(inside_one);
    check_slope<fn::acos_fn>(inside_one);
    check_slope<fn::atan_fn>(everywhere);
    check_slope<fn::sinh_fn>(everywhere);
    check_slope<fn::cosh_fn>(everywhere);
    check_slope<fn::tanh_fn>(everywhere);
    check_slope<fn::sign_fn>(everywhere);
    check_slope<fn::abs_fn>(everywhere);
}

TEST_CASE("reverse mode through powers, stored numbers and stages", "[gradient]") {
    // by hand: f = 3 x^2.5 + y^x + 0.5 / (x y): df/dx = 7.5 x^1.5 + log(y) y^x - 0.5 / (x^2 y),
    // df/dy = x y^(x - 1) - 0.5 / (x y^2)
    auto f = 3.0 * pow(x, 2.5) + pow(y, x) + 0.5 / (x * y);
    double X = 1.3, Y = 0.8;
    auto g = symdiff::gradient(f, x, y)(x = X, y = Y);
    CHECK(close(g[0], 7.5 * std::pow(X, 1.5) + std::log(Y) * std::pow(Y, X) - 0.5 / (X * X * Y),
                1e-14));
    CHECK(close(g[1], X * std::pow(Y, X - 1) - 0.5 / (X * Y * Y), 1e-14));
    // u^u: both operands of the power are the same subformula
    auto h = symdiff::gradient(pow(x, x), x)(x = X);
    CHECK(close(h[0], std::pow(X, X) * (std::log(X) + 1), 1e-14));
    // a stage whose body has a stored number is not a plan entry: its adjoint is still found
    auto s = symdiff::name<"s">(2.5 * x + y);
    auto k = symdiff::gradient(sin(s) * s, s, x)(x = X, y = Y);
    double S = 2.5 * X + Y;
    CHECK(close(k[0], std::cos(S) * S + std::sin(S), 1e-14));
    CHECK(close(k[1], 2.5 * (std::cos(S) * S + std::sin(S)), 1e-14));
}
