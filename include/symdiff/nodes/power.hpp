#pragma once
// `power<Base, Exponent>`: Base^Exponent; the exponent is any formula (usually an exact constant).

#include <symdiff/expression.hpp>
#include <symdiff/math/dispatch.hpp>

namespace symdiff {

template <class Base, class Exponent>
struct power : expression<power<Base, Exponent>> {
    [[no_unique_address]] Base base;
    [[no_unique_address]] Exponent exponent;

    constexpr power() = default;
    constexpr power(Base const& b, Exponent const& e) : base(b), exponent(e) {}

    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const& env, Eval const& eval) const {
        T b = eval(base);
        if constexpr (detail::is_constant<Exponent>) {
            constexpr auto e = Exponent::exact;
            if constexpr (e.den == 1)
                return math::pow_int(b, static_cast<long long>(e.num));
            else if constexpr (e.num == 1 && e.den == 2)
                return math::dispatch::sqrt(b);
            else if constexpr (e.num == -1 && e.den == 2)
                return T(1) / math::dispatch::sqrt(b);
            else
                return math::dispatch::pow(b, Exponent{}.template evaluate<T>(env));
        } else if constexpr (std::is_same_v<Exponent, value<long long>>) {
            return math::pow_int(b, exponent.number);
        } else {
            return math::dispatch::pow(b, eval(exponent));
        }
    }
};

} // namespace symdiff
