#pragma once
// The smart constructors: every formula is built through these, so that it comes out flattened
// and folded. Sums and products are n-ary; exact constants are folded and put first; like terms
// (`x + x` -> `2 * x`) and like factors (`x * x^2` -> `x^3`) are collected; zeros and ones vanish.
// Subtraction is a sum with a negated term, division a product with a negative power.

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/utility.hpp>

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>
#include <symdiff/nodes/apply.hpp>
#include <symdiff/nodes/constant.hpp>
#include <symdiff/nodes/indexed.hpp>
#include <symdiff/nodes/named.hpp>
#include <symdiff/nodes/power.hpp>
#include <symdiff/nodes/product.hpp>
#include <symdiff/nodes/sum.hpp>
#include <symdiff/nodes/value.hpp>
#include <symdiff/nodes/variable.hpp>
#include <symdiff/order.hpp>

namespace symdiff {
namespace detail {
namespace { // internal linkage, as the smart constructors' (below)

template <class T>
concept is_number_node = is_constant<T> || is_value<T>;

template <auto Indices>
inline constexpr bool is_identity = [] {
    for (std::size_t i = 0; i < Indices.size(); ++i)
        if (Indices[i] != i)
            return false;
    return true;
}();

// The elements of the list t at Indices. (t itself when that is all of them in order, as for the
// terms of a sum_over, already sorted: each get<i> deduces one of the list's n bases, O(n^2).)
template <auto Indices, class Tuple>
constexpr auto pick(Tuple const& t) {
    if constexpr (Indices.size() == list_length<Tuple>::value && is_identity<Indices>)
        return t;
    else
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return make_list(get<Indices[I]>(t)...);
        }
    (std::make_index_sequence<Indices.size()>{});
}

// The type a set of stored numbers folds into.
template <class... V>
using folded_type = std::common_type_t<V...>;

// What differs between sums and products, so that one algorithm builds both.
struct sum_kind {
    static constexpr rational identity{0};
    static constexpr rational combine(rational a, rational b) { return a + b; }
    template <class T>
    static constexpr T combine(T a, T b) {
        return a + b;
    }
    static constexpr bool annihilates(rational) { return false; }
    template <class E>
    static constexpr bool is_same_kind = is_sum<E>;
    template <class E>
    static constexpr auto operands(E const& e) {
        return e.terms;
    }
    template <class... T>
    using node = sum<T...>;
    // the number of a sum goes last (`x + 1/2`, `1 - x^2` prints positive terms first)
    template <class N, class R>
    static constexpr auto with_number(N const& n, R const& rest) {
        return detail::concat(rest, detail::make_list<N>(n));
    }
};
struct product_kind {
    static constexpr rational identity{1};
    static constexpr rational combine(rational a, rational b) { return a * b; }
    template <class T>
    static constexpr T combine(T a, T b) {
        return a * b;
    }
    static constexpr bool annihilates(rational c) { return c == rational{0}; }
    template <class E>
    static constexpr bool is_same_kind = is_product<E>;
    template <class E>
    static constexpr auto operands(E const& e) {
        return e.factors;
    }
    template <class... T>
    using node = product<T...>;
    // the coefficient of a product goes first (`2 * x`)
    template <class N, class R>
    static constexpr auto with_number(N const& n, R const& rest) {
        return detail::concat(detail::make_list<N>(n), rest);
    }
};

template <class Kind, class E>
constexpr auto operands_of(E const& e) {
    if constexpr (Kind::template is_same_kind<E>)
        return Kind::operands(e);
    else
        return detail::make_list<E>(e);
}

template <class Kind, class... T>
constexpr auto assemble(detail::list<T...> const& t) {
    if constexpr (sizeof...(T) == 0)
        return constant<Kind::identity.num, Kind::identity.den>{};
    else if constexpr (sizeof...(T) == 1)
        return detail::get<0>(t);
    else
        return typename Kind::template node<T...>{t};
}

template <class Kind, class... T>
constexpr auto build(detail::list<T...> const& t);

// Whether `a + b` (and likewise `a * b`) is quick: one operand put into its place in an already
// canonical node (the chain `x0 * w0 + x1 * w1 + ... + b`), or two single operands put in order
// (`x0 * w0`): `::value`, and the result as `::type` (defined below).
// (Class templates throughout, named by the node's operands, never function or variable
// templates: g++ mangles the name of every function and variable template it instantiates, at a
// cost quadratic in the name's length, and a name that spells a sum of k terms is O(k) long.)
template <class E>
struct node_kind {
    using type = void;
};
template <class... T>
struct node_kind<sum<T...>> {
    using type = sum_kind;
};
template <class... T>
struct node_kind<product<T...>> {
    using type = product_kind;
};
template <class Kind, class A, class B, class KindA = typename node_kind<A>::type,
          class KindB = typename node_kind<B>::type>
struct quick;
template <class Kind, class... E>
struct quick_of : std::false_type {};
template <class Kind, class A, class B>
struct quick_of<Kind, A, B> : quick<Kind, A, B> {};

} // namespace
} // namespace detail

// The smart constructors. (With the operators, pow and the elementary functions, in an inline
// unnamed namespace: internal linkage, so that g++ does not name each instantiation, whose name
// spells the whole formula: the 256-input chain's outermost operations, /, pow, -, tanh and
// the functions they call, were 12 names of 24,000 characters each. See "Internal linkage" in
// gradient.hpp.)
inline namespace {
template <class... E>
    requires detail::all_v<Expression<E>...>
constexpr auto sum_of(E const&... e) {
    if constexpr (detail::quick_of<detail::sum_kind, E...>::value)
        return typename detail::quick_of<detail::sum_kind, E...>::type{};
    else if constexpr (!detail::any_v<detail::sum_kind::is_same_kind<E>...>) // nothing to flatten
        return detail::build<detail::sum_kind>(detail::make_list(e...));
    else
        return detail::build<detail::sum_kind>(
            detail::concat(detail::operands_of<detail::sum_kind>(e)...));
}
template <class... E>
    requires detail::all_v<Expression<E>...>
constexpr auto product_of(E const&... e) {
    if constexpr (detail::quick_of<detail::product_kind, E...>::value)
        return typename detail::quick_of<detail::product_kind, E...>::type{};
    else if constexpr (!detail::any_v<detail::product_kind::is_same_kind<E>...>)
        return detail::build<detail::product_kind>(detail::make_list(e...));
    else
        return detail::build<detail::product_kind>(
            detail::concat(detail::operands_of<detail::product_kind>(e)...));
}
template <Expression B, Expression E>
constexpr auto power_of(B const& base, E const& exponent);
} // namespace

namespace detail {
namespace { // internal linkage, as the smart constructors' (above)

// Like terms and like factors: a term is coefficient * key (`3 * x * y`: 3 and x * y), a factor is
// key^weight (`x^3`: x and 3). Operands with the same key are collected into one.
template <class Kind, class E>
constexpr auto key_of(E const& e) {
    if constexpr (std::is_same<Kind, sum_kind>::value && is_product<E>) {
        if constexpr (is_constant<detail::list_element<0, decltype(e.factors)>>)
            return detail::apply(
                [](auto const&, auto const&... r) {
                    return assemble<product_kind>(make_list(r...));
                },
                e.factors);
        else
            return e;
    } else if constexpr (std::is_same<Kind, product_kind>::value && is_power<E>) {
        return e.base;
    } else {
        return e;
    }
}
template <class Kind, class E>
constexpr auto weight_of(E const& e) {
    if constexpr (std::is_same<Kind, sum_kind>::value && is_product<E>) {
        using first = detail::list_element<0, decltype(e.factors)>;
        if constexpr (is_constant<first>)
            return first{};
        else
            return constant<1>{};
    } else if constexpr (std::is_same<Kind, product_kind>::value && is_power<E>) {
        return e.exponent;
    } else {
        return constant<1>{};
    }
}
template <class Kind, class Key, class Weight>
constexpr auto rebuild(Key const& key, Weight const& weight) {
    if constexpr (std::is_same<Kind, sum_kind>::value)
        return product_of(weight, key);
    else
        return power_of(key, weight);
}

// The canonical order of operands: by key, then by weight, so like operands are neighbours and
// `a * b`, `b * a` are the same type. Factors go from simple to compound kinds
// (`2 * x * exp(x) * (x + 1)`), terms from compound to simple (`x * y + x^2 + x + 1`), as people
// write them.
template <class Kind, class A, class B>
constexpr int operand_compare() {
    using key_a = decltype(key_of<Kind>(std::declval<A const&>()));
    using key_b = decltype(key_of<Kind>(std::declval<B const&>()));
    if constexpr (std::is_same<Kind, sum_kind>::value &&
                  kind_rank<key_a>::value != kind_rank<key_b>::value) {
        return kind_rank<key_a>::value < kind_rank<key_b>::value ? 1 : -1;
    } else if constexpr (!std::is_same<key_a, key_b>::value) {
        return compare_v<key_a, key_b>;
    } else {
        return compare_v<decltype(weight_of<Kind>(std::declval<A const&>())),
                         decltype(weight_of<Kind>(std::declval<B const&>()))>;
    }
}

template <class Kind>
struct operand_less { // on mp_list<position, type>
    template <class A, class B>
    using fn = boost::mp11::mp_bool<(
        operand_compare<Kind, boost::mp11::mp_second<A>, boost::mp11::mp_second<B>>() < 0)>;
};
struct is_number_entry {
    template <class A>
    using fn = boost::mp11::mp_bool<is_number_node<boost::mp11::mp_second<A>>>;
};

// Where X goes among the sorted entries Lo..Hi of Prefix: after every entry not greater.
template <class Kind, class Prefix, class X, std::size_t Lo, std::size_t Hi>
constexpr std::size_t insertion_point() {
    if constexpr (Lo == Hi) {
        return Lo;
    } else {
        constexpr std::size_t mid = (Lo + Hi) / 2;
        if constexpr (operand_compare<
                          Kind, boost::mp11::mp_second<boost::mp11::mp_at_c<Prefix, mid>>, X>() <=
                      0)
            return insertion_point<Kind, Prefix, X, mid + 1, Hi>();
        else
            return insertion_point<Kind, Prefix, X, Lo, mid>();
    }
}

// A chain of binary `+` (`x0 * w0 + x1 * w1 + ... + b`, as users write a neuron) builds a sum of
// n terms in n steps. Through build() every step instantiated some 25 functions and variable
// templates whose names spell the whole sum so far; g++ mangles each of them, at a cost
// quadratic in the length of the name, so the chain took O(n^3): 9.7 s at N = 32, 29 s at
// N = 64 and over 90 s at N = 128 (g++ 12, with the gradient; clang 14 5.9 / 18.6 s / failed).
// The quick cases below make the result without build(), in class templates only (which g++
// does not mangle), exactly as build() would order it, and, as the formulas are stateless
// (empty types), without touching the operands:
// - a canonical node of the kind and one more operand, which goes between two of the node's
//   operands without a like neighbour: the node with the operand inserted (after every operand
//   not greater, found by binary search with build()'s comparison);
// - two single operands (not nodes of the kind, not numbers) with different keys: the node of
//   the two, in order (`x0 * w0`);
// - an exact constant and a single operand (not a node of the kind, not a number, in a product
//   not a power of a number): the operand, 0, or the node of the two (`loss / 2_c`, `-t`).

// Operand I of a node's operands list<T...> (list_element: the builtin on clang; on g++ one
// overload resolution, where boost::mp11::mp_at_c builds a map of n pairs and a class with n
// bases per list).
template <class L, std::size_t I>
using operand_at = list_element<I, L>;
// The last of the operands in L (detail/list.hpp: without the builtin, no overload resolution).
template <class L>
using last_operand = typename last_of_list<L>::type;

template <class Kind, class E>
using key_t = decltype(key_of<Kind>(std::declval<E const&>()));

// Where X goes among the sorted operands Lo..Hi of the list L: after every operand not greater.
template <class Kind, class L, class X, std::size_t Lo, std::size_t Hi>
struct insertion_search
    : std::conditional_t<(operand_compare<Kind, operand_at<L, (Lo + Hi) / 2>, X>() <= 0),
                         insertion_search<Kind, L, X, (Lo + Hi) / 2 + 1, Hi>,
                         insertion_search<Kind, L, X, Lo, (Lo + Hi) / 2>> {};
template <class Kind, class L, class X, std::size_t P>
struct insertion_search<Kind, L, X, P, P> : std::integral_constant<std::size_t, P> {};

// Whether operand I of the N operands in L has X's key (like operands, which build() collects).
// The last operand through last_of_list, which insertion_place has already made: element_of
// would deduce the list's pack once more and, on g++, declare nth's function of N parameters.
template <class Kind, class L, std::size_t N, class X, std::size_t I, bool Inside = (I < N)>
struct like_at : std::false_type {};
template <class Kind, class L, std::size_t N, class X, std::size_t I>
struct like_at<Kind, L, N, X, I, true>
    : std::is_same<key_t<Kind, typename std::conditional_t<I + 1 == N, last_of_list<L>,
                                                           element_of<I, L>>::type>,
                   key_t<Kind, X>> {};

// Node<T_0, ..., T_{P-1}, X, T_P, ..., T_{n-1}> in one pack expansion over two copies of the
// operands, one shifted by one place (A_J = T_J, B_J = T_{J-1}); the choice is an alias, so no
// class is made per operand (boost::mp11::mp_insert_c's mp_take_c recurses in steps of 10
// operands, each a list of the rest).
template <int Which>
struct choose;
template <>
struct choose<0> {
    template <class A, class X, class B>
    using type = A;
};
template <>
struct choose<1> {
    template <class A, class X, class B>
    using type = X;
};
template <>
struct choose<2> {
    template <class A, class X, class B>
    using type = B;
};
template <template <class...> class Node, std::size_t P, class X, class Indices, class Firsts,
          class Seconds>
struct spliced;
template <template <class...> class Node, std::size_t P, class X, std::size_t... J, class... A,
          class... B>
struct spliced<Node, P, X, std::index_sequence<J...>, boost::mp11::mp_list<A...>,
               boost::mp11::mp_list<B...>> {
    using type = Node<typename choose<(J < P ? 0 : J == P ? 1 : 2)>::template type<A, X, B>...>;
};

// The node NodeType = Node<T...> with X inserted at position P: at the front, at the end, or
// between (spliced). Named by the node, not by its operands: a class whose arguments are the n
// operands keeps them, and a chain of `+` makes one per term.
template <int Where, class NodeType, std::size_t P, class X>
struct inserted;
template <template <class...> class Node, class... T, std::size_t P, class X>
struct inserted<0, Node<T...>, P, X> {
    using type = Node<X, T...>;
};
template <template <class...> class Node, class... T, std::size_t P, class X>
struct inserted<1, Node<T...>, P, X> {
    using type = Node<T..., X>;
};
template <template <class...> class Node, class... T, std::size_t P, class X>
struct inserted<2, Node<T...>, P, X>
    : spliced<Node, P, X, std::make_index_sequence<sizeof...(T) + 1>,
              boost::mp11::mp_list<T..., void>, boost::mp11::mp_list<void, T...>> {};

// The canonical node NodeType (stateless, no number: numbers are only ever at either end), its
// Size operands L = list<T...>, and the single stateless operand X, not a number, which goes at
// position At. (The result is a base's `value` and a member type, never a static data member of
// this class: g++ mangles the name of each such member, which spells the whole node: 732 names
// of 12 KB each for the 256-term chain of `+`.)
template <class Kind, class NodeType, class L, std::size_t Size, class X, std::size_t At>
struct insertion_at : std::bool_constant<!like_at<Kind, L, Size, X, At>::value &&
                                         (At == 0 || !like_at<Kind, L, Size, X, At - 1>::value)> {
    using type = typename inserted<(At == 0 ? 0 : At == Size ? 1 : 2), NodeType, At, X>::type;
};
// Where X goes among the Size sorted operands of L: at the end when the last is not greater (the
// chain `x0 * w0 + x1 * w1 + ...`: one comparison instead of a binary search), else by search.
template <class Kind, class L, class X, std::size_t Size>
struct insertion_place : std::conditional_t<(operand_compare<Kind, last_operand<L>, X>() <= 0),
                                            std::integral_constant<std::size_t, Size>,
                                            insertion_search<Kind, L, X, 0, Size - 1>> {};
template <class Kind, class NodeType, class L, std::size_t Size, class X>
struct insertion
    : insertion_at<Kind, NodeType, L, Size, X, insertion_place<Kind, L, X, Size>::value> {};

template <class Kind, class Node, class X, bool Candidate>
struct insertion_of : std::false_type {};
template <class Kind, template <class...> class Node, class... T, class X>
struct insertion_of<Kind, Node<T...>, X, true>
    : std::conditional_t<
          !is_number_node<operand_at<list<T...>, 0>> && !is_number_node<last_operand<list<T...>>>,
          insertion<Kind, Node<T...>, list<T...>, sizeof...(T), X>, std::false_type> {};

template <class Kind, class A, class B, bool Candidate>
struct pair_of : std::false_type {};
template <class Kind, class A, class B>
struct pair_of<Kind, A, B, true>
    : std::bool_constant<!std::is_same<key_t<Kind, A>, key_t<Kind, B>>::value> {
    using type =
        std::conditional_t<(operand_compare<Kind, A, B>() <= 0), typename Kind::template node<A, B>,
                           typename Kind::template node<B, A>>;
};

// An exact constant and a single operand X (stateless, not a number, and in a product not a
// power of a number, which build() collects with the constant: `2 * 2^x` is 2^(1 + x)), as
// build() makes them: X for the kind's identity (`x + 0`, `1 * x`), 0 for a product by 0, else
// the node of the two, the number first in a product and last in a sum (with_number). The
// outermost operations of a formula are often these (`loss / 2_c`, `2_c * x`, `-t`): through
// build(), `/ 2_c` on the 256-input neuron instantiated some 40 functions and variables named by
// the whole formula, each mangled by g++ at a cost quadratic in its name's length.
template <class Kind, class X>
struct power_of_number : std::false_type {};
template <class B, class E>
struct power_of_number<product_kind, power<B, E>> : std::bool_constant<is_number_node<B>> {};
template <class Kind, class C, class X, bool Candidate>
struct number_with : std::false_type {};
template <std::intmax_t N, std::intmax_t D, class X>
struct number_with<sum_kind, constant<N, D>, X, true> : std::true_type {
    using type = std::conditional_t<N == 0, X, sum<X, constant<N, D>>>;
};
template <std::intmax_t N, std::intmax_t D, class X>
struct number_with<product_kind, constant<N, D>, X, true> : std::true_type {
    using type =
        std::conditional_t<N == 0, constant<0>,
                           std::conditional_t<N == 1 && D == 1, X, product<constant<N, D>, X>>>;
};
// (A class, not an alias: quick names it for both operand orders, and only the one it derives
// from is worked out.)
template <class Kind, class C, class X>
struct number_with_operand
    : number_with<Kind, C, X,
                  std::is_empty<X>::value && !is_number_node<X> &&
                      !std::is_same<typename node_kind<X>::type, Kind>::value &&
                      !power_of_number<Kind, X>::value> {};

// Two single operands. Candidates are stateless (an empty type has no stored number) and not
// numbers; or an exact constant and a single operand (number_with).
template <class Kind, class A, class B, class KindA, class KindB>
struct quick : std::conditional_t<
                   is_constant<A>, number_with_operand<Kind, A, B>,
                   std::conditional_t<is_constant<B>, number_with_operand<Kind, B, A>,
                                      pair_of<Kind, A, B,
                                              std::is_empty<A>::value && std::is_empty<B>::value &&
                                                  !is_number_node<A> && !is_number_node<B>>>> {};
// A node of the kind and a single operand, either way round.
template <class Kind, class A, class B, class KindB>
struct quick<Kind, A, B, Kind, KindB>
    : insertion_of<Kind, A, B,
                   std::is_empty<A>::value && std::is_empty<B>::value && !is_number_node<B>> {};
template <class Kind, class A, class B, class KindA>
struct quick<Kind, A, B, KindA, Kind> : quick<Kind, B, A, Kind, KindA> {};
// two nodes of the kind: build() merges them
template <class Kind, class A, class B>
struct quick<Kind, A, B, Kind, Kind> : std::false_type {};

// The values of a list of std::integral_constant positions, as an array.
template <class... P>
constexpr std::array<std::size_t, sizeof...(P)> positions_in(boost::mp11::mp_list<P...>) {
    return {P::value...};
}

// Adjacent pairs of a pack, in one pack expansion over two copies of it, the second shifted by
// one place (Firsts = E..., void; Seconds = void, E...: pair j is E_(j-1), E_j):
// boost::mp11::mp_at_c on g++ finds each element by deduction among n bases, O(n^2) for the
// n - 1 pairs of a 256-term sum. value[j]: Pred<E_(j-1), E_j>, for 0 < j < n (the others pair
// a type with void).
template <template <class, class> class Pred, class Firsts, class Seconds>
struct adjacent_pairs;
template <template <class, class> class Pred, class... A, class... B>
struct adjacent_pairs<Pred, boost::mp11::mp_list<A...>, boost::mp11::mp_list<B...>> {
    static constexpr bool value[sizeof...(A)] = {Pred<B, A>::value...};
};
// Entry E_(j-1) (mp_list<position, operand>) is greater than entry E_j.
template <class Kind>
struct descends {
    template <class A, class B>
    struct fn : std::false_type {};
    template <class IA, class A, class IB, class B>
    struct fn<boost::mp11::mp_list<IA, A>, boost::mp11::mp_list<IB, B>>
        : std::bool_constant<(operand_compare<Kind, A, B>() > 0)> {};
};

// The positions of the operands that are not numbers, in canonical order.
template <class Kind, class... T>
constexpr auto sorted_positions() {
    using namespace boost::mp11;
    using entries = mp_remove_if_q<mp_transform<mp_list, mp_iota_c<sizeof...(T)>, mp_list<T...>>,
                                   is_number_entry>;
    constexpr std::size_t n = mp_size<entries>::value;
    // descents::value[j]: entry j - 1 is greater than entry j (a class's array: g++ mangles its
    // name once, where the lambda it replaces was three functions, each named by the operands)
    using descents = adjacent_pairs<descends<Kind>::template fn, mp_push_back<entries, void>,
                                    mp_push_front<entries, void>>;
    constexpr std::size_t prefix = [&] {
        std::size_t i = 0;
        while (i + 1 < n && !descents::value[i + 1])
            ++i;
        return n == 0 ? 0 : i + 1;
    }();
    using positions_of = mp_transform<mp_first, entries>;
    if constexpr (prefix == n) {
        return positions_in(positions_of{});
    } else {
        using head = mp_take_c<entries, prefix>;
        using tail = mp_sort_q<mp_drop_c<entries, prefix>, operand_less<Kind>>;
        // each tail entry's place among the head (non-decreasing, as the tail is sorted)
        constexpr auto places = []<class... E>(mp_list<E...>) {
            return std::array<std::size_t, sizeof...(E)>{
                insertion_point<Kind, head, mp_second<E>, 0, prefix>()...};
        }(tail{});
        constexpr auto head_at = positions_in(mp_transform<mp_first, head>{});
        constexpr auto tail_at = positions_in(mp_transform<mp_first, tail>{});
        std::array<std::size_t, n> merged{};
        std::size_t h = 0, t = 0;
        for (std::size_t k = 0; k < n; ++k)
            merged[k] = (t < tail_at.size() && (h == prefix || places[t] <= h)) ? tail_at[t++]
                                                                                : head_at[h++];
        return merged;
    }
}

// For each operand, the first operand with the same key; formulas with stored numbers are never
// merged (two `value<double>` of one type are different numbers). The operands come in canonical
// order, by key first, so operands with the same key are neighbours: one comparison each.
template <class Kind, class... T>
constexpr auto group_leaders() {
    using keys = boost::mp11::mp_list<decltype(key_of<Kind>(std::declval<T const&>()))...>;
    constexpr bool empty[] = {is_stateless<decltype(key_of<Kind>(std::declval<T const&>()))>...,
                              false};
    // same::value[i]: operand i has the key of operand i - 1
    using same = adjacent_pairs<std::is_same, boost::mp11::mp_push_back<keys, void>,
                                boost::mp11::mp_push_front<keys, void>>;
    std::array<std::size_t, sizeof...(T)> leader{};
    for (std::size_t i = 0; i < sizeof...(T); ++i)
        leader[i] = (i > 0 && empty[i] && same::value[i]) ? leader[i - 1] : i;
    return leader;
}

template <class Kind, auto Leader, std::size_t L, class Tuple>
constexpr auto collect_group(Tuple const& t) {
    constexpr auto members = [] {
        std::array<std::size_t, Leader.size()> m{};
        std::size_t n = 0;
        for (std::size_t j = 0; j < Leader.size(); ++j)
            if (Leader[j] == L)
                m[n++] = j;
        return std::pair{m, n};
    }();
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return rebuild<Kind>(key_of<Kind>(detail::get<L>(t)),
                             sum_of(weight_of<Kind>(detail::get<members.first[K]>(t))...));
    }
    (std::make_index_sequence<members.second>{});
}

template <class Kind, class... T>
inline constexpr auto leader_v = group_leaders<Kind, T...>();

// The positions of the groups' leaders.
template <class Kind, class... T>
inline constexpr auto group_at_v = [] {
    constexpr auto& leader = leader_v<Kind, T...>;
    constexpr std::size_t groups = [] {
        std::size_t n = 0;
        for (std::size_t i = 0; i < leader.size(); ++i)
            n += leader[i] == i;
        return n;
    }();
    std::array<std::size_t, groups> g{};
    for (std::size_t i = 0, n = 0; i < leader.size(); ++i)
        if (leader[i] == i)
            g[n++] = i;
    return g;
}();

template <class Kind, class... T>
constexpr auto collect(detail::list<T...> const& t) {
    constexpr auto& group_at = group_at_v<Kind, T...>;
    if constexpr (group_at.size() == sizeof...(T)) {
        return assemble<Kind>(t);
    } else {
        // collected operands may need folding again (`x * x^-1` -> 1)
        return [&]<std::size_t... G>(std::index_sequence<G...>) {
            return build<Kind>(detail::concat(operands_of<Kind>(
                collect_group<Kind, leader_v<Kind, T...>, group_at_v<Kind, T...>[G]>(t))...));
        }
        (std::make_index_sequence<group_at.size()>{});
    }
}

// Flattened operands in; folded, collected node out.
template <class Kind, class... T>
constexpr auto build(detail::list<T...> const& t) {
    constexpr rational c = [] { // a loop, not a fold: a sum may have more than 256 operands
        constexpr bool exact[] = {is_constant<T>..., false};
        constexpr rational values[] = {exact_value_v<T>..., rational{1}};
        rational r = Kind::identity;
        for (std::size_t i = 0; i < sizeof...(T); ++i)
            if (exact[i])
                r = Kind::combine(r, values[i]);
        return r;
    }();
    if constexpr (Kind::annihilates(c)) {
        return constant<0>{};
    } else {
        constexpr auto rest_at = sorted_positions<Kind, T...>();
        auto rest = pick<rest_at>(t);
        constexpr auto stored_at = indices_where<is_value<T>...>();
        if constexpr (stored_at.size() > 0) {
            // stored numbers fold into one, which absorbs the exact constant
            auto stored = pick<stored_at>(t);
            return detail::apply(
                [&](auto const&... v) {
                    using F0 = folded_type<decltype(v.number)...>;
                    using F = std::conditional_t<std::is_integral_v<F0> && c.den != 1, double, F0>;
                    F n = static_cast<F>(c.num) / static_cast<F>(c.den);
                    ((n = Kind::combine(n, static_cast<F>(v.number))), ...);
                    return collect<Kind>(Kind::with_number(value<F>{n}, rest));
                },
                stored);
        } else if constexpr (c == Kind::identity) {
            return collect<Kind>(rest);
        } else {
            return collect<Kind>(Kind::with_number(constant<c.num, c.den>{}, rest));
        }
    }
}

// B^E and F(A) for exact constants, where they are exact and rational (rational.hpp,
// functions.hpp), as `::value`; not known for anything else. (Classes specialized for constants,
// whose `value` for any other operand is no_exact_value's: a function or variable template, or
// a static member of a class, named by a 256-term operand costs g++ the mangling of its name.)
struct no_exact_value {
    static constexpr exact_result value{};
};
template <class B, class E>
struct exact_power_t : no_exact_value {};
template <std::intmax_t BN, std::intmax_t BD, std::intmax_t EN, std::intmax_t ED>
struct exact_power_t<constant<BN, BD>, constant<EN, ED>> {
    static constexpr exact_result value = exact_power(rational(BN, BD), rational(EN, ED));
};
template <class F, class A>
struct exact_function_value_t : no_exact_value {};
template <class F, std::intmax_t N, std::intmax_t D>
struct exact_function_value_t<F, constant<N, D>> {
    static constexpr exact_result value = F::exact(rational(N, D));
};

template <class E>
constexpr bool is_integer_constant = false;
template <std::intmax_t N>
constexpr bool is_integer_constant<constant<N, 1>> = true;

} // namespace
} // namespace detail

inline namespace {
// base^exponent, folded: u^0 = 1, u^1 = u, exact constants to integer powers, (u^a)^n = u^(a n)
// and (u v)^n = u^n v^n for integers n (identities that hold wherever both sides are defined).
template <Expression B, Expression E>
constexpr auto power_of(B const& base, E const& exponent) {
    using namespace detail;
    if constexpr (std::is_same<E, constant<0>>::value)
        return constant<1>{};
    else if constexpr (std::is_same<E, constant<1>>::value)
        return base;
    else if constexpr (std::is_same<B, constant<1>>::value)
        return constant<1>{};
    else if constexpr (is_constant<B> && is_integer_constant<E>)
        return constant<integer_power(B::exact, E::exact.num).num,
                        integer_power(B::exact, E::exact.num).den>{};
    else if constexpr (exact_power_t<B, E>::value.known) // a rational root: 4^(1/2) = 2
        return constant<exact_power_t<B, E>::value.value.num,
                        exact_power_t<B, E>::value.value.den>{};
    else if constexpr (is_power<B> && is_integer_constant<E>)
        return power_of(base.base, product_of(base.exponent, exponent));
    else if constexpr (is_product<B> && is_integer_constant<E>)
        return detail::apply([&](auto const&... f) { return product_of(power_of(f, exponent)...); },
                             base.factors);
    else if constexpr (std::is_empty<B>::value && std::is_empty<E>::value)
        return power<B, E>{}; // (no constructor named by the operands)
    else
        return power<B, E>{base, exponent};
}

template <Expression A>
constexpr auto negate(A const& a) {
    return product_of(constant<-1>{}, a);
}

template <Expression A, Expression B>
constexpr auto difference_of(A const& a, B const& b) {
    return sum_of(a, negate(b));
}

template <Expression A, Expression B>
constexpr auto quotient_of(A const& a, B const& b) {
    return product_of(a, power_of(b, constant<-1>{}));
}

// f(u); f of an exact constant is folded where the value is exact and rational (exp(0) = 1,
// sqrt(9/4) = 3/2, abs(-3) = 3: each descriptor's `exact`), and kept as written otherwise.
template <class F, Expression A>
constexpr auto apply_of(A const& a) {
    if constexpr (detail::exact_function_value_t<F, A>::value.known)
        return constant<detail::exact_function_value_t<F, A>::value.value.num,
                        detail::exact_function_value_t<F, A>::value.value.den>{};
    else if constexpr (std::is_empty<A>::value)
        return apply<F, A>{}; // (no constructor named by the operand)
    else
        return apply<F, A>{a};
}
} // namespace

namespace detail {
// The type to static_cast an operand of + - * / and pow to: a plain number becomes a stored
// constant; a formula stays as it is (a reference, so that no function named by the formula is
// made; through a function returning the operand, each operation on a 256-term formula had one
// more name for g++ to mangle).
// (The number is the primary template: a constraint Number<A> would instantiate
// std::is_arithmetic_v, a variable template g++ mangles, for each formula.)
template <class A>
struct operand_type {
    using type = value<stored_type<A>>;
};
template <Expression A>
struct operand_type<A> {
    using type = A const&;
};
template <class A>
using operand_t = typename operand_type<A>::type;
} // namespace detail

// The operators, constrained so they never take part in other libraries' expressions.
template <class A, class B>
concept Operands = (Expression<A> && (Expression<B> || Number<B>)) || (Number<A> && Expression<B>);

template <class A, class B>
concept BadOperands = (Expression<A> && !Expression<B> && !Number<B>) ||
                      (Expression<B> && !Expression<A> && !Number<A>);

// (In an inline unnamed namespace: internal linkage, and found by argument-dependent lookup as
// symdiff's own; see "Internal linkage" in gradient.hpp. Each + of a chain is one instantiation.)
inline namespace {
template <class A, class B>
    requires Operands<A, B>
constexpr auto operator+(A const& a, B const& b) {
    if constexpr (detail::quick<detail::sum_kind, A, B>::value) // the chain of + (build.hpp)
        return typename detail::quick<detail::sum_kind, A, B>::type{};
    else
        return sum_of(static_cast<detail::operand_t<A>>(a), static_cast<detail::operand_t<B>>(b));
}
template <class A, class B>
    requires Operands<A, B>
constexpr auto operator-(A const& a, B const& b) {
    return difference_of(static_cast<detail::operand_t<A>>(a),
                         static_cast<detail::operand_t<B>>(b));
}
template <class A, class B>
    requires Operands<A, B>
constexpr auto operator*(A const& a, B const& b) {
    if constexpr (detail::quick<detail::product_kind, A, B>::value)
        return typename detail::quick<detail::product_kind, A, B>::type{};
    else
        return product_of(static_cast<detail::operand_t<A>>(a),
                          static_cast<detail::operand_t<B>>(b));
}
template <class A, class B>
    requires Operands<A, B>
constexpr auto operator/(A const& a, B const& b) {
    return quotient_of(static_cast<detail::operand_t<A>>(a), static_cast<detail::operand_t<B>>(b));
}
template <Expression A>
constexpr auto operator-(A const& a) {
    return negate(a);
}
template <Expression A>
constexpr auto operator+(A const& a) {
    return a;
}
} // namespace

#define SYMDIFF_BAD_OPERAND(op)                                                                    \
    template <class A, class B>                                                                    \
        requires BadOperands<A, B>                                                                 \
    constexpr auto operator op(A const&, B const&) {                                               \
        static_assert(detail::always_false<A, B>,                                                  \
                      "symdiff: an operand of + - * / is neither a symdiff expression nor a "      \
                      "number");                                                                   \
        return constant<0>{}; /* no further errors */                                              \
    }
SYMDIFF_BAD_OPERAND(+)
SYMDIFF_BAD_OPERAND(-)
SYMDIFF_BAD_OPERAND(*)
SYMDIFF_BAD_OPERAND(/)
#undef SYMDIFF_BAD_OPERAND

inline namespace {
// pow(e, 2_c), pow(e, 2.5), pow(e, expr), pow(2.0, expr).
template <class A, class B>
    requires Operands<A, B>
constexpr auto pow(A const& base, B const& exponent) {
    return power_of(static_cast<detail::operand_t<A>>(base),
                    static_cast<detail::operand_t<B>>(exponent));
}

// sum_over<N>(f) = f(0) + f(1) + ... + f(N - 1), and product_over<N>(f) likewise: f is called
// with std::integral_constant<std::size_t, i> indices (so it can index families of variables,
// `w[j][i]`), and the terms are put in canonical form once, as one n-ary node, not as a chain
// of binary operations.
template <std::size_t N, class F>
constexpr auto sum_over(F const& f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return sum_of(f(std::integral_constant<std::size_t, I>{})...);
    }
    (std::make_index_sequence<N>{});
}
template <std::size_t N, class F>
constexpr auto product_over(F const& f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return product_of(f(std::integral_constant<std::size_t, I>{})...);
    }
    (std::make_index_sequence<N>{});
}
} // namespace

} // namespace symdiff
