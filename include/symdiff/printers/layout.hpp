#pragma once
// The layout shared by the infix printers (text, LaTeX): which parentheses a formula needs, signs,
// numerators and denominators, the order of terms. A Style supplies only the tokens and leaves
// (see text.hpp, latex.hpp), so every printer agrees on the structure.
//
// Rules: the fewest parentheses that keep the meaning; a constant factor first; positive terms
// first, then negative ones with ` - `; negative powers as divisors; u^(1/2) as a square root;
// `^` right-associative.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <symdiff/build.hpp>

namespace symdiff::detail {

enum precedence : int { sum_level = 1, product_level = 2, power_level = 3, atom_level = 4 };

template <class E>
inline constexpr bool is_reciprocal = false; // u^c with an exact c < 0: printed as a divisor
template <class B, std::intmax_t N, std::intmax_t D>
inline constexpr bool is_reciprocal<power<B, constant<N, D>>> = N < 0;

template <class E>
inline constexpr bool is_square_root = false;
template <class B>
inline constexpr bool is_square_root<power<B, constant<1, 2>>> = true;

// Whether a formula of type E can print with a leading minus (decided by the type, except for
// stored numbers); only those need their negation built for printing.
template <class E>
constexpr bool may_be_negative() {
    if constexpr (is_constant<E>)
        return E::exact.num < 0;
    else if constexpr (is_value<E>)
        return true;
    else if constexpr (is_product<E>)
        return may_be_negative<list_element<0, decltype(E::factors)>>();
    else
        return false;
}

template <class E>
constexpr bool is_negative(E const& e) {
    if constexpr (is_constant<E>)
        return E::exact.num < 0;
    else if constexpr (is_value<E>)
        return e.number < 0;
    else if constexpr (is_product<E>)
        return is_negative(detail::get<0>(e.factors));
    else
        return false;
}

template <class Style, class E>
constexpr int precedence_of(E const& e) {
    if constexpr (is_power<E> && Style::power_as_call)
        return atom_level;
    else if constexpr (is_sum<E>)
        return sum_level;
    else if constexpr (is_product<E> || is_reciprocal<E>)
        return product_level;
    else if constexpr (is_constant<E>)
        return E::exact.num < 0 || E::exact.den != 1 ? product_level : atom_level;
    else if constexpr (is_value<E>)
        return e.number < 0 ? product_level : atom_level;
    else if constexpr (is_power<E>)
        return is_square_root<E> ? atom_level : power_level;
    else
        return atom_level;
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
    if (negative)
        digits[--at] = '-';
    out.append(std::string_view(digits + at, sizeof digits - at));
}

// The shortest text that reads back as the same number (run time only: std::to_chars).
template <class T>
struct shortest_text {
    char buffer[64];
    std::size_t size;
    explicit shortest_text(T x) {
        auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
        size = static_cast<std::size_t>(result.ptr - buffer);
    }
    std::string_view view() const { return {buffer, size}; }
};

// The coefficient of a list of factors: the product of its exact constants.
template <class... F>
inline constexpr rational coefficient_v = (rational{1} * ... * exact_value_v<F>);

template <class Style, class E, class Sink>
constexpr void print(E const& e, Sink& out, int context = 0);

template <class Style, class Sink, class... T>
constexpr void print_list(list<T...> const& items, Sink& out, std::string_view separator,
                          int context) {
    bool first = true;
    detail::for_each(items, [&](auto const& item) {
        out.append(first ? std::string_view{} : separator);
        first = false;
        print<Style>(item, out, context);
    });
}

// The numerator and denominator of a list of factors (not negative): `2 * x / (3 * y^2)`.
template <class... F>
constexpr auto numerator_of(list<F...> const& factors) {
    constexpr rational c = coefficient_v<F...>;
    auto rest = pick<indices_where<!is_constant<F> && !is_reciprocal<F>...>()>(factors);
    if constexpr (c.num != 1)
        return concat(make_list(constant<c.num>{}), rest);
    else
        return rest;
}
template <class... F>
constexpr auto denominator_of(list<F...> const& factors) {
    constexpr rational c = coefficient_v<F...>;
    auto divisors = detail::apply(
        [](auto const&... p) {
            return make_list(power_of(
                p.base,
                constant<-decltype(p.exponent)::exact.num, decltype(p.exponent)::exact.den>{})...);
        },
        pick<indices_where<is_reciprocal<F>...>()>(factors));
    if constexpr (c.den != 1)
        return concat(make_list(constant<c.den>{}), divisors);
    else
        return divisors;
}

template <class Style, class Sink, class... F>
constexpr void print_fraction(list<F...> const& factors, Sink& out) {
    auto numerator = numerator_of(factors);
    auto denominator = denominator_of(factors);
    constexpr std::size_t num_size = list_length<decltype(numerator)>::value;
    constexpr std::size_t den_size = list_length<decltype(denominator)>::value;
    if constexpr (den_size == 0) {
        print_list<Style>(numerator, out, Style::times, power_level);
    } else if constexpr (Style::stacked_fractions) { // \frac{num}{den}: braces group both
        out.append(Style::fraction_open);
        if constexpr (num_size == 0)
            out.append(Style::one);
        else if constexpr (num_size == 1)
            print<Style>(get<0>(numerator), out);
        else
            print_list<Style>(numerator, out, Style::times, power_level);
        out.append(Style::fraction_middle);
        if constexpr (den_size == 1)
            print<Style>(get<0>(denominator), out);
        else
            print_list<Style>(denominator, out, Style::times, power_level);
        out.append(Style::fraction_close);
    } else { // num / den, with the denominator in parentheses when it is a product
        if constexpr (num_size == 0)
            out.append(Style::one);
        else
            print_list<Style>(numerator, out, Style::times, power_level);
        out.append(Style::over);
        if constexpr (den_size == 1) {
            print<Style>(get<0>(denominator), out, power_level);
        } else {
            out.append(Style::open);
            print_list<Style>(denominator, out, Style::times, power_level);
            out.append(Style::close);
        }
    }
}

template <class Style, class Sink, class... T>
constexpr void print_sum(list<T...> const& terms, Sink& out) {
    bool first = true;
    for (bool negatives : {false, true}) {
        detail::for_each(terms, [&](auto const& term) {
            if (is_negative(term) != negatives)
                return;
            if constexpr (may_be_negative<std::remove_cvref_t<decltype(term)>>()) {
                if (negatives) {
                    out.append(first ? Style::negative : Style::minus);
                    print<Style>(negate(term), out, product_level);
                    first = false;
                    return;
                }
            }
            if (!first)
                out.append(Style::plus);
            print<Style>(term, out, product_level);
            first = false;
        });
    }
}

template <class Style, class E, class Sink>
constexpr void print_node(E const& e, Sink& out) {
    if constexpr (is_var<E> || is_named<E>) {
        Style::name(E::name.view(), out);
    } else if constexpr (is_constant<E>) {
        Style::rational(E::exact.num, E::exact.den, out);
    } else if constexpr (is_value<E>) {
        Style::number(shortest_text<decltype(e.number)>(e.number).view(), out);
    } else if constexpr (is_sum<E>) {
        print_sum<Style>(e.terms, out);
    } else if constexpr (is_product<E> || is_reciprocal<E>) {
        if constexpr (may_be_negative<E>()) {
            if (is_negative(e)) {
                out.append(Style::negative);
                print<Style>(negate(e), out, product_level);
                return;
            }
        }
        if constexpr (is_reciprocal<E>) {
            print_fraction<Style>(make_list(e), out);
        } else if constexpr (is_value<list_element<0, decltype(e.factors)>> ||
                             (Style::split_products &&
                              list_length<decltype(e.factors)>::value >= 3)) {
            // a stored coefficient; or, for to_cpp, the first factor times the product of the
            // rest, which the plan may share with other products
            print<Style>(get<0>(e.factors), out, power_level);
            out.append(Style::times);
            detail::apply(
                [&](auto const&, auto const&... rest) {
                    print<Style>(product_of(rest...), out, product_level);
                },
                e.factors);
        } else {
            print_fraction<Style>(e.factors, out);
        }
    } else if constexpr (is_square_root<E>) {
        out.append(Style::sqrt_open);
        print<Style>(e.base, out);
        out.append(Style::sqrt_close);
    } else if constexpr (is_power<E> && Style::power_as_call) { // pow(base, exponent)
        out.append(Style::power_open);
        print<Style>(e.base, out);
        out.append(", ");
        print<Style>(e.exponent, out);
        out.append(Style::power_close);
    } else if constexpr (is_power<E>) {
        print<Style>(e.base, out, atom_level);
        out.append(Style::power_open);
        print<Style>(e.exponent, out, Style::exponent_context);
        out.append(Style::power_close);
    } else { // apply
        using F = typename E::function;
        Style::template function_open<F>(out);
        print<Style>(e.argument, out);
        Style::template function_close<F>(out);
    }
}

// A style may print some subformulas as a name (the temporaries of to_cpp).
template <class Style, class E>
constexpr bool is_reference() {
    if constexpr (requires { Style::template is_reference<E>(); })
        return Style::template is_reference<E>();
    else
        return false;
}

template <class Style, class E, class Sink>
constexpr void print(E const& e, Sink& out, int context) {
    if constexpr (is_reference<Style, E>()) {
        Style::template reference<E>(out);
        return;
    }
    bool parens = precedence_of<Style, E>(e) < context;
    if (parens)
        out.append(Style::open);
    print_node<Style>(e, out);
    if (parens)
        out.append(Style::close);
}

} // namespace symdiff::detail
