#pragma once
// `product<Factors...>`: a flattened n-ary product; an exact coefficient, if any, comes first.
// Division is a product with a negative power (`a / b` is `a * b^-1`).

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

#include <type_traits>

namespace symdiff {

template <class... Factors>
struct product : expression<product<Factors...>> {
    static_assert(sizeof...(Factors) >= 2);
    [[no_unique_address]] detail::list<Factors...> factors;

    constexpr product() = default;
    constexpr explicit product(detail::list<Factors...> const& f) : factors(f) {}

    // The first factor and the product of the rest (the rest itself when it is one factor):
    // what plans compute a product from, so that they can share the rest (plan.hpp's
    // children_t is the same split, as types).
    constexpr auto head_and_tail() const {
        return detail::apply(
            [](auto const& first, auto const&... rest) {
                if constexpr (sizeof...(rest) == 1)
                    return detail::make_list(first, rest...);
                else
                    return detail::make_list(first, product<std::remove_cvref_t<decltype(rest)>...>{
                                                        detail::make_list(rest...)});
            },
            factors);
    }

    // The first factor times the product of the rest (tree evaluation and plans' tables both
    // use combine).
    template <class T>
    [[gnu::always_inline]] static constexpr T combine(T first, T rest) {
        return first * rest;
    }
    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const&, Eval const& eval) const {
        auto const split = head_and_tail();
        return combine<T>(eval(detail::get<0>(split)), eval(detail::get<1>(split)));
    }
};

} // namespace symdiff
