#pragma once
// `constant<N, D>`: the exact rational N/D, known to the type (`2_c`, `0.5_c`, `1_c / 3_c`).

#include <cstdint>

#include <symdiff/expression.hpp>
#include <symdiff/rational.hpp>

namespace symdiff {

template <std::intmax_t N, std::intmax_t D = 1>
struct constant : expression<constant<N, D>> {
    static_assert(rational(N, D).num == N && rational(N, D).den == D,
                  "symdiff::constant<N, D>: N/D must be a reduced fraction with D > 0");
    static constexpr rational exact{N, D};

    template <class T, class Env>
    constexpr T evaluate(Env const&) const {
        if constexpr (D == 1)
            return static_cast<T>(N);
        else
            return static_cast<T>(N) / static_cast<T>(D);
    }
};

namespace detail {

template <class T>
inline constexpr rational exact_value_v{1};
template <std::intmax_t N, std::intmax_t D>
inline constexpr rational exact_value_v<constant<N, D>>{N, D};

// Reads a numeric literal's characters (digits, '.', exponent, digit separators) exactly.
template <char... C>
constexpr rational parse_literal() {
    constexpr char text[] = {C..., '\0'};
    rational r{0};
    std::intmax_t scale = 0; // power of ten
    bool fraction = false;
    std::size_t i = 0;
    for (; text[i] != '\0' && text[i] != 'e' && text[i] != 'E'; ++i) {
        char c = text[i];
        if (c == '\'')
            continue;
        if (c == '.') {
            fraction = true;
            continue;
        }
        if (c < '0' || c > '9')
            return error_exact_constant_division_by_zero();
        r = r * rational{10} + rational{c - '0'};
        if (fraction)
            --scale;
    }
    if (text[i] == 'e' || text[i] == 'E') {
        ++i;
        bool negative = text[i] == '-';
        if (text[i] == '-' || text[i] == '+')
            ++i;
        std::intmax_t e = 0;
        for (; text[i] != '\0'; ++i)
            e = e * 10 + (text[i] - '0');
        scale += negative ? -e : e;
    }
    return r * integer_power(rational{10}, scale);
}

template <char... C>
constexpr bool is_decimal_literal() {
    constexpr char text[] = {C..., '\0'};
    if (sizeof...(C) > 1 && text[0] == '0' &&
        (text[1] == 'x' || text[1] == 'X' || text[1] == 'b' || text[1] == 'B'))
        return false;
    return true;
}
} // namespace detail

namespace literals {
// `2_c`, `0.5_c`, `1e-3_c`: exact rationals read from the literal's digits, not from a double.
template <char... C>
constexpr auto operator""_c() {
    static_assert(detail::is_decimal_literal<C...>(),
                  "symdiff::literals::_c: write exact constants in decimal (2_c, 0.5_c, 1e-3_c)");
    constexpr rational r = detail::parse_literal<C...>();
    return constant<r.num, r.den>{};
}
} // namespace literals

} // namespace symdiff
