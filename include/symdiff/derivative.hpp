#pragma once
// `d(f, x)`: the symbolic derivative, a new formula computed by the compiler.
//
// The rules, for a variable or named stage x:
//   d x = 1, d y = 0 (another variable), d c = 0 (constants)
//   d (u + v + ...) = du + dv + ...
//   d (u v w ...) = du v w ... + u dv w ... + ...
//   d u^c = c u^(c - 1) du                     (exponent free of x)
//   d u^v = u^v (dv log(u) + v du / u)         (general exponent)
//   d f(u) = f'(u) du                          (f' from f's descriptor in functions.hpp)
//   d stage = 1 when x is that stage; otherwise the stage's body is differentiated, and
//     the result names the stage again where its body reappears (`1 - output^2`).
// Differentiating by a named stage holds the stage's inputs fixed: it is the partial derivative
// with respect to the stage's value, the adjoint of back-propagation.

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include <symdiff/build.hpp>
#include <symdiff/functions.hpp>

namespace symdiff {
namespace detail {

template <class E, class X>
constexpr auto derivative(E const& e, X const& x);

// Replaces the subformulas equal to a stage's body by the stage itself, so that derivatives keep
// the user's names. Only for bodies without stored numbers: for those the type is the formula.
template <class E, fixed_string N, class B>
constexpr auto rename(E const& e, named<N, B> const& stage) {
    if constexpr (std::is_same<E, B>::value)
        return stage;
    else if constexpr (is_sum<E>)
        return detail::apply([&](auto const&... t) { return sum_of(rename(t, stage)...); },
                             e.terms);
    else if constexpr (is_product<E>)
        return detail::apply([&](auto const&... f) { return product_of(rename(f, stage)...); },
                             e.factors);
    else if constexpr (is_power<E>)
        return power_of(rename(e.base, stage), rename(e.exponent, stage));
    else if constexpr (requires { typename E::function; })
        return apply_of<typename E::function>(rename(e.argument, stage));
    else
        return e; // leaves, and other stages, which are atoms
}

template <class E, fixed_string N, class B>
constexpr auto renamed(E const& e, named<N, B> const& stage) {
    if constexpr (is_stateless<B>)
        return rename(e, stage);
    else
        return e;
}

template <class F, class... T, class X, std::size_t... I>
constexpr auto product_rule(detail::list<T...> const& f, X const& x, std::index_sequence<I...>) {
    // the term for factor I: its derivative in place of it
    auto term = [&]<std::size_t K>(std::integral_constant<std::size_t, K>) {
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return product_of([&] {
                if constexpr (J == K)
                    return derivative(detail::get<J>(f), x);
                else
                    return detail::get<J>(f);
            }()...);
        }
        (std::index_sequence<I...>{});
    };
    return sum_of(term(std::integral_constant<std::size_t, I>{})...);
}

template <class E, class X>
constexpr auto derivative(E const& e, X const& x) {
    if constexpr (is_var<E>) {
        return constant < std::is_same<E, X>::value ? 1 : 0 > {};
    } else if constexpr (is_constant<E> || is_value<E>) {
        return constant<0>{};
    } else if constexpr (is_sum<E>) {
        return detail::apply([&](auto const&... t) { return sum_of(derivative(t, x)...); },
                             e.terms);
    } else if constexpr (is_product<E>) {
        return product_rule<E>(
            e.factors, x,
            std::make_index_sequence<detail::list_length<decltype(e.factors)>::value>{});
    } else if constexpr (is_power<E>) {
        auto du = derivative(e.base, x);
        auto dv = derivative(e.exponent, x);
        if constexpr (std::is_same<decltype(dv), constant<0>>::value)
            return product_of(e.exponent, power_of(e.base, sum_of(e.exponent, constant<-1>{})), du);
        else
            return product_of(e,
                              sum_of(product_of(dv, log(e.base)),
                                     product_of(e.exponent, du, power_of(e.base, constant<-1>{}))));
    } else if constexpr (is_named<E>) {
        if constexpr (is_named<X> && E::name == X::name)
            return constant<1>{};
        else
            return renamed(derivative(e.body, x), e);
    } else { // apply<Function, Argument>
        return product_of(E::function::derivative(e.argument), derivative(e.argument, x));
    }
}

// d(f, x, y, ...) in the order given: d(d(f, x), y), and so on.
template <class F, class X, class... Y>
constexpr auto derivatives(F const& f, X const& x, Y const&... y) {
    if constexpr (sizeof...(Y) == 0)
        return derivative(f, x);
    else
        return derivatives(derivative(f, x), y...);
}

// compare_v<X, A> for each X
template <class A, class... X>
constexpr std::array<int, sizeof...(X)> compared_with() {
    return {compare_v<X, A>...};
}

// The variables X... in their canonical order (order.hpp: by name, the indices of a family's
// elements as numbers; equal variables keep their places): at[r] is the argument that comes r-th.
template <class... X>
inline constexpr auto canonical_order = [] {
    constexpr std::size_t n = sizeof...(X);
    constexpr std::array<std::array<int, n>, n> cmp{compared_with<X, X...>()...};
    std::array<std::size_t, n> at{};
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t rank = 0; // how many arguments come before argument k
        for (std::size_t j = 0; j < n; ++j)
            if (cmp[k][j] < 0 || (cmp[k][j] == 0 && j < k))
                ++rank;
        at[rank] = k;
    }
    return at;
}();

template <bool Sort, class F, class... X>
constexpr auto derivatives_in_order(F const& f, X const&... x) {
    if constexpr (!Sort) {
        return derivatives(f, x...);
    } else {
        auto args = std::forward_as_tuple(x...);
        return [&]<std::size_t... R>(std::index_sequence<R...>) {
            return derivatives(f, std::get<canonical_order<X...>[R]>(args)...);
        }
        (std::index_sequence_for<X...>{});
    }
}

} // namespace detail

// d(f, x): the derivative of f by x; d(f, x, y) = d(d(f, x), y), and so on.
//
// Mixed partials by variables are taken in the variables' canonical order (by name; the indices
// of a family's elements as numbers), whatever the order of the arguments: d(f, y, x) is
// d(d(f, x), y), the same formula as d(f, x, y). They are equal wherever both are continuous
// (Schwarz), which holds wherever a symdiff formula and its derivatives are defined and finite;
// SymPy orders the variables of its Derivative the same way. Named stages keep the order given
// (differentiating by a stage holds its inputs fixed).
template <class F, class X, class... Y>
constexpr auto d(F const& f, X const& x, Y const&... y) {
    static_assert(Expression<F>, "symdiff::d: the first argument must be a symdiff formula");
    constexpr bool by_family = detail::is_family<X> || (detail::is_family<Y> || ...);
    static_assert(!by_family, "symdiff::d: cannot differentiate by a whole family of variables: "
                              "take one of its elements (w.at<0, 1>()) or its gradient "
                              "(symdiff::gradient(f, w), in the family's shape)");
    static_assert(by_family || (DifferentiationVariable<X> && (DifferentiationVariable<Y> && ...)),
                  "symdiff::d: can only differentiate by a variable (symdiff::var<\"x\">) or a "
                  "named stage (symdiff::name<\"net\">(...))");
    if constexpr (Expression<F> && DifferentiationVariable<X> &&
                  (DifferentiationVariable<Y> && ...)) {
        constexpr bool by_variables_only =
            sizeof...(Y) > 0 && detail::is_var<X> && (detail::is_var<Y> && ...);
        return detail::derivatives_in_order<by_variables_only>(f, x, y...);
    } else {
        return constant<0>{};
    }
}

} // namespace symdiff
