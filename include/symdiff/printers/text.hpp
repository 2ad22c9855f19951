#pragma once
// Printing formulas as text: `std::cout << f` and `to_string(f)`.
//
// Infix, ` + - * / ` with one space on each side, `^` without (right-associative); integers as
// `2`, rationals as `1/2`, stored numbers in the shortest form that reads back exactly; functions
// as `tanh(u)`, u^(1/2) as `sqrt(u)`; named stages by name. The layout is in layout.hpp.

#include <ostream>
#include <string_view>

#include <boost/mp11/algorithm.hpp>

#include <symdiff/plan.hpp>
#include <symdiff/printers/layout.hpp>
#include <symdiff/printers/static_text.hpp>

namespace symdiff {
namespace detail {

struct text_style {
    static constexpr bool power_as_call = false;
    static constexpr bool split_products = false;
    static constexpr bool stacked_fractions = false;
    static constexpr std::string_view one = "1", open = "(", close = ")", plus = " + ",
                                      minus = " - ", negative = "-", times = " * ", over = " / ",
                                      power_open = "^", power_close = "", sqrt_open = "sqrt(",
                                      sqrt_close = ")";
    static constexpr int exponent_context = power_level; // a^b^c is a^(b^c)

    template <class Sink>
    static constexpr void name(std::string_view n, Sink& out) {
        out.append(n);
    }
    template <class Sink>
    static constexpr void rational(std::intmax_t num, std::intmax_t den, Sink& out) {
        print_integer(num, out);
        if (den != 1) {
            out.append("/");
            print_integer(den, out);
        }
    }
    template <class Sink>
    static void number(std::string_view digits, Sink& out) {
        out.append(digits);
    }
    template <class F, class Sink>
    static constexpr void function_open(Sink& out) {
        out.append(F::name);
        out.append("(");
    }
    template <class F, class Sink>
    static constexpr void function_close(Sink& out) {
        out.append(")");
    }
};

struct print_text {
    template <class E, class Sink>
    constexpr void operator()(E const& e, Sink& out) const {
        print<text_style>(e, out);
    }
};

} // namespace detail

// The formula as text; a compile-time string (static_text) when it has no stored numbers.
template <Expression E>
constexpr auto to_string(E const& e) {
    return detail::render(e, detail::print_text{});
}

// `to_string(f, symdiff::where)`: the formula followed by the definitions of its named stages,
// outermost first: `error^2 / 2 where error = output - target, output = tanh(net), ...`.
inline constexpr struct where_t {
} where{};

namespace detail {
struct print_text_where {
    template <class E, class Sink>
    constexpr void operator()(E const& e, Sink& out) const {
        print<text_style>(e, out);
        bool first = true;
        [&]<class... S>(boost::mp11::mp_list<S...>) {
            (
                [&] {
                    if constexpr (is_named<S>) {
                        out.append(first ? " where " : ", ");
                        first = false;
                        out.append(S::name.view());
                        out.append(" = ");
                        print<text_style>(decltype(S::body){}, out);
                    }
                }(),
                ...);
        }(boost::mp11::mp_reverse<graph_t<E>>{});
    }
};
} // namespace detail

template <Expression E>
constexpr auto to_string(E const& e, where_t) {
    return detail::render(e, detail::print_text_where{});
}

template <Expression E>
std::ostream& operator<<(std::ostream& os, E const& e) {
    return os << std::string_view(to_string(e));
}

} // namespace symdiff
