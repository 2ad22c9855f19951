#pragma once
// Bindings (`x = 0.4`), points (`at(x = 0.4, y = 2.0)`) and the lookup that evaluation uses.

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>

#include <symdiff/detail/list.hpp>
#include <symdiff/detail/type_table.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

// The key of a named stage's binding: binding a stage overrides its value (`net = 0.8001`).
template <fixed_string Name>
struct stage_key {};
namespace detail {
template <fixed_string N>
struct type_hash<stage_key<N>>
    : std::integral_constant<type_hash_t, hash_text(N.data, N.size(), 10)> {};
} // namespace detail

// A value bound to a variable or a named stage. Integers bind as double.
template <class Key, class T>
struct binding {
    using key = Key;
    using value_type = T;
    T value;
};

template <class V>
using bound_type = std::conditional_t<std::is_integral_v<V>, double, V>;

// A binding seen through a reference to the caller's value: what one evaluation reads from
// (the caller's bindings outlive the call), so a whole array bound to a family is not copied.
template <class Key, class T>
struct binding_ref {
    using key = Key;
    using value_type = T;
    T const& value;
};

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

// (Concepts over traits classes, not variable templates: see is_var in expression.hpp. These
// are asked of every binding, 514 for the 256-input neuron written with named variables.)
template <class T>
struct is_binding_t : std::false_type {};
template <class K, class T>
struct is_binding_t<binding<K, T>> : std::true_type {};
template <class K, class T>
struct is_binding_t<binding_ref<K, T>> : std::true_type {};
template <class T>
concept is_binding = is_binding_t<T>::value;
template <class T>
struct is_point_t : std::false_type {};
template <class... B>
struct is_point_t<point<B...>> : std::true_type {};
template <class T>
concept is_point = is_point_t<T>::value;

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

// Index of the binding for Key in an environment (a std::tuple of bindings), or
// std::size_t(-1) when there is none: a look-up in a type_table of the bindings' keys
// (detail/type_table.hpp), a few steps of one constant evaluation. (Deducing the index from a
// class with a base per binding tried every base in turn: O(n) per key, and a gradient looks up
// every variable; a function per key named by the whole environment, comparing the key with
// every binding, took O(n^2) work and names of O(n) parts, which g++ mangles at a cost quadratic
// in their length: binding 130 variables took 20 s.) A key bound twice is found at its first
// binding (check_bound_once reports it).
template <class... B>
struct bound_keys {
    using table = type_table<typename B::key...>;
};

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// What an evaluation reads from: references to the caller's bindings, in a detail::list (all of
// them, found by bound_value), and those whose key is not a single variable (families, their
// elements, stages: few) also in the std::tuple base, which std::get reaches (indexed.hpp reads
// a family's array through it; binding_index_v indexes it). A std::tuple of all bindings cost
// g++ 16 s of CPU time for 258 bindings (its recursive base classes and their constructors,
// each named by the rest of the tuple), a detail::list of them almost nothing.
// The list is made in place from the bound values (a base, so that it is made before the
// std::tuple, whose references are copied from it), not made as a temporary and then copied.
// It is an aggregate (bound_list), whose elements are initialized where it is made: a
// detail::list has constructors, two functions of n parameters that g++ names by all the
// bindings (65 KB of names for the 256-input neuron written with named variables).
template <class Indices, class... B>
struct bound_list;
template <std::size_t... I, class... B>
struct bound_list<std::index_sequence<I...>, B...> : list_leaf<I, B>... {};
template <class... B>
struct environment_all {
    bound_list<std::index_sequence_for<B...>, B...> all;
};
template <class Tuple, class... B>
struct environment : environment_all<B...>, Tuple {
    template <std::size_t... K>
    constexpr environment(std::index_sequence<K...>, typename B::value_type const&... v)
        : environment_all<B...>{{{B{v}}...}}, Tuple{get<K>(this->all)...} {}
};

} // namespace

template <class I, class... B>
struct list_length<bound_list<I, B...>> : std::integral_constant<std::size_t, sizeof...(B)> {};
// An environment's list of bindings as a detail::list type (never made).
template <class L>
struct as_list;
template <class I, class... B>
struct as_list<bound_list<I, B...>> {
    using type = list<B...>;
};

template <class Key>
concept is_single_variable = is_var<Key>;

template <class Env>
struct env_slots;
template <class... B>
struct env_slots<std::tuple<B...>> {
    using type = bound_keys<B...>;
    using flat = type;
    static constexpr std::size_t none = sizeof...(B);
};
template <class... A, class... B>
struct env_slots<environment<std::tuple<A...>, B...>> {
    using type = bound_keys<A...>;
    using flat = bound_keys<B...>;
    static constexpr std::size_t none = sizeof...(A);
};

// (As a type, for code that must not instantiate a variable template per key: see leaf_place.)
template <class Key, class Slots>
using bound_position_t = table_position_t<typename Slots::table, Key>;
template <class Key, class Slots>
inline constexpr std::size_t bound_position_v = bound_position_t<Key, Slots>::value;

// The index of Key's binding in Env's std::tuple (the tuple base of an environment).
template <class Key, class Env>
inline constexpr std::size_t
    binding_index_v = bound_position_v<Key, typename env_slots<std::remove_cv_t<Env>>::type> ==
                              std::size_t(-1)
                          ? env_slots<std::remove_cv_t<Env>>::none
                          : bound_position_v<Key, typename env_slots<std::remove_cv_t<Env>>::type>;

template <class Key, class Env>
inline constexpr bool
    has_binding = bound_position_v<Key, typename env_slots<std::remove_cv_t<Env>>::flat> !=
                  std::size_t(-1);

template <class Key, class T, class Env>
constexpr T bound_value(Env const& env) {
    constexpr std::size_t at =
        bound_position_t<Key, typename env_slots<std::remove_cv_t<Env>>::flat>::value;
    if constexpr (requires { env.all; })
        return static_cast<T>(get<at>(env.all).value);
    else
        return static_cast<T>(std::get<at>(env).value);
}

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// Reports the first key that is bound more than once.
// (consteval: evaluated where it is called, never a function of the program, which g++ would
// name by all the bindings.)
template <class... B>
consteval void check_bound_once() {
    // the keys' table already knows which keys appear before (first[i]): no look-up per key
    using table = typename bound_keys<B...>::table;
    [[maybe_unused]] constexpr std::size_t twice = [] { // a loop: no fold of > 256 operands
        constexpr std::size_t n = sizeof...(B);
        for (std::size_t i = 0; i < n; ++i)
            if (!table::value.first[i])
                return i;
        return n;
    }();
    if constexpr (twice < sizeof...(B)) {
        using key = typename boost::mp11::mp_at_c<boost::mp11::mp_list<B...>, twice>::key;
        (void)sizeof(spelled_as_chars<error::variable_bound_twice, key_name<key>::name>);
    }
}

} // namespace

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

// The scalar inside a (nested) std::array (a binding of a family of variables), or the type.
template <class A>
struct array_scalar {
    using type = A;
};
template <class T, std::size_t N>
struct array_scalar<std::array<T, N>> {
    using type = typename array_scalar<T>::type;
};

template <class... B>
constexpr auto scalar_of(boost::mp11::mp_list<B...>) {
    if constexpr (sizeof...(B) == 0)
        return double{};
    else // folded pairwise: std::common_type of n types recurses n deep (g++'s limit is 900)
        return boost::mp11::mp_fold<
            boost::mp11::mp_list<
                bound_type<typename array_scalar<typename B::value_type>::type>...>,
            bound_type<typename array_scalar<
                typename boost::mp11::mp_front<boost::mp11::mp_list<B...>>::value_type>::type>,
            std::common_type_t>{};
}

} // namespace detail

namespace detail {
template <class Env>
struct bindings_of_env;
template <class... B>
struct bindings_of_env<std::tuple<B...>> {
    using type = boost::mp11::mp_list<B...>;
};
template <class Tuple, class... B>
struct bindings_of_env<environment<Tuple, B...>> {
    using type = boost::mp11::mp_list<B...>;
};
} // namespace detail

// The scalar type of an evaluation: the common type of the bound values.
template <class Env>
using scalar_t =
    decltype(detail::scalar_of(typename detail::bindings_of_env<std::remove_cv_t<Env>>::type{}));

namespace detail {
template <class A>
struct bindings_in {
    using type = boost::mp11::mp_list<A>;
};
template <class... B>
struct bindings_in<point<B...>> {
    using type = boost::mp11::mp_list<B...>;
};

template <std::size_t I, class A>
constexpr auto const& binding_in(A const& a) {
    if constexpr (is_binding<A>)
        return a;
    else
        return std::get<I>(a.bindings);
}

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// Owning copies of the bindings (of binding_refs too): what a point keeps.
template <class... B>
constexpr std::tuple<binding<typename B::key, typename B::value_type>...>
checked_bindings(B const&... b) {
    check_bound_once<B...>();
    return {{b.value}...};
}

// The positions of the bindings whose keys are not single variables (those also in the
// environment's std::tuple), as `type`, an index_sequence.
template <bool... Single>
struct tupled_positions {
    static constexpr auto value = indices_where<!Single...>();
    template <std::size_t... K>
    static constexpr auto positions(std::index_sequence<K...>) {
        return std::index_sequence<value[K]...>{};
    }
    using type = decltype(positions(std::make_index_sequence<value.size()>{}));
};
// What the environment keeps of each binding: a binding_ref, but of internal linkage, so that the
// environment and the functions named by its list of them have internal linkage too (the
// environment's constructor takes 514 arguments for the 256-input chain; see "Internal linkage"
// in gradient.hpp).
template <class Key, class T>
struct bound_ref {
    using key = Key;
    using value_type = T;
    T const& value;
};
template <class Tupled, class... B>
struct environment_for;
template <std::size_t... K, class... B>
struct environment_for<std::index_sequence<K...>, B...> {
    // (list_element, not boost::mp11::mp_at_c, which on g++ builds a class with a base per
    // binding to find one)
    using refs = list<bound_ref<typename B::key, typename B::value_type>...>;
    using type = environment<std::tuple<list_element<K, refs>...>,
                             bound_ref<typename B::key, typename B::value_type>...>;
};

// Calls collect(b...) with the bindings b of the arguments of an evaluation (bindings and
// points), in order, and returns its result. Built in one step (not by std::tuple_cat, which is
// recursive: 50 bindings took a second to compile).
template <class Collect, class... Args>
constexpr auto flat_bindings(Collect collect, Args const&... args) {
    if constexpr (!all_v<(is_binding<Args> || is_point<Args>)...>) {
        (as_bindings(args), ...); // reports the argument that is neither
        return std::tuple<>{};
    } else if constexpr (all_v<is_binding<Args>...>) {
        return collect(args...);
    } else {
        using flat = boost::mp11::mp_append<typename bindings_in<Args>::type...>;
        constexpr std::size_t n = boost::mp11::mp_size<flat>::value;
        // flat binding j is binding where[j][1] of argument where[j][0]
        constexpr auto where = [] {
            std::array<std::array<std::size_t, 2>, n + 1> w{};
            std::size_t j = 0, k = 0;
            (([&] {
                 for (std::size_t i = 0;
                      i < boost::mp11::mp_size<typename bindings_in<Args>::type>::value; ++i)
                     w[j++] = {k, i};
                 ++k;
             }()),
             ...);
            return w;
        }();
        auto refs = std::forward_as_tuple(args...);
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return collect(binding_in<where[J][1]>(std::get<where[J][0]>(refs))...);
        }
        (std::make_index_sequence<n>{});
    }
}

// The bindings of the arguments, each key at most once, as copies (what a point stores).
template <class... Args>
constexpr auto bindings_of(Args const&... args) {
    return flat_bindings([](auto const&... b) { return checked_bindings(b...); }, args...);
}

// The same bindings as references to the arguments' values: what an evaluation reads from,
// valid while the arguments live (during the call). Bindings only (no point among them), the
// usual case: the environment is made here, in this function itself, with no call that passes
// every binding (514 for the 256-input neuron written with named variables) and no function
// more whose name spells every binding (g++ names every function it compiles, inlined or not);
// with points, from their bindings, by this same function. (Not in a lambda called from here:
// g++ did not inline such a lambda for the 514 bindings of the 256-input neuron, its body over
// g++'s limit for a function called once, and the plan then read every bound value back from
// memory: 7,500 lines of assembly for that neuron's value and gradient instead of 2,000.)
template <class... Args>
[[gnu::always_inline]] constexpr auto binding_refs_of(Args const&... args) {
    if constexpr (all_v<is_binding<Args>...>) {
        check_bound_once<Args...>();
        using tupled = typename tupled_positions<is_single_variable<typename Args::key>...>::type;
        return typename environment_for<tupled, Args...>::type(tupled{}, args.value...);
    } else
        return flat_bindings([](auto const&... b) { return binding_refs_of(b...); }, args...);
}
} // namespace
} // namespace detail

// Collects bindings and points into one point; each variable may be bound once.
template <class... Args>
constexpr auto at(Args const&... args) {
    return std::apply([]<class... B>(B const&... b) { return point<B...>{{b...}}; },
                      detail::bindings_of(args...));
}

} // namespace symdiff
