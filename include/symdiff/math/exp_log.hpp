// symdiff/math/exp_log.hpp - constexpr exp, expm1, log, log1p, pow, pow_int.
#pragma once

#include <array>
#include <concepts>
#include <limits>
#include <type_traits>

#include "symdiff/math/detail.hpp"

namespace symdiff::math {
namespace detail {

// ln 2 split so that k * ln2_hi is exact for |k| < 2^16 (48-bit head).
inline constexpr wide ln2_hi = 0xb17217f7d1cfp-48L;
inline constexpr wide ln2_lo = 0xf35793c7673007e6p-113L;
inline constexpr wide inv_ln2 = 0xb8aa3b295c17f0bcp-63L;
inline constexpr wide sqrt2 = 0xb504f333f9de6484p-63L;

// expm1(r) = r + r^2/2 + r^3 * sum_i r^i / (i+3)!, |r| <= ln2/2: the r^20 term
// is below 2^-70. r^2/2 is kept exactly, the cubic tail is small enough to
// need only the working precision.
inline constexpr auto expm1_cubic_coefficients =
    make_coefficients<17>([](std::size_t i) { return inverse_factorial(i + 3); });

// exp(hi + lo) = (1 + s) * 2^k with |hi| < 2^15 and |lo| tiny, s = expm1(r)
// as a pair. Reduction r = hi - k ln2: k*ln2_hi is exact and cancels exactly
// against hi (Sterbenz); the rest of r is kept as a pair.
struct exp_parts {
    dd s; // exp(r) - 1, |r| <= ~ln2/2
    int k;
};

constexpr exp_parts exp_reduce(wide hi, wide lo = 0) noexcept {
    const wide k = static_cast<wide>(round_to_ll(hi * inv_ln2));
    const dd r = two_sum(hi - k * ln2_hi, lo - k * ln2_lo);
    const dd sq = two_prod(r.hi, r.hi);
    const wide cubic = r.hi * sq.hi * horner(r.hi, expm1_cubic_coefficients);
    // expm1(r.hi + r.lo) = expm1(r.hi) + r.lo (1 + r.hi) to well below 2^-128
    const dd head = fast_two_sum(r.hi, sq.hi / 2);
    return {fast_two_sum(head.hi, head.lo + (sq.lo / 2 + cubic + r.lo * (1 + r.hi))),
            static_cast<int>(k)};
}

// e^x - 1 as a pair, for |x| small enough that 2^k stays finite (|x| < ~11000).
constexpr dd expm1_dd(wide x) noexcept {
    const auto [s, k] = exp_reduce(x);
    if (k == 0)
        return s; // |x| <= ln2/2: r == x exactly, no cancellation
    const wide two_k = pow2(k);
    return dd_add(two_sum(two_k, -1), {two_k * s.hi, two_k * s.lo}); // 2^k (1 + s) - 1
}

// 1 + s of a reduced exponential, as a pair.
constexpr dd one_plus(dd s) noexcept {
    const dd head = fast_two_sum(1, s.hi);
    return fast_two_sum(head.hi, head.lo + s.lo);
}

// e^x as a pair, for |x| < ~11000.
constexpr dd exp_dd(wide x) noexcept {
    const auto [s, k] = exp_reduce(x);
    const wide two_k = pow2(k);
    const dd e = one_plus(s);
    return {e.hi * two_k, e.lo * two_k};
}

// log(1 + f) + e ln2 as a pair, for f in [sqrt(1/2) - 1, sqrt(2) - 1]:
// log(1 + f) = 2 atanh(u) = 2u (1 + u^2/3 + u^4/5 + ...), u = f/(2+f), |u| < 0.172.
// The first four terms are summed in pair arithmetic, the rest (below 2^-23
// relative) in the working type: about 2^-85 relative, as pow needs for
// |y log x| up to 11400.
inline constexpr std::size_t atanh_pair_terms = 4;
inline constexpr auto atanh_pair_coefficients = [] {
    std::array<dd, atanh_pair_terms> c{};
    for (std::size_t i = 0; i < atanh_pair_terms; ++i)
        c[i] = dd_inverse(static_cast<wide>(2 * i + 1));
    return c;
}();
inline constexpr auto atanh_tail_coefficients = // 1/(2i+1) for i >= atanh_pair_terms
    make_coefficients<11>(
        [](std::size_t i) { return 1.0L / static_cast<wide>(2 * (i + atanh_pair_terms) + 1); });

constexpr dd log1p_parts(wide f, int e) noexcept {
    const dd u = dd_div({f, 0}, two_sum(2, f));
    const dd z = dd_mul(u, u);
    dd p = {horner(z.hi, atanh_tail_coefficients), 0};
    for (std::size_t i = atanh_pair_terms; i-- > 0;)
        p = dd_add(dd_mul(p, z), atanh_pair_coefficients[i]);
    const dd l = dd_mul(u, p); // log(1 + f) / 2
    const wide ke = static_cast<wide>(e);
    const dd head = two_sum(ke * ln2_hi, 2 * l.hi); // e ln2_hi is exact
    return fast_two_sum(head.hi, head.lo + (2 * l.lo + ke * ln2_lo));
}

// log(x) for finite x > 0 as hi + lo.
constexpr dd log_dd(wide x) noexcept {
    auto [m, e] = decompose(x);
    if (m > sqrt2) { // centre the significand on 1: m in (sqrt(1/2), sqrt(2)]
        m /= 2;
        ++e;
    }
    return log1p_parts(m - 1, e); // m - 1 is exact
}

// log1p(x) for finite x > -1, as hi + lo.
constexpr dd log1p_dd(wide x) noexcept {
    if (x >= sqrt2 / 2 - 1 && x <= sqrt2 - 1)
        return log1p_parts(x, 0); // x itself is the exact f
    // 1 + x = u + c exactly; log(u + c) = log(u) + c/u to first order.
    const dd u = two_sum(1, x);
    const dd r = log_dd(u.hi);
    return fast_two_sum(r.hi, r.lo + u.lo / u.hi);
}

// Integer tests for pow; any |y| >= 2^64 is an even integer in every format.
template <std::floating_point T>
constexpr bool is_integer(T y) noexcept {
    const wide a = y < 0 ? -static_cast<wide>(y) : static_cast<wide>(y);
    if (a >= 0x1p63L)
        return true;
    return static_cast<wide>(static_cast<long long>(a)) == a;
}

template <std::floating_point T>
constexpr bool is_odd_integer(T y) noexcept {
    const wide a = y < 0 ? -static_cast<wide>(y) : static_cast<wide>(y);
    if (a >= 0x1p64L || !is_integer(y))
        return false;
    return (static_cast<unsigned long long>(a) & 1u) != 0;
}

// Bound beyond which exp surely over/underflows every format (|x| > ln(2^16445)).
inline constexpr wide exp_bound = 12000;

} // namespace detail

// e^x.
template <std::floating_point T>
constexpr T exp(T x) noexcept {
    if (detail::is_nan(x))
        return x;
    if (x < -detail::exp_bound)
        return T(0); // includes -inf
    if (x == detail::infinity<T>())
        return x;
    if (x <= detail::exp_bound) {
        const auto [s, k] = detail::exp_reduce(x);
        const auto r = detail::from_scaled<T>(detail::one_plus(s), k);
        if (!r.overflow)
            return r.value;
    }
    if (std::is_constant_evaluated())
        detail::range_error_exp_overflow();
    return detail::infinity<T>();
}

// e^x - 1, accurate near 0 (no cancellation).
template <std::floating_point T>
constexpr T expm1(T x) noexcept {
    if (detail::is_nan(x) || x == T(0))
        return x; // keeps the sign of zero
    if (x < T(-100))
        return T(-1); // e^-100 is far below any half ulp of 1
    if (x <= T(100))
        return detail::round_dd<T>(detail::expm1_dd(x));
    return exp(x); // -1 is negligible; exp reports overflow
}

// Natural logarithm.
template <std::floating_point T>
constexpr T log(T x) noexcept {
    if (detail::is_nan(x))
        return x;
    if (x <= T(0)) {
        if (std::is_constant_evaluated())
            detail::domain_error_log_of_negative_or_zero_argument();
        return x == T(0) ? -detail::infinity<T>() : detail::quiet_nan<T>();
    }
    if (detail::is_inf(x))
        return x;
    return detail::round_dd<T>(detail::log_dd(x));
}

// log(1 + x), accurate near 0.
template <std::floating_point T>
constexpr T log1p(T x) noexcept {
    if (detail::is_nan(x) || x == T(0))
        return x; // keeps the sign of zero
    if (x <= T(-1)) {
        if (std::is_constant_evaluated())
            detail::domain_error_log1p_of_argument_at_or_below_minus_one();
        return x == T(-1) ? -detail::infinity<T>() : detail::quiet_nan<T>();
    }
    if (detail::is_inf(x))
        return x;
    return detail::round_dd<T>(detail::log1p_dd(x));
}

// x^n by repeated squaring in T (so pow_int(x, 2) == x * x exactly); n < 0
// takes the reciprocal of x^|n|.
template <std::floating_point T>
constexpr T pow_int(T x, long long n) noexcept {
    if (n == 0)
        return T(1);
    if (!std::is_constant_evaluated()) {
        // At run time IEEE arithmetic makes the special values below by itself (inf on
        // overflow, signed zeros, NaN), so the products are all there is: pow_int(x, 2) is
        // x * x, and nothing is left to branch on once n is known.
        unsigned long long k =
            n < 0 ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
        T r = 1, b = x;
        for (;;) {
            if (k & 1u)
                r *= b;
            k >>= 1;
            if (k == 0)
                break;
            b *= b;
        }
        return n < 0 ? T(1) / r : r;
    }
    if (detail::is_nan(x))
        return x;
    const bool odd = (n & 1) != 0;
    unsigned long long m =
        n < 0 ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    if (x == T(0) || detail::is_inf(x)) {
        // Signed zero or infinity: only the sign pattern matters.
        const bool negative = odd && detail::sign_bit(x);
        const bool huge = (x == T(0)) == (n < 0);
        if (x == T(0) && n < 0 && std::is_constant_evaluated())
            detail::pole_error_pow_of_zero_to_negative_exponent();
        const T magnitude = huge ? detail::infinity<T>() : T(0);
        return negative ? -magnitude : magnitude;
    }
    constexpr T max = std::numeric_limits<T>::max();
    const auto fits = [](T a, T b) { // |a * b| <= max, tested without overflowing
        const T aa = a < 0 ? -a : a, bb = b < 0 ? -b : b;
        return bb <= T(1) || aa <= max / bb;
    };
    T result = 1, base = x;
    bool overflow = false;
    for (;;) {
        if (m & 1u) {
            if (!fits(result, base)) {
                overflow = true;
                break;
            }
            result *= base;
        }
        m >>= 1;
        if (m == 0)
            break;
        if (!fits(base, base)) {
            overflow = true;
            break;
        }
        base *= base;
    }
    const bool negative = odd && x < T(0);
    if (overflow) {
        if (n < 0)
            return negative ? -T(0) : T(0); // |x^n| below every subnormal
        if (std::is_constant_evaluated())
            detail::range_error_pow_overflow();
        return negative ? -detail::infinity<T>() : detail::infinity<T>();
    }
    return n < 0 ? T(1) / result : result;
}

// x^y with C's special cases; otherwise exp(y log|x|) with log in double-wide
// precision, so that |y log x| up to ~700 loses nothing visible in double.
template <std::floating_point T>
constexpr T pow(T x, T y) noexcept {
    using detail::infinity;
    if (y == T(0) || x == T(1))
        return T(1); // even for NaN operands (C99 F.9.4.4)
    if (detail::is_nan(x) || detail::is_nan(y))
        return x + y;
    const bool y_odd = detail::is_odd_integer(y);
    const bool y_int = detail::is_integer(y);
    if (detail::is_inf(y)) {
        if (x == T(-1))
            return T(1);
        const T ax = x < 0 ? -x : x;
        if (ax == T(1))
            return T(1);
        return (ax > T(1)) == (y > T(0)) ? infinity<T>() : T(0);
    }
    if (x == T(0) || detail::is_inf(x)) {
        const bool negative = y_odd && detail::sign_bit(x);
        const bool huge = (x == T(0)) == (y < T(0));
        if (x == T(0) && y < T(0) && std::is_constant_evaluated())
            detail::pole_error_pow_of_zero_to_negative_exponent();
        const T magnitude = huge ? infinity<T>() : T(0);
        return negative ? -magnitude : magnitude;
    }
    if (x < T(0) && !y_int) {
        if (std::is_constant_evaluated())
            detail::domain_error_pow_of_negative_base_with_non_integer_exponent();
        return detail::quiet_nan<T>();
    }
    const bool negative = x < T(0) && y_odd;
    const T ay = y < T(0) ? -y : y;
    if (ay > T(0x1p100)) {
        // |y log x| > 2^36 since |log x| >= 2^-64 for x != 1: certain over/underflow.
        const bool grows = (x > T(1) || x < T(-1)) == (y > T(0));
        if (!grows)
            return negative ? -T(0) : T(0);
        if (std::is_constant_evaluated())
            detail::range_error_pow_overflow();
        return negative ? -infinity<T>() : infinity<T>();
    }
    const detail::wide ax = x < T(0) ? -static_cast<detail::wide>(x) : static_cast<detail::wide>(x);
    const detail::dd l = detail::log_dd(ax);
    const detail::dd z = detail::two_prod(static_cast<detail::wide>(y), l.hi);
    const detail::wide z_lo = z.lo + static_cast<detail::wide>(y) * l.lo;
    detail::checked<T> r{T(0), false};
    if (z.hi > detail::exp_bound) {
        r.overflow = true;
    } else if (z.hi >= -detail::exp_bound) {
        const auto [s, k] = detail::exp_reduce(z.hi, z_lo);
        r = detail::from_scaled<T>(detail::one_plus(s), k);
    }
    if (r.overflow) {
        if (std::is_constant_evaluated())
            detail::range_error_pow_overflow();
        return negative ? -infinity<T>() : infinity<T>();
    }
    return negative ? -r.value : r.value;
}

} // namespace symdiff::math
