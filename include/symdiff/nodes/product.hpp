#pragma once
// `product<Factors...>`: a flattened n-ary product; an exact coefficient, if any, comes first.
// Division is a product with a negative power (`a / b` is `a * b^-1`).


#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

template <class... Factors>
struct product : expression<product<Factors...>> {
    static_assert(sizeof...(Factors) >= 2);
    [[no_unique_address]] detail::list<Factors...> factors;

    constexpr product() = default;
    constexpr explicit product(detail::list<Factors...> const& f) : factors(f) {}

    template <class T, class Env>
    constexpr T evaluate(Env const& env) const {
        return detail::apply([&](auto const&... f) { return (f.template evaluate<T>(env) * ...); },
                          factors);
    }
};

}  // namespace symdiff
