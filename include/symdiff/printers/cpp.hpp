#pragma once
// Printing formulas as C++: `to_cpp<"name">(f, g, ...)` is a function template
//
//     template <class T>
//     T name(T x, T y) { const T t0 = ...; ...; return ...; }       // one formula
//     std::array<T, N> name(T x, T y) { ...; return {..., ...}; }     // several
//
// with the variables as parameters (sorted by name), each subformula used more than once computed
// once into a temporary (`t0`, ...; a named stage under its own name), like SymPy's cse + ccode.
// The code needs <cmath> (and <array> for several formulas), nothing of symdiff.

#include <array>
#include <cstddef>
#include <string_view>

#include <boost/mp11/algorithm.hpp>

#include <symdiff/functions.hpp>
#include <symdiff/order.hpp>
#include <symdiff/plan.hpp>
#include <symdiff/printers/layout.hpp>
#include <symdiff/printers/static_text.hpp>

namespace symdiff {
namespace detail {

template <class Plan, class... Outputs>
struct cpp_style {
    static constexpr bool power_as_call = true;
    static constexpr bool split_products = true;
    static constexpr bool stacked_fractions = false;
    static constexpr std::string_view one = "T(1)", open = "(", close = ")", plus = " + ",
                                      minus = " - ", negative = "-", times = " * ", over = " / ",
                                      power_open = "std::pow(", power_close = ")",
                                      sqrt_open = "std::sqrt(", sqrt_close = ")";
    static constexpr int exponent_context = 0;

    // A temporary: every named stage, and every other compound subformula used more than once
    // or returned.
    template <class P>
    static constexpr bool is_temporary() {
        if constexpr (!boost::mp11::mp_contains<Plan, P>::value || is_var<P> || is_constant<P>)
            return false;
        else
            return is_named<P> || use_count<P, Plan, Outputs...>() >= 2 ||
                   ((std::is_same<P, Outputs>::value && sizeof...(Outputs) > 1) || ...);
    }
    // Temporaries and variables print as names.
    template <class E>
    static constexpr bool is_reference() {
        return is_temporary<E>() || is_named<E>;
    }
    // The sink names it: see print_cpp's reference_marks and numbered_sink.
    template <class E, class Sink>
    static constexpr void reference(Sink& out) {
        std::string_view name{};
        if constexpr (is_named<E>)
            name = E::name.view();
        out.reference(boost::mp11::mp_find<Plan, E>::value, name);
    }

    template <class Sink>
    static constexpr void name(std::string_view n, Sink& out) {
        out.append(n);
    }
    template <class Sink>
    static constexpr void rational(std::intmax_t num, std::intmax_t den, Sink& out) {
        if (num < 0)
            out.append("-");
        out.append("T(");
        print_integer(num < 0 ? -num : num, out);
        out.append(")");
        if (den != 1) {
            out.append(" / T(");
            print_integer(den, out);
            out.append(")");
        }
    }
    template <class Sink>
    static void number(std::string_view digits, Sink& out) {
        out.append("T(");
        out.append(digits);
        out.append(")");
    }
    template <class F, class Sink>
    static constexpr void function_open(Sink& out) {
        if constexpr (F::name == "sign") {
            out.append("sign("); // a local lambda of the generated function
        } else {
            out.append("std::");
            out.append(F::name);
            out.append("(");
        }
    }
    template <class F, class Sink>
    static constexpr void function_close(Sink& out) {
        out.append(")");
    }
};

template <class E>
inline constexpr bool is_sign = false;
template <class A>
inline constexpr bool is_sign<symdiff::apply<functions::sign_fn, A>> = true;

template <class A, class B>
struct by_name { // for sorting parameters
    static constexpr bool value = compare_names(A::name.view(), B::name.view()) < 0;
};

// A variable is its own parameter; an element of a family makes the whole family one parameter,
// a nested std::array (`std::array<std::array<T, 4>, 8> const& w`), indexed as `w[1][2]`.
template <class V>
struct parameter_of {
    using type = V;
};
template <class Family, std::size_t... I>
struct parameter_of<element<Family, I...>> {
    using type = Family;
};

template <class Sink, std::size_t S, std::size_t... Rest>
constexpr void print_array_type(Sink& out) {
    out.append("std::array<");
    if constexpr (sizeof...(Rest) == 0)
        out.append("T");
    else
        print_array_type<Sink, Rest...>(out);
    out.append(", ");
    print_integer(S, out);
    out.append(">");
}
template <class Sink, fixed_string N, std::size_t... S>
constexpr void print_parameter(vars<N, S...> const*, Sink& out) {
    print_array_type<Sink, S...>(out);
    out.append(" const& ");
    out.append(N.view());
}
template <class Sink, class V>
constexpr void print_parameter(V const*, Sink& out) {
    out.append("T ");
    out.append(V::name.view());
}

template <fixed_string Name, class... Outputs>
struct print_cpp {
    using plan = plan_t<Outputs...>;
    using style = cpp_style<plan, Outputs...>;
    struct is_variable {
        template <class P>
        using fn = boost::mp11::mp_bool<is_var<P>>;
    };
    template <class V>
    using parameter = typename parameter_of<V>::type;
    using variables =
        boost::mp11::mp_sort<boost::mp11::mp_unique<boost::mp11::mp_transform<
                                 parameter, boost::mp11::mp_copy_if_q<plan, is_variable>>>,
                             by_name>;

    template <class Sink>
    constexpr void operator()(list<Outputs...> const& outputs, Sink& out) const {
        out.append("template <class T>\n");
        if constexpr (sizeof...(Outputs) == 1)
            out.append("T ");
        else {
            out.append("std::array<T, ");
            print_integer(sizeof...(Outputs), out);
            out.append("> ");
        }
        out.append(Name.view());
        out.append("(");
        bool first = true;
        [&]<class... V>(boost::mp11::mp_list<V...>) {
            ((out.append(first ? "" : ", "), print_parameter(static_cast<V const*>(nullptr), out),
              first = false),
             ...);
        }(variables{});
        out.append(") {\n");
        if constexpr (boost::mp11::mp_any_of_q<plan, uses_sign>::value)
            out.append("    auto sign = [](T v) { return T((T(0) < v) - (v < T(0))); };\n");
        auto used = referenced(outputs);
        numbered_sink<Sink> named{out, {}};
        std::size_t next = 0;
        constexpr auto stage_at = []<class... P>(boost::mp11::mp_list<P...>) {
            return std::array<bool, plan_size + 1>{is_named<P>..., false};
        }(plan{});
        for (std::size_t i = 0; i < plan_size; ++i)
            if (used.flags[i] && !stage_at[i])
                named.numbers[i] = next++;
        std::size_t at = 0;
        [&]<class... P>(boost::mp11::mp_list<P...>) {
            ((style::template is_temporary<P>() && used.flags[at] ? statement<P>(named) : void(),
              ++at),
             ...);
        }(plan{});
        out.append("    return ");
        if constexpr (sizeof...(Outputs) > 1)
            out.append("{");
        bool first_output = true;
        detail::apply(
            [&](auto const&... o) {
                ((out.append(first_output ? "" : ", "), first_output = false,
                  print<style>(o, named)),
                 ...);
            },
            outputs);
        if constexpr (sizeof...(Outputs) > 1)
            out.append("}");
        out.append(";\n}\n");
    }

    // Which plan entries the code refers to by name: those the outputs refer to, and,
    // from the last entry back, those that the referred temporaries' statements refer to. (A
    // subformula used twice in the plan may still be printed through its parent, as a divisor
    // `/ u` or a negated term `- u`: it then needs no temporary.)
    static constexpr std::size_t plan_size = boost::mp11::mp_size<plan>::value;
    struct reference_marks {
        bool flags[plan_size + 1]{};
        constexpr void append(std::string_view) {}
        constexpr void reference(std::size_t i, std::string_view) { flags[i] = true; }
    };
    // Temporaries numbered in the order they are written: t0, t1, ...
    template <class Sink>
    struct numbered_sink {
        Sink& out;
        std::size_t numbers[plan_size + 1];
        constexpr void append(std::string_view s) { out.append(s); }
        constexpr void reference(std::size_t i, std::string_view name) {
            if (!name.empty()) {
                out.append(name);
            } else {
                out.append("t");
                print_integer(static_cast<std::intmax_t>(numbers[i]), out);
            }
        }
    };
    static constexpr reference_marks referenced(list<Outputs...> const& outputs) {
        reference_marks marks;
        detail::apply([&](auto const&... o) { (print<style>(o, marks), ...); }, outputs);
        [&]<class... P>(boost::mp11::mp_list<P...>) {
            ((style::template is_temporary<P>() && marks.flags[boost::mp11::mp_find<plan, P>::value]
                  ? statement<P>(marks)
                  : void()),
             ...);
        }(boost::mp11::mp_reverse<plan>{});
        return marks;
    }

    // `    const T t3 = <P in terms of earlier temporaries>;`
    template <class P, class Sink>
    static constexpr void statement(Sink& out) {
        out.append("    const T ");
        style::template reference<P>(out);
        out.append(" = ");
        if constexpr (is_named<P>)
            print<style>(decltype(P::body){}, out);
        else
            print_node<style>(P{}, out);
        out.append(";\n");
    }

    struct uses_sign {
        template <class P>
        using fn = boost::mp11::mp_bool<is_sign<P>>;
    };
};

} // namespace detail

// The formulas as a C++ function template (see above); a compile-time string when the formulas
// have no stored numbers.
template <fixed_string Name, Expression... E>
constexpr auto to_cpp(E const&... e) {
    static_assert(sizeof...(E) > 0, "symdiff::to_cpp: give at least one formula");
    static_assert(detail::is_identifier(Name.view()),
                  "symdiff::to_cpp: the function's name must be a C++ identifier");
    return detail::render_list(detail::make_list(e...), detail::print_cpp<Name, E...>{});
}

} // namespace symdiff
