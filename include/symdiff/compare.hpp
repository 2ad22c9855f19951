#pragma once
// `a == b` between formulas: the same structure (the same type) and, for stored numbers, the same
// stored values. `approx(a, b, tol)` between numbers.

#include <type_traits>
#include <utility>

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {
namespace detail {

template <class... T>
constexpr bool same_children(detail::list<T...> const& a, detail::list<T...> const& b);

template <class E>
constexpr bool same_stored_values(E const& a, E const& b) {
    if constexpr (is_stateless<E>)
        return true;
    else if constexpr (is_value<E>)
        return a.number == b.number;
    else if constexpr (is_sum<E>)
        return same_children(a.terms, b.terms);
    else if constexpr (is_product<E>)
        return same_children(a.factors, b.factors);
    else if constexpr (is_power<E>)
        return same_stored_values(a.base, b.base) && same_stored_values(a.exponent, b.exponent);
    else if constexpr (is_named<E>)
        return same_stored_values(a.body, b.body);
    else
        return same_stored_values(a.argument, b.argument);
}

template <class... T>
constexpr bool same_children(detail::list<T...> const& a, detail::list<T...> const& b) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return (same_stored_values(detail::get<I>(a), detail::get<I>(b)) && ...);
    }
    (std::index_sequence_for<T...>{});
}

} // namespace detail

template <Expression A, Expression B>
constexpr bool operator==(A const& a, B const& b) {
    if constexpr (std::is_same<A, B>::value)
        return detail::same_stored_values(a, b);
    else
        return false;
}

// |a - b| <= tol * max(1, |a|, |b|): relative for large numbers, absolute near zero.
template <class A, class B, class Tol = double>
    requires Number<A> && Number<B>
constexpr bool approx(A a, B b, Tol tol = 1e-12) {
    using T = std::common_type_t<A, B, Tol>;
    T x = static_cast<T>(a), y = static_cast<T>(b);
    T ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    T scale = ax > ay ? ax : ay;
    if (scale < T(1))
        scale = T(1);
    T diff = x > y ? x - y : y - x;
    return diff <= static_cast<T>(tol) * scale;
}

} // namespace symdiff
