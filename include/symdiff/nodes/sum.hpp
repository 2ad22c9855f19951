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

    // ((t1 + t2) + t3) + ... + tn, left to right as C++ reads `a + b + c` (and as to_cpp prints
    // a sum), in folds of at most 128 terms (clang 14 rejects a fold of more than 256 operands).
    // Left to right, each term is added as soon as it is computed (plans compute a product used
    // only by a sum inside it: plan_evaluator::inlined in gradient.hpp); a right fold,
    // t1 + (t2 + (...)), keeps every term live until the last one is computed, more values than
    // there are registers for a sum of 64 products. Plans add the same way (entry_value).
    // (Always inlined, as plans' code is: clang 14 kept a 129-term sum out of line, and the
    // plan's table in memory.)
    template <class T, class Env, class Eval>
    [[gnu::always_inline]] constexpr T evaluate_with(Env const&, Eval const& eval) const {
        return add_from<block(0), T>(first_block<T>(eval, std::make_index_sequence<block(0)>{}),
                                     eval);
    }

    // the number of terms in the block that starts at term `from` (a multiple of 128)
    static constexpr std::size_t block(std::size_t from) {
        return detail::block_length(sizeof...(Terms), from / 128);
    }
    template <class T, class Eval, std::size_t... I>
    [[gnu::always_inline]] constexpr T first_block(Eval const& eval,
                                                   std::index_sequence<I...>) const {
        return (... + T(eval(detail::get<I>(terms))));
    }
    // acc + the terms from `From` on
    template <std::size_t From, class T, class Eval>
    [[gnu::always_inline]] constexpr T add_from(T acc, Eval const& eval) const {
        if constexpr (From == sizeof...(Terms))
            return acc;
        else
            return add_from<From + block(From), T>(
                add_block<From>(acc, eval, std::make_index_sequence<block(From)>{}), eval);
    }
    template <std::size_t From, class T, class Eval, std::size_t... I>
    [[gnu::always_inline]] constexpr T add_block(T acc, Eval const& eval,
                                                 std::index_sequence<I...>) const {
        return (acc + ... + T(eval(detail::get<From + I>(terms))));
    }
};

} // namespace symdiff
