#pragma once
// Exact rational arithmetic for the constants of a formula (`1_c / 3_c`), computed by the compiler.
// Overflow of a numerator or denominator is a compile error, never a wrong constant.

#include <cstdint>
#include <numeric>

namespace symdiff {
namespace detail {

// Not constexpr on purpose: reaching it in constant evaluation is a compile error whose text
// names the problem.
inline std::intmax_t error_exact_constant_overflows_64_bit_integers() {
    return 0;
}
inline std::intmax_t error_exact_constant_division_by_zero() {
    return 0;
}

constexpr std::intmax_t checked_add(std::intmax_t a, std::intmax_t b) {
    std::intmax_t r{};
    if (__builtin_add_overflow(a, b, &r))
        return error_exact_constant_overflows_64_bit_integers();
    return r;
}
constexpr std::intmax_t checked_mul(std::intmax_t a, std::intmax_t b) {
    std::intmax_t r{};
    if (__builtin_mul_overflow(a, b, &r))
        return error_exact_constant_overflows_64_bit_integers();
    return r;
}
constexpr std::intmax_t checked_neg(std::intmax_t a) {
    return checked_mul(a, -1);
}

} // namespace detail

// A reduced fraction num/den with den > 0.
struct rational {
    std::intmax_t num = 0;
    std::intmax_t den = 1;

    constexpr rational() = default;
    constexpr rational(std::intmax_t n, std::intmax_t d = 1) : num(n), den(d) {
        if (den == 0)
            den = detail::error_exact_constant_division_by_zero();
        if (den < 0) {
            num = detail::checked_neg(num);
            den = detail::checked_neg(den);
        }
        std::intmax_t g = std::gcd(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    friend constexpr rational operator+(rational a, rational b) {
        std::intmax_t g = std::gcd(a.den, b.den);
        std::intmax_t l = detail::checked_mul(a.den / g, b.den);
        return {detail::checked_add(detail::checked_mul(a.num, l / a.den),
                                    detail::checked_mul(b.num, l / b.den)),
                l};
    }
    friend constexpr rational operator-(rational a) { return {detail::checked_neg(a.num), a.den}; }
    friend constexpr rational operator-(rational a, rational b) { return a + -b; }
    friend constexpr rational operator*(rational a, rational b) {
        // cross-reduce first so that products stay small
        std::intmax_t g1 = std::gcd(a.num, b.den), g2 = std::gcd(b.num, a.den);
        if (g1 == 0)
            g1 = 1;
        if (g2 == 0)
            g2 = 1;
        return {detail::checked_mul(a.num / g1, b.num / g2),
                detail::checked_mul(a.den / g2, b.den / g1)};
    }
    friend constexpr rational inverse(rational a) { return {a.den, a.num}; }
    friend constexpr rational operator/(rational a, rational b) { return a * inverse(b); }
    friend constexpr bool operator==(rational, rational) = default;

    constexpr bool is_integer() const { return den == 1; }
};

// a^n for an integer n, exactly.
constexpr rational integer_power(rational a, std::intmax_t n) {
    if (n < 0)
        return integer_power(inverse(a), detail::checked_neg(n));
    rational r{1};
    while (n > 0) {
        if (n & 1)
            r = r * a;
        n >>= 1;
        if (n > 0)
            a = a * a;
    }
    return r;
}

namespace detail {
// r with r^q == a, for a >= 0 and q >= 1; -1 when a is not the q-th power of an integer.
constexpr std::intmax_t exact_root(std::intmax_t a, std::intmax_t q) {
    if (a < 0 || q < 1)
        return -1;
    if (a < 2 || q == 1)
        return a;
    // the sign of r^q - a, for r >= 2 (never overflows: stops once r^q would exceed a)
    auto compare_power = [a, q](std::intmax_t r) {
        std::intmax_t p = 1;
        for (std::intmax_t i = 0; i < q; ++i) {
            if (p > a / r)
                return 1;
            p *= r;
        }
        return p < a ? -1 : p == a ? 0 : 1;
    };
    std::intmax_t lo = 1, hi = a < 3037000499 ? a : 3037000499; // 3037000499^2 < 2^63
    while (lo < hi) {                                           // the largest r with r^q <= a
        std::intmax_t mid = lo + (hi - lo + 1) / 2;
        if (compare_power(mid) <= 0)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo >= 2 && compare_power(lo) == 0 ? lo : -1;
}
} // namespace detail

// A value known exactly, or not (`known` false).
struct exact_result {
    bool known = false;
    rational value{};
};

// a^e exactly when it is rational: integer exponents, and roots of q-th powers of integers
// (4^(1/2) = 2, (8/27)^(-2/3) = 9/4). Negative bases with fractional exponents are left alone
// (no real value in general), as is 0 to a negative fractional power.
constexpr exact_result exact_power(rational a, rational e) {
    if (e.is_integer())
        return {true, integer_power(a, e.num)};
    if (a.num < 0 || (a.num == 0 && e.num < 0))
        return {};
    std::intmax_t n = detail::exact_root(a.num, e.den), d = detail::exact_root(a.den, e.den);
    if (n < 0 || d < 0)
        return {};
    return {true, integer_power(rational{n, d}, e.num)};
}

} // namespace symdiff
