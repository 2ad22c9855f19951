// Chains of binary + and *, as users write them (`x0 * w0 + x1 * w1 + ... + b`), take a quick
// path in build.hpp (an operand inserted into a canonical node, or two single operands put in
// order) instead of the general constructor. Whatever the path, the type must be the one the
// general constructor gives for all the operands at once (sum_of and product_of of three or
// more operands always take it), and must not depend on the order the operands are written in.

#include <cstddef>
#include <type_traits>
#include <utility>

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::product_of;
using symdiff::sum_of;

// Numbered names (w1 < w2 < w10, numbers compare as numbers); b goes between the terms.
constexpr symdiff::var<"w1"> w1;
constexpr symdiff::var<"w2"> w2;
constexpr symdiff::var<"w10"> w10;
constexpr symdiff::var<"x1"> x1;
constexpr symdiff::var<"x2"> x2;
constexpr symdiff::var<"x10"> x10;
constexpr symdiff::var<"b"> b;
constexpr symdiff::vars<"v", 3> v;

template <class A, class B>
constexpr bool same_type(A const&, B const&) {
    return std::is_same_v<A, B>;
}

// A neuron's sum, written in several orders, against all terms at once.
constexpr auto all_at_once = sum_of(x10 * w10, b, x2* w2, x1* w1);
static_assert(same_type(x1 * w1 + x2 * w2 + x10 * w10 + b, all_at_once));
static_assert(same_type(x10 * w10 + x2 * w2 + x1 * w1 + b, all_at_once));
static_assert(same_type(b + x2 * w2 + x10 * w10 + x1 * w1, all_at_once));
static_assert(same_type(w1 * x1 + (w10 * x10 + (b + w2 * x2)), all_at_once));
static_assert(same_type(x1 * w1 + x2 * w2 + x10 * w10 + b,
                        symdiff::sum_over<1>([](auto) { return x1 * w1; }) + x2 * w2 + x10 * w10 +
                            b));
static_assert(
    std::is_same_v<std::remove_cv_t<decltype(all_at_once)>,
                   symdiff::sum<decltype(product_of(w1, x1)), decltype(product_of(w2, x2)),
                                decltype(product_of(w10, x10)), symdiff::var<"b">>>);

// Numbers in names compare as numbers (x2 before x10); names that differ only in leading zeros
// are different variables, the shorter spelling first.
constexpr symdiff::var<"x01"> x01;
static_assert(
    std::is_same_v<decltype(x10 + x2), symdiff::sum<symdiff::var<"x2">, symdiff::var<"x10">>>);
static_assert(
    std::is_same_v<decltype(x01 + x1), symdiff::sum<symdiff::var<"x1">, symdiff::var<"x01">>>);
static_assert(same_type(x01 * x1 * x2, product_of(x2, x1, x01)));
static_assert(!same_type(x01 + x2, x1 + x2));

// Products in any order.
constexpr auto factors = product_of(x1, w2, x10, w1);
static_assert(same_type(x1 * w2 * x10 * w1, factors));
static_assert(same_type(w1 * x10 * w2 * x1, factors));
static_assert(same_type(w2 * (x1 * (w1 * x10)), factors));
static_assert(same_type(x1 * w1, w1* x1));
static_assert(
    std::is_same_v<decltype(x1 * w1), symdiff::product<symdiff::var<"w1">, symdiff::var<"x1">>>);

// Like terms and factors are collected, whatever the path: the quick one never applies to them.
static_assert(same_type(x1 * w1 + x2 + x1 * w1, sum_of(2_c * x1 * w1, x2)));
static_assert(same_type(x1 + w1 - x1, w1));
static_assert(same_type(x1 * w1 * x1, product_of(pow(x1, 2_c), w1)));
static_assert(same_type(x1 * w1 / x1, w1));
static_assert(same_type(w1 + x1 + 3_c * w1, sum_of(4_c * w1, x1)));
static_assert(same_type(x1 * w1 + x2 - x1 * w1, x2));
// ... also next to the first or the last of three operands
static_assert(same_type(x1 * w1 + x2 * w2 + x10 * w10 + x10 * w10,
                        sum_of(x1* w1, x2* w2, 2_c * x10 * w10)));
static_assert(same_type(x1 * w1 + x2 * w2 + x10 * w10 + w1 * x1,
                        sum_of(2_c * x1 * w1, x2* w2, x10* w10)));
static_assert(same_type(x1 * w2 * x10 * x10, product_of(x1, w2, pow(x10, 2_c))));

// Coefficients, negated terms, powers and functions among the operands.
static_assert(same_type(2_c * x1 + x2 - w10 + tanh(w2), sum_of(tanh(w2), -w10, x2, 2_c * x1)));
static_assert(same_type(pow(x1, 2_c) * w2 * exp(w1), product_of(exp(w1), w2, pow(x1, 2_c))));
static_assert(same_type(tanh(x1 * w1 + b) * x2 + w2, sum_of(w2, x2* tanh(b + w1 * x1))));

// Exact constants sit at the end of a sum and the front of a product; adding to such a node,
// or adding a number, takes the general path and folds.
static_assert(same_type(x1 + 1_c + w1 + 2_c, sum_of(w1, x1, 3_c)));
static_assert(same_type(2_c * x1 * w1 * 3_c, product_of(6_c, w1, x1)));
static_assert(same_type(x1 * w1 + 1_c + x2 * w2, sum_of(1_c, x2* w2, x1* w1)));

// An exact constant and one operand that is neither a number nor a node of the kind (`loss / 2_c`,
// `2_c * x`, `-t`, `x + 1_c`) take a quick path too; a third operand, the identity (1_c, 0_c),
// sends product_of and sum_of down the general path, which must give the same type.
static_assert(same_type(x1 / 2_c, product_of(1_c / 2_c, x1, 1_c)));
static_assert(same_type(x1 * 2_c, product_of(2_c, x1, 1_c)));
static_assert(same_type(-x1, product_of(-1_c, x1, 1_c)));
static_assert(same_type(3_c * tanh(x1 * w1 + b), product_of(3_c, tanh(b + w1 * x1), 1_c)));
static_assert(same_type(pow(tanh(x1) - w1, 2_c) / 2_c,
                        product_of(pow(tanh(x1) - w1, 2_c), 1_c / 2_c, 1_c)));
static_assert(same_type(2_c * (x1 + w1), product_of(2_c, x1 + w1, 1_c)));
static_assert(same_type(x1 + 1_c, sum_of(1_c, x1, 0_c)));
static_assert(same_type(2_c + tanh(x1), sum_of(tanh(x1), 2_c, 0_c)));
static_assert(same_type(-1_c + x1 * w1, sum_of(x1* w1, -1_c, 0_c)));
// ... the identity and zero
static_assert(same_type(1_c * tanh(x1), tanh(x1)));
static_assert(same_type(x1 + 0_c, x1));
static_assert(same_type(0_c * tanh(x1), 0_c));
// ... and not for a power of a number, which build() collects with it (2 * 2^x = 2^(1 + x)), nor
// for a node of the kind (2 * (x * y) is one product)
static_assert(same_type(2_c * pow(2_c, x1), product_of(pow(2_c, x1), 2_c, 1_c)));
static_assert(same_type(2_c * pow(2_c, x1), pow(2_c, 1_c + x1)));
static_assert(same_type(2_c * (x1 * w1), product_of(2_c, w1, x1)));
static_assert(same_type((x1 + w1) + 2_c, sum_of(w1, x1, 2_c)));

// Family elements, ordered by index as numbers (v[2] after v[1]).
static_assert(same_type(v.at<2>() * x2 + v.at<1>() * x1 + v.at<0>(),
                        sum_of(v.at<0>(), v.at<1>() * x1, v.at<2>() * x2)));

// Stored numbers (not stateless): the general path, the values kept.
constexpr auto stored = x1 * w1 + 0.5 * x2 + w2;
static_assert(same_type(stored, sum_of(w2, 0.5 * x2, x1* w1)));
static_assert(stored(x1 = 2.0, w1 = 3.0, x2 = 4.0, w2 = 1.0) == 6.0 + 2.0 + 1.0);
static_assert((x1 * w1 + x2 * w2 + x10 * w10 + b)(x1 = 1.0, w1 = 2.0, x2 = 3.0, w2 = 4.0, x10 = 5.0,
                                                  w10 = 6.0, b = 0.5) == 44.5);

// Evaluations with many bindings (more than detail::many_bindings, 64) go through a plan rather
// than the tree (evaluate.hpp); the value is the same. 40 inputs: 80 bindings.
template <char C, std::size_t I>
constexpr symdiff::fixed_string<4> indexed_name() {
    char const text[4] = {C, static_cast<char>('0' + I / 10), static_cast<char>('0' + I % 10), 0};
    return symdiff::fixed_string<4>(text);
}
template <std::size_t I>
constexpr symdiff::var<indexed_name<'x', I>()> xs{};
template <std::size_t I>
constexpr symdiff::var<indexed_name<'w', I>()> ws{};
template <std::size_t... I>
constexpr double weighted_sum(std::index_sequence<I...>) {
    constexpr auto f = (... + (xs<I> * ws<I>)) + b; // a chain of binary +
    return f((xs<I> = static_cast<double>(I))..., (ws<I> = 2.0)..., b = 0.5);
}
static_assert(weighted_sum(std::make_index_sequence<40>{}) == 2.0 * (39 * 40 / 2) + 0.5); // plan
static_assert(weighted_sum(std::make_index_sequence<20>{}) == 2.0 * (19 * 20 / 2) + 0.5); // tree

// The terms of a chain are stateless (empty types), so each intermediate sum stores nothing
// (detail::list's stateless form, chosen by one constraint over all the terms). On clang 14 that
// constraint is a fold for at most 256 types and another test beyond (a longer fold is an error
// there): both sides of 256, with and without a stored number among the types.
template <std::size_t I>
struct empty_term {};
template <std::size_t N, class Extra>
constexpr bool stateless_list(Extra) {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        return symdiff::detail::is_stateless_list<symdiff::detail::list<empty_term<I>..., Extra>>;
    }
    (std::make_index_sequence<N>{});
}
static_assert(stateless_list<255>(empty_term<1000>{})); // 256 types
static_assert(stateless_list<256>(empty_term<1000>{})); // 257
static_assert(stateless_list<299>(empty_term<1000>{})); // 300
static_assert(!stateless_list<255>(symdiff::value<double>{}));
static_assert(!stateless_list<256>(symdiff::value<double>{}));
static_assert(!stateless_list<299>(symdiff::value<double>{}));
static_assert(sizeof(symdiff::detail::list<empty_term<0>, empty_term<1>>) == 1);
