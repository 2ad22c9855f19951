#pragma once
// `value<T>`: a plain number written in a formula (`2.0 * x`, `x / 3`): the only node with data.
// It does not widen the scalar type of an evaluation: it is converted to the bindings' type.

#include <symdiff/expression.hpp>

namespace symdiff {

template <class T>
struct value : expression<value<T>> {
    T number{};

    constexpr value() = default;
    constexpr explicit value(T n) : number(n) {}

    template <class S, class Env>
    constexpr S evaluate(Env const&) const {
        return static_cast<S>(number);
    }
};

// Integers are stored as long long (so `pow(e, 3)` keeps an integer exponent), floating-point
// numbers as they are.
template <Number N>
using stored_type = std::conditional_t<std::is_integral_v<N>, long long, N>;

} // namespace symdiff
