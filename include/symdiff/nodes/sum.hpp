#pragma once
// `sum<Terms...>`: a flattened n-ary sum. Built by the smart constructors in build.hpp, which fold
// exact constants and drop zeros; subtraction is a sum with a negated term.

#include <cstddef>
#include <utility>

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

template <class... Terms>
struct sum : expression<sum<Terms...>> {
    static_assert(sizeof...(Terms) >= 2);
    [[no_unique_address]] detail::list<Terms...> terms;

    constexpr sum() = default;
    constexpr explicit sum(detail::list<Terms...> const& t) : terms(t) {}

    // t1 + (t2 + (... + tn)), in folds of at most 128 terms (clang 14 rejects a fold of more
    // than 256 operands): each block adds its terms to the sum of the blocks after it.
    // (Always inlined, as plans' code is: clang 14 kept a 129-term sum out of line, and the
    // plan's table in memory.)
    template <class T, class Env, class Eval>
    [[gnu::always_inline]] constexpr T evaluate_with(Env const&, Eval const& eval) const {
        return sum_from<0, T>(eval, std::make_index_sequence<block(0)>{});
    }

    // the number of terms in the block that starts at term `from`
    static constexpr std::size_t block(std::size_t from) {
        return sizeof...(Terms) - from > 128 ? 128 : sizeof...(Terms) - from;
    }
    template <std::size_t From, class T, class Eval, std::size_t... I>
    [[gnu::always_inline]] constexpr T sum_from(Eval const& eval, std::index_sequence<I...>) const {
        if constexpr (From + sizeof...(I) == sizeof...(Terms)) {
            return (eval(detail::get<From + I>(terms)) + ...);
        } else {
            constexpr std::size_t next = From + sizeof...(I);
            T rest = sum_from<next, T>(eval, std::make_index_sequence<block(next)>{});
            return (eval(detail::get<From + I>(terms)) + ... + rest);
        }
    }
};

} // namespace symdiff
