#pragma once
// operation_count(f): the arithmetic operations and function calls of a formula as it prints,
// counted as SymPy's count_ops counts them: each + - * / ^, each unary minus, each function
// call (sqrt included). Used to measure expression growth and evaluation cost.

#include <cstddef>

#include <symdiff/printers/layout.hpp>

namespace symdiff {
namespace detail {

template <class E>
constexpr std::size_t count_operations(E const& e);

template <class... F>
constexpr std::size_t count_fraction(list<F...> const& factors) {
    constexpr rational c = coefficient_v<F...>;
    std::size_t numerator = c.num != 1 ? 1 : 0, denominator = c.den != 1 ? 1 : 0, inside = 0;
    detail::apply(
        [&](auto const&... f) {
            (
                [&] {
                    using T = std::remove_cvref_t<decltype(f)>;
                    if constexpr (is_constant<T>) {
                    } else if constexpr (is_reciprocal<T>) {
                        ++denominator;
                        inside += count_operations(
                            power_of(f.base, constant<-decltype(f.exponent)::exact.num,
                                                      decltype(f.exponent)::exact.den>{}));
                    } else {
                        ++numerator;
                        inside += count_operations(f);
                    }
                }(),
                ...);
        },
        factors);
    std::size_t operations = inside + (numerator > 1 ? numerator - 1 : 0);
    if (denominator > 0)
        operations += 1 + (denominator - 1); // one `/`, `*` between divisors
    return operations;
}

template <class E>
constexpr std::size_t count_operations(E const& e) {
    if constexpr (is_var<E> || is_named<E>) {
        return 0;
    } else if constexpr (is_constant<E>) {
        return (E::exact.num < 0 ? 1 : 0) + (E::exact.den != 1 ? 1 : 0);
    } else if constexpr (is_value<E>) {
        return e.number < 0 ? 1 : 0;
    } else if constexpr (is_sum<E>) {
        std::size_t operations = 0, terms = 0, negatives = 0;
        detail::for_each(e.terms, [&](auto const& t) {
            ++terms;
            if constexpr (may_be_negative<std::remove_cvref_t<decltype(t)>>()) {
                if (is_negative(t)) {
                    ++negatives;
                    operations += count_operations(negate(t));
                    return;
                }
            }
            operations += count_operations(t);
        });
        // n - 1 binary + or -, and a unary minus when every term is negative
        return operations + (terms - 1) + (negatives == terms ? 1 : 0);
    } else if constexpr (is_product<E> || is_reciprocal<E>) {
        if constexpr (may_be_negative<E>()) {
            if (is_negative(e))
                return 1 + count_operations(negate(e));
        }
        if constexpr (is_reciprocal<E>)
            return count_fraction(make_list(e));
        else
            return count_fraction(e.factors);
    } else if constexpr (is_power<E>) {
        if constexpr (std::is_same<decltype(e.exponent), constant<1, 2>>::value)
            return 1 + count_operations(e.base); // sqrt(u)
        else
            return 1 + count_operations(e.base) + count_operations(e.exponent);
    } else { // apply
        return 1 + count_operations(e.argument);
    }
}

} // namespace detail

template <Expression E>
constexpr std::size_t operation_count(E const& e) {
    return detail::count_operations(e);
}

} // namespace symdiff
