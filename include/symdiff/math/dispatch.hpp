// symdiff/math/dispatch.hpp - one entry point per function for code that runs
// both at compile time and at run time.
//
// In constant evaluation the symdiff::math implementation is used (std math
// is not constexpr on clang). At run time the std:: function is called,
// unless SYMDIFF_CONSTEXPR_MATH_AT_RUNTIME is defined: then symdiff::math is
// used at run time too, so run-time results are bit-identical to compile-time
// ones.
#pragma once

#include <cmath>
#include <concepts>
#include <type_traits>

#include "symdiff/math/abs.hpp"
#include "symdiff/math/exp_log.hpp"
#include "symdiff/math/hyperbolic.hpp"
#include "symdiff/math/sqrt.hpp"
#include "symdiff/math/trig.hpp"

namespace symdiff::math::dispatch {
namespace detail {

constexpr bool use_symdiff() noexcept {
#ifdef SYMDIFF_CONSTEXPR_MATH_AT_RUNTIME
    return true;
#else
    return std::is_constant_evaluated();
#endif
}

} // namespace detail

#define SYMDIFF_MATH_DISPATCH_UNARY(name)                                                          \
    template <std::floating_point T>                                                               \
    constexpr T name(T x) noexcept {                                                               \
        if (detail::use_symdiff())                                                                 \
            return symdiff::math::name(x);                                                         \
        return std::name(x);                                                                       \
    }

SYMDIFF_MATH_DISPATCH_UNARY(exp)
SYMDIFF_MATH_DISPATCH_UNARY(expm1)
SYMDIFF_MATH_DISPATCH_UNARY(log)
SYMDIFF_MATH_DISPATCH_UNARY(log1p)
SYMDIFF_MATH_DISPATCH_UNARY(sqrt)
SYMDIFF_MATH_DISPATCH_UNARY(sin)
SYMDIFF_MATH_DISPATCH_UNARY(cos)
SYMDIFF_MATH_DISPATCH_UNARY(tan)
SYMDIFF_MATH_DISPATCH_UNARY(asin)
SYMDIFF_MATH_DISPATCH_UNARY(acos)
SYMDIFF_MATH_DISPATCH_UNARY(atan)
SYMDIFF_MATH_DISPATCH_UNARY(sinh)
SYMDIFF_MATH_DISPATCH_UNARY(cosh)
SYMDIFF_MATH_DISPATCH_UNARY(tanh)
SYMDIFF_MATH_DISPATCH_UNARY(abs)

#undef SYMDIFF_MATH_DISPATCH_UNARY

template <std::floating_point T>
constexpr T atan2(T y, T x) noexcept {
    if (detail::use_symdiff())
        return symdiff::math::atan2(y, x);
    return std::atan2(y, x);
}

// No std counterpart: always symdiff's repeated squaring.
template <std::floating_point T>
constexpr T pow_int(T x, long long n) noexcept {
    return symdiff::math::pow_int(x, n);
}

// Small integral exponents go through pow_int (exact repeated squaring, as
// x * x * ... would be written by hand), others through symdiff::math::pow.
template <std::floating_point T>
constexpr T pow(T x, T y) noexcept {
    if (detail::use_symdiff()) {
        if (y >= T(-64) && y <= T(64) && symdiff::math::detail::is_integer(y))
            return symdiff::math::pow_int(x, static_cast<long long>(y));
        return symdiff::math::pow(x, y);
    }
    return std::pow(x, y);
}

} // namespace symdiff::math::dispatch
