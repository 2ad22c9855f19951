// The derivative of every function and operator, against a derivative derived by hand (written
// below with the standard library's functions) and against a central difference, at several
// points, in float, double and long double.

#include <cmath>
#include <initializer_list>
#include <limits>

#include <catch2/catch.hpp>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;

namespace {

constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

// Agreement up to `ulps` units of the type's epsilon, relative to max(1, |expected|).
template <class T>
bool close(T actual, T expected, T ulps = 64) {
    T scale = std::max<T>(1, std::fabs(expected));
    return std::fabs(actual - expected) <= ulps * std::numeric_limits<T>::epsilon() * scale;
}

// Central difference of a plain function, in long double, for an independent check.
template <class F>
long double central(F const& f, long double at) {
    long double h = 1e-5L * std::max(1.0L, std::fabs(at));
    return (f(at + h) - f(at - h)) / (2 * h);
}

// f(x), its hand-derived derivative df(x), and symdiff's formula of x, checked at the points.
template <class T, class Formula, class F, class DF>
void check(Formula const& formula, F const& f, DF const& df, std::initializer_list<double> points) {
    auto derivative = d(formula, x);
    for (double point : points) {
        T at = static_cast<T>(point);
        CAPTURE(symdiff::to_string(formula), symdiff::to_string(derivative), point);
        CHECK(close<T>(formula(x = at), f(at)));
        CHECK(close<T>(derivative(x = at), df(at)));
        // the hand-derived derivative itself agrees with a finite difference of f
        long double fd = central(
            [&](long double v) { return static_cast<long double>(f(static_cast<T>(v))); }, at);
        CHECK(std::fabs(fd - static_cast<long double>(df(at))) <=
              (std::is_same_v<T, float> ? 2e-2L : 1e-6L) * std::max(1.0L, std::fabs(fd)));
    }
}

} // namespace

TEMPLATE_TEST_CASE("elementary functions, with the chain rule through u = x / 2 + 1/4", "[d]",
                   float, double, long double) {
    using T = TestType;
    auto u = x / 2_c + 1_c / 4_c;
    auto uv = [](T v) { return v / 2 + T(0.25); };
    std::initializer_list<double> anywhere = {-2.5, -0.7, 0.0, 0.3, 1.9};
    std::initializer_list<double> inside = {-2.1, -1.0, 0.1, 1.2}; // |u| < 1
    std::initializer_list<double> positive = {0.1, 0.5, 2.0, 7.5}; // u > 0

    check<T>(
        exp(u), [&](T v) { return std::exp(uv(v)); }, [&](T v) { return std::exp(uv(v)) / 2; },
        anywhere);
    check<T>(
        log(u), [&](T v) { return std::log(uv(v)); }, [&](T v) { return 1 / (2 * uv(v)); },
        positive);
    check<T>(
        sqrt(u), [&](T v) { return std::sqrt(uv(v)); },
        [&](T v) { return 1 / (4 * std::sqrt(uv(v))); }, positive);
    check<T>(
        sin(u), [&](T v) { return std::sin(uv(v)); }, [&](T v) { return std::cos(uv(v)) / 2; },
        anywhere);
    check<T>(
        cos(u), [&](T v) { return std::cos(uv(v)); }, [&](T v) { return -std::sin(uv(v)) / 2; },
        anywhere);
    check<T>(
        tan(u), [&](T v) { return std::tan(uv(v)); },
        [&](T v) { return 1 / (2 * std::cos(uv(v)) * std::cos(uv(v))); }, inside);
    check<T>(
        asin(u), [&](T v) { return std::asin(uv(v)); },
        [&](T v) { return 1 / (2 * std::sqrt(1 - uv(v) * uv(v))); }, inside);
    check<T>(
        acos(u), [&](T v) { return std::acos(uv(v)); },
        [&](T v) { return -1 / (2 * std::sqrt(1 - uv(v) * uv(v))); }, inside);
    check<T>(
        atan(u), [&](T v) { return std::atan(uv(v)); },
        [&](T v) { return 1 / (2 * (1 + uv(v) * uv(v))); }, anywhere);
    check<T>(
        sinh(u), [&](T v) { return std::sinh(uv(v)); }, [&](T v) { return std::cosh(uv(v)) / 2; },
        anywhere);
    check<T>(
        cosh(u), [&](T v) { return std::cosh(uv(v)); }, [&](T v) { return std::sinh(uv(v)) / 2; },
        anywhere);
    check<T>(
        tanh(u), [&](T v) { return std::tanh(uv(v)); },
        [&](T v) { return (1 - std::tanh(uv(v)) * std::tanh(uv(v))) / 2; }, anywhere);
    check<T>(
        abs(u), [&](T v) { return std::fabs(uv(v)); },
        [&](T v) { return uv(v) > 0 ? T(0.5) : T(-0.5); }, {-2.5, -0.7, 0.3, 1.9});
}

TEMPLATE_TEST_CASE("operators and powers", "[d]", float, double, long double) {
    using T = TestType;
    std::initializer_list<double> positive = {0.2, 0.9, 1.7, 3.1};
    check<T>(
        3_c * x + 2_c, [](T v) { return 3 * v + 2; }, [](T) { return T(3); }, positive);
    check<T>(
        x - 5_c * x * x, [](T v) { return v - 5 * v * v; }, [](T v) { return 1 - 10 * v; },
        positive);
    check<T>(
        1_c / x, [](T v) { return 1 / v; }, [](T v) { return -1 / (v * v); }, positive);
    check<T>((x + 1_c) / (x - 4_c), [](T v) { return (v + 1) / (v - 4); },
             [](T v) { return -5 / ((v - 4) * (v - 4)); }, positive);
    check<T>(
        -x * sin(x), [](T v) { return -v * std::sin(v); },
        [](T v) { return -std::sin(v) - v * std::cos(v); }, positive);
    check<T>(
        pow(x, 5_c), [](T v) { return std::pow(v, T(5)); },
        [](T v) { return 5 * std::pow(v, T(4)); }, positive);
    check<T>(
        pow(x, -3_c), [](T v) { return std::pow(v, T(-3)); },
        [](T v) { return -3 * std::pow(v, T(-4)); }, positive);
    check<T>(
        pow(x, 3_c / 2_c), [](T v) { return std::pow(v, T(1.5)); },
        [](T v) { return T(1.5) * std::sqrt(v); }, positive);
    check<T>(
        pow(x, 2.5), [](T v) { return std::pow(v, T(2.5)); },
        [](T v) { return T(2.5) * std::pow(v, T(1.5)); }, positive);
    check<T>(
        pow(x, x), [](T v) { return std::pow(v, v); },
        [](T v) { return std::pow(v, v) * (std::log(v) + 1); }, positive);
    check<T>(
        pow(2, x), [](T v) { return std::pow(T(2), v); },
        [](T v) { return std::pow(T(2), v) * std::log(T(2)); }, positive);
    check<T>(
        2.5 * x / 4, [](T v) { return T(2.5) * v / 4; }, [](T) { return T(0.625); }, positive);
}

TEMPLATE_TEST_CASE("higher and mixed derivatives", "[d]", float, double, long double) {
    using T = TestType;
    for (double point : {-1.3, 0.4, 2.2}) {
        T v = static_cast<T>(point);
        CAPTURE(point);
        CHECK(close<T>(d(sin(x), x, x, x)(x = v), -std::cos(v)));
        CHECK(close<T>(d(exp(2_c * x), x, x, x)(x = v), 8 * std::exp(2 * v)));
        T t = std::tanh(v);
        CHECK(close<T>(d(tanh(x), x, x)(x = v), -2 * t * (1 - t * t)));
        CHECK(close<T>(d(tanh(x), x, x, x)(x = v), -2 * (1 - t * t) * (1 - 3 * t * t)));
        CHECK(close<T>(d(pow(x, 5_c), x, x, x)(x = v), 60 * v * v));
        CHECK(close<T>(d(x * exp(x), x, x, x, x)(x = v), (v + 4) * std::exp(v)));
        T w = static_cast<T>(point / 2 + 1);
        // d/dx d/dy x^2 y^3 = 6 x y^2, in either order (d(f, y, x) is d(f, x, y): the other order
        // is taken by hand)
        CHECK(close<T>(d(pow(x, 2_c) * pow(y, 3_c), x, y)(x = v, y = w), 6 * v * w * w));
        CHECK(close<T>(d(d(pow(x, 2_c) * pow(y, 3_c), y), x)(x = v, y = w), 6 * v * w * w));
        // d/dx d/dy sin(x y) = cos(x y) - x y sin(x y)
        CHECK(
            close<T>(d(sin(x * y), x, y)(x = v, y = w), std::cos(v * w) - v * w * std::sin(v * w)));
        CHECK(close<T>(d(d(sin(x * y), y), x)(x = v, y = w),
                       std::cos(v * w) - v * w * std::sin(v * w)));
    }
}

TEMPLATE_TEST_CASE("named stages: local and global gradients", "[d][stage]", float, double,
                   long double) {
    using T = TestType;
    constexpr symdiff::var<"w"> w;
    constexpr auto net = symdiff::name<"net">(x * w + y);
    constexpr auto out = symdiff::name<"out">(sin(net));
    constexpr auto loss = pow(out, 2_c);
    T xv = T(0.3), wv = T(-1.2), yv = T(0.8);
    T n = xv * wv + yv, o = std::sin(n);
    auto p = symdiff::at(x = xv, w = wv, y = yv);
    CHECK(close<T>(d(out, net)(p), std::cos(n)));          // local gradient
    CHECK(close<T>(d(loss, out)(p), 2 * o));               // adjoint of out
    CHECK(close<T>(d(loss, net)(p), 2 * o * std::cos(n))); // adjoint of net
    CHECK(close<T>(d(loss, w)(p), 2 * o * std::cos(n) * xv));
    CHECK(close<T>(d(loss, x)(p), 2 * o * std::cos(n) * wv));
    CHECK(close<T>(d(loss, y)(p), 2 * o * std::cos(n)));
    // the stage's inputs are held fixed: d net / d net = 1, d out / d x through net
    CHECK(d(net, net) == 1_c);
    CHECK(close<T>(d(out, x)(p), std::cos(n) * wv));
    // binding a stage overrides its value
    CHECK(close<T>(loss(p, net = T(0.5)), std::sin(T(0.5)) * std::sin(T(0.5))));
    CHECK(close<T>(d(loss, net)(p, out = T(2)), 4 * std::cos(n)));
}
