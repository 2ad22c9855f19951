#pragma once
// Printing formulas as text: `std::cout << f` and `to_string(f)`.
//
// Infix, ` + - * / ` with one space on each side, `^` without; the fewest parentheses that keep
// the meaning; a constant factor first; `a - b` for negative terms, `a / b` for negative powers,
// `sqrt(u)` for u^(1/2); rationals as `1/2`, stored numbers in the shortest form that reads back
// exactly. For a formula without stored numbers the result is a compile-time string.

#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include <symdiff/build.hpp>

namespace symdiff {

// A string of at most N characters, usable in constant expressions.
template <std::size_t N>
struct static_text {
    char data[N + 1]{};
    std::size_t length = 0;

    constexpr void append(std::string_view s) {
        for (char c : s) data[length++] = c;
    }
    constexpr std::size_t size() const { return length; }
    constexpr char const* c_str() const { return data; }
    constexpr std::string_view view() const { return {data, length}; }
    constexpr operator std::string_view() const { return view(); }
    operator std::string() const { return std::string(view()); }
    std::string str() const { return std::string(view()); }

    friend constexpr bool operator==(static_text const& a, std::string_view b) { return a.view() == b; }
    template <std::size_t M>
    friend constexpr bool operator==(static_text const& a, static_text<M> const& b) {
        return a.view() == b.view();
    }
    friend std::ostream& operator<<(std::ostream& os, static_text const& t) { return os << t.view(); }
};

namespace detail {

struct counting_sink {
    std::size_t size = 0;
    constexpr void append(std::string_view s) { size += s.size(); }
};
struct string_sink {
    std::string& out;
    void append(std::string_view s) { out.append(s); }
};

enum precedence : int { sum_level = 1, product_level = 2, power_level = 3, atom_level = 4 };

template <class E>
inline constexpr bool is_reciprocal = false;  // u^c with an exact c < 0: printed as a divisor
template <class B, std::intmax_t N, std::intmax_t D>
inline constexpr bool is_reciprocal<power<B, constant<N, D>>> = N < 0;

// Whether a formula of type E can print with a leading minus (decided by the type, except for
// stored numbers); only those need their negation built for printing.
template <class E>
constexpr bool may_be_negative() {
    if constexpr (is_constant<E>) return E::exact.num < 0;
    else if constexpr (is_value<E>) return true;
    else if constexpr (is_product<E>) return may_be_negative<list_element<0, decltype(E::factors)>>();
    else return false;
}

template <class E>
constexpr bool is_negative(E const& e) {
    if constexpr (is_constant<E>) return E::exact.num < 0;
    else if constexpr (is_value<E>) return e.number < 0;
    else if constexpr (is_product<E>) return is_negative(detail::get<0>(e.factors));
    else return false;
}

template <class E>
constexpr int precedence_of(E const& e) {
    if constexpr (is_sum<E>) return sum_level;
    else if constexpr (is_product<E> || is_reciprocal<E>) return product_level;
    else if constexpr (is_constant<E>)
        return E::exact.num < 0 || E::exact.den != 1 ? product_level : atom_level;
    else if constexpr (is_value<E>) return e.number < 0 ? product_level : atom_level;
    else if constexpr (is_power<E>)
        return std::is_same_v<decltype(e.exponent), constant<1, 2>> ? atom_level : power_level;
    else return atom_level;
}

template <class Sink>
constexpr void print_integer(std::intmax_t n, Sink& out) {
    char digits[24]{};
    std::size_t at = sizeof digits;
    bool negative = n < 0;
    // work with negative numbers so that the most negative integer needs no special case
    std::intmax_t m = negative ? n : -n;
    do {
        digits[--at] = static_cast<char>('0' - m % 10);
        m /= 10;
    } while (m != 0);
    if (negative) digits[--at] = '-';
    out.append(std::string_view(digits + at, sizeof digits - at));
}

// The shortest text that reads back as the same number (run time only).
template <class T, class Sink>
void print_number(T x, Sink& out) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
    out.append(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
}

template <class E, class Sink>
constexpr void print(E const& e, Sink& out, int context = 0);

template <class Sink, class... T>
constexpr void print_list(detail::list<T...> const& items, Sink& out, std::string_view separator,
                          int context) {
    bool first = true;
    detail::apply(
        [&](auto const&... item) {
            ((out.append(first ? std::string_view{} : separator), first = false,
              print(item, out, context)),
             ...);
        },
        items);
}

// A product (or a lone negative power) that is not negative: numerator / denominator.
template <class... F>
inline constexpr rational coefficient_v = (rational{1} * ... * exact_value_v<F>);

template <class Sink, class... F>
constexpr void print_fraction(detail::list<F...> const& factors, Sink& out) {
    auto numerator = detail::concat([] {
        if constexpr (coefficient_v<F...>.num != 1) return detail::list<constant<coefficient_v<F...>.num>>{};
        else return detail::list<>{};
    }(), pick<indices_where<!is_constant<F> && !is_reciprocal<F>...>()>(factors));
    auto divisors = pick<indices_where<is_reciprocal<F>...>()>(factors);
    auto denominator = detail::concat(
        [] {
            if constexpr (coefficient_v<F...>.den != 1) return detail::list<constant<coefficient_v<F...>.den>>{};
            else return detail::list<>{};
        }(),
        detail::apply(
            [](auto const&... p) {
                return detail::make_list(power_of(p.base, constant<-decltype(p.exponent)::exact.num,
                                                     decltype(p.exponent)::exact.den>{})...);
            },
            divisors));
    constexpr std::size_t num_size = detail::list_size<decltype(numerator)>;
    constexpr std::size_t den_size = detail::list_size<decltype(denominator)>;
    if constexpr (num_size == 0) out.append("1");
    else print_list(numerator, out, " * ", power_level);
    if constexpr (den_size > 0) {
        out.append(" / ");
        if constexpr (den_size == 1) {
            print(detail::get<0>(denominator), out, power_level);
        } else {
            out.append("(");
            print_list(denominator, out, " * ", power_level);
            out.append(")");
        }
    }
}

// Positive terms first, then the negative ones with ` - `: `1 - x^2`, `x - 2.5`.
template <class Sink, class... T>
constexpr void print_sum(detail::list<T...> const& terms, Sink& out) {
    bool first = true;
    for (bool negatives : {false, true}) {
        detail::apply(
            [&](auto const&... term) {
                (
                    [&] {
                        if (is_negative(term) != negatives) return;
                        if constexpr (may_be_negative<std::remove_cvref_t<decltype(term)>>()) {
                            if (negatives) {
                                out.append(first ? "-" : " - ");
                                print(negate(term), out, product_level);
                                first = false;
                                return;
                            }
                        }
                        if (!first) out.append(" + ");
                        print(term, out, product_level);
                        first = false;
                    }(),
                    ...);
            },
            terms);
    }
}

template <class E, class Sink>
constexpr void print_node(E const& e, Sink& out) {
    if constexpr (is_var<E> || is_named<E>) {
        out.append(E::name.view());
    } else if constexpr (is_constant<E>) {
        print_integer(E::exact.num, out);
        if constexpr (E::exact.den != 1) {
            out.append("/");
            print_integer(E::exact.den, out);
        }
    } else if constexpr (is_value<E>) {
        print_number(e.number, out);
    } else if constexpr (is_sum<E>) {
        print_sum(e.terms, out);
    } else if constexpr (is_product<E> || is_reciprocal<E>) {
        if constexpr (may_be_negative<E>()) {
            if (is_negative(e)) {
                out.append("-");
                print(negate(e), out, product_level);
                return;
            }
        }
        if constexpr (is_reciprocal<E>) {
            print_fraction(detail::make_list<E>(e), out);
        } else if constexpr (is_value<detail::list_element<0, decltype(e.factors)>>) {
            print(detail::get<0>(e.factors), out, power_level);  // a stored coefficient
            out.append(" * ");
            detail::apply(
                [&](auto const&, auto const&... rest) { print(product_of(rest...), out, product_level); },
                e.factors);
        } else {
            print_fraction(e.factors, out);
        }
    } else if constexpr (is_power<E>) {
        if constexpr (std::is_same_v<decltype(e.exponent), constant<1, 2>>) {
            out.append("sqrt(");
            print(e.base, out);
            out.append(")");
        } else {
            // right-associative: a^b^c is a^(b^c); (a^b)^c keeps its parentheses
            print(e.base, out, atom_level);
            out.append("^");
            print(e.exponent, out, power_level);
        }
    } else {  // apply
        out.append(E::function::name);
        out.append("(");
        print(e.argument, out);
        out.append(")");
    }
}

template <class E, class Sink>
constexpr void print(E const& e, Sink& out, int context) {
    bool parens = precedence_of(e) < context;
    if (parens) out.append("(");
    print_node(e, out);
    if (parens) out.append(")");
}

}  // namespace detail

// The formula as text; a compile-time string (static_text) when it has no stored numbers.
template <Expression E>
constexpr auto to_string(E const& e) {
    if constexpr (detail::is_stateless<E>) {
        constexpr std::size_t n = [] {
            detail::counting_sink count;
            detail::print(E{}, count);
            return count.size;
        }();
        static_text<n> text;
        detail::print(E{}, text);
        return text;
    } else {
        std::string text;
        detail::string_sink sink{text};
        detail::print(e, sink);
        return text;
    }
}

template <Expression E>
std::ostream& operator<<(std::ostream& os, E const& e) {
    return os << std::string_view(to_string(e));
}

}  // namespace symdiff
