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
template <class E, class... Args>
constexpr auto evaluate_at(E const& e, Args const&... args);
}

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
    constexpr auto operator()(Args const&... args) const {
        return detail::evaluate_at(static_cast<Derived const&>(*this), args...);
    }
};

template <class T>
concept Expression = requires {
    typename std::remove_cvref_t<T>::symdiff_expression_tag;
};

// A plain number that may stand in a formula as a stored constant (`2.0 * x`, `x / 3`).
template <class T>
concept Number =
    std::is_arithmetic_v<std::remove_cvref_t<T>> && !std::is_same_v<std::remove_cvref_t<T>, bool>;

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

template <class T>
inline constexpr bool is_var = false;
template <fixed_string N>
inline constexpr bool is_var<var<N>> = true;

template <class T>
inline constexpr bool is_named = false;
template <fixed_string N, class B>
inline constexpr bool is_named<named<N, B>> = true;

template <class T>
inline constexpr bool is_constant = false;
template <std::intmax_t N, std::intmax_t D>
inline constexpr bool is_constant<constant<N, D>> = true;

template <class T>
inline constexpr bool is_value = false;
template <class T>
inline constexpr bool is_value<value<T>> = true;

template <class T>
inline constexpr bool is_sum = false;
template <class... T>
inline constexpr bool is_sum<sum<T...>> = true;

template <class T>
inline constexpr bool is_product = false;
template <class... T>
inline constexpr bool is_product<product<T...>> = true;

template <class T>
inline constexpr bool is_power = false;
template <class B, class E>
inline constexpr bool is_power<power<B, E>> = true;

// A formula without stored numbers: its type alone is the formula, so `E{}` rebuilds it, and
// two such formulas are equal exactly when their types are.
template <class E>
inline constexpr bool is_stateless = true;
template <class T>
inline constexpr bool is_stateless<value<T>> = false;
template <class... T>
inline constexpr bool is_stateless<sum<T...>> = all_v<is_stateless<T>...>;
template <class... T>
inline constexpr bool is_stateless<product<T...>> = all_v<is_stateless<T>...>;
template <class B, class E>
inline constexpr bool is_stateless<power<B, E>> = is_stateless<B>&& is_stateless<E>;
template <class F, class A>
inline constexpr bool is_stateless<symdiff::apply<F, A>> = is_stateless<A>;
template <fixed_string N, class B>
inline constexpr bool is_stateless<named<N, B>> = is_stateless<B>;
} // namespace detail

// What `d` accepts as the thing to differentiate by.
template <class T>
concept DifferentiationVariable =
    detail::is_var<std::remove_cvref_t<T>> || detail::is_named<std::remove_cvref_t<T>>;

} // namespace symdiff
