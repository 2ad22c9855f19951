// symdiff/math/abs.hpp - constexpr absolute value.
#pragma once

#include <concepts>

namespace symdiff::math {

// |x|; abs(-0) = +0 and NaN passes through.
template <std::floating_point T>
constexpr T abs(T x) noexcept {
    if (x == T(0))
        return T(0);
    return x < T(0) ? -x : x;
}

} // namespace symdiff::math
