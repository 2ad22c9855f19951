#pragma once
// Indexed variables: `vars<"w", 8, 4>` is an 8 x 4 family of variables, so a network's weights
// need not be 32 hand-named variables.
//
//   constexpr symdiff::vars<"w", 8, 4> w;
//   w.at<1, 2>()              the variable w[1][2] (an expression; prints as `w[1][2]`)
//   w[j][i]                   the same with std::integral_constant indices (as sum_over gives)
//   w = std::array<std::array<double, 4>, 8>{...}     binds the whole family
//   w.at<1, 2>() = 0.5        binds one element; it overrides the family's value for it
//   symdiff::sum_over<4>([&](auto i) { return w[j][i] * x[i]; })     one n-ary sum, built once
//
// An element is a variable like `var<"x">` in every respect (d, printing, evaluation);
// `gradient(f, w)` returns the derivatives by all of w's elements as an array of w's shape.

#include <array>
#include <concepts>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/mp11/list.hpp>

#include <symdiff/bindings.hpp>
#include <symdiff/expression.hpp>
#include <symdiff/nodes/constant.hpp>

namespace symdiff {

template <fixed_string Name, std::size_t... Shape>
struct vars;

namespace detail {

constexpr std::size_t decimal_digits(std::size_t n) {
    std::size_t d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}

// Writes the printed name of an element, "w[1][2]", to text.
constexpr void write_element_name(char* text, std::string_view name,
                                  std::initializer_list<std::size_t> index) {
    std::size_t at = 0;
    for (char c : name)
        text[at++] = c;
    for (std::size_t i : index) {
        text[at++] = '[';
        std::size_t digits = decimal_digits(i), v = i;
        for (std::size_t k = digits; k-- > 0; v /= 10)
            text[at + k] = static_cast<char>('0' + v % 10);
        at += digits;
        text[at++] = ']';
    }
}
// The printed name of an element, "w[1][2]". (No lambda: g++ names a lambda's call operator,
// conversion and invoker after the function, three more names per element.)
template <fixed_string Name, std::size_t... I>
constexpr auto element_name() {
    constexpr std::size_t n = Name.size() + ((2 + decimal_digits(I)) + ... + 0);
    char text[n + 1]{};
    write_element_name(text, Name.view(), {I...});
    return fixed_string<n + 1>(text);
}

// std::array<std::array<T, S1>, S0> for Shape = S0, S1
template <class T, std::size_t... Shape>
struct nested_array;
template <class T>
struct nested_array<T> {
    using type = T;
};
template <class T, std::size_t S, std::size_t... Rest>
struct nested_array<T, S, Rest...> {
    using type = std::array<typename nested_array<T, Rest...>::type, S>;
};

// a[I][R]... for indices known to the compiler (a itself for none): an element's value in its
// family's array. (Always inlined: plans read every bound element through it, gradient.hpp.)
template <std::size_t... I>
struct subscript;
template <>
struct subscript<> {
    template <class A>
    [[gnu::always_inline]] static constexpr A const& of(A const& a) {
        return a;
    }
};
template <std::size_t I, std::size_t... R>
struct subscript<I, R...> {
    template <class A>
    [[gnu::always_inline]] static constexpr auto const& of(A const& a) {
        return subscript<R...>::of(a[I]);
    }
};

template <class T, std::size_t... Shape>
inline constexpr bool is_nested_array_of = false;
template <class T>
inline constexpr bool is_nested_array_of<T> = Number<T>;
template <class T, std::size_t N, std::size_t S, std::size_t... Rest>
inline constexpr bool is_nested_array_of<std::array<T, N>, S, Rest...> =
    N == S&& is_nested_array_of<T, Rest...>;

} // namespace detail

namespace error {
template <char... Name>
struct index_out_of_range {
    static_assert(detail::always_false<decltype(Name)...>,
                  "symdiff::vars: an index is out of range (or there are not as many indices as "
                  "the family has dimensions); the family's name is spelled in the template "
                  "arguments of symdiff::error::index_out_of_range<...>");
};
} // namespace error

// One element of a family of variables, Family = vars<Name, Shape...>.
template <class Family, std::size_t... I>
struct element : expression<element<Family, I...>> {
    using family = Family;
    static constexpr fixed_string name = detail::element_name<Family::name, I...>();
    static constexpr std::array<std::size_t, sizeof...(I)> index{I...};

    // `w.at<1, 2>() = 0.5` binds this element alone (it overrides a binding of the family).
    template <Number V>
    [[gnu::always_inline]] constexpr binding<element, bound_type<V>> operator=(V v) const {
        return {static_cast<bound_type<V>>(v)};
    }

    template <class T, class Env>
    constexpr T evaluate(Env const& env) const {
        if constexpr (detail::has_binding<element, Env>) {
            return detail::bound_value<element, T>(env);
        } else if constexpr (detail::has_binding<Family, Env>) {
            auto const& all = std::get<detail::binding_index_v<Family, Env>>(env).value;
            return static_cast<T>(detail::subscript<I...>::of(all));
        } else {
            (void)sizeof(detail::spelled_as_chars<error::no_value_bound_for_variable, name>);
            return T{};
        }
    }
};

namespace detail {
template <class Family, std::size_t... I>
struct slice;

// Whether each index is below the size of its dimension.
constexpr bool indices_in_range(std::size_t const* shape,
                                std::initializer_list<std::size_t> index) {
    std::size_t k = 0;
    for (std::size_t i : index)
        if (i >= shape[k++])
            return false;
    return true;
}

// family[i] with a compile-time index: an element, or the sub-family with the first index fixed
// (no lambda: see element_name)
template <class Family, std::size_t... I>
constexpr auto index_into() {
    constexpr std::size_t depth = sizeof...(I);
    if constexpr (depth > Family::rank || !indices_in_range(Family::shape.data(), {I...})) {
        (void)sizeof(spelled_as_chars<error::index_out_of_range, Family::name>);
        return constant<0, 1>{};
    } else if constexpr (depth == Family::rank) {
        return element<Family, I...>{};
    } else {
        return slice<Family, I...>{};
    }
}

// An index known to the compiler: std::integral_constant (what sum_over passes).
template <class Index>
concept compile_time_index = requires {
    { Index::value } -> std::convertible_to<std::size_t>;
};

template <class Family, class Index, std::size_t... I>
constexpr auto index_with() {
    if constexpr (compile_time_index<Index>) {
        return index_into<Family, I..., static_cast<std::size_t>(Index::value)>();
    } else {
        static_assert(compile_time_index<Index>,
                      "symdiff::vars: w[i] needs an index known to the compiler: write "
                      "w.at<0, 1>(), or index with std::integral_constant (sum_over's index)");
        return constant<0, 1>{};
    }
}

template <class Family, std::size_t... I>
struct slice {
    template <class Index>
    constexpr auto operator[](Index) const {
        return index_with<Family, Index, I...>();
    }
};
} // namespace detail

template <fixed_string Name, std::size_t... Shape>
struct vars {
    static_assert(detail::is_identifier(Name.view()),
                  "symdiff::vars: a family's name must be a C++ identifier that is not a keyword "
                  "(letters, digits and _, not starting with a digit)");
    static_assert(sizeof...(Shape) >= 1 && ((Shape > 0) && ...),
                  "symdiff::vars: give the shape as positive sizes, e.g. vars<\"w\", 8, 4>");

    static constexpr fixed_string name = Name;
    static constexpr std::size_t rank = sizeof...(Shape);
    static constexpr std::size_t size = (Shape * ...);
    static constexpr std::array<std::size_t, rank> shape{Shape...};

    // The type of a value for the whole family: std::array<std::array<T, 4>, 8> for <8, 4>.
    template <class T>
    using array_type = typename detail::nested_array<T, Shape...>::type;

    template <std::size_t... I>
    constexpr auto at() const {
        static_assert(sizeof...(I) == rank,
                      "symdiff::vars: at<...>() takes one index per dimension of the family");
        return detail::index_into<vars, I...>();
    }

    template <class Index>
    constexpr auto operator[](Index) const {
        return detail::index_with<vars, Index>();
    }

    // `w = std::array<std::array<double, 4>, 8>{...}` binds every element to a copy of the array,
    // as `x = 0.4` binds a value. `w = std::cref(weights)` refers to the array instead (no copy:
    // what makes a gradient over large arrays as fast as a hand-written loop); the array must
    // outlive the binding. symdiff::at(...) always stores copies.
    template <class A>
    [[gnu::always_inline]] constexpr auto operator=(A const& values) const {
        static_assert(detail::is_nested_array_of<A, Shape...>,
                      "symdiff::vars: bind a family to a std::array of its shape, e.g. "
                      "std::array<std::array<double, 4>, 8> for vars<\"w\", 8, 4>");
        return binding<vars, A>{values};
    }
    template <class A>
    [[gnu::always_inline]] constexpr auto operator=(std::reference_wrapper<A> values) const {
        using array = std::remove_const_t<A>;
        static_assert(detail::is_nested_array_of<array, Shape...>,
                      "symdiff::vars: bind a family to a std::array of its shape, e.g. "
                      "std::array<std::array<double, 4>, 8> for vars<\"w\", 8, 4>");
        return binding_ref<vars, array>{values.get()};
    }
};

namespace detail {
template <class T>
struct is_family_t : std::false_type {};
template <fixed_string N, std::size_t... S>
struct is_family_t<vars<N, S...>> : std::true_type {};
template <class T>
concept is_family = is_family_t<T>::value;

template <class F, std::size_t... I>
struct is_var_t<element<F, I...>> : std::true_type {};

template <fixed_string N, std::size_t... S>
struct key_name<vars<N, S...>> {
    static constexpr auto name = N;
};
template <class F, std::size_t... I>
struct key_name<element<F, I...>> {
    static constexpr auto name = element<F, I...>::name;
};

// The elements of a family in row-major order, as a type list. Element k's index, digit by
// digit, from one constexpr function per family: a function per element (with lambdas) was three
// names per element, each spelling all the positions 0 ... n - 1 (2 MB of mangled names for a
// family of 256).
template <class Family>
constexpr std::size_t index_digit(std::size_t flat, std::size_t d) {
    for (std::size_t e = Family::rank; e-- > d + 1;)
        flat /= Family::shape[e];
    return flat % Family::shape[d];
}
template <class Family, std::size_t Flat, class Digits = std::make_index_sequence<Family::rank>>
struct element_at_flat;
template <class Family, std::size_t Flat, std::size_t... D>
struct element_at_flat<Family, Flat, std::index_sequence<D...>> {
    using type = element<Family, index_digit<Family>(Flat, D)...>;
};
template <class Family, class Flat>
struct elements_of_impl;
template <class Family, std::size_t... K>
struct elements_of_impl<Family, std::index_sequence<K...>> {
    using type = boost::mp11::mp_list<typename element_at_flat<Family, K>::type...>;
};
template <class Family>
using elements_of = typename elements_of_impl<Family, std::make_index_sequence<Family::size>>::type;
} // namespace detail

} // namespace symdiff
