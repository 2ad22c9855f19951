#pragma once
// Bindings (`x = 0.4`), points (`at(x = 0.4, y = 2.0)`) and the lookup that evaluation uses.

#include <cstddef>
#include <tuple>
#include <type_traits>

#include <symdiff/expression.hpp>

namespace symdiff {

// The key of a named stage's binding: binding a stage overrides its value (`net = 0.8001`).
template <fixed_string Name>
struct stage_key {};

// A value bound to a variable or a named stage. Integers bind as double.
template <class Key, class T>
struct binding {
    using key = Key;
    using value_type = T;
    T value;
};

template <class V>
using bound_type = std::conditional_t<std::is_integral_v<V>, double, V>;

// A set of bindings, each key at most once.
template <class... Bindings>
struct point {
    std::tuple<Bindings...> bindings;
};

namespace error {
// Instantiated only to report a misuse; the name of the variable is spelled in the template
// arguments as characters, which both compilers print readably.
template <char... Name>
struct no_value_bound_for_variable {
    static_assert(detail::always_false<decltype(Name)...>,
                  "symdiff: no value bound for variable; its name is spelled in the template "
                  "arguments of symdiff::error::no_value_bound_for_variable<...>");
};
template <char... Name>
struct variable_bound_twice {
    static_assert(detail::always_false<decltype(Name)...>,
                  "symdiff: a variable or named stage is bound twice; its name is spelled in the "
                  "template arguments of symdiff::error::variable_bound_twice<...>");
};
} // namespace error

namespace detail {

template <class T>
inline constexpr bool is_binding = false;
template <class K, class T>
inline constexpr bool is_binding<binding<K, T>> = true;
template <class T>
inline constexpr bool is_point = false;
template <class... B>
inline constexpr bool is_point<point<B...>> = true;

template <class Key>
struct key_name;
template <fixed_string N>
struct key_name<var<N>> {
    static constexpr auto name = N;
};
template <fixed_string N>
struct key_name<stage_key<N>> {
    static constexpr auto name = N;
};

// Index of the binding for Key in the tuple of bindings, or sizeof...(B) when there is none.
template <class Key, class... B>
constexpr std::size_t binding_index(std::tuple<B...> const*) {
    constexpr bool match[] = {std::is_same_v<Key, typename B::key>..., false};
    for (std::size_t i = 0; i < sizeof...(B); ++i)
        if (match[i])
            return i;
    return sizeof...(B);
}
template <class Key, class Env>
inline constexpr std::size_t binding_index_v = binding_index<Key>(static_cast<Env const*>(nullptr));

template <class Key, class Env>
inline constexpr bool has_binding = binding_index_v<Key, Env> < std::tuple_size_v<Env>;

template <class Key, class T, class Env>
constexpr T bound_value(Env const& env) {
    return static_cast<T>(std::get<binding_index_v<Key, Env>>(env).value);
}

// Reports the first key that is bound more than once.
template <class... B>
constexpr void check_bound_once() {
    using keys = std::tuple<typename B::key...>;
    using all = std::tuple<B...>;
    [[maybe_unused]] constexpr std::size_t twice = [] {
        constexpr std::size_t n = sizeof...(B);
        std::size_t at = n;
        std::size_t i = 0;
        (
            [&] {
                if (at == n &&
                    binding_index<typename B::key>(static_cast<all const*>(nullptr)) != i)
                    at = i;
                ++i;
            }(),
            ...);
        return at;
    }();
    if constexpr (twice < sizeof...(B)) {
        using key = std::tuple_element_t<twice, keys>;
        (void)sizeof(spelled_as_chars<error::variable_bound_twice, key_name<key>::name>);
    }
}

template <class A>
constexpr auto as_bindings(A const& a) {
    if constexpr (is_binding<A>)
        return std::tuple<A>{a};
    else if constexpr (is_point<A>)
        return a.bindings;
    else {
        static_assert(always_false<A>,
                      "symdiff: a formula is evaluated at bindings or points: f(x = 0.4, y = 2.0) "
                      "or f(symdiff::at(x = 0.4, y = 2.0))");
        return std::tuple<>{};
    }
}

template <class... B>
constexpr auto scalar_of(std::tuple<B...> const*) {
    if constexpr (sizeof...(B) == 0)
        return double{};
    else
        return std::common_type_t<typename B::value_type...>{};
}

} // namespace detail

// The scalar type of an evaluation: the common type of the bound values.
template <class Env>
using scalar_t = decltype(detail::scalar_of(static_cast<Env const*>(nullptr)));

namespace detail {
// The bindings of the arguments of an evaluation (bindings and points), each key at most once:
// what every evaluation (f(...), at, gradients, checks) starts from.
template <class... Args>
constexpr auto bindings_of(Args const&... args) {
    auto all = std::tuple_cat(as_bindings(args)...);
    std::apply([]<class... B>(B const&...) { check_bound_once<B...>(); }, all);
    return all;
}
} // namespace detail

// Collects bindings and points into one point; each variable may be bound once.
template <class... Args>
constexpr auto at(Args const&... args) {
    return std::apply([]<class... B>(B const&... b) { return point<B...>{{b...}}; },
                      detail::bindings_of(args...));
}

} // namespace symdiff
