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

// (Through a class, so that the index_sequence of |L| positions is made once per list: as an
// alias, every position_t and entry_t made it again and had clang check its |L| arguments.)
template <class L>
struct slots_for {
    using type = slots<L, std::make_index_sequence<boost::mp11::mp_size<L>::value>>;
};
template <class L>
using slots_of = typename slots_for<L>::type;

// The position of T in the list of distinct types L, or std::size_t(-1), as a type: one look-up
// in L's type_table, a constant evaluation of a few steps. (Picking one overload among the |L|
// of slots_of<L>, as entry_t does, cost g++ about 0.5 ms for a plan of 785 entries, and a
// gradient looks up a position for every child of every entry. A type, not a variable
// template: g++ mangles the name of every variable and function it instantiates, and its
// mangler looks each part of a name up in a list, so n variables whose names spell the plan, n
// entries long, cost O(n^3). A class is not mangled unless a function's name mentions it; the
// value's name is integral_constant<size_t, i>.)
template <class L, class T>
using position_t = table_position_t<typename type_table_for<L>::type, T>;

// The type at position I of the list of distinct types L (one overload picked among |L|, where
// mp_at_c recurses over the list with g++).
template <class L, std::size_t I>
using entry_t = typename decltype(slots_of<L>::entry_at(
    static_cast<std::integral_constant<std::size_t, I>*>(nullptr)))::type;

// The positions in Plan of the types of the list L.
template <class Plan, class L>
struct positions_in_plan;
template <class Plan, class... C>
struct positions_in_plan<Plan, boost::mp11::mp_list<C...>> {
    using type = std::index_sequence<position_t<Plan, C>::value...>;
};

// The numbers of an index_sequence as an array (one more element, so that none is empty).
template <class Seq>
struct sequence_array;
template <std::size_t... N>
struct sequence_array<std::index_sequence<N...>> {
    static constexpr std::size_t size = sizeof...(N);
    static constexpr std::array<std::size_t, sizeof...(N) + 1> value{N..., 0};
};

// The entry at position K of a plan and its plan children's positions.
template <class Plan, std::size_t K>
struct plan_entry {
    using type = entry_t<Plan, K>;
    using children = typename positions_in_plan<Plan, children_t<type>>::type;
};

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// The edges of a plan as tables, computed once per plan: the children of entry k are
// child[first[k]] ... child[first[k + 1] - 1]. What the reverse sweep needs to know of the
// plan's structure (which entries depend on the variables, which parent writes an adjoint
// first) is then found by loops over these tables, in one constant evaluation, instead of by a
// template per entry.
template <class Plan, class Positions = std::make_index_sequence<boost::mp11::mp_size<Plan>::value>>
struct plan_edges;
template <class Plan, std::size_t... K>
struct plan_edges<Plan, std::index_sequence<K...>> {
    static constexpr std::size_t size = sizeof...(K);
    static constexpr std::size_t count =
        total_v<sequence_array<typename plan_entry<Plan, K>::children>::size...>;
    static constexpr auto first_table() {
        constexpr std::size_t n[] = {
            sequence_array<typename plan_entry<Plan, K>::children>::size..., 0};
        std::array<std::size_t, size + 1> f{};
        for (std::size_t k = 0; k < size; ++k)
            f[k + 1] = f[k] + n[k];
        return f;
    }
    static constexpr auto first = first_table();
    // kind[k]: the entry at k is a sum (1), a product (2), something else (0)
    static constexpr std::array<unsigned char, size + 1> kind{
        (is_sum<typename plan_entry<Plan, K>::type>       ? 1
         : is_product<typename plan_entry<Plan, K>::type> ? 2
                                                          : 0)...,
        0};
    static constexpr auto child_table() {
        constexpr std::size_t const* at[] = {
            sequence_array<typename plan_entry<Plan, K>::children>::value.data()..., nullptr};
        std::array<std::size_t, count + 1> c{};
        for (std::size_t k = 0; k < size; ++k)
            for (std::size_t e = first[k]; e < first[k + 1]; ++e)
                c[e] = at[k][e - first[k]];
        return c;
    }
    static constexpr auto child = child_table();
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
