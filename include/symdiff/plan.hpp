#pragma once
// The plan of a set of formulas: their distinct subformulas, children before parents, each once.
// Type identity is the key: a subformula without stored numbers is the same formula wherever its
// type appears. Subformulas with stored numbers are never shared (two `value<double>` of one type
// are different numbers): they are not entries of the plan, and are printed or evaluated where
// they stand.
//
// The plan is the basis of to_cpp (common subexpressions as named temporaries) and to_dot (the
// formula as a graph, each shared node drawn once).

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <symdiff/detail/list.hpp>
#include <symdiff/detail/type_table.hpp>
#include <symdiff/expression.hpp>

namespace symdiff::detail {

template <class E>
struct children {
    using type = boost::mp11::mp_list<>;
};
template <class... T>
struct children<sum<T...>> {
    using type = boost::mp11::mp_list<T...>;
};
template <class... T>
struct children<product<T...>> {
    using type = boost::mp11::mp_list<T...>;
};
// A product of three or more factors is planned as its first factor times the product of the
// rest, so products that share their tail share its computation: d loss / d w_ij = a_i * (v_j *
// error * ...) reuses the tail computed for d loss / d b_j, as back-propagation does.
template <class F0, class F1, class F2, class... F>
struct children<product<F0, F1, F2, F...>> {
    using type = boost::mp11::mp_list<F0, product<F1, F2, F...>>;
};
template <class B, class E>
struct children<power<B, E>> {
    using type = boost::mp11::mp_list<B, E>;
};
template <class F, class A>
struct children<symdiff::apply<F, A>> {
    using type = boost::mp11::mp_list<A>;
};
template <fixed_string N, class B>
struct children<named<N, B>> {
    using type = boost::mp11::mp_list<B>;
};
template <class E>
using children_t = typename children<E>::type;

// The operands as written: all the terms of a sum, all the factors of a product.
template <class E>
struct operands {
    using type = children_t<E>;
};
template <class... T>
struct operands<product<T...>> {
    using type = boost::mp11::mp_list<T...>;
};
template <class E>
using operands_t = typename operands<E>::type;

// Every stateless subformula of E, post-order (children first), with repeats: a subformula
// appears once for each place it stands. Children<E> are the nodes E is computed from.
template <class E, template <class> class Children>
struct all_subformulas {
    template <class C>
    using below_one = typename all_subformulas<C, Children>::type;
    using below = boost::mp11::mp_apply<
        boost::mp11::mp_append,
        boost::mp11::mp_push_front<boost::mp11::mp_transform<below_one, Children<E>>,
                                   boost::mp11::mp_list<>>>;
    using type = boost::mp11::mp_if_c<is_stateless<E>, boost::mp11::mp_push_back<below, E>, below>;
};

// The distinct types of a long list, in order of first appearance (type_table). (mp_unique nests
// one instantiation per element: g++ stops at 900 deep; it is faster on short lists, so it stays
// for those.)
template <class L, class Positions>
struct distinct_impl;
template <class... T, std::size_t... I>
struct distinct_impl<boost::mp11::mp_list<T...>, std::index_sequence<I...>> {
    using table = type_table<T...>;
    using type =
        boost::mp11::mp_append<boost::mp11::mp_list<>,
                               boost::mp11::mp_if_c<table::value.first[I], boost::mp11::mp_list<T>,
                                                    boost::mp11::mp_list<>>...>;
};
template <class L>
struct unique_of {
    using type = boost::mp11::mp_unique<L>;
};
template <class L>
using distinct = typename boost::mp11::mp_if_c<
    (boost::mp11::mp_size<L>::value <= 256), unique_of<L>,
    distinct_impl<L, std::make_index_sequence<boost::mp11::mp_size<L>::value>>>::type;

// The distinct types of the lists L..., in order of first appearance.
template <class... L>
using merged = distinct<boost::mp11::mp_append<boost::mp11::mp_list<>, L...>>;

// The distinct ones, in order of first appearance: still children before parents (a node's
// first appearance follows its whole subtree). One pass over the whole list costs far less to
// compile than merging the children's sets at every node (the MLP-49 gradient TU compiled in
// half the time).
template <template <class> class Children, class... E>
using distinct_subformulas = distinct<boost::mp11::mp_append<
    boost::mp11::mp_list<>, typename all_subformulas<std::remove_cvref_t<E>, Children>::type...>>;

// The plan of several formulas, for computing them (products by first factor and tail).
template <class... E>
using plan_t = distinct_subformulas<children_t, E...>;

// The distinct subformulas as written (for drawing).
template <class... E>
using graph_t = distinct_subformulas<operands_t, E...>;

// The types of a list by position, found in one step: the list's types are the bases of one
// class, each declaring a function of its position that returns the type, and a call picks the
// overload (no deduction: deducing the type from a base class tries every base in turn; clang
// 14 compiled the 128-input neuron's gradient in 9.2 s instead of 17.4 without it).
template <class T, std::size_t I>
struct slot {
    static boost::mp11::mp_identity<T> entry_at(std::integral_constant<std::size_t, I>*);
};
template <class L, class Positions>
struct slots;
template <class... T, std::size_t... I>
struct slots<boost::mp11::mp_list<T...>, std::index_sequence<I...>> : slot<T, I>... {
    using slot<T, I>::entry_at...;
};

// A list cut into chunks of 16 types (the last one shorter, perhaps empty), 16 types a step.
template <class Chunks, class... T>
struct chunks_of;
template <class... C, class... T>
struct chunks_of<boost::mp11::mp_list<C...>, T...> {
    using type = boost::mp11::mp_list<C..., boost::mp11::mp_list<T...>>;
};
template <class... C, class T0, class T1, class T2, class T3, class T4, class T5, class T6,
          class T7, class T8, class T9, class T10, class T11, class T12, class T13, class T14,
          class T15, class... R>
struct chunks_of<boost::mp11::mp_list<C...>, T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12,
                 T13, T14, T15, R...>
    : chunks_of<boost::mp11::mp_list<C..., boost::mp11::mp_list<T0, T1, T2, T3, T4, T5, T6, T7, T8,
                                                                T9, T10, T11, T12, T13, T14, T15>>,
                R...> {};

// (Through a class, so that the index_sequence of |L| positions is made once per list: as an
// alias, every position_t and entry_t made it again and had clang check its |L| arguments.)
template <class L>
struct slots_for {
    using type = slots<L, std::make_index_sequence<boost::mp11::mp_size<L>::value>>;
};
template <class L>
using slots_of = typename slots_for<L>::type;
// L's chunks by position.
template <class L>
struct chunk_slots_for;
template <class... T>
struct chunk_slots_for<boost::mp11::mp_list<T...>> {
    using chunks = typename chunks_of<boost::mp11::mp_list<>, T...>::type;
    using type = slots<chunks, std::make_index_sequence<boost::mp11::mp_size<chunks>::value>>;
};

// The position of T in the list of distinct types L, or std::size_t(-1), as a type: one look-up
// in L's type_table, a constant evaluation of a few steps. (Picking one overload among the |L|
// of slots_of<L>, as entry_t once did, cost g++ about 0.5 ms for a plan of 785 entries, and a
// gradient looks up a position for every child of every entry. A type, not a variable
// template: g++ mangles the name of every variable and function it instantiates, and its
// mangler looks each part of a name up in a list, so n variables whose names spell the plan, n
// entries long, cost O(n^3). A class is not mangled unless a function's name mentions it; the
// value's name is integral_constant<size_t, i>.)
template <class L, class T>
using position_t = table_position_t<typename type_table_for<L>::type, T>;

// The type at position I of the list of distinct types L: the chunk of 16 that holds it (one
// overload picked among |L| / 16), then the type in the chunk (one among 16). (mp_at_c recurses
// over the list with g++. Picked among all |L| overloads at once, each look-up weighed |L|
// candidates: the types of the 775 entries of the 256-input chain's plan cost g++ 1.9 G
// instructions, 0.4 G in chunks.)
template <class L, std::size_t I>
using chunk_t = typename decltype(chunk_slots_for<L>::type::entry_at(
    static_cast<std::integral_constant<std::size_t, I / 16>*>(nullptr)))::type;
template <class L, std::size_t I>
using entry_t = typename decltype(slots_of<chunk_t<L, I>>::entry_at(
    static_cast<std::integral_constant<std::size_t, I % 16>*>(nullptr)))::type;

// The entry at position K of a plan.
template <class Plan, std::size_t K>
struct plan_entry {
    using type = entry_t<Plan, K>;
};

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// The edges of a plan as tables, computed once per plan: the children of entry k are
// child[first[k]] ... child[first[k + 1] - 1]. What the reverse sweep needs to know of the
// plan's structure (which entries depend on the variables, which parent writes an adjoint
// first) is then found by loops over these tables, in one constant evaluation, instead of by a
// template per entry.
// plan_edges has one template argument, the plan, and its tables are computed by functions of
// the plan's entries (first_edges, entry_kinds, table_positions). Each time a static data member
// of a class template is named, g++ checks every template argument of its class for dependence
// (maybe_instantiate_decl, uses_template_parms), and the plan's and the sweep's templates per
// entry name these tables many times: specialized for std::index_sequence<K...>, the class had
// one more argument per entry (775 for the 256-input chain), and g++'s front end spent 29.2 G
// instructions on that chain's gradient instead of 23.6. (Each entry's children are found in
// one constant evaluation for all of them, not by a class per entry.)
template <class... T>
constexpr std::array<std::size_t, sizeof...(T) + 1> first_edges(boost::mp11::mp_list<T...>) {
    constexpr std::size_t n[] = {boost::mp11::mp_size<children_t<T>>::value..., 0};
    std::array<std::size_t, sizeof...(T) + 1> f{};
    for (std::size_t k = 0; k < sizeof...(T); ++k)
        f[k + 1] = f[k] + n[k];
    return f;
}
template <class... T>
constexpr std::array<unsigned char, sizeof...(T) + 1> entry_kinds(boost::mp11::mp_list<T...>) {
    return {(is_sum<T> ? 1 : is_product<T> ? 2 : 0)..., 0};
}
template <class Table, std::size_t Count, class... C>
constexpr std::array<std::size_t, Count + 1> table_positions(boost::mp11::mp_list<C...>) {
    constexpr type_hash_t hash[] = {type_hash<C>::value..., 0};
    constexpr void const* tag[] = {&type_tag<C>..., nullptr};
    std::array<std::size_t, Count + 1> c{};
    for (std::size_t e = 0; e < Count; ++e)
        c[e] = type_position(Table::value.slot, Table::mask, hash[e], tag[e]);
    return c;
}

// The positions k < N with keep[k], block by block (blocks of 128 positions, block_count): those
// of block b are list[first[b]] ... list[first[b + 1] - 1]. Blocks run from the first position
// up, or (from_last) from the last position down, each block's positions in that order. (The
// forward pass's stored entries and the reverse sweep's steps that do something.)
template <std::size_t N>
constexpr auto kept_by_block(std::array<bool, N + 1> const& keep, bool from_last) {
    struct {
        std::array<std::size_t, block_count(N) + 1> first;
        std::array<std::size_t, N + 1> list;
    } s{};
    std::size_t n = 0;
    for (std::size_t b = 0; b < block_count(N); ++b) {
        s.first[b] = n;
        for (std::size_t j = 0; j < block_length(N, b); ++j) {
            std::size_t const k = from_last ? N - 1 - 128 * b - j : 128 * b + j;
            if (keep[k])
                s.list[n++] = k;
        }
    }
    s.first[block_count(N)] = n;
    return s;
}
template <class Plan>
struct all_children;
template <class... T>
struct all_children<boost::mp11::mp_list<T...>> {
    using type = boost::mp11::mp_append<boost::mp11::mp_list<>, children_t<T>...>;
};
template <class Plan>
struct plan_edges {
    static constexpr std::size_t size = boost::mp11::mp_size<Plan>::value;
    static constexpr std::array<std::size_t, size + 1> first = first_edges(Plan{});
    static constexpr std::size_t count = first[size];
    // kind[k]: the entry at k is a sum (1), a product (2), something else (0)
    static constexpr std::array<unsigned char, size + 1> kind = entry_kinds(Plan{});
    static constexpr std::array<std::size_t, count + 1> child =
        table_positions<typename type_table_for<Plan>::type, count>(
            typename all_children<Plan>::type{});
    // parents[k]: how many operands of plan entries are the entry at k; parent[k]: the last
    // entry that uses it
    static constexpr auto parents_table() {
        std::array<std::size_t, size + 1> n{};
        for (std::size_t e = 0; e < count; ++e)
            ++n[child[e]];
        return n;
    }
    static constexpr auto parents = parents_table();
    static constexpr auto parent_table() {
        std::array<std::size_t, size + 1> p{};
        for (std::size_t k = 0; k < size; ++k)
            for (std::size_t e = first[k]; e < first[k + 1]; ++e)
                p[child[e]] = k;
        return p;
    }
    static constexpr auto parent = parent_table();
};

// How many times the formulas' nodes use the node P as an operand (P's use count), counting each
// plan entry once, plus the stateful subformulas (which are not shared) where they stand.
template <class P, class E>
constexpr std::size_t uses_in();

template <class P, class... C>
constexpr std::size_t uses_in_children(boost::mp11::mp_list<C...>) {
    return ((std::is_same<P, C>::value ? 1 : 0) + ... + 0) +
           ((is_stateless<C> ? 0 : uses_in<P, C>()) + ... + 0);
}
template <class P, class E>
constexpr std::size_t uses_in() {
    return uses_in_children<P>(children_t<E>{});
}

template <class P, class Plan, class... Outputs>
constexpr std::size_t use_count() {
    std::size_t in_plan = []<class... Q>(boost::mp11::mp_list<Q...>) {
        return (uses_in<P, Q>() + ... + std::size_t{0});
    }(Plan{});
    return in_plan + ((is_stateless<Outputs> ? 0 : uses_in<P, Outputs>()) + ... + std::size_t{0}) +
           ((std::is_same<P, Outputs>::value ? 1 : 0) + ... + std::size_t{0});
}

} // namespace

} // namespace symdiff::detail
