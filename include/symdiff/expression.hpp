#pragma once
// What every formula node shares: the Expression concept and evaluation by call syntax.

#include <concepts>
#include <cstdint>
#include <type_traits>

#include <symdiff/fixed_string.hpp>

namespace symdiff {

// The nodes of a formula's tree. All are empty types except `value`, the stored plain number.
template <fixed_string Name>
struct var;
template <std::intmax_t N, std::intmax_t D>
struct constant;
template <class T>
struct value;
template <class... Terms>
struct sum;
template <class... Factors>
struct product;
template <class Base, class Exponent>
struct power;
template <class Function, class Argument>
struct apply;
template <fixed_string Name, class Body>
struct named;

namespace detail {
namespace { // internal linkage (evaluate.hpp; see "Internal linkage" in gradient.hpp)
template <class E, class... Args>
[[gnu::always_inline]] constexpr auto evaluate_at(E const& e, Args const&... args);
} // namespace
} // namespace detail

// Base of every node (CRTP): marks the type as a formula and lets it be called to evaluate,
// `f(x = 0.4, y = 2.0)` or `f(symdiff::at(...))`.
namespace detail {
// Evaluates a node's operands by walking their trees (plans evaluate them from a table instead).
template <class T, class Env>
struct tree_evaluator {
    Env const& env;
    template <class C>
    constexpr T operator()(C const& c) const {
        return c.template evaluate<T>(env);
    }
};
} // namespace detail

template <class Derived>
struct expression {
    using symdiff_expression_tag = void;

    // A node's value at the bindings env. Compound nodes define evaluate_with(env, eval), which
    // combines eval(operand) values: the one place that knows the node's arithmetic.
    template <class T, class Env>
    constexpr T evaluate(Env const& env) const {
        return static_cast<Derived const&>(*this).template evaluate_with<T>(
            env, detail::tree_evaluator<T, Env>{env});
    }

    template <class... Args>
    [[gnu::always_inline]] constexpr auto operator()(Args const&... args) const {
        return detail::evaluate_at(static_cast<Derived const&>(*this), args...);
    }
};

template <class T>
concept Expression = requires {
    typename std::remove_cvref_t<T>::symdiff_expression_tag;
};

// A plain number that may stand in a formula as a stored constant (`2.0 * x`, `x / 3`).
template <class T>
concept Number = std::is_arithmetic_v<std::remove_cvref_t<T>> &&
    !std::is_same<std::remove_cvref_t<T>, bool>::value;

namespace detail {
// Conjunction and disjunction of many flags without a fold expression: clang 14 rejects a fold
// of more than 256 operands, and a sum may have more terms than that (sum_over<300>).
template <bool... B>
inline constexpr bool all_v = [] {
    constexpr bool flags[] = {B..., true};
    for (bool f : flags)
        if (!f)
            return false;
    return true;
}();
template <bool... B>
inline constexpr bool any_v = !all_v<!B...>;

template <class... T>
inline constexpr bool always_false = false;

// Predicates on formula types are concepts over traits classes, not variable templates: g++
// mangles the name of every variable template it instantiates, and these are asked of every
// subformula (some as long as the whole formula), about 10 names per plan entry.
template <class T>
struct is_var_t : std::false_type {};
template <fixed_string N>
struct is_var_t<var<N>> : std::true_type {};
template <class T>
concept is_var = is_var_t<T>::value;

template <class T>
struct is_named_t : std::false_type {};
template <fixed_string N, class B>
struct is_named_t<named<N, B>> : std::true_type {};
template <class T>
concept is_named = is_named_t<T>::value;

template <class T>
struct is_constant_t : std::false_type {};
template <std::intmax_t N, std::intmax_t D>
struct is_constant_t<constant<N, D>> : std::true_type {};
template <class T>
concept is_constant = is_constant_t<T>::value;

template <class T>
struct is_value_t : std::false_type {};
template <class T>
struct is_value_t<value<T>> : std::true_type {};
template <class T>
concept is_value = is_value_t<T>::value;

template <class T>
struct is_sum_t : std::false_type {};
template <class... T>
struct is_sum_t<sum<T...>> : std::true_type {};
template <class T>
concept is_sum = is_sum_t<T>::value;

template <class T>
struct is_product_t : std::false_type {};
template <class... T>
struct is_product_t<product<T...>> : std::true_type {};
template <class T>
concept is_product = is_product_t<T>::value;

template <class T>
struct is_power_t : std::false_type {};
template <class B, class E>
struct is_power_t<power<B, E>> : std::true_type {};
template <class T>
concept is_power = is_power_t<T>::value;

// A formula without stored numbers: its type alone is the formula, so `E{}` rebuilds it, and
// two such formulas are equal exactly when their types are.
template <class E>
struct is_stateless_t : std::true_type {};
template <class E>
concept is_stateless = is_stateless_t<E>::value;
template <class T>
struct is_stateless_t<value<T>> : std::false_type {};
template <class... T>
struct is_stateless_t<sum<T...>> : std::bool_constant<all_v<is_stateless<T>...>> {};
template <class... T>
struct is_stateless_t<product<T...>> : std::bool_constant<all_v<is_stateless<T>...>> {};
template <class B, class E>
struct is_stateless_t<power<B, E>> : std::bool_constant<is_stateless<B> && is_stateless<E>> {};
template <class F, class A>
struct is_stateless_t<symdiff::apply<F, A>> : std::bool_constant<is_stateless<A>> {};
template <fixed_string N, class B>
struct is_stateless_t<named<N, B>> : std::bool_constant<is_stateless<B>> {};
} // namespace detail

// What `d` accepts as the thing to differentiate by.
template <class T>
concept DifferentiationVariable =
    detail::is_var<std::remove_cvref_t<T>> || detail::is_named<std::remove_cvref_t<T>>;

} // namespace symdiff
