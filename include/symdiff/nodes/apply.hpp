#pragma once
// `apply<Function, Argument>`: an elementary function (see functions/) applied to a formula.

#include <symdiff/expression.hpp>

namespace symdiff {

template <class Function, class Argument>
struct apply : expression<apply<Function, Argument>> {
    using function = Function;
    [[no_unique_address]] Argument argument;

    constexpr apply() = default;
    constexpr explicit apply(Argument const& a) : argument(a) {}

    // f(x) from the argument's value x (tree evaluation and plans' tables both use it)
    template <class T>
    [[gnu::always_inline]] static constexpr T combine(T x) {
        return Function::value(x);
    }
    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const&, Eval const& eval) const {
        return combine<T>(eval(argument));
    }
};

} // namespace symdiff
