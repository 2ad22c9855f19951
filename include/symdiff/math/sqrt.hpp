// symdiff/math/sqrt.hpp - constexpr, correctly rounded square root.
#pragma once

#include <concepts>
#include <limits>
#include <type_traits>

#include "symdiff/math/detail.hpp"

namespace symdiff::math {
namespace detail {

// Sign of m - a^2, computed exactly (a has at most 64 significant bits and
// a^2 is within a factor 2 of m, so m - p is exact by Sterbenz).
constexpr int compare_square(wide m, wide a) noexcept {
    const dd sq = two_prod(a, a);
    const wide d = m - sq.hi;
    return d > sq.lo ? 1 : (d < sq.lo ? -1 : 0);
}

// x = m * 2^e with e even, m in [1, 4): sqrt(x) = sqrt(m) * 2^(e/2).
constexpr mant_exp even_decompose(wide x) noexcept {
    auto [m, e] = decompose(x);
    if (e % 2 != 0) {
        m *= 2;
        --e;
    }
    return {m, e};
}

// sqrt(m) for m in [1, 4): Newton from (m+1)/2, which lies above sqrt(m)
// (AM-GM) with relative error <= 1/4, so five steps reach 2^-90; a final
// residual step with the exact square gives the wide result to ~0.5 ulp.
constexpr wide sqrt_unit(wide m) noexcept {
    wide y = (m + 1) / 2;
    for (int i = 0; i < 5; ++i)
        y = (y + m / y) / 2;
    const dd sq = two_prod(y, y);
    return y + ((m - sq.hi) - sq.lo) / (2 * y);
}

// Round the wide root y of m to T's precision, correctly: the wide value can
// sit exactly on a midpoint of T (double rounding), so decide on which side of
// that midpoint sqrt(m) lies with an exact square. y is in [1, 2], so T's ulp
// there is 2^(1-p) on either side of the candidate.
template <std::floating_point T>
constexpr wide round_root(wide m, wide y) noexcept {
    if constexpr (is_wide<T>) {
        return y;
    } else {
        const wide half_ulp = pow2(-std::numeric_limits<T>::digits);
        const wide t = static_cast<T>(y);
        if (t == y)
            return t;
        const bool above = y > t;
        const wide mid = above ? t + half_ulp : t - half_ulp;
        const int side = compare_square(m, mid); // sign of sqrt(m) - mid
        if (above && side > 0)
            return t + 2 * half_ulp;
        if (!above && side < 0)
            return t - 2 * half_ulp;
        return t;
    }
}

// Square root in the working type, for finite x >= 0 (used by asin/acos).
constexpr wide sqrt_wide(wide x) noexcept {
    if (x == 0)
        return 0;
    const auto [m, e] = even_decompose(x);
    return scale2(sqrt_unit(m), e / 2);
}

} // namespace detail

template <std::floating_point T>
constexpr T sqrt(T x) noexcept {
    if (detail::is_nan(x) || x == T(0))
        return x; // sqrt(-0) = -0
    if (x < T(0)) {
        if (std::is_constant_evaluated())
            detail::domain_error_sqrt_of_negative_argument();
        return detail::quiet_nan<T>();
    }
    if (detail::is_inf(x))
        return x;
    const auto [m, e] = detail::even_decompose(x);
    const detail::wide y = detail::round_root<T>(m, detail::sqrt_unit(m));
    return static_cast<T>(detail::scale2(y, e / 2)); // never subnormal: exact
}

} // namespace symdiff::math
