#pragma once
// `sum<Terms...>`: a flattened n-ary sum. Built by the smart constructors in build.hpp, which fold
// exact constants and drop zeros; subtraction is a sum with a negated term.

#include <tuple>

#include <symdiff/expression.hpp>

namespace symdiff {

template <class... Terms>
struct sum : expression<sum<Terms...>> {
    static_assert(sizeof...(Terms) >= 2);
    [[no_unique_address]] std::tuple<Terms...> terms;

    constexpr sum() = default;
    constexpr explicit sum(std::tuple<Terms...> const& t) : terms(t) {}

    template <class T, class Env>
    constexpr T evaluate(Env const& env) const {
        return std::apply([&](auto const&... t) { return (t.template evaluate<T>(env) + ...); },
                          terms);
    }
};

}  // namespace symdiff
