// symdiff/math/hyperbolic.hpp - constexpr sinh, cosh, tanh.
#pragma once

#include <concepts>
#include <limits>
#include <type_traits>

#include "symdiff/math/detail.hpp"
#include "symdiff/math/exp_log.hpp"

namespace symdiff::math {
namespace detail {

// Past this |x|, e^-|x| is below 2^-66 relative to e^|x| in the working type,
// so sinh and cosh are e^|x| / 2 and tanh is 1 to every format's precision.
inline constexpr wide hyperbolic_far = 23;

// e^|x| / 2 for |x| >= hyperbolic_far, halving through the exponent so that it
// does not overflow before the result does.
template <std::floating_point T>
constexpr T half_exp_far(wide ax) noexcept {
    checked<T> r{infinity<T>(), true};
    if (ax <= exp_bound) {
        const auto [s, k] = exp_reduce(ax);
        r = from_scaled<T>(one_plus(s), k - 1);
    }
    if (r.overflow && std::is_constant_evaluated())
        range_error_sinh_cosh_overflow();
    return r.value;
}

} // namespace detail

template <std::floating_point T>
constexpr T sinh(T x) noexcept {
    using namespace detail;
    if (is_nan(x) || x == T(0) || is_inf(x))
        return x;
    const bool negative = x < T(0);
    const wide ax = negative ? -static_cast<wide>(x) : static_cast<wide>(x);
    T r{};
    if (ax < hyperbolic_far) {
        // sinh = (E + E/(E+1)) / 2 with E = expm1|x|: no cancellation near 0.
        const dd e = expm1_dd(ax);
        const dd twice = dd_add(e, dd_div(e, dd_add(e, {1, 0})));
        r = round_dd<T>({twice.hi / 2, twice.lo / 2});
    } else {
        r = half_exp_far<T>(ax);
    }
    return negative ? -r : r;
}

template <std::floating_point T>
constexpr T cosh(T x) noexcept {
    using namespace detail;
    if (is_nan(x))
        return x;
    if (is_inf(x))
        return infinity<T>();
    const wide ax = x < T(0) ? -static_cast<wide>(x) : static_cast<wide>(x);
    if (ax >= hyperbolic_far)
        return half_exp_far<T>(ax);
    const dd e = exp_dd(ax);
    const dd twice = dd_add(e, dd_div({1, 0}, e));
    return round_dd<T>({twice.hi / 2, twice.lo / 2});
}

template <std::floating_point T>
constexpr T tanh(T x) noexcept {
    using namespace detail;
    if (is_nan(x) || x == T(0))
        return x; // keeps the sign of zero
    const bool negative = x < T(0);
    const wide ax = negative ? -static_cast<wide>(x) : static_cast<wide>(x);
    dd r = {1, 0};
    if (ax < 1) {
        const dd e = expm1_dd(-2 * ax); // tanh = -E/(E+2), E = expm1(-2|x|)
        r = dd_div(dd_neg(e), dd_add(e, {2, 0}));
    } else if (ax < hyperbolic_far) { // tanh = 1 - 2/(E+2), E = expm1(2|x|)
        r = dd_add({1, 0}, dd_neg(dd_div({2, 0}, dd_add(expm1_dd(2 * ax), {2, 0}))));
    }
    return round_dd<T>(negative ? dd_neg(r) : r);
}

} // namespace symdiff::math
