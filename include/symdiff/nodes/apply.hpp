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

    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const&, Eval const& eval) const {
        return Function::value(eval(argument));
    }
};

} // namespace symdiff
