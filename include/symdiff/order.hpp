#pragma once
// A total order on formula types, so that operands can be sorted into one canonical order:
// `a * b` and `b * a` are the same type. compare_v<A, B> is -1, 0 or 1.
//
// Kinds first (numbers, variables, named stages, functions, powers, products, sums), then within
// a kind: variables and stages by name (numbers in names as numbers: x2 < x10), functions by
// name then argument, powers by base then exponent, sums and products by their operands,
// lexicographically.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

namespace symdiff::detail {

template <class A, class B>
constexpr int compare();

// Memoized: each pair of types is compared once per translation unit.
template <class A, class B>
inline constexpr int compare_v = compare<A, B>();

// (A class, not a function template: g++ mangles the name of every function and variable
// template it instantiates, and this is asked of every subformula.)
template <class E>
struct kind_rank : std::integral_constant<int, is_constant<E>  ? 0
                                               : is_value<E>   ? 1
                                               : is_var<E>     ? 2
                                               : is_named<E>   ? 3
                                               : is_power<E>   ? 5
                                               : is_product<E> ? 6
                                               : is_sum<E>     ? 7
                                                               : 4> {}; // 4: apply

constexpr int compare_numbers(long double a, long double b) {
    return a < b ? -1 : b < a ? 1 : 0;
}
constexpr int compare_text(std::string_view a, std::string_view b) {
    return a < b ? -1 : b < a ? 1 : 0;
}

// Names of variables and stages: as text, except that runs of digits compare as numbers, so
// that x2 comes before x10 and w[2] before w[10] (as people number things). Equal numbers spelled
// with leading zeros (x01, x1) are told apart last, by the first such run (the shorter spelling
// first): different names never compare equal. (Numbered names in counting order also keep a
// chain `x0 * w0 + x1 * w1 + ...` cheap to build: each new term goes at the end of the sum
// instead of between two others, where it would shift every term after it.)
constexpr int compare_names(std::string_view a, std::string_view b) {
    int spelling = 0; // the first difference of leading zeros
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t ea = i, eb = j;
            while (ea < a.size() && is_digit(a[ea]))
                ++ea;
            while (eb < b.size() && is_digit(b[eb]))
                ++eb;
            std::size_t sa = i, sb = j; // the significant digits
            while (sa + 1 < ea && a[sa] == '0')
                ++sa;
            while (sb + 1 < eb && b[sb] == '0')
                ++sb;
            if (ea - sa != eb - sb)
                return ea - sa < eb - sb ? -1 : 1;
            for (std::size_t k = 0; k < ea - sa; ++k)
                if (a[sa + k] != b[sb + k])
                    return a[sa + k] < b[sb + k] ? -1 : 1;
            if (spelling == 0 && ea - i != eb - j)
                spelling = ea - i < eb - j ? -1 : 1;
            i = ea;
            j = eb;
        } else if (a[i] != b[j]) {
            return a[i] < b[j] ? -1 : 1;
        } else {
            ++i;
            ++j;
        }
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j ? -1 : 1;
    return spelling;
}
// Operand lists, element by element; the first difference decides, and the elements after it
// are never compared (nor instantiated: comparing two hidden units of a network stops at their
// first differing weight instead of walking both trees).
template <class LA, class LB, std::size_t I>
constexpr int compare_from() {
    constexpr std::size_t na = list_length<LA>::value, nb = list_length<LB>::value;
    if constexpr (I == na || I == nb) {
        return compare_numbers(na, nb);
    } else {
        constexpr int here = compare_v<list_element<I, LA>, list_element<I, LB>>;
        if constexpr (here != 0)
            return here;
        else
            return compare_from<LA, LB, I + 1>();
    }
}

template <class A, class B>
constexpr int compare() {
    if constexpr (std::is_same<A, B>::value) {
        return 0;
    } else if constexpr (kind_rank<A>::value != kind_rank<B>::value) {
        return kind_rank<A>::value < kind_rank<B>::value ? -1 : 1;
    } else if constexpr (is_constant<A>) {
        // by value; ties (impossible for reduced fractions) by numerator
        int by_value = compare_numbers(static_cast<long double>(A::exact.num) / A::exact.den,
                                       static_cast<long double>(B::exact.num) / B::exact.den);
        return by_value != 0 ? by_value : compare_numbers(A::exact.num, B::exact.num);
    } else if constexpr (is_value<A>) {
        // stored numbers of different types: by type (the numbers are not known to the type)
        using TA = decltype(A::number);
        using TB = decltype(B::number);
        return compare_numbers(std::is_floating_point_v<TA> * 100 + sizeof(TA),
                               std::is_floating_point_v<TB> * 100 + sizeof(TB));
    } else if constexpr (is_var<A>) {
        return compare_names(A::name.view(), B::name.view());
    } else if constexpr (is_named<A>) {
        constexpr int by_name = compare_names(A::name.view(), B::name.view());
        if constexpr (by_name != 0)
            return by_name;
        else
            return compare_v<decltype(A::body), decltype(B::body)>;
    } else if constexpr (is_power<A>) {
        constexpr int by_base = compare_v<decltype(A::base), decltype(B::base)>;
        if constexpr (by_base != 0)
            return by_base;
        else
            return compare_v<decltype(A::exponent), decltype(B::exponent)>;
    } else if constexpr (is_product<A>) {
        return compare_from<std::remove_cvref_t<decltype(A::factors)>,
                            std::remove_cvref_t<decltype(B::factors)>, 0>();
    } else if constexpr (is_sum<A>) {
        return compare_from<std::remove_cvref_t<decltype(A::terms)>,
                            std::remove_cvref_t<decltype(B::terms)>, 0>();
    } else { // apply
        constexpr int by_name = compare_text(A::function::name, B::function::name);
        if constexpr (by_name != 0)
            return by_name;
        else
            return compare_v<decltype(A::argument), decltype(B::argument)>;
    }
}

} // namespace symdiff::detail
