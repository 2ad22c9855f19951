// gradient, value_and_gradient, hessian, jacobian: evaluated from one plan, they agree with the
// symbolic derivatives taken one by one (which walk their own trees) and with central differences.

#include <array>
#include <cmath>
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
