#pragma once
// `sum<Terms...>`: a flattened n-ary sum. Built by the smart constructors in build.hpp, which fold
// exact constants and drop zeros; subtraction is a sum with a negated term.

#include <cstddef>

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

template <class... Terms>
struct sum : expression<sum<Terms...>> {
    static_assert(sizeof...(Terms) >= 2);
    [[no_unique_address]] detail::list<Terms...> terms;

    constexpr sum() = default;
    constexpr explicit sum(detail::list<Terms...> const& t) : terms(t) {}

    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const&, Eval const& eval) const {
        if constexpr (sizeof...(Terms) <= 128) {
            return detail::apply([&](auto const&... t) { return (eval(t) + ...); }, terms);
        } else { // clang 14 rejects a fold of more than 256 operands: the same sum, as a loop
            return detail::apply(
                [&](auto const&... t) {
                    T v[] = {eval(t)...};
                    T s = v[sizeof...(Terms) - 1];
                    for (std::size_t i = sizeof...(Terms) - 1; i-- > 0;)
                        s = v[i] + s; // t1 + (t2 + (... + tn)), as the fold
                    return s;
                },
                terms);
        }
    }
};

} // namespace symdiff
