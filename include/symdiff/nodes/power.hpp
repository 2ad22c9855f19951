#pragma once
// `power<Base, Exponent>`: Base^Exponent; the exponent is any formula (usually an exact constant).

#include <symdiff/expression.hpp>
#include <symdiff/math/dispatch.hpp>

namespace symdiff {

namespace detail {
// b^x from the values of the base and of the exponent, for the exponent's type Exponent (named
// by it alone, not by the base's type: plan entries use it; see step_of in adjoint.hpp): an
// exact exponent is read from the type (integers by repeated multiplication, 1/2 and -1/2 by
// sqrt), x is then its value; any other exponent, math::pow.
template <class Exponent>
struct power_arithmetic {
    template <class T>
    [[gnu::always_inline]] static constexpr T combine(T b, T x) {
        if constexpr (is_constant<Exponent>) {
            constexpr auto e = Exponent::exact;
            if constexpr (e.den == 1)
                return math::pow_int(b, static_cast<long long>(e.num));
            else if constexpr (e.num == 1 && e.den == 2)
                return math::dispatch::sqrt(b);
            else if constexpr (e.num == -1 && e.den == 2)
                return T(1) / math::dispatch::sqrt(b);
            else
                return math::dispatch::pow(b, x);
        } else {
            return math::dispatch::pow(b, x);
        }
    }
};
} // namespace detail

template <class Base, class Exponent>
struct power : expression<power<Base, Exponent>> {
    [[no_unique_address]] Base base;
    [[no_unique_address]] Exponent exponent;

    constexpr power() = default;
    constexpr power(Base const& b, Exponent const& e) : base(b), exponent(e) {}

    // b^x from the values of the base and of the exponent (power_arithmetic: the one place that
    // knows a power's arithmetic; tree evaluation and plans' tables both use it).
    template <class T>
    [[gnu::always_inline]] static constexpr T combine(T b, T x) {
        return detail::power_arithmetic<Exponent>::template combine<T>(b, x);
    }

    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const& env, Eval const& eval) const {
        if constexpr (detail::is_constant<Exponent>)
            return combine<T>(eval(base), Exponent{}.template evaluate<T>(env));
        else if constexpr (std::is_same<Exponent, value<long long>>::value)
            return math::pow_int(eval(base), exponent.number);
        else
            return combine<T>(eval(base), eval(exponent));
    }
};

} // namespace symdiff
