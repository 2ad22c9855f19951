// Accuracy of symdiff::math against correctly rounded mpmath references
// (tests/math/reference_*.inc), at run time, plus IEEE special values,
// run time == compile time, and the dispatchers.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>

#include "../math/accuracy.hpp"
#include "../math/reference.hpp"
#include "symdiff/math.hpp"

using namespace symdiff_test;
namespace m = symdiff::math;

TEST_CASE("math accuracy: float within 1 ulp", "[math][accuracy]") {
    print_summary("symdiff::math, float", check_table<symdiff_library>(reference_float, 1));
}

TEST_CASE("math accuracy: double within 1 ulp", "[math][accuracy]") {
    print_summary("symdiff::math, double", check_table<symdiff_library>(reference_double, 1));
}

TEST_CASE("math accuracy: long double within 1 ulp", "[math][accuracy]") {
    print_summary("symdiff::math, long double",
                  check_table<symdiff_library>(reference_long_double, 1));
}

namespace {

template <class T>
bool same_bits_or_nan(T a, T b) {
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

// Sample of rows computed in constant evaluation, to compare with run time.
template <class T, std::size_t N, std::size_t Stride>
struct constexpr_sample {
    static constexpr std::size_t count = N / Stride;
    std::array<T, count> values{};
    constexpr constexpr_sample(const reference_row<T> (&table)[N]) {
        for (std::size_t i = 0; i < count; ++i)
            values[i] = evaluate(table[i * Stride]);
    }
};

} // namespace

TEMPLATE_TEST_CASE("math: run time agrees bit for bit with compile time", "[math]", float, double,
                   long double) {
    constexpr auto& table = []() -> auto& {
        if constexpr (std::is_same_v<TestType, float>)
            return reference_float;
        else if constexpr (std::is_same_v<TestType, double>)
            return reference_double;
        else
            return reference_long_double;
    }
    ();
    constexpr std::size_t stride = 97; // 40 rows over every function
    static constexpr constexpr_sample<TestType, std::size(table), stride> sample(table);
    for (std::size_t i = 0; i < sample.count; ++i) {
        const auto& row = table[i * stride];
        volatile TestType vx = row.x, vy = row.y;
        const TestType runtime = evaluate(reference_row<TestType>{row.name, vx, vy, row.expected});
        INFO(row.name << " row " << i * stride);
        CHECK(same_bits_or_nan(runtime, sample.values[i]));
    }
}

TEMPLATE_TEST_CASE("math: IEEE special values at run time", "[math][special]", float, double,
                   long double) {
    using T = TestType;
    using lim = std::numeric_limits<T>;
    volatile T vnan = lim::quiet_NaN(), vinf = lim::infinity(), vzero = T(0);
    const T nan = vnan, inf = vinf, zero = vzero, nzero = -vzero;
    const T half_pi = static_cast<T>(1.5707963267948966192313216916397514L);
    const T pi = static_cast<T>(3.1415926535897932384626433832795029L);
    const auto same = [](T a, T b) { return same_bits_or_nan(a, b); };

    // NaN in, NaN out
    for (T (*f)(T) : {m::exp<T>, m::expm1<T>, m::log<T>, m::log1p<T>, m::sqrt<T>, m::sin<T>,
                      m::cos<T>, m::tan<T>, m::asin<T>, m::acos<T>, m::atan<T>, m::sinh<T>,
                      m::cosh<T>, m::tanh<T>, m::abs<T>})
        CHECK(std::isnan(f(nan)));
    CHECK(std::isnan(m::atan2(nan, T(1))));
    CHECK(std::isnan(m::pow(nan, T(2))));
    CHECK(m::pow(nan, zero) == T(1));
    CHECK(m::pow(T(1), nan) == T(1));

    // signed zeros of odd functions
    for (T (*f)(T) : {m::expm1<T>, m::log1p<T>, m::sqrt<T>, m::sin<T>, m::tan<T>, m::asin<T>,
                      m::atan<T>, m::sinh<T>, m::tanh<T>}) {
        CHECK(same(f(zero), zero));
        CHECK(same(f(nzero), nzero));
    }
    CHECK(same(m::abs(nzero), zero));
    CHECK(m::cos(nzero) == T(1));
    CHECK(m::exp(nzero) == T(1));

    // infinities
    CHECK(m::exp(-inf) == T(0));
    CHECK(m::exp(inf) == inf);
    CHECK(m::expm1(-inf) == T(-1));
    CHECK(m::log(zero) == -inf);
    CHECK(m::log(nzero) == -inf);
    CHECK(m::log(inf) == inf);
    CHECK(m::log1p(T(-1)) == -inf);
    CHECK(m::tanh(inf) == T(1));
    CHECK(m::tanh(-inf) == T(-1));
    CHECK(m::sinh(-inf) == -inf);
    CHECK(m::cosh(-inf) == inf);
    CHECK(m::atan(inf) == half_pi);
    CHECK(m::atan(-inf) == -half_pi);
    CHECK(m::sqrt(inf) == inf);
    CHECK(m::abs(-inf) == inf);
    CHECK(std::isnan(m::sin(inf)));
    CHECK(std::isnan(m::cos(-inf)));
    CHECK(std::isnan(m::tan(inf)));

    // domain and range errors give the IEEE results at run time
    CHECK(std::isnan(m::log(T(-1))));
    CHECK(std::isnan(m::log1p(T(-2))));
    CHECK(std::isnan(m::sqrt(T(-1))));
    CHECK(std::isnan(m::asin(T(2))));
    CHECK(std::isnan(m::acos(T(-2))));
    CHECK(std::isnan(m::pow(T(-2), T(0.5))));
    CHECK(m::exp(T(20000)) == inf);
    CHECK(m::exp(static_cast<T>(lim::max_exponent) * T(0.7)) == inf);
    CHECK(m::exp(T(-20000)) == T(0));
    CHECK(m::sinh(T(-20000)) == -inf);
    CHECK(m::cosh(T(20000)) == inf);
    CHECK(m::pow(T(10), T(20000)) == inf);
    CHECK(m::pow(T(-10), T(20001)) == -inf);

    // atan2 quadrants, zeros and infinities (C99 F.9.1.4)
    CHECK(same(m::atan2(zero, T(1)), zero));
    CHECK(same(m::atan2(nzero, T(1)), nzero));
    CHECK(same(m::atan2(zero, zero), zero));
    CHECK(same(m::atan2(nzero, zero), nzero));
    CHECK(m::atan2(zero, nzero) == pi);
    CHECK(m::atan2(nzero, T(-1)) == -pi);
    CHECK(m::atan2(T(1), zero) == half_pi);
    CHECK(m::atan2(T(-1), nzero) == -half_pi);
    CHECK(m::atan2(inf, T(3)) == half_pi);
    CHECK(same(m::atan2(T(-3), inf), nzero));
    CHECK(m::atan2(T(3), -inf) == pi);
    CHECK(m::atan2(inf, inf) == static_cast<T>(0.78539816339744830961566084581987572L));
    CHECK(m::atan2(-inf, -inf) == static_cast<T>(-2.35619449019234492884698253745962716L));

    // pow special cases (C99 F.9.4.4)
    CHECK(m::pow(zero, T(-3)) == inf);
    CHECK(m::pow(nzero, T(-3)) == -inf);
    CHECK(m::pow(nzero, T(-2)) == inf);
    CHECK(same(m::pow(nzero, T(3)), nzero));
    CHECK(same(m::pow(nzero, T(2)), zero));
    CHECK(m::pow(T(-1), inf) == T(1));
    CHECK(m::pow(T(0.5), -inf) == inf);
    CHECK(m::pow(T(2), -inf) == T(0));
    CHECK(m::pow(T(0.5), inf) == T(0));
    CHECK(m::pow(T(2), inf) == inf);
    CHECK(same(m::pow(-inf, T(-3)), nzero));
    CHECK(m::pow(-inf, T(3)) == -inf);
    CHECK(m::pow(-inf, T(2)) == inf);
    CHECK(m::pow(inf, T(-1)) == T(0));
    CHECK(m::pow(T(-2), T(3)) == T(-8));
    CHECK(m::pow(T(-2), T(-2)) == T(0.25));
}

TEMPLATE_TEST_CASE("math: pow_int is repeated squaring", "[math][pow_int]", float, double,
                   long double) {
    using T = TestType;
    volatile T vx = T(1.1);
    const T x = vx;
    CHECK(m::pow_int(x, 0) == T(1));
    CHECK(m::pow_int(x, 1) == x);
    CHECK(m::pow_int(x, 2) == x * x);
    CHECK(m::pow_int(x, 3) == x * x * x);
    CHECK(m::pow_int(x, 4) == (x * x) * (x * x));
    CHECK(m::pow_int(x, -2) == T(1) / (x * x));
    CHECK(m::pow_int(T(2), -10) == T(1) / T(1024));
    CHECK(m::pow_int(T(-2), 63) == -static_cast<T>(9223372036854775808.0L));
    CHECK(m::pow_int(T(2), 1 << 20) == std::numeric_limits<T>::infinity());
    CHECK(m::pow_int(T(2), -(1 << 20)) == T(0));
    CHECK(m::pow_int(T(0), -1) == std::numeric_limits<T>::infinity());
    CHECK(m::pow_int(T(-0.0), -1) == -std::numeric_limits<T>::infinity());
    CHECK(std::isnan(m::pow_int(std::numeric_limits<T>::quiet_NaN(), 3)));
    CHECK(m::pow_int(x, std::numeric_limits<long long>::min()) == T(0));
    static_assert(m::pow_int(T(3), 4) == T(81));
    static_assert(m::pow_int(T(2), -2) == T(0.25));
}

TEMPLATE_TEST_CASE("math: dispatch", "[math][dispatch]", float, double, long double) {
    using T = TestType;
    namespace d = symdiff::math::dispatch;
    volatile T vx = T(0.3);
    const T x = vx;
    // compile time: symdiff::math
    static_assert(d::exp(T(0.3)) == m::exp(T(0.3)));
    static_assert(d::tanh(T(0.3)) == m::tanh(T(0.3)));
    static_assert(d::atan2(T(0.3), T(-2)) == m::atan2(T(0.3), T(-2)));
    static_assert(d::pow(T(1.1), T(3)) == m::pow_int(T(1.1), 3));
    static_assert(d::pow(T(1.1), T(0.5)) == m::pow(T(1.1), T(0.5)));
#ifdef SYMDIFF_CONSTEXPR_MATH_AT_RUNTIME
    CHECK(d::sin(x) == m::sin(x));
    CHECK(d::pow(x, T(3)) == m::pow_int(x, 3));
#else
    CHECK(d::sin(x) == std::sin(x));
    CHECK(d::log1p(x) == std::log1p(x));
    CHECK(d::pow(x, T(3)) == std::pow(x, T(3)));
    CHECK(d::atan2(x, T(2)) == std::atan2(x, T(2)));
#endif
    CHECK(d::pow_int(x, 3) == m::pow_int(x, 3));
}
