#pragma once
// A minimal heterogeneous list for the operands of sums and products and for the constructors'
// work lists. std::tuple is general but slow to compile (its constrained constructors and
// std::apply's invoke machinery dominated the compile-time profile); this one has one
// constructor, and access by index goes straight to a base class.

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

namespace symdiff::detail {

template <std::size_t I, class T>
struct list_leaf {
    T value;
};
// An empty element (a formula node without data) takes no room and needs no initialization:
// any object of an empty node type is the same formula, and get() hands out empty_instance<T>.
// (An empty member marked [[no_unique_address]] at the offset of another element is miscompiled
// by g++ 12 in constant evaluation: initializing it clobbers its neighbour. A static member of
// the leaf would be one more variable per position and type, each with a mangled name, and a
// chain of `+` puts each new term at a new position.)
template <std::size_t I, class T>
    requires std::is_empty<T>::value
struct list_leaf<I, T> {
    constexpr list_leaf() = default;
    constexpr list_leaf(T const&) {}
};
template <class T>
inline constexpr T empty_instance{};

template <std::size_t I, class T>
[[gnu::always_inline]] constexpr T const& get([[maybe_unused]] list_leaf<I, T> const& leaf) {
    if constexpr (std::is_empty<T>::value)
        return empty_instance<T>;
    else
        return leaf.value;
}

// The type at position I of the pack T..., without a class per pack: on clang the builtin; on
// g++ (which has none) one overload resolution over pointers to the elements, of a function whose
// first I parameters are `void const*` (declared by nth_picker once for each I, for every pack).
// (boost::mp11::mp_at_c on g++ builds a class with a base per element for every list, and a
// chain of `+` makes a list of each length.)
#if defined(__has_builtin)
#if __has_builtin(__type_pack_element)
#define SYMDIFF_TYPE_PACK_ELEMENT 1
#endif
#endif
#ifdef SYMDIFF_TYPE_PACK_ELEMENT
template <std::size_t I, class... T>
using nth = __type_pack_element<I, T...>;
#else
template <std::size_t>
using skipped = void const*;
template <class Skip>
struct nth_picker;
template <std::size_t... J>
struct nth_picker<std::index_sequence<J...>> {
    template <class U>
    static U* at(skipped<J>..., U*, ...);
};
template <std::size_t I, class... T>
using nth = std::remove_pointer_t<decltype(nth_picker<std::make_index_sequence<I>>::at(
    static_cast<T*>(nullptr)...))>;
#endif

template <class... T>
struct list;
// The last type of a list<T...>, as last_of_list<L>::type (a class named by the list: an alias
// given the n types would keep them): the builtin where there is one; without it, the type of a
// comma fold over null pointers to the elements, one expression (nth's overload resolution
// declares a function of n parameters and a class named by n - 1 indices, and a chain of `+`
// asks for the last term of every sum it makes).
template <class L>
struct last_of_list;
template <class... T>
struct last_of_list<list<T...>> {
#ifdef SYMDIFF_TYPE_PACK_ELEMENT
    using type = nth<sizeof...(T) - 1, T...>;
#else
    using type = std::remove_pointer_t<decltype((static_cast<T*>(nullptr), ...))>;
#endif
};
#undef SYMDIFF_TYPE_PACK_ELEMENT

// Whether every type of a pack is empty (a formula node without data), in one step: the
// constraint of a stateless list, checked for each list a chain of `+` makes (one per term).
// A fold of the builtin __is_empty (both compilers have it), not std::is_empty<T>::value: each
// qualified name is looked up, marked used and, as a template argument, evaluated on its own;
// over the chain of 256 terms that was 2.7 G of clang's 11.25 G instructions for the formula.
// clang 14 rejects a fold of more than 256 operands, so a longer pack compares two classes of
// n flags; the disjunction checks its second operand only when the first is not satisfied.
template <bool...>
struct bools {};
#if defined(__clang__)
template <class... T>
concept all_empty_types =
    (sizeof...(T) <= 256 && (__is_empty(T) && ...)) ||
    (sizeof...(T) > 256 &&
     std::is_same<bools<__is_empty(T)...>, bools<(__is_empty(T) || true)...>>::value);
#else
template <class... T>
concept all_empty_types = (__is_empty(T) && ...);
#endif

template <class Indices, class... T>
struct list_base;
template <>
struct list_base<std::index_sequence<>> {};
template <std::size_t... I, class... T>
struct list_base<std::index_sequence<I...>, T...> : list_leaf<I, T>... {
    constexpr list_base() = default;
    [[gnu::always_inline]] constexpr explicit list_base(T const&... t) : list_leaf<I, T>{t}... {}

    template <class F>
    constexpr decltype(auto) apply(F&& f) const {
        return f(get<I, T>(*this)...);
    }
};

// (A constructor of its own, always inlined, not list_base's inherited: g++ inlines an
// inherited constructor early only within its limits for a large function, which the 256-input
// neuron's value and gradient exceeds; see "Always inlined" in gradient.hpp.)
template <class... T>
struct list : list_base<std::index_sequence_for<T...>, T...> {
    constexpr list() = default;
    template <class... U>
        requires(sizeof...(U) == sizeof...(T) && sizeof...(T) > 0)
    [[gnu::always_inline]] constexpr explicit list(U const&... u)
        : list_base<std::index_sequence_for<T...>, T...>(u...) {}
};
// A list of empty types (the terms of a sum of variables, products of variables...) has no data
// and no base per element: get<I> names the element's type (nth) and hands out its one
// instance. (Each intermediate sum of a chain of `+` is a list of k terms; as a class with k
// bases, the k-th cost g++ O(k) work and memory to lay out.)
template <class... T>
    requires all_empty_types<T...>
struct list<T...> {
    using stateless_list = void;

    constexpr list() = default;
    // (A template: as a constructor of parameters T const&..., its declaration, made with the
    // class, cost g++ 80 KB for a list of 256 terms, and a chain of `+` makes a list per term.)
    template <class... U>
        requires(sizeof...(T) > 0 && std::is_same<list<U...>, list>::value)
    constexpr explicit list(U const&...) {}

    template <class F>
    constexpr decltype(auto) apply(F&& f) const {
        return f(empty_instance<T>...);
    }
};

// The type of element I of a list, as element_of<I, L>::type: a class named by I and the list
// type, so that its instance keeps two arguments, not the list's n (a function template
// deduced from list<T...> keeps all n, once per element asked for: O(n^2) memory for clang++
// over a 256-term sum).
template <std::size_t I, class L>
struct element_of;
template <std::size_t I, class... T>
struct element_of<I, list<T...>> {
    using type = nth<I, T...>;
};
template <std::size_t I, class L>
using list_element = typename element_of<I, std::remove_cvref_t<L>>::type;

template <class L>
concept is_stateless_list = requires {
    typename L::stateless_list;
};
template <std::size_t I, is_stateless_list L>
[[gnu::always_inline]] constexpr list_element<I, L> const& get(L const&) {
    return empty_instance<list_element<I, L>>;
}

// The number of elements of a list, as list_length<L>::value: a class's member, not a static
// member of the list nor a variable template (g++ gives each of those a mangled name that spells
// the whole list, and a name costs g++ time in proportion to its length and more; the name of
// std::integral_constant<size_t, n>::value spells n alone).
template <class L>
struct list_length;
template <class... T>
struct list_length<list<T...>> : std::integral_constant<std::size_t, sizeof...(T)> {};
template <class L>
struct list_length<L const> : list_length<L> {};
template <class L>
struct list_length<L const&> : list_length<L> {};
template <class L>
struct list_length<L&> : list_length<L> {};

// f(elements...)
template <class F, class... T>
constexpr decltype(auto) apply(F&& f, list<T...> const& l) {
    if constexpr (sizeof...(T) == 0)
        return f();
    else
        return l.apply(f);
}

template <class... T>
constexpr list<T...> make_list(T const&... t) {
    if constexpr (sizeof...(T) == 0)
        return {};
    else
        return list<T...>(t...);
}

template <class... A, class... B>
constexpr list<A..., B...> concat2(list<A...> const& a, list<B...> const& b) {
    return apply(
        [&](A const&... x) {
            return apply([&](B const&... y) { return make_list(x..., y...); }, b);
        },
        a);
}

// Straight-line code over n positions runs in blocks of 128 (clang 14 rejects a fold expression
// of more than 256 operands, and a sum may have more terms than that): how many blocks, and the
// size of block b. The blocks are expanded in one fold over b, not by recursion on halves,
// which made twice as many functions, each named by the whole plan for g++ to mangle.
constexpr std::size_t block_count(std::size_t n) {
    return (n + 127) / 128;
}
constexpr std::size_t block_length(std::size_t n, std::size_t b) {
    return n - 128 * b > 128 ? 128 : n - 128 * b;
}

// f(element) for each element in order, in blocks of 128 (block_count).
template <std::size_t Lo, class F, class... T, std::size_t... K>
constexpr void for_each_in(list<T...> const& l, F& f, std::index_sequence<K...>) {
    (f(get<Lo + K>(l)), ...);
}
template <class F, class... T, std::size_t... B>
constexpr void for_each_block(list<T...> const& l, F& f, std::index_sequence<B...>) {
    (for_each_in<128 * B>(l, f, std::make_index_sequence<block_length(sizeof...(T), B)>{}), ...);
}
template <class F, class... T>
constexpr void for_each(list<T...> const& l, F&& f) {
    for_each_block(l, f, std::make_index_sequence<block_count(sizeof...(T))>{});
}

// S0 + S1 + ..., without a fold expression (clang 14 rejects folds of more than 256 operands).
template <std::size_t... S>
inline constexpr std::size_t total_v = [] {
    constexpr std::size_t sizes[] = {S..., 0};
    std::size_t t = 0;
    for (std::size_t v : sizes)
        t += v;
    return t;
}();

// The positions i of a pack for which Keep[i] holds.
template <bool... Keep>
constexpr auto indices_where() {
    constexpr bool keep[] = {Keep..., false};
    std::array<std::size_t, total_v<std::size_t{Keep}...>> out{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < sizeof...(Keep); ++i)
        if (keep[i])
            out[n++] = i;
    return out;
}

// Element j of a concatenation of lists of these sizes is element [j][1] of list [j][0].
template <std::size_t... Size>
inline constexpr auto concat_positions = [] {
    constexpr std::size_t sizes[] = {Size...};
    std::array<std::array<std::size_t, 2>, total_v<Size...>> w{};
    std::size_t j = 0;
    for (std::size_t k = 0; k < sizeof...(Size); ++k)
        for (std::size_t i = 0; i < sizes[k]; ++i)
            w[j++] = {k, i};
    return w;
}();

// The concatenation of lists, in one step (a pairwise recursion built O(n^2) list types for
// the n operands of a sum_over).
template <class L, class... R>
constexpr auto concat(L const& l, R const&... r) {
    if constexpr (sizeof...(R) == 0) {
        return l;
    } else if constexpr (sizeof...(R) == 1) {
        return concat2(l, r...);
    } else {
        constexpr auto where = concat_positions<list_length<L>::value, list_length<R>::value...>;
        auto lists = make_list(&l, &r...);
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return make_list(get<where[J][1]>(*get<where[J][0]>(lists))...);
        }
        (std::make_index_sequence<where.size()>{});
    }
}

} // namespace symdiff::detail
