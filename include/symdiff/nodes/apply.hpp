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

    template <class T, class Env>
    constexpr T evaluate(Env const& env) const {
        return Function::value(argument.template evaluate<T>(env));
    }
};

}  // namespace symdiff
