// symdiff/math/detail.hpp - shared helpers of the constexpr elementary functions.
//
// Everything here works in constant evaluation on g++ 12 and clang++ 14: no std
// math function is called (clang 14 does not fold them), NaN and infinity are
// never produced by arithmetic (both compilers reject that), only tested for.
#pragma once

#include <array>
#include <bit>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace symdiff::math::detail {

// Internal working type. On x86-64 this is the 80-bit x87 format (64-bit
// significand), so float and double results are computed with 11+ guard bits
// and rounded once at the end.
using wide = long double;

// ---------------------------------------------------------------------------
// Error reporters. They are deliberately NOT constexpr: reaching one during
// constant evaluation makes the expression non-constant, and both compilers
// quote the function name in the diagnostic, so the name states the problem.
// At run time they are never called (the callers test is_constant_evaluated).
inline void domain_error_log_of_negative_or_zero_argument() noexcept {}
inline void domain_error_log1p_of_argument_at_or_below_minus_one() noexcept {}
inline void domain_error_sqrt_of_negative_argument() noexcept {}
inline void domain_error_asin_argument_outside_minus_one_one() noexcept {}
inline void domain_error_acos_argument_outside_minus_one_one() noexcept {}
inline void domain_error_trig_of_infinite_argument() noexcept {}
inline void domain_error_pow_of_negative_base_with_non_integer_exponent() noexcept {}
inline void pole_error_pow_of_zero_to_negative_exponent() noexcept {}
inline void range_error_exp_overflow() noexcept {}
inline void range_error_sinh_cosh_overflow() noexcept {}
inline void range_error_pow_overflow() noexcept {}

// ---------------------------------------------------------------------------
// Classification.
template <std::floating_point T>
constexpr bool is_nan(T x) noexcept {
    return x != x;
}

template <std::floating_point T>
constexpr bool is_inf(T x) noexcept {
    return x > std::numeric_limits<T>::max() || x < -std::numeric_limits<T>::max();
}

template <std::floating_point T>
constexpr bool is_finite(T x) noexcept {
    return !is_nan(x) && !is_inf(x);
}

// Sign bit, including for zeros. Any zero converts exactly to double, whose
// bits std::bit_cast can read in constant evaluation (unlike long double's).
template <std::floating_point T>
constexpr bool sign_bit(T x) noexcept {
    if (x < T(0))
        return true;
    if (x > T(0) || is_nan(x))
        return false;
    return (std::bit_cast<std::uint64_t>(static_cast<double>(x)) >> 63) != 0;
}

template <std::floating_point T>
constexpr T infinity() noexcept {
    return std::numeric_limits<T>::infinity();
}

template <std::floating_point T>
constexpr T quiet_nan() noexcept {
    return std::numeric_limits<T>::quiet_NaN();
}

// T is (or has the precision of) the working type: no final rounding step.
template <std::floating_point T>
inline constexpr bool is_wide = std::numeric_limits<T>::digits >= std::numeric_limits<wide>::digits;

// ---------------------------------------------------------------------------
// Powers of two, built by exact squaring: pow2_up[i] = 2^(2^i), pow2_down[i] = 2^-(2^i).
inline constexpr std::size_t pow2_levels = 14; // 2^(2^13) = 2^8192 covers the x87 exponent range

inline constexpr std::array<wide, pow2_levels> pow2_up = [] {
    std::array<wide, pow2_levels> t{};
    t[0] = 2;
    for (std::size_t i = 1; i < pow2_levels; ++i)
        t[i] = t[i - 1] * t[i - 1];
    return t;
}();

inline constexpr std::array<wide, pow2_levels> pow2_down = [] {
    std::array<wide, pow2_levels> t{};
    t[0] = 0.5L;
    for (std::size_t i = 1; i < pow2_levels; ++i)
        t[i] = t[i - 1] * t[i - 1];
    return t;
}();

// 2^n, exact for n in [-16445, 16383] (one factor per set bit of |n|).
constexpr wide pow2(int n) noexcept {
    const auto& table = n < 0 ? pow2_down : pow2_up;
    unsigned m = n < 0 ? static_cast<unsigned>(-n) : static_cast<unsigned>(n);
    wide r = 1;
    for (int i = 0; m != 0; ++i, m >>= 1)
        if (m & 1u)
            r *= table[static_cast<std::size_t>(i)];
    return r;
}

// x * 2^n (ldexp) by multiplication; exact unless the result is subnormal or
// out of range (callers keep it in range).
constexpr wide scale2(wide x, int n) noexcept {
    constexpr int step = 1 << (pow2_levels - 1);
    for (; n > step; n -= step)
        x *= pow2_up[pow2_levels - 1];
    for (; n < -step; n += step)
        x *= pow2_down[pow2_levels - 1];
    return x * pow2(n);
}

// frexp-like split of a finite x > 0: x = m * 2^e with m in [1, 2).
// Binary search over the exponent: about 30 comparisons whatever x is.
struct mant_exp {
    wide m;
    int e;
};

constexpr mant_exp decompose(wide x) noexcept {
    int e = 0;
    if (x < pow2_down[pow2_levels - 1]) { // below 2^-8192: lift subnormals first
        x *= pow2_up[6];
        e -= 64;
    }
    for (int i = pow2_levels - 1; i >= 0; --i) {
        if (x >= pow2_up[static_cast<std::size_t>(i)]) {
            x *= pow2_down[static_cast<std::size_t>(i)];
            e += 1 << i;
        }
    }
    for (int i = pow2_levels - 1; i >= 0; --i) {
        // multiply up by 2^(2^i) while the result stays below 2
        if (x < 2 * pow2_down[static_cast<std::size_t>(i)]) {
            x *= pow2_up[static_cast<std::size_t>(i)];
            e -= 1 << i;
        }
    }
    return {x, e};
}

// Nearest integer of |x| < 2^62 (ties away from zero; the callers do not care).
constexpr long long round_to_ll(wide x) noexcept {
    return static_cast<long long>(x < 0 ? x - 0.5L : x + 0.5L);
}

// ---------------------------------------------------------------------------
// Error-free transformations in the working type (double-wide arithmetic).
struct dd {
    wide hi;
    wide lo;
};

// a + b = s + err exactly (Knuth).
constexpr dd two_sum(wide a, wide b) noexcept {
    const wide s = a + b;
    const wide bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

// a + b = s + err exactly, given |a| >= |b| (Dekker).
constexpr dd fast_two_sum(wide a, wide b) noexcept {
    const wide s = a + b;
    return {s, b - (s - a)};
}

// Veltkamp split of a 64-bit significand into two 32-bit halves.
constexpr dd split(wide a) noexcept {
    constexpr wide factor = 4294967297.0L; // 2^32 + 1
    const wide c = factor * a;
    const wide hi = c - (c - a);
    return {hi, a - hi};
}

// a * b = p + err exactly (Dekker), barring over/underflow.
constexpr dd two_prod(wide a, wide b) noexcept {
    const wide p = a * b;
    const auto [ah, al] = split(a);
    const auto [bh, bl] = split(b);
    return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

// Double-wide arithmetic on normalized pairs (|lo| <= half an ulp of hi):
// about 2^-125 relative, enough to carry a result to the last bit of the
// working type before it is rounded once.
constexpr dd dd_neg(dd a) noexcept {
    return {-a.hi, -a.lo};
}

constexpr wide sum(dd a) noexcept {
    return a.hi + a.lo;
}

constexpr dd dd_add(dd a, dd b) noexcept {
    const dd s = two_sum(a.hi, b.hi);
    return fast_two_sum(s.hi, s.lo + (a.lo + b.lo));
}

constexpr dd dd_mul(dd a, dd b) noexcept {
    const dd p = two_prod(a.hi, b.hi);
    return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

// One Newton correction of the wide quotient: a/b = q + (a - q b)/b.
constexpr dd dd_div(dd a, dd b) noexcept {
    const wide q = a.hi / b.hi;
    const dd p = two_prod(q, b.hi);
    const wide rest = ((a.hi - p.hi) - p.lo + a.lo - q * b.lo) / b.hi;
    return fast_two_sum(q, rest);
}

// 1/n as a pair, for coefficients that are not exact in the working type.
constexpr dd dd_inverse(wide n) noexcept {
    return dd_div({1, 0}, {n, 0});
}

// hi + lo rounded once to T. Adding the pair in the working type and then
// narrowing can round twice: when the wide sum lands exactly on a midpoint of T,
// the rounding error of that sum decides the side instead.
template <std::floating_point T>
constexpr T round_dd(dd a) noexcept {
    const dd s = two_sum(a.hi, a.lo);
    const T t = static_cast<T>(s.hi);
    if constexpr (is_wide<T>) {
        return t;
    } else {
        const wide d = s.hi - static_cast<wide>(t); // exact
        if (s.lo == 0 || d == 0)
            return t;
        const wide other = t + 2 * d; // the neighbour of t across s, if s is a midpoint
        if (static_cast<wide>(static_cast<T>(other)) != other)
            return t;
        return (s.lo > 0) == (d > 0) ? static_cast<T>(other) : t;
    }
}

// ---------------------------------------------------------------------------
// Polynomial sum_i c[i] x^i by Horner's rule.
template <std::size_t N>
constexpr wide horner(wide x, const std::array<wide, N>& c) noexcept {
    wide r = c[N - 1];
    for (std::size_t i = N - 1; i-- > 0;)
        r = r * x + c[i];
    return r;
}

// Taylor coefficients are generated (once per TU) from their closed forms
// rather than pasted: term(i) gives the i-th coefficient.
template <std::size_t N, class F>
constexpr std::array<wide, N> make_coefficients(F term) noexcept {
    std::array<wide, N> c{};
    for (std::size_t i = 0; i < N; ++i)
        c[i] = term(i);
    return c;
}

// 1/n! in the working type.
constexpr wide inverse_factorial(std::size_t n) noexcept {
    wide r = 1;
    for (std::size_t k = 2; k <= n; ++k)
        r /= static_cast<wide>(k);
    return r;
}

// ---------------------------------------------------------------------------
// Results computed as (p.hi + p.lo) * 2^k (p in [0.5, 2]) converted to T with
// overflow detection, rounding once.
template <std::floating_point T>
struct checked {
    T value;
    bool overflow;
};

// Smallest wide value that rounds to +inf in T (max + half an ulp; the tie
// rounds to infinity because max has an odd significand). Only for narrower T.
template <std::floating_point T>
constexpr wide overflow_threshold() noexcept {
    using lim = std::numeric_limits<T>;
    return pow2(lim::max_exponent) - pow2(lim::max_exponent - lim::digits - 1);
}

// (hi + lo) * 2^k for a positive pair whose result lies near or below T's
// smallest normal: rounded once to a multiple of T's smallest subnormal, where
// scaling the rounded sum would round a second time; -1 if the result is
// normal. Only for the working type.
template <std::floating_point T>
constexpr T round_subnormal(dd pair, int k) noexcept {
    using lim = std::numeric_limits<T>;
    constexpr int quantum = lim::min_exponent - lim::digits; // 2^quantum: smallest subnormal
    const dd v = fast_two_sum(pair.hi, pair.lo);
    const wide a = scale2(v.hi, k - quantum), b = scale2(v.lo, k - quantum); // exact
    if (!(a < 0x1p63L))
        return T(-1); // not subnormal: the caller takes the normal path
    const auto n = static_cast<unsigned long long>(a);      // floor
    const wide d = ((a - static_cast<wide>(n)) - 0.5L) + b; // sign of the distance past n + 1/2
    const unsigned long long rounded = n + ((d > 0 || (d == 0 && (n & 1u) != 0)) ? 1u : 0u);
    return static_cast<T>(scale2(static_cast<wide>(rounded), quantum));
}

template <std::floating_point T>
constexpr checked<T> from_scaled(dd pair, int k) noexcept {
    using lim = std::numeric_limits<T>;
    if (k > lim::max_exponent + 1)
        return {infinity<T>(), true};
    if (k < lim::min_exponent - lim::digits - 3)
        return {T(0), false};
    if constexpr (is_wide<T>) {
        if (k < lim::min_exponent) {
            const T tiny = round_subnormal<T>(pair, k);
            if (tiny >= 0)
                return {tiny, false};
        }
        const wide p = pair.hi + pair.lo;
        constexpr int top = lim::max_exponent - 1; // 2^top is the largest power of two
        if (k >= top) {
            const wide q = p * pow2(k - top);
            if (q >= 2)
                return {infinity<T>(), true};
            return {static_cast<T>(q * pow2(top)), false};
        }
        return {static_cast<T>(scale2(p, k)), false};
    } else {
        const dd v = {scale2(pair.hi, k), scale2(pair.lo, k)}; // exact: wide's range is larger
        if (v.hi + v.lo >= overflow_threshold<T>())
            return {infinity<T>(), true};
        return {round_dd<T>(v), false};
    }
}

} // namespace symdiff::math::detail
