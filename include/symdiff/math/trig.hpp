// symdiff/math/trig.hpp - constexpr sin, cos, tan, asin, acos, atan, atan2.
//
// Argument reduction for sin/cos/tan is accurate over the whole finite range:
// Cody-Waite with a three-part pi/2 (40 + 40 + 64 bits) for |x| < 2^23, and
// Payne-Hanek (exact integer product with the bits of 2/pi) beyond. The
// reduced argument is kept as a double-wide pair.
#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "symdiff/math/detail.hpp"
#include "symdiff/math/sqrt.hpp"
#include "symdiff/math/two_over_pi.hpp"

namespace symdiff::math {
namespace detail {

inline constexpr dd pi_dd = {0xc90fdaa22168c235p-62L, -0xece675d1fc8f8cbbp-128L};
inline constexpr dd half_pi_dd = {0xc90fdaa22168c235p-63L, -0xece675d1fc8f8cbbp-129L};
inline constexpr dd quarter_pi_dd = {0xc90fdaa22168c235p-64L, -0xece675d1fc8f8cbbp-130L};
inline constexpr dd atan_half_dd = {0xed63382b0dda7b45p-65L, 0xdfc88bd978751a07p-130L};
inline constexpr dd atan_three_halves_dd = {0xfb985e940fb4d900p-64L, 0xf10f5e197793c283p-129L};
inline constexpr wide two_over_pi = 0xa2f9836e4e44152ap-64L;
// Cody-Waite pieces of pi/2: k * piece is exact for k < 2^23 in the first two.
inline constexpr wide half_pi_cw1 = 0xc90fdaa221p-39L;
inline constexpr wide half_pi_cw2 = 0xd18469898dp-80L;
inline constexpr wide half_pi_cw3 = -0xeba3f91f1976b7eep-146L;
inline constexpr wide cody_waite_limit = 0x1p23L;

template <std::floating_point T>
constexpr T to(dd a) noexcept {
    return round_dd<T>(a);
}

// x = q * pi/2 + (hi + lo), |hi + lo| <= ~pi/4; only q mod 4 matters.
struct quadrant_reduced {
    dd r;
    unsigned q;
};

// Payne-Hanek for x >= 2^23: x = M 2^E with a 64-bit integer M. Bits of 2/pi
// whose product with M 2^E is a multiple of 4 are skipped; eight 32-bit words
// after them give the quadrant and 192 fraction bits exactly.
constexpr quadrant_reduced reduce_payne_hanek(wide x) noexcept {
    constexpr int words = 8;
    const auto [m, e] = decompose(x);
    const auto big_m = static_cast<std::uint64_t>(m * 0x1p63L);
    const int big_e = e - 63;
    const int first = big_e >= 2 ? (big_e - 2) / 32 : 0;
    // product[j]: 32-bit limbs (little-endian) of M * w[first .. first+7].
    std::array<std::uint64_t, words + 6> product{}; // 2 spare zero limbs for bits()
    const std::uint64_t m_lo = big_m & 0xffffffffu, m_hi = big_m >> 32;
    for (int j = 0; j < words; ++j) {
        const std::uint64_t w = two_over_pi_words[static_cast<std::size_t>(first + j)];
        const auto pos = static_cast<std::size_t>(words - 1 - j);
        const std::uint64_t lo = m_lo * w, hi = m_hi * w;
        product[pos] += lo & 0xffffffffu;
        product[pos + 1] += (lo >> 32) + (hi & 0xffffffffu);
        product[pos + 2] += hi >> 32;
    }
    for (std::size_t i = 0; i + 1 < product.size(); ++i) { // propagate carries
        product[i + 1] += product[i] >> 32;
        product[i] &= 0xffffffffu;
    }
    // bits [pos, pos + 64) of the product
    const auto bits = [&product](int pos) {
        const auto idx = static_cast<std::size_t>(pos / 32);
        const int off = pos % 32;
        const std::uint64_t low = product[idx] | (product[idx + 1] << 32);
        const std::uint64_t high = product[idx + 2] | (product[idx + 3] << 32);
        return off == 0 ? low : (low >> off) | (high << (64 - off));
    };
    const int point = 32 * (first + words) - big_e; // binary point position in the product
    unsigned q = static_cast<unsigned>(bits(point) & 3u);
    std::uint64_t f2 = bits(point - 64), f1 = bits(point - 128), f0 = bits(point - 192);
    const bool negative = (f2 >> 63) != 0;
    if (negative) { // fraction >= 1/2: take the next quadrant, fraction - 1 = -(2^192 - F)
        ++q;
        f0 = ~f0 + 1;
        f1 = ~f1 + (f0 == 0 ? 1u : 0u);
        f2 = ~f2 + (f0 == 0 && f1 == 0 ? 1u : 0u);
    }
    const dd frac = two_sum(static_cast<wide>(f2) * 0x1p-64L, static_cast<wide>(f1) * 0x1p-128L);
    const wide frac_lo = frac.lo + static_cast<wide>(f0) * 0x1p-192L;
    const dd p = two_prod(frac.hi, half_pi_dd.hi);
    const dd r = fast_two_sum(p.hi, p.lo + (frac.hi * half_pi_dd.lo + frac_lo * half_pi_dd.hi));
    return {negative ? dd_neg(r) : r, q & 3u};
}

// Reduction of a finite ax >= 0.
constexpr quadrant_reduced reduce_half_pi(wide ax) noexcept {
    if (ax <= quarter_pi_dd.hi)
        return {{ax, 0}, 0};
    if (ax >= cody_waite_limit)
        return reduce_payne_hanek(ax);
    const long long k = round_to_ll(ax * two_over_pi);
    const wide kw = static_cast<wide>(k);
    // ax - k c1 is exact (Sterbenz); subtracting k c2 (exact, 63 bits) can need
    // more than 64 bits, so it is kept as a pair; k c3 is far below the result.
    const dd t = two_sum(ax - kw * half_pi_cw1, -(kw * half_pi_cw2));
    return {fast_two_sum(t.hi, t.lo - kw * half_pi_cw3), static_cast<unsigned>(k & 3)};
}

// Taylor tails: sin r = r - r^3/6 + r^5 S(r^2), cos r = 1 - r^2/2 + r^4 C(r^2),
// |r| <= pi/4. r^2 and the leading terms are kept as pairs; the tails are below
// 2^-6 of the result, so the working precision suffices for them.
inline constexpr auto sin_coefficients = make_coefficients<10>(
    [](std::size_t i) { return (i % 2 == 0 ? 1 : -1) * inverse_factorial(2 * i + 5); });
inline constexpr auto cos_coefficients = make_coefficients<11>(
    [](std::size_t i) { return (i % 2 == 0 ? 1 : -1) * inverse_factorial(2 * i + 4); });
inline constexpr dd minus_sixth = dd_neg(dd_inverse(6));

// The kernels return an unrounded pair, so that the final rounding to T happens once.
// sin(hi + lo) ~ sin(hi) + lo cos(hi)
constexpr dd sin_kernel(dd r) noexcept {
    const dd z = two_prod(r.hi, r.hi);
    const dd cube = dd_mul(z, {r.hi, 0});
    const dd t =
        dd_add(dd_mul(cube, minus_sixth), {cube.hi * z.hi * horner(z.hi, sin_coefficients), 0});
    const dd head = fast_two_sum(r.hi, t.hi);
    return fast_two_sum(head.hi, head.lo + (t.lo + r.lo * (1 - z.hi / 2)));
}

// cos(hi + lo) ~ cos(hi) - lo sin(hi)
constexpr dd cos_kernel(dd r) noexcept {
    const dd z = two_prod(r.hi, r.hi);
    const dd w = two_sum(1, -z.hi / 2);
    return fast_two_sum(
        w.hi, w.lo + ((z.hi * z.hi * horner(z.hi, cos_coefficients) - z.lo / 2) - r.hi * r.lo));
}

// asin t = t + t^3 A(t^2) for |t| <= 1/2, A_i = (2i+2)! / (4^(i+1) ((i+1)!)^2 (2i+3)).
inline constexpr auto asin_coefficients = make_coefficients<28>([](std::size_t i) {
    wide c = 1; // (2n)! / (4^n (n!)^2) = prod_{j<=n} (2j-1)/(2j)
    for (std::size_t j = 1; j <= i + 1; ++j)
        c *= static_cast<wide>(2 * j - 1) / static_cast<wide>(2 * j);
    return c / static_cast<wide>(2 * i + 3);
});

// asin(hi + lo) ~ asin(hi) + lo (1 + hi^2/2), for |hi| <= 1/2 and a tiny lo.
constexpr dd asin_series(dd t) noexcept {
    const wide z = t.hi * t.hi;
    return fast_two_sum(t.hi, t.hi * z * horner(z, asin_coefficients) + t.lo * (1 + z / 2));
}

// sqrt(a) as a pair: the root and its exact residual (a - h^2) / (2h).
constexpr dd sqrt_dd(wide a) noexcept {
    if (a == 0)
        return {0, 0};
    const wide h = sqrt_wide(a);
    const dd sq = two_prod(h, h);
    return {h, ((a - sq.hi) - sq.lo) / (2 * h)};
}

// 2 asin(sqrt(a)) for a in [0, 1/4]: the half-angle form of asin and acos near +-1.
constexpr dd twice_asin_sqrt(wide a) noexcept {
    const dd v = asin_series(sqrt_dd(a));
    return {2 * v.hi, 2 * v.lo};
}

// atan u = u + u^3 P(u^2) for |u| <= 7/16: the u^53 term is below 2^-67.
inline constexpr auto atan_coefficients = make_coefficients<25>(
    [](std::size_t i) { return (i % 2 == 0 ? -1.0L : 1.0L) / static_cast<wide>(2 * i + 3); });

// atan(hi + lo) ~ atan(hi) + lo / (1 + hi^2), for |hi| <= 7/16 and a tiny lo.
constexpr dd atan_series(dd u) noexcept {
    const wide z = u.hi * u.hi;
    return fast_two_sum(u.hi, u.hi * z * horner(z, atan_coefficients) + u.lo / (1 + z));
}

// atan(t + t_lo) for finite t >= 0 and a tiny t_lo: atan t = atan c + atan((t - c)/(1 + c t))
// with c in {1/2, 1, 3/2} (fdlibm's breakpoints), or pi/2 - atan(1/t) for large t,
// so the series argument stays below 7/16. t - c is exact (Sterbenz), the
// quotient is a pair.
constexpr dd atan_dd(wide t, wide t_lo = 0) noexcept {
    if (t <= 0x7p-4L)
        return atan_series({t, t_lo});
    if (t > 0x1p66L)
        return half_pi_dd;
    const wide d_lo = t_lo / (1 + t * t); // atan(t + t_lo) = atan t + t_lo / (1 + t^2)
    dd a{};
    if (t > 0x27p-4L)
        a = dd_add(half_pi_dd, atan_series(dd_div({-1, 0}, {t, 0})));
    else if (t > 0x13p-4L)
        a = dd_add(atan_three_halves_dd,
                   atan_series(dd_div({2 * t - 3, 0}, dd_add(two_prod(3, t), {2, 0}))));
    else if (t > 0xbp-4L)
        a = dd_add(quarter_pi_dd, atan_series(dd_div({t - 1, 0}, two_sum(t, 1))));
    else
        a = dd_add(atan_half_dd, atan_series(dd_div({2 * t - 1, 0}, two_sum(2, t))));
    return fast_two_sum(a.hi, a.lo + d_lo);
}

enum class trig_fn { sin, cos, tan };

template <std::floating_point T>
constexpr T trig(T x, trig_fn fn) noexcept {
    if (is_nan(x))
        return x;
    if (is_inf(x)) {
        if (std::is_constant_evaluated())
            domain_error_trig_of_infinite_argument();
        return quiet_nan<T>();
    }
    if (x == T(0))
        return fn == trig_fn::cos ? T(1) : x; // sin, tan keep the sign of zero
    const bool negative = x < T(0);
    const auto [r, q] = reduce_half_pi(negative ? -static_cast<wide>(x) : static_cast<wide>(x));
    dd v{};
    switch (fn) {
    case trig_fn::sin:
        v = (q & 1u) ? cos_kernel(r) : sin_kernel(r);
        if (((q & 2u) != 0) != negative)
            v = dd_neg(v);
        return round_dd<T>(v);
    case trig_fn::cos:
        v = (q & 1u) ? sin_kernel(r) : cos_kernel(r);
        if (((q + 1) & 2u) != 0)
            v = dd_neg(v); // negative in quadrants 1 and 2
        return round_dd<T>(v);
    case trig_fn::tan:
    default: {
        const dd t = (q & 1u) ? dd_neg(dd_div(cos_kernel(r), sin_kernel(r)))
                              : dd_div(sin_kernel(r), cos_kernel(r));
        return round_dd<T>(negative ? dd_neg(t) : t);
    }
    }
}

// asin on [0, 1]: the series near 0, asin t = pi/2 - 2 asin(sqrt((1-t)/2)) above 1/2.
constexpr dd asin_dd(wide t) noexcept {
    if (t <= 0.5L)
        return asin_series({t, 0});
    return dd_add(half_pi_dd, dd_neg(twice_asin_sqrt((1 - t) / 2)));
}

} // namespace detail

template <std::floating_point T>
constexpr T sin(T x) noexcept {
    return detail::trig(x, detail::trig_fn::sin);
}

template <std::floating_point T>
constexpr T cos(T x) noexcept {
    return detail::trig(x, detail::trig_fn::cos);
}

template <std::floating_point T>
constexpr T tan(T x) noexcept {
    return detail::trig(x, detail::trig_fn::tan);
}

template <std::floating_point T>
constexpr T asin(T x) noexcept {
    if (detail::is_nan(x) || x == T(0))
        return x; // keeps the sign of zero
    if (x < T(-1) || x > T(1)) {
        if (std::is_constant_evaluated())
            detail::domain_error_asin_argument_outside_minus_one_one();
        return detail::quiet_nan<T>();
    }
    const detail::dd a =
        detail::asin_dd(x < T(0) ? -static_cast<detail::wide>(x) : static_cast<detail::wide>(x));
    return detail::to<T>(x < T(0) ? detail::dd_neg(a) : a);
}

template <std::floating_point T>
constexpr T acos(T x) noexcept {
    using namespace detail;
    if (is_nan(x))
        return x;
    if (x < T(-1) || x > T(1)) {
        if (std::is_constant_evaluated())
            domain_error_acos_argument_outside_minus_one_one();
        return quiet_nan<T>();
    }
    const wide w = x;
    if (w > 0.5L)
        return to<T>(twice_asin_sqrt((1 - w) / 2)); // small result, no cancellation
    if (w < -0.5L)
        return to<T>(dd_add(pi_dd, dd_neg(twice_asin_sqrt((1 + w) / 2))));
    return to<T>(dd_add(half_pi_dd, dd_neg(asin_series({w, 0}))));
}

template <std::floating_point T>
constexpr T atan(T x) noexcept {
    if (detail::is_nan(x) || x == T(0))
        return x; // keeps the sign of zero
    const bool negative = x < T(0);
    const detail::dd a = detail::is_inf(x)
                             ? detail::half_pi_dd
                             : detail::atan_dd(negative ? -static_cast<detail::wide>(x)
                                                        : static_cast<detail::wide>(x));
    return detail::to<T>(negative ? detail::dd_neg(a) : a);
}

// atan2 with C's conventions for zeros and infinities (no domain error, even at (0, 0)).
template <std::floating_point T>
constexpr T atan2(T y, T x) noexcept {
    using namespace detail;
    if (is_nan(x) || is_nan(y))
        return x + y;
    const bool y_negative = sign_bit(y);
    const bool x_negative = sign_bit(x);
    dd a{0, 0}; // angle for |y|, then reflected
    if (y == T(0)) {
        if (!x_negative)
            return y;
        a = pi_dd;
    } else if (is_inf(y)) {
        a = !is_inf(x) ? half_pi_dd
                       : (x_negative ? dd_add(pi_dd, dd_neg(quarter_pi_dd)) : quarter_pi_dd);
    } else if (is_inf(x)) {
        a = x_negative ? pi_dd : dd{0, 0};
    } else if (x == T(0)) {
        a = half_pi_dd;
    } else {
        const wide ay = y_negative ? -static_cast<wide>(y) : static_cast<wide>(y);
        const wide ax = x_negative ? -static_cast<wide>(x) : static_cast<wide>(x);
        const auto angle = [](wide num,
                              wide den) { // atan(num / den) for num <= den, the quotient as a pair
            // keep the pair arithmetic (Veltkamp splits) away from overflow and underflow
            constexpr std::size_t top = pow2_levels - 1;
            if (den > pow2_up[top])
                num *= pow2_down[top], den *= pow2_down[top];
            if (den < pow2_down[top])
                num *= pow2_up[top], den *= pow2_up[top];
            const dd q = dd_div({num, 0}, {den, 0});
            return atan_dd(q.hi, q.lo);
        };
        a = ay <= ax ? angle(ay, ax) : dd_add(half_pi_dd, dd_neg(angle(ax, ay)));
        if (x_negative)
            a = dd_add(pi_dd, dd_neg(a));
    }
    const T r = to<T>(a);
    return y_negative ? -r : r;
}

} // namespace symdiff::math
