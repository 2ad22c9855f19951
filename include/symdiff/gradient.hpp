#pragma once
// Gradients, Hessians and Jacobians, evaluated from one plan.
//
//   constexpr auto g = symdiff::gradient(f, x, y);        g(p)  -> std::array<T, 2>
//   symdiff::value_and_gradient(f, x, y)(p)               -> {.value, .gradient}
//   symdiff::hessian(f, x, y)(p)                          -> std::array<std::array<T, 2>, 2>
//   symdiff::jacobian(symdiff::outputs(f, g), x, y)(p)    -> std::array<std::array<T, 2>, 2>
//
// Gradients and Jacobians are computed in reverse mode (adjoint.hpp), as hand-written
// back-propagation computes them: every distinct subformula of the outputs once, children first,
// into a table (plan.hpp), then one reverse sweep per output hands adjoints down to the
// variables. No derivative formula is built; the compiler sees straight-line code. The bindings
// are read in place (not copied), and each derivative is written straight into its place in
// the result as soon as it is final (no row of derivatives is built and copied).
// Hessians are the second derivatives d(f, x, y), formed once when the object is made, each
// pair (i <= j) once, evaluated from one plan of all of them.

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>

#include <symdiff/adjoint.hpp>
#include <symdiff/bindings.hpp>
#include <symdiff/derivative.hpp>
#include <symdiff/detail/list.hpp>
#include <symdiff/plan.hpp>

namespace symdiff {
namespace detail {

// Internal linkage. g++ names every function it instantiates with external linkage before it
// decides which ones to emit (each is put in a COMDAT group, named by its mangled name), even one
// only called in constant evaluation or inlined everywhere; and a name costs it about the square
// of its length (see entry_value below). With 514 bindings or a 256-term formula, the functions
// of an evaluation are named by all of them: 3 of the 256-input chain's 16 s went to mangling.
// So the evaluation machinery (the bindings' environment and the functions that pass the
// bindings, the plan's evaluator, the reverse sweep, the writers of results) and the operators
// + - * / (one instantiation per + of a chain, each named by the sum so far) are declared in
// unnamed namespaces: a function of internal linkage that only constant evaluation calls is
// never named. (One that code run at run time calls is: g++ names every function in its call
// graph, inlined everywhere or not. So the functions that run once per block of the plan are
// named by the entries' computations, not by the plan: plan_evaluator::block_at and
// adjoint_sweep::step_block_at.) The operators are in an inline unnamed namespace of symdiff,
// which argument-dependent lookup of symdiff's types searches. Each translation unit has its
// own copy of these functions (all of them inlined in practice); an inline function of the
// user's that calls them from several units is, to the letter of the one-definition rule, a
// different definition in each, which both compilers accept and link
// (tests/runtime/two_units.cpp). None of these appear in a type the user keeps:
// gradient_function, point and the formulas' types have external linkage.
//
// Always inlined. The functions that an evaluation through a plan calls at run time are
// [[gnu::always_inline]], down to a binding's `x = value`, a list's get and a function's slope
// (not yet: a node's evaluate_with, which the plan calls, given itself, for a subformula with
// stored numbers that is not a plan entry). g++ optimizes a function
// early (its scalar replacement of aggregates, SRA, splits the plan's table and the sweep's
// adjoints into scalars) after its early inliner, which inlines a function not marked so into a
// large one only within --param large-function-growth. The 256-input neuron's value and gradient
// is past that limit, and a call left in it (a binding's operator=, list's constructor,
// std::is_constant_evaluated) keeps the objects whose addresses it is given in memory: the
// table, whose loads value numbering then traced back through hundreds of stores each.
namespace {

// The value of a compound plan entry, whose node's operation is Step (step_of in adjoint.hpp),
// from its plan children's values, each given by a source S: from_table<k> (the table's slot k),
// the entry_value of a child computed where it is used (a product used once, by a sum; see
// plan_evaluator::inlined) or the leaf_read of a bound leaf (plan_evaluator::is_inline_leaf).
// Each source's value is S::of<T>(table, pointers to the bound values), as is each entry's.
//
// Every function that a plan instantiates once per entry is named by the entry's operation and
// a few numbers, never by the whole plan, the formula or the bindings. g++ mangles the name of
// every function (and variable) it instantiates, and looks each part of a name up in a list of
// the parts before it: names that spelled the plan (n entries long, for each of the n entries)
// made g++ cubic in the plan's size, half of its time for the 128-input neuron and most of it at
// 256 inputs. (A sum's operation is sum_step, not its type, which spells all of its terms.)
// Likewise the plans' tables are computed by static member functions, not by lambdas called in
// place: g++ gives every lambda a conversion to a function pointer and a static invoker as
// well, each named by the lambda inside its class (and by the struct some of them return),
// about 40 times as long as the class's own name: 22 of the 32 MB of names it mangled for the
// 128-input neuron's gradient (sum_over).
// (Src: the plan's pointers to the bound values, which a leaf_read source reads through.)
template <std::size_t K>
struct from_table {
    template <class T, class Src>
    [[gnu::always_inline]] static constexpr T of(T const* table, Src const*) {
        return table[K];
    }
};

template <class Step, class... S>
struct entry_value {
    static constexpr std::size_t n = sizeof...(S);
    using sources = boost::mp11::mp_list<S...>;

    // the number of terms in the block of a sum that starts at term `from` (a multiple of 128)
    static constexpr std::size_t block(std::size_t from) { return block_length(n, from / 128); }
    // acc + the terms from From on, left to right in folds of at most 128 terms: the association
    // of sum::evaluate_with (clang 14 rejects a fold of more than 256 operands)
    template <std::size_t From, class T, class Src>
    [[gnu::always_inline]] static constexpr T add_from(T acc, T const* table, Src const* src) {
        if constexpr (From == n)
            return acc;
        else
            return add_from<From + block(From)>(
                add_block<From>(acc, table, src, std::make_index_sequence<block(From)>{}), table,
                src);
    }
    template <class T, class Src, std::size_t... I>
    [[gnu::always_inline]] static constexpr T first_block(T const* table, Src const* src,
                                                          std::index_sequence<I...>) {
        return (... + entry_t<sources, I>::template of<T>(table, src));
    }
    template <std::size_t From, class T, class Src, std::size_t... I>
    [[gnu::always_inline]] static constexpr T add_block(T acc, T const* table, Src const* src,
                                                        std::index_sequence<I...>) {
        return (acc + ... + entry_t<sources, From + I>::template of<T>(table, src));
    }

    template <class T, class Src>
    [[gnu::always_inline]] static constexpr T of(T const* table, Src const* src) {
        if constexpr (std::is_same<Step, sum_step>::value && n <= 128)
            return (... + S::template of<T>(table, src));
        else if constexpr (std::is_same<Step, sum_step>::value)
            return add_from<128>(first_block(table, src, std::make_index_sequence<128>{}), table,
                                 src);
        else if constexpr (std::is_same<Step, stage_step>::value) // its body's value
            return (S::template of<T>(table, src), ...);
        else
            return Step::template combine<T>(S::template of<T>(table, src)...);
    }
};

// The entries computed where they are used: never stored.
struct no_entry {
    template <class T>
    static constexpr T of(T const*, void const*) {
        return T{};
    }
};

// Where the value of a plan leaf P is bound in an environment whose bindings' keys are Flat
// (env_slots<Env>::flat): `value`, the binding's position in the environment's list of all
// bindings, std::size_t(-1) where no binding gives it (constants; an unbound variable, a stage
// that is computed), and `index`, the element of a family's array (empty for a whole binding).
// (Class templates, whose numbers are a base's: g++ mangles variable and function templates and
// static data members, one name per leaf.)
template <std::size_t At, std::size_t... I>
struct bound_place : std::integral_constant<std::size_t, At> {
    using index = std::index_sequence<I...>;
};
template <class P, class Flat>
struct leaf_place : bound_place<static_cast<std::size_t>(-1)> {};
template <fixed_string N, class Flat>
struct leaf_place<var<N>, Flat> : bound_place<bound_position_t<var<N>, Flat>::value> {};
template <fixed_string N, class B, class Flat>
struct leaf_place<named<N, B>, Flat> : bound_place<bound_position_t<stage_key<N>, Flat>::value> {};
// an element: its own binding, or else its family's
template <class Family, std::size_t... I, class Flat>
struct leaf_place<element<Family, I...>, Flat>
    : std::conditional_t<bound_position_t<element<Family, I...>, Flat>::value !=
                             static_cast<std::size_t>(-1),
                         bound_place<bound_position_t<element<Family, I...>, Flat>::value>,
                         bound_place<bound_position_t<Family, Flat>::value, I...>> {};

// A plan leaf that the bindings give: the scalar Index (element I... of a family's array; the
// value itself for none) of the value of a binding, read through the plan_evaluator's pointers to
// the bound values (its `sources`, one per binding, grouped by type: pointer Slot of group
// Group, see source_layout). The pointers are taken once, in one function; each leaf's read is
// named by Group, Slot, Index and the pointers' types (`pointers_to<double, 514>`: cheap to
// mangle), not by the bindings, whose keys are as many distinct types as there are variables
// (a name that spells n of them costs g++ O(n^2) to mangle, and the 256-input neuron has 514).
// One pointer per binding, not one per leaf: the 514 pointers of the 256-input neuron
// (sum_over) were 514 stores, more than g++'s value numbering looks back through (1,000 alias
// queries per load): it kept the pointers, the copies of the bound arrays and every leaf's load
// through its pointer (5,400 lines of assembly instead of 1,500), and spent seconds in the
// attempt. (Grouped into arrays, the 258 pointers of the 128-input neuron written with named
// variables no longer hit that limit either: 1,061 lines of assembly instead of 3,832.)
// A group of pointers: a built-in array, whose subscript is no call. (A std::array's operator[]
// is a function: g++ does not inline calls into a function as large as the 256-input neuron's
// in its early passes (`--param large-function-growth`), and its later inliner spent about 4 %
// of the compile time weighing those ~1,000 calls; the 256-input chain took 0.4 s less without
// them, written with sum_over 0.7 s less, for identical code.)
template <class V, std::size_t N>
struct pointers_to {
    V const* at[N];
};
template <std::size_t Group, std::size_t Slot, class Index>
struct leaf_read;
template <std::size_t Group, std::size_t Slot, std::size_t... I>
struct leaf_read<Group, Slot, std::index_sequence<I...>> {
    template <class T, class Sources>
    [[gnu::always_inline]] static constexpr T of(T const*, Sources const* sources) {
        return static_cast<T>(subscript<I...>::of(*detail::get<Group>(*sources).at[Slot]));
    }
};

// The position in Values of each of V... (and a 0 after them). (A function given Values: written
// in source_layout's expansion over its bindings, its member `values`, which depends on all of
// them, was worked out again for each binding; O(n^2), 0.8 G instructions of g++'s for the 514
// bindings of the 256-input chain.)
template <class Values, class... V>
constexpr std::array<std::size_t, sizeof...(V) + 1> positions_in() {
    return {boost::mp11::mp_find<Values, V>::value..., 0};
}

// The pointers to the bound values, grouped by the values' type: list<std::array<V const*, n>...>
// with one array per distinct value type V (`double`, `std::array<double, 8>`), in the order of
// first appearance; slot[j] = {group, index} of binding j's pointer. (Grouped, the pointers'
// type is short to mangle, and every leaf's read names it: a list of 514 `double const*` was
// 2 KB in each of 3,000 names for the 256-input neuron written with named variables.)
template <class All>
struct source_layout;
template <class... B>
struct source_layout<list<B...>> {
    using values = boost::mp11::mp_unique<boost::mp11::mp_list<typename B::value_type...>>;
    static constexpr auto table() {
        constexpr auto group = positions_in<values, typename B::value_type...>();
        struct {
            std::array<std::array<std::size_t, 2>, sizeof...(B) + 1> slot;
            std::array<std::size_t, boost::mp11::mp_size<values>::value> count;
            // member[g][i]: the binding whose pointer is element i of group g
            std::array<std::array<std::size_t, sizeof...(B) + 1>,
                       boost::mp11::mp_size<values>::value>
                member;
        } t{};
        for (std::size_t j = 0; j < sizeof...(B); ++j) {
            std::size_t g = group[j];
            t.slot[j] = {g, t.count[g]};
            t.member[g][t.count[g]++] = j;
        }
        return t;
    }
};

// A leaf that no binding gives: a constant, evaluated by its node with no bindings, or an
// unbound variable, whose evaluation with no bindings reports the error that names it.
template <class P>
struct unbound_leaf {
    template <class T>
    [[gnu::always_inline]] static constexpr T of(T const*, void const*) {
        return P{}.template evaluate<T>(std::tuple<>{});
    }
};

// The types whose values are read from a plan's table by name, through plan_evaluator's
// operator(): the outputs, and the operands of subformulas with stored numbers (which are not
// plan entries and are computed where they stand).
template <class... F>
using read_by_name = merged<boost::mp11::mp_list<std::remove_cvref_t<F>...>,
                            typename below_stateful<std::remove_cvref_t<F>>::type...>;

// The values of a plan's entries at the bindings env, each computed once; any formula made of
// them is then evaluated by table look-ups. Outputs: boost::mp11::mp_list<F...> of the formulas
// whose plan it is (plan_t<F...>). Named: read_by_name's types.
// (The class is named by the outputs, not by their plan, the list of all of their subformulas:
// its constructor and the reverse sweep's run are named by the class, and g++ mangled the
// 256-input chain's constructor in 38,000 characters instead of 41,100; see "Internal linkage".)
template <class Outputs>
struct outputs_plan;
template <class... F>
struct outputs_plan<boost::mp11::mp_list<F...>> {
    using plan = plan_t<F...>;
    using named = read_by_name<F...>;
};
template <class Outputs, class T, class Env>
struct plan_evaluator {
    using Plan = typename outputs_plan<Outputs>::plan;
    using Named = typename outputs_plan<Outputs>::named;
    using plan = Plan;
    using scalar = T;
    static constexpr std::size_t size = boost::mp11::mp_size<Plan>::value;
    Env const& env;
    // Not initialized: the constructor writes every entry that is read, children before parents.
    T value[size + 1];

    using edges = plan_edges<Plan>;
    // inlined[k]: the entry at k is a product whose only use is as a term of a sum, and it is not
    // read by name; it is computed inside that sum's expression, not stored, so that the sum
    // adds each product as soon as it is computed. (Stored first, as the plan orders them, the
    // 64 products of a 64-input neuron were all live at once, and g++ spilled them.) The
    // reverse sweep never reads such an entry's value: a sum's step reads none of its terms'
    // values, and a product's step reads its factors' values, not its own.
    // in[k], except at the positions of the types read by name (Named): false there
    template <class... N>
    static constexpr std::array<bool, size + 1> except_named(std::array<bool, size + 1> in,
                                                             boost::mp11::mp_list<N...>) {
        std::size_t const where[] = {position_t<Plan, N>::value..., size};
        for (std::size_t w : where)
            if (w < size)
                in[w] = false;
        return in;
    }
    static constexpr auto inlined_table() {
        std::array<bool, size + 1> in{};
        for (std::size_t k = 0; k < size; ++k)
            in[k] =
                edges::kind[k] == 2 && edges::parents[k] == 1 && edges::kind[edges::parent[k]] == 1;
        return except_named(in, Named{});
    }
    static constexpr auto inlined = inlined_table();

    // The positions of the entry at K's children (an index_sequence), read from the plan's edges.
    template <std::size_t K, class J>
    struct children_of;
    template <std::size_t K, std::size_t... J>
    struct children_of<K, std::index_sequence<J...>> {
        using type = std::index_sequence<edges::child[edges::first[K] + J]...>;
    };
    // How the entry at K is computed from its children's sources.
    template <std::size_t K,
              class Children = typename children_of<
                  K, std::make_index_sequence<edges::first[K + 1] - edges::first[K]>>::type>
    struct compute;
    // The leaves that the bindings give (variables, elements, stages they override):
    // is_bound_leaf[k], and where each is bound (place_at<k>).
    using flat = typename env_slots<std::remove_cv_t<Env>>::flat;
    template <std::size_t K>
    using place_at = leaf_place<typename plan_entry<Plan, K>::type, flat>;
    template <std::size_t... K>
    static constexpr auto is_bound_leaf_table(std::index_sequence<K...>) {
        return std::array<bool, size + 1>{(place_at<K>::value != static_cast<std::size_t>(-1))...,
                                          false};
    }
    static constexpr auto is_bound_leaf = is_bound_leaf_table(std::make_index_sequence<size>{});
    // pointers to the bound values, grouped by their type (source_layout, leaf_read)
    using all_type =
        typename as_list<std::remove_cvref_t<decltype(std::declval<Env const&>().all)>>::type;
    static constexpr auto layout = source_layout<all_type>::table();
    template <class Values, class Groups>
    struct sources_of;
    template <class... V, std::size_t... G>
    struct sources_of<boost::mp11::mp_list<V...>, std::index_sequence<G...>> {
        using type = list<pointers_to<V, layout.count[G]>...>;
    };
    using values = typename source_layout<all_type>::values;
    // binding at's {group, index}; {0, 0} for no binding (an unbound leaf's)
    static constexpr std::array<std::size_t, 2> slot_of(std::size_t at) {
        return layout.slot[at < layout.slot.size() ? at : layout.slot.size() - 1];
    }
    using sources_type =
        typename sources_of<values,
                            std::make_index_sequence<boost::mp11::mp_size<values>::value>>::type;
    sources_type sources;
    template <class V, std::size_t G, std::size_t... I>
    [[gnu::always_inline]] static constexpr pointers_to<V, sizeof...(I)>
    group_sources(Env const& bindings, std::index_sequence<I...>) {
        return {{&get<layout.member[G][I]>(bindings.all).value...}};
    }
    template <class... V, std::size_t... G>
    [[gnu::always_inline]] static constexpr sources_type
    sources_in(Env const& bindings, boost::mp11::mp_list<V...>, std::index_sequence<G...>) {
        return sources_type(
            group_sources<V, G>(bindings, std::make_index_sequence<layout.count[G]>{})...);
    }
    // The pointers to the bound values. When the arguments args... (from which the environment
    // was made) are all bindings of one value type, the usual call, they are the addresses of
    // the arguments' values, in one aggregate. Otherwise each binding's reference is loaded
    // back from the environment's list: for the 256-input neuron written with named variables,
    // that was 514 loads, which g++'s value numbering traced back each through the list's 514
    // stores, and two more functions named by the plan (group_sources, sources_in). (Stored
    // one by one into the groups instead, the pointers were not traced back at 256 inputs:
    // 7,581 lines of assembly instead of 1,980.)
    template <class... Args>
    [[gnu::always_inline]] static constexpr sources_type sources_from(Env const& bindings,
                                                                      Args const&... args) {
        if constexpr (sizeof...(Args) > 0 && all_v<is_binding<Args>...> &&
                      boost::mp11::mp_size<values>::value == 1)
            return sources_type(list_element<0, sources_type>{{&args.value...}});
        else
            return sources_in(bindings, values{},
                              std::make_index_sequence<boost::mp11::mp_size<values>::value>{});
    }

    // What gives the entry at position K its value: the bindings, or its children's values
    // (nothing for an entry computed where it is used).
    template <std::size_t K, class P = typename plan_entry<Plan, K>::type>
    using leaf_of =
        std::conditional_t<is_bound_leaf[K],
                           leaf_read<slot_of(place_at<K>::value)[0], slot_of(place_at<K>::value)[1],
                                     typename place_at<K>::index>,
                           unbound_leaf<P>>;
    // is_inline_leaf[k]: the entry at k is a bound leaf that is not read by name. Its parents read
    // it from its binding where they use it (source, leaf_read::of); the forward pass does not
    // store it in the table, and the reverse sweep reloads it into the table before a step that
    // reads it (reload_of_at), as it does every leaf. (Stored, the 256-input chain's 514 leaves
    // were 514 stores more that g++'s value numbering looked back through from later loads;
    // without them g++ runs 3.3 % fewer instructions for the 128-input chain, whose code is the
    // same.)
    static constexpr auto is_inline_leaf = except_named(is_bound_leaf, Named{});
    template <std::size_t C>
    struct source : std::conditional_t<
                        inlined[C], compute<C>,
                        std::conditional_t<is_inline_leaf[C], boost::mp11::mp_identity<leaf_of<C>>,
                                           boost::mp11::mp_identity<from_table<C>>>> {};
    template <std::size_t K, std::size_t... C>
    struct compute<K, std::index_sequence<C...>> {
        using type = entry_value<typename step_of<typename plan_entry<Plan, K>::type>::type,
                                 typename source<C>::type...>;
    };

    template <std::size_t K, class P = typename plan_entry<Plan, K>::type>
    using entry_of = typename std::conditional_t<
        inlined[K], boost::mp11::mp_identity<no_entry>,
        std::conditional_t<boost::mp11::mp_empty<children_t<P>>::value || is_bound_leaf[K],
                           boost::mp11::mp_identity<leaf_of<K>>, compute<K>>>::type;

    // The blocks of 128 entries that the constructor fills (block_count; the second argument of
    // the constructor: `plan_evaluator values(env, typename plan_evaluator::blocks{}, args...)`).
    using blocks = std::make_index_sequence<block_count(size)>;

    // (Always inlined: otherwise both compilers keep the constructor out of line and the table
    // in memory; the MLP-49 gradient took 161 ns instead of 140 with g++.)
    // Straight-line code: every entry at a constant index, in plan order, so that a variable is
    // read from its binding next to its first use (read first, all of them would live across
    // the calls of tanh, in memory). (Always inlined: clang 14 otherwise keeps it out of line;
    // the neuron's value and gradient took 86 ns instead of 60.) In blocks of 128 entries, by
    // position (block_count; the list of types split with mp_take and mp_drop instead cost
    // clang seconds at 1,000 entries), each storing only the entries kept in the table (block_at).
    // The blocks are filled here, not by a member function called from here: see "Few levels of
    // inlined functions" in gradient.hpp.
    // args: the evaluation's arguments, from which env was made (or none).
    template <std::size_t... B, class... Args>
    [[gnu::always_inline]] constexpr plan_evaluator(Env const& bindings, std::index_sequence<B...>,
                                                    Args const&... args)
        : env(bindings), sources(sources_from(bindings, args...)) {
        (block_at<B>::type::run(static_cast<T*>(value), &sources), ...);
    }

    // The reverse sweep reads the leaves again from the bindings, where it uses them (each
    // active entry's step first reloads its leaf operands: reload_at), behind a compiler barrier
    // placed after the forward values (compiler_barrier).
    // is_leaf_at[k]: the entry at k is read from the bindings
    // (what entry_of<k> is a leaf_read or unbound_leaf for, told without making entry_of<k>)
    static constexpr auto is_leaf_at_table() {
        std::array<bool, size + 1> leaf{};
        for (std::size_t k = 0; k < size; ++k)
            leaf[k] = !inlined[k] && (edges::first[k] == edges::first[k + 1] || is_bound_leaf[k]);
        return leaf;
    }
    static constexpr auto is_leaf_at = is_leaf_at_table();
    // the leaf operands whose values the reverse step of the entry at k reads: leaves.list[
    // leaves.first[k]] ... (none for a sum, whose step reads no operand's value)
    static constexpr auto leaves_table() {
        struct {
            std::array<std::size_t, size + 1> first;
            std::array<std::size_t, edges::count + 1> list;
        } l{};
        std::size_t n = 0;
        for (std::size_t k = 0; k < size; ++k) {
            l.first[k] = n;
            if (edges::kind[k] != 1)
                for (std::size_t e = edges::first[k]; e < edges::first[k + 1]; ++e)
                    if (is_leaf_at[edges::child[e]])
                        l.list[n++] = edges::child[e];
        }
        l.first[size] = n;
        return l;
    }
    static constexpr auto leaves = leaves_table();
    // What stores the entries at the positions of row R of Rows (leaves or stored below: rows of
    // positions Rows.list[Rows.first[R]] ... Rows.list[Rows.first[R + 1] - 1]), as ::type.
    template <auto const& Rows, std::size_t R, class J>
    struct stores_of_row;
    template <auto const& Rows, std::size_t R, std::size_t... J>
    struct stores_of_row<Rows, R, std::index_sequence<J...>> {
        using type = store_entries<std::index_sequence<Rows.list[Rows.first[R] + J]...>,
                                   entry_of<Rows.list[Rows.first[R] + J]>...>;
    };
    template <auto const& Rows, std::size_t R>
    struct stores_of_row_at
        : stores_of_row<Rows, R, std::make_index_sequence<Rows.first[R + 1] - Rows.first[R]>> {};
    // what reloads the leaf operands of the entry at K (::type)
    template <std::size_t K>
    struct reload_of_at : stores_of_row_at<leaves, K> {};

    // The entries that the constructor stores, block by block: stored.list[stored.first[b]] ...
    // are those of block b's positions [128 b, 128 b + 128) that are neither computed where they
    // are used (inlined) nor read from their bindings where they are used (is_inline_leaf).
    static constexpr auto stored_table() {
        std::array<bool, size + 1> keep{};
        for (std::size_t k = 0; k < size; ++k)
            keep[k] = !inlined[k] && !is_inline_leaf[k];
        return kept_by_block<size>(keep, false);
    }
    static constexpr auto stored = stored_table();
    // What stores block B's entries (::type::run(table, &sources)). A class named by the entries'
    // positions and computations (store_entries), not a member function, whose name would spell
    // the plan and the bindings: g++ names every function it analyzes, even of internal linkage
    // and inlined everywhere, and the 7 blocks of the 256-input chain were 34,500 characters each.
    template <std::size_t B>
    struct block_at : stores_of_row_at<stored, B> {};

    // E's value: from the table when it is an entry; a subformula with stored numbers (not an
    // entry) is computed where it stands, from its operands' values (and a formula that is not
    // among the outputs', such as u^(c - 1) for the slope of u^c, the same way).
    template <class E>
    [[gnu::always_inline]] constexpr T operator()(E const& e) const {
        constexpr std::size_t at = position_t<Plan, E>::value;
        if constexpr (at != static_cast<std::size_t>(-1))
            return value[at];
        else if constexpr (is_var<E> || is_constant<E> || is_value<E>)
            return e.template evaluate<T>(env);
        else
            return e.template evaluate_with<T>(env, *this);
    }
};

// The formulas' values, read from the plan. (The plan is an argument, not captured by a lambda:
// an address stored in a closure keeps the plan in memory; see "Always inlined".)
template <class Values, class... F, std::size_t... I>
[[gnu::always_inline]] constexpr auto values_of(Values const& plan, list<F...> const& formulas,
                                                std::index_sequence<I...>) {
    return std::array<typename Values::scalar, sizeof...(F)>{plan(get<I>(formulas))...};
}

template <class... F>
[[gnu::always_inline]] constexpr auto evaluate_all(list<F...> const& formulas,
                                                   auto const&... args) {
    auto env = binding_refs_of(args...);
    using Env = decltype(env);
    using T = scalar_t<Env>;
    using Values = plan_evaluator<boost::mp11::mp_list<F...>, T, Env>;
    Values plan(env, typename Values::blocks{}, args...);
    return values_of(plan, formulas, std::index_sequence_for<F...>{});
}

} // namespace

} // namespace detail

// The results of value_and_gradient: G is the type gradient(...) returns.
template <class T, class G>
struct value_and_gradient_result {
    T value;
    G gradient;
};

namespace detail {
// What a gradient is taken by: a variable or stage, or each element of a family in row-major order.
template <class X>
struct wrt_of {
    using type = boost::mp11::mp_list<X>;
};
template <fixed_string N, std::size_t... S>
struct wrt_of<vars<N, S...>> {
    using type = elements_of<vars<N, S...>>;
};
template <class... X>
using wrt_t = boost::mp11::mp_append<boost::mp11::mp_list<>, typename wrt_of<X>::type...>;

template <class X>
inline constexpr std::size_t wrt_size = boost::mp11::mp_size<typename wrt_of<X>::type>::value;

// Which derivatives the sweep may store two at a time (store_pair): with_next[k] when W's elements
// k and k + 1 (wrt_t<X...>) are neighbours in one innermost array of gradient's result, k the
// first, third, ... element of that array: in a family's rows, and in the std::array of a
// gradient by variables only. (A class named by the arguments, given to adjoint_sweep.)
template <class... X>
struct pairs_of {
    template <class Y>
    static constexpr std::size_t row_length() {
        if constexpr (is_family<Y>)
            return Y::shape[Y::rank - 1];
        else
            return 1;
    }
    // (mp_size and all_v, not folds: clang 14 rejects a fold of more than 256 operands)
    static constexpr auto table() {
        constexpr std::size_t n = boost::mp11::mp_size<wrt_t<X...>>::value;
        std::array<bool, n + 1> with_next{};
        if constexpr (all_v<!is_family<X>...>) { // std::array<T, n> (gradient_type_of)
            for (std::size_t k = 0; k + 1 < n; k += 2)
                with_next[k] = true;
        } else {
            constexpr std::size_t sizes[] = {wrt_size<X>...}, rows[] = {row_length<X>()...};
            std::size_t start = 0;
            for (std::size_t p = 0; p < sizeof...(X); ++p) {
                for (std::size_t k = 0; k < sizes[p]; ++k)
                    with_next[start + k] = k % rows[p] % 2 == 0 && k % rows[p] + 1 < rows[p];
                start += sizes[p];
            }
        }
        return with_next;
    }
    static constexpr auto with_next = table();
    // no element is both the second of a pair and the first of another (adjoint_sweep::puts)
    static_assert([] {
        for (std::size_t k = 0; k + 1 < with_next.size(); ++k)
            if (with_next[k] && with_next[k + 1])
                return false;
        return true;
    }());
};

// The result types. A gradient's part for the argument X: T for a variable or stage, a (nested)
// std::array of the family's shape for a family.
template <class T, class Shape>
struct shaped_array {
    using type = T;
};
template <class T, std::size_t S, std::size_t... Rest>
struct shaped_array<T, std::index_sequence<S, Rest...>> {
    using type = std::array<typename shaped_array<T, std::index_sequence<Rest...>>::type, S>;
};
template <class T, class X>
struct part_type {
    using type = T;
};
template <class T, fixed_string N, std::size_t... S>
struct part_type<T, vars<N, S...>> {
    using type = typename shaped_array<T, std::index_sequence<S...>>::type;
};
// gradient's result: std::array<T, N> for N variables or stages; a family's shape for one family;
// a std::tuple of the parts for a mix.
template <bool Variables, class T, class... X>
struct gradient_type_of {
    using type = std::tuple<typename part_type<T, X>::type...>;
};
template <class T, class... X>
struct gradient_type_of<true, T, X...> {
    using type = std::array<T, sizeof...(X)>;
};
template <class T, class X>
struct gradient_type_of<false, T, X> {
    using type = typename part_type<T, X>::type;
};
template <class T, class... X>
using gradient_t = typename gradient_type_of<all_v<!is_family<X>...>, T, X...>::type;

// The number of scalars in a (nested) std::array, 1 for a scalar.
template <class A>
inline constexpr std::size_t flat_size = 1;
template <class E, std::size_t S>
inline constexpr std::size_t flat_size<std::array<E, S>> = S* flat_size<E>;
template <class A>
inline constexpr bool is_std_array = false;
template <class E, std::size_t S>
inline constexpr bool is_std_array<std::array<E, S>> = true;

// The element at row-major position K of a (nested) std::array; a scalar itself.
template <std::size_t K, class A>
[[gnu::always_inline]] constexpr auto& element_at(A& a) {
    if constexpr (is_std_array<A>) {
        using E = typename A::value_type;
        return element_at<K % flat_size<E>>(a[K / flat_size<E>]);
    } else {
        return a;
    }
}

// Two derivatives into neighbouring elements of one array (first, then second, the element after
// it), as one 16-byte store for doubles outside constant evaluation. Why: a row of a family's
// derivatives, d loss / d w[j][i] = a_j x[i], is then computed two elements at a time (mulpd,
// x[i], x[i + 1] loaded together, a_j broadcast), as g++ vectorizes a hand-written loop over the
// row. Stored one by one, the derivatives are one group of stores for g++'s basic-block
// vectorizer, the caller's whole result: when that starts with another member (the
// value_and_gradient result copied into the MLP benchmark's {value, d}), its pairs fall across
// the rows and g++ builds every pair from two scalar products (`unpcklpd`), whose factor it
// computes again per pair. (A GNU vector, which both compilers have; its {v, next} is built from
// scalars, and the vectorizer then vectorizes the products under it.)
template <class T>
[[gnu::always_inline]] constexpr void store_pair(T& first, T& second, T v, T next) {
    if constexpr (std::is_same<T, double>::value) {
        if (!__builtin_is_constant_evaluated()) { // (see "Always inlined" in gradient.hpp)
            using two = double __attribute__((vector_size(16)));
            two const both = {v, next};
            __builtin_memcpy(&first, &both, sizeof both); // first and second: one array's
            return;
        }
    }
    first = v;
    second = next;
}

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// Where the derivative by W's element K goes in a result: std::array (variables, one family).
// The sweep writes each derivative there as soon as it is final, or as soon as it and its
// neighbour are when they are stored together (put_pair; adjoint_sweep::run), so that
// it is not kept until the end: g++ kept the 64 derivatives of the 64-input neuron, computed
// in the sweep's order, in registers and on the stack, and stored them at the end.
template <class G>
struct array_writer {
    G& to;
    template <std::size_t K, class T>
    [[gnu::always_inline]] constexpr void put(T v) const {
        element_at<K>(to) = v;
    }
    // W's elements K and K + 1, neighbours in one innermost array of the result (pairs_of)
    template <std::size_t K, class T>
    [[gnu::always_inline]] constexpr void put_pair(T v, T next) const {
        store_pair(element_at<K>(to), element_at<K + 1>(to), v, next);
    }
};
// The same for a std::tuple of parts (a mix); Starts: where each part's elements start in W.
template <class G, class Starts>
struct tuple_writer;
template <class G, std::size_t... Start>
struct tuple_writer<G, std::index_sequence<Start...>> {
    G& to;
    // the part that holds W's element K
    static constexpr std::size_t part_of(std::size_t k) {
        constexpr std::size_t starts[] = {Start...};
        std::size_t p = 0;
        for (std::size_t i = 0; i < sizeof...(Start); ++i)
            if (starts[i] <= k)
                p = i;
        return p;
    }
    template <std::size_t K, class T>
    [[gnu::always_inline]] constexpr void put(T v) const {
        constexpr std::size_t p = part_of(K);
        constexpr std::size_t starts[] = {Start...};
        element_at<K - starts[p]>(std::get<p>(to)) = v;
    }
    template <std::size_t K, class T>
    [[gnu::always_inline]] constexpr void put_pair(T v, T next) const {
        constexpr std::size_t p = part_of(K);
        constexpr std::size_t starts[] = {Start...};
        auto& part = std::get<p>(to);
        store_pair(element_at<K - starts[p]>(part), element_at<K + 1 - starts[p]>(part), v, next);
    }
};

// Where each argument's elements start among W's.
template <class... X>
inline constexpr auto wrt_starts = [] {
    constexpr std::size_t sizes[] = {wrt_size<X>..., 0};
    std::array<std::size_t, sizeof...(X)> at{};
    std::size_t next = 0;
    for (std::size_t k = 0; k < sizeof...(X); ++k) {
        at[k] = next;
        next += sizes[k];
    }
    return at;
}();

// The writer of gradient(f, X...)'s result g.
template <class... X, class G>
[[gnu::always_inline]] constexpr auto writer_of(G& g) {
    if constexpr (is_std_array<G> || sizeof...(X) == 1)
        return array_writer<G>{g};
    else
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return tuple_writer<G, std::index_sequence<wrt_starts<X...>[K]...>>{g};
        }
    (std::index_sequence_for<X...>{});
}
} // namespace

} // namespace detail

// The reverse-mode pass of every output over one shared forward plan (adjoint.hpp).
//
// Few levels of inlined functions. The function objects' calls below are written out, not
// delegated to a shared helper that builds the result through a function object: g++ optimizes
// the body of every always-inlined function on its own before it inlines it into its caller
// (its early passes, value numbering among them), so each level of calls that holds the whole
// plan's code processes that code once more, and value numbering's look-back through a long run
// of stores costs it more than linear time. The 256-input neuron's plan had its forward code in
// 6 nested functions and its reverse sweep in 8; now 4 and 4 (the blocks, the constructor or
// adjoint_sweep::run, the call below, the user's function), and g++ compiles the 256-input
// neuron's value and gradient in 12.0 s of CPU time instead of 13.2 (written with sum_over: 8.4
// instead of 9.3), for identical code. clang++ inlines always-inline functions before it
// optimizes them; it gains less, from fewer functions: 11.0 s instead of 11.7.
namespace detail {
namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// The forward values of the outputs' plan at the bindings env, as a local of the caller:
//   auto env = binding_refs_of(args...);
//   reverse_values<Env, F...> values(env, typename reverse_values<Env, F...>::blocks{}, args...);
//   compiler_barrier();
template <class Env, class... F>
using reverse_values = plan_evaluator<boost::mp11::mp_list<F...>, scalar_t<Env>, Env>;

// The reverse sweep of output f (one of the plan's outputs) by W, each derivative written by
// sink.put<k>(d f / d W[k]), or two by sink.put_pair<k> (Pairs: pairs_of). (Straight-line code,
// always inlined as the plan's constructor is: clang and g++ otherwise keep the table in memory
// across an out-of-line call.)
template <class W, class Pairs, class F, class Values, class Sink>
[[gnu::always_inline]] constexpr void reverse_sweep(Values& values, F const& f, Sink const& sink) {
    using sweep = adjoint_sweep<F, W, Values, Pairs>;
    sweep s; // (not initialized: see adjoint_sweep::adjoint)
    s.run(values, f, sink, typename sweep::blocks{});
}

} // namespace

} // namespace detail

// The function objects' calls are always inlined into the caller, as a hand-written gradient's
// code stands where it is used: the bindings (whole arrays for families) are then read in
// place and the derivatives written straight into the caller's result. Out of line, clang 14
// copied the arrays in and the result out, and the MLP-49 took 1.35x hand-written instead of
// 1.04x. (gradient's result is not initialized: the sweep writes every element; a std::tuple of
// a mix zeroes its parts first, stores the compilers remove.)
template <class F, class... X>
struct gradient_function {
    F f;

    template <class... Args>
    [[gnu::always_inline]] constexpr auto operator()(Args const&... args) const {
        auto env = detail::binding_refs_of(args...);
        using Values = detail::reverse_values<decltype(env), F>;
        Values values(env, typename Values::blocks{}, args...);
        detail::compiler_barrier();
        detail::gradient_t<typename Values::scalar, X...> g;
        using W = detail::wrt_t<X...>;
        using sweep = detail::adjoint_sweep<F, W, Values, detail::pairs_of<X...>>;
        sweep s;
        s.run(values, f, detail::writer_of<X...>(g), typename sweep::blocks{});
        return g;
    }
};

template <class F, class... X>
struct value_and_gradient_function {
    F f;

    template <class... Args>
    [[gnu::always_inline]] constexpr auto operator()(Args const&... args) const {
        auto env = detail::binding_refs_of(args...);
        using Values = detail::reverse_values<decltype(env), F>;
        Values values(env, typename Values::blocks{}, args...);
        detail::compiler_barrier();
        using T = typename Values::scalar;
        value_and_gradient_result<T, detail::gradient_t<T, X...>> r;
        // (read from the table here, not by values(f), a function named by the whole plan)
        if constexpr (constexpr std::size_t at =
                          detail::position_t<typename Values::plan, F>::value;
                      at != static_cast<std::size_t>(-1))
            r.value = values.value[at];
        else
            r.value = values(f);
        using W = detail::wrt_t<X...>;
        using sweep = detail::adjoint_sweep<F, W, Values, detail::pairs_of<X...>>;
        sweep s;
        s.run(values, f, detail::writer_of<X...>(r.gradient), typename sweep::blocks{});
        return r;
    }
};

namespace detail {
// The arguments of gradient, value_and_gradient, hessian and jacobian: a formula, then variables,
// named stages and families. One message for a misuse, and nothing more: callers build nothing
// unless gradient_arguments<F, X...>::valid. (A class with an enumerator, not a function and a
// variable template: g++ mangles the names of those, which spell the formula and every
// variable. all_v, not a fold: clang 14 rejects a fold of more than 256 operands, and a gradient
// may be taken by 257 named variables.)
template <class F, class... X>
struct gradient_arguments {
    enum : bool {
        wrt = all_v<(DifferentiationVariable<X> || is_family<X>)...>,
        valid = Expression<F> && sizeof...(X) > 0 && wrt
    };
    static_assert(Expression<F>, "symdiff: the first argument must be a symdiff formula");
    static_assert(sizeof...(X) > 0, "symdiff: name at least one variable");
    static_assert(wrt, "symdiff: can only differentiate by a variable (symdiff::var<\"x\">), a "
                       "family of variables (symdiff::vars<\"w\", 8, 4>) or a named stage "
                       "(symdiff::name<\"net\">(...))");
};

// The pairs (i, j), i <= j, of an n x n symmetric matrix, in row order.
template <std::size_t N>
inline constexpr auto upper_pairs = [] {
    std::array<std::array<std::size_t, 2>, N*(N + 1) / 2> pairs{};
    std::size_t k = 0;
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i; j < N; ++j)
            pairs[k++] = {i, j};
    return pairs;
}();

template <class F, class Vars, class Pairs>
struct hessian_formulas;
template <class F, class... X, std::size_t... K>
struct hessian_formulas<F, list<X...>, std::index_sequence<K...>> {
    template <std::size_t I>
    using var_at = list_element<I, list<X...>>;
    using type = list<decltype(symdiff::d(
        std::declval<F const&>(), std::declval<var_at<upper_pairs<sizeof...(X)>[K][0]> const&>(),
        std::declval<var_at<upper_pairs<sizeof...(X)>[K][1]> const&>()))...>;
};
} // namespace detail

namespace detail {
// What a Hessian or Jacobian is taken by, as objects: a variable or stage itself, or each element
// of a family in row-major order (wrt_t's types).
template <class X>
constexpr auto wrt_objects(X const& x) {
    if constexpr (is_family<X>)
        return []<class... E>(boost::mp11::mp_list<E...>) {
            return make_list(E{}...);
        }(elements_of<X>{});
    else
        return make_list(x);
}
} // namespace detail

// X: the variables and stages, a family's elements in its place (wrt_t)
template <class F, class... X>
struct hessian_function {
    static constexpr std::size_t n = sizeof...(X);
    typename detail::hessian_formulas<F, detail::list<X...>,
                                      std::make_index_sequence<n*(n + 1) / 2>>::type second;

    template <class... Args>
    constexpr auto operator()(Args const&... args) const {
        auto upper = detail::evaluate_all(second, args...);
        using T = typename decltype(upper)::value_type;
        std::array<std::array<T, n>, n> h{};
        for (std::size_t k = 0; k < upper.size(); ++k) {
            auto [i, j] = detail::upper_pairs<n>[k];
            h[i][j] = h[j][i] = upper[k];
        }
        return h;
    }
};

// Several formulas, for jacobian.
template <class... F>
struct outputs_t {
    detail::list<F...> formulas;
};
template <Expression... F>
constexpr outputs_t<F...> outputs(F const&... f) {
    return {detail::make_list(f...)};
}

template <class Outputs, class... X>
struct jacobian_function;
template <class... F, class... X>
struct jacobian_function<outputs_t<F...>, X...> {
    static constexpr std::size_t m = sizeof...(F), n = sizeof...(X);
    detail::list<F...> formulas;

    template <class... Args>
    [[gnu::always_inline]] constexpr auto operator()(Args const&... args) const {
        auto env = detail::binding_refs_of(args...);
        using Values = detail::reverse_values<decltype(env), F...>;
        Values values(env, typename Values::blocks{}, args...);
        detail::compiler_barrier();
        std::array<detail::gradient_t<typename Values::scalar, X...>, m> rows;
        sweeps(values, rows, std::make_index_sequence<m>{});
        return rows;
    }

private:
    // row r: output r's gradient by X... (gradient's type)
    template <class Values, class Rows, std::size_t... R>
    [[gnu::always_inline]] constexpr void sweeps(Values& values, Rows& rows,
                                                 std::index_sequence<R...>) const {
        (detail::reverse_sweep<detail::wrt_t<X...>, detail::pairs_of<X...>>(
             values, detail::get<R>(formulas), detail::writer_of<X...>(rows[R])),
         ...);
    }
};

// The factories, in an inline unnamed namespace (internal linkage: each is named by the formula;
// see "Internal linkage" above). The function objects they return have external linkage.
inline namespace {

// gradient(f, x, y, ...)(p): {d f / dx, d f / dy, ...} at p.
template <class F, class... X>
constexpr auto gradient(F const& f, X const&...) {
    if constexpr (detail::gradient_arguments<F, X...>::valid)
        return gradient_function<F, X...>{f};
    else
        return constant<0>{}; // only the error above is reported
}

// value_and_gradient(f, x, ...)(p): .value = f(p), .gradient = gradient(f, x, ...)(p).
template <class F, class... X>
constexpr auto value_and_gradient(F const& f, X const&...) {
    if constexpr (detail::gradient_arguments<F, X...>::valid)
        return value_and_gradient_function<F, X...>{f};
    else
        return constant<0>{};
}

// hessian(f, x, ...)(p): the symmetric matrix of second derivatives, each pair computed once.
// A family stands for its elements in row-major order: hessian(f, w, b) for vars<"w", 2, 3> and
// a variable b is 7 x 7, rows and columns w[0][0], w[0][1], ..., w[1][2], b.
template <class F, class... X>
constexpr auto hessian(F const& f, X const&... x) {
    if constexpr (detail::gradient_arguments<F, X...>::valid) {
        auto vars = detail::concat(detail::wrt_objects(x)...);
        return [&]<class... W>(detail::list<W...> const&) {
            constexpr std::size_t n = sizeof...(W);
            return [&]<std::size_t... K>(std::index_sequence<K...>) {
                return hessian_function<F, W...>{
                    detail::make_list(d(f, detail::get<detail::upper_pairs<n>[K][0]>(vars),
                                        detail::get<detail::upper_pairs<n>[K][1]>(vars))...)};
            }
            (std::make_index_sequence<n*(n + 1) / 2>{});
        }(vars);
    } else {
        return constant<0>{};
    }
}

// jacobian(outputs(f, g, ...), x, ...)(p): row m is the gradient of the m-th formula, of the
// type gradient(f, x, ...) returns (a family's shape for a family).
template <class... F, class... X>
constexpr auto jacobian(outputs_t<F...> const& o, X const&...) {
    if constexpr ((detail::gradient_arguments<F, X...>::valid && ...))
        return jacobian_function<outputs_t<F...>, X...>{o.formulas};
    else
        return constant<0>{};
}

} // namespace

} // namespace symdiff
