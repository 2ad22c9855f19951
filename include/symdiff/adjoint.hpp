#pragma once
// Reverse mode over a plan: the gradient of a formula as hand-written back-propagation computes
// it. The forward pass is the plan (plan.hpp): every distinct subformula once, children first.
// The reverse pass visits the plan's entries parents first and hands each entry's adjoint
// (d output / d entry) to its children, times the local partial derivative:
//
//   u + v + ...   each term gets the adjoint as it is
//   u * rest      u gets adjoint * rest, rest gets adjoint * u (products split as the plan does)
//   u^c           u gets adjoint * c u^(c - 1); an exponent that depends on the variables gets
//                 adjoint * log(u) u^v
//   f(u)          u gets adjoint * f'(u), f' from f's descriptor (tanh: 1 - tanh(u)^2, where
//                 tanh(u) is the entry's own value, looked up)
//   stage         the body gets the adjoint; the stage's own adjoint is d output / d stage
//
// Only entries that depend on a requested variable take part. A subformula with stored numbers
// is not a plan entry: its adjoint is handed down where it stands, walking its tree, before the
// sweep. No derivative formula is built, so a gradient of n variables costs the compiler about
// as much as the formula itself, and the run time is a small multiple of the formula's value.

#include <array>
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <symdiff/build.hpp>
#include <symdiff/functions.hpp>
#include <symdiff/math/dispatch.hpp>
#include <symdiff/plan.hpp>

namespace symdiff::detail {

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// Whether E's value depends on one of the variables (or stages) in the list W: for the walk over
// subformulas with stored numbers (plan entries are looked up in adjoint_sweep::dependent).
// (Classes, not variable templates: g++ mangles every variable it instantiates, and a name that
// spells W costs O(|W|^2) to mangle; see entry_value in gradient.hpp.)
template <class E, class W>
struct depends_on_t;
template <class C, class W>
struct any_depends_on_t;
template <class... C, class W>
struct any_depends_on_t<boost::mp11::mp_list<C...>, W>
    : std::bool_constant<any_v<depends_on_t<C, W>::value...>> {};
template <class E, class... X>
struct depends_on_t<E, boost::mp11::mp_list<X...>>
    : std::bool_constant<any_v<std::is_same<E, X>::value...> ||
                         any_depends_on_t<children_t<E>, boost::mp11::mp_list<X...>>::value> {};

// The position in Plan of base^(c - 1) for P = base^c, c exact, or std::size_t(-1).
template <class Plan, class P>
struct lowered_power_at : std::integral_constant<std::size_t, std::size_t(-1)> {};
template <class Plan, class B, std::intmax_t N, std::intmax_t D>
struct lowered_power_at<Plan, power<B, constant<N, D>>>
    : position_t<Plan, power<B, constant<N - D, D>>> {};

// The objects of E's plan children (children_t<E>), in order.
template <class E>
constexpr auto children_of(E const& e) {
    if constexpr (is_sum<E>) {
        return e.terms;
    } else if constexpr (is_product<E>) {
        return e.head_and_tail();
    } else if constexpr (is_power<E>) {
        return make_list(e.base, e.exponent);
    } else if constexpr (is_named<E>) {
        return make_list(e.body);
    } else if constexpr (requires { typename E::function; }) {
        return make_list(e.argument);
    } else {
        return list<>{};
    }
}

// Stateless subformulas that are operands of subformulas with stored numbers: their adjoints
// are started by the walk over the stored-number part, before the sweep.
template <class E>
struct below_stateful {
    template <class C>
    using one = typename below_stateful<C>::type;
    template <class C>
    using stateless_child = boost::mp11::mp_if_c<is_stateless<C>, boost::mp11::mp_list<C>,
                                                 typename below_stateful<C>::type>;
    using type = boost::mp11::mp_if_c<
        is_stateless<E>, boost::mp11::mp_list<>,
        boost::mp11::mp_apply<merged, boost::mp11::mp_transform<stateless_child, children_t<E>>>>;
};

// What a plan entry's value (entry_value in gradient.hpp) and reverse step (backprop) need of
// its node: the operation, named by itself and not by the operands' types. (A 256-term sum's
// type spells 256 products, and the functions of its value and step were named by it: 30 of
// the 94 names of 25-35 KB that g++ mangled for the 256-input neuron written as a chain of `+`,
// whose value and gradient then took about 0.8 s more of CPU time, of 12.5; g++'s time to mangle
// a name grows faster than its length.)
struct sum_step {};
struct stage_step {}; // a named stage that the bindings do not override: its body's value
struct product_step { // products are split as first * rest in plans
    template <class T>
    [[gnu::always_inline]] static constexpr T combine(T first, T rest) {
        return first * rest;
    }
};
template <class Exponent> // an exact constant<N, D>, or void for any other exponent
struct power_step : power_arithmetic<Exponent> {
    using exponent = Exponent;
};
template <class Function>
struct apply_step {
    using function = Function;
    template <class T>
    [[gnu::always_inline]] static constexpr T combine(T x) {
        return Function::value(x);
    }
};
template <class P>
struct step_of {
    using type = P;
};
template <class S>
struct is_power_step_t : std::false_type {};
template <class E>
struct is_power_step_t<power_step<E>> : std::true_type {};
template <class S>
concept is_power_step = is_power_step_t<S>::value;
template <class... T>
struct step_of<symdiff::sum<T...>> {
    using type = sum_step;
};
template <fixed_string N, class B>
struct step_of<symdiff::named<N, B>> {
    using type = stage_step;
};
template <class... T>
struct step_of<symdiff::product<T...>> {
    using type = product_step;
};
template <class B, class E>
struct step_of<symdiff::power<B, E>> {
    using type = power_step<std::conditional_t<is_constant<E>, E, void>>;
};
template <class F, class A>
struct step_of<symdiff::apply<F, A>> {
    using type = apply_step<F>;
};

// A child's share of an adjoint. Code: the child's position in the table * 4 + what to do with
// the share (0: nothing, the child does not depend on the variables; 1: the child's first
// contribution, assigned; 2: added).
template <std::size_t Code, class T>
[[gnu::always_inline]] constexpr void give_share(T* adjoint, T share) {
    if constexpr (Code % 4 == 1)
        adjoint[Code / 4] = share;
    else if constexpr (Code % 4 == 2)
        adjoint[Code / 4] += share;
}

// The reverse step of the plan entry at position Self, whose node's operation is Step
// (step_of): hands its adjoint to its plan children (Code... as for give_share), times the local
// partial derivatives, read from the forward values' table. Power: the position of base^(c - 1)
// in the table when the entry is base^c and the plan has it, else std::size_t(-1). Named by the
// operation and numbers only, not by the plan or the entry (see entry_value in gradient.hpp).
template <class Step, std::size_t Self, std::size_t Power, class Codes>
struct backprop;
template <class Step, std::size_t Self, std::size_t Power, std::size_t... Code>
struct backprop<Step, Self, Power, std::index_sequence<Code...>> {
    static constexpr std::array<std::size_t, sizeof...(Code) + 1> code{Code..., 0};

    template <std::size_t Lo, class T, std::size_t... K>
    [[gnu::always_inline]] static constexpr void give_each(T* adjoint, T a,
                                                           std::index_sequence<K...>) {
        (give_share<code[Lo + K]>(adjoint, a), ...);
    }
    // every child gets the adjoint a, in blocks of 128 (block_count)
    template <class T, std::size_t... B>
    [[gnu::always_inline]] static constexpr void give_all(T* adjoint, T a,
                                                          std::index_sequence<B...>) {
        (give_each<128 * B>(adjoint, a,
                            std::make_index_sequence<block_length(sizeof...(Code), B)>{}),
         ...);
    }

    template <class T>
    [[gnu::always_inline]] static constexpr void run(T* adjoint, T const* value) {
        T a = adjoint[Self];
        if constexpr (std::is_same<Step, sum_step>::value ||
                      std::is_same<Step, stage_step>::value) {
            give_all(adjoint, a, std::make_index_sequence<block_count(sizeof...(Code))>{});
        } else if constexpr (std::is_same<Step, product_step>::value) { // first * rest
            if constexpr (code[0] % 4 != 0)
                give_share<code[0]>(adjoint, a * value[code[1] / 4]);
            if constexpr (code[1] % 4 != 0)
                give_share<code[1]>(adjoint, a * value[code[0] / 4]);
        } else if constexpr (is_power_step<Step>) {
            if constexpr (code[0] % 4 != 0)
                give_share<code[0]>(adjoint, a * base_slope(value));
            if constexpr (code[1] % 4 != 0) // d u^v / dv = log(u) u^v
                give_share<code[1]>(adjoint,
                                    a * (math::dispatch::log(value[code[0] / 4]) * value[Self]));
        } else { // f(u): d f(u) / du = f'(u), from f's descriptor, given u and f(u)
            give_share<code[0]>(adjoint,
                                a * Step::function::slope(value[code[0] / 4], value[Self]));
        }
    }

    // d u^c / du = c u^(c - 1), computed as the symbolic derivative would be evaluated (u^(c - 1)
    // from the table when the formulas have it)
    template <class T>
    [[gnu::always_inline]] static constexpr T base_slope(T const* value) {
        using X = typename Step::exponent;
        T u = value[code[0] / 4];
        if constexpr (is_constant<X>) {
            constexpr auto c = X::exact;
            using lower = constant<c.num - c.den, c.den>;
            if constexpr (Power != static_cast<std::size_t>(-1))
                return X{}.template evaluate<T>(0) * value[Power];
            else
                return X{}.template evaluate<T>(0) * power_arithmetic<lower>::template combine<T>(
                                                         u, lower{}.template evaluate<T>(0));
        } else {
            T c = value[code[1] / 4];
            return c * math::dispatch::pow(u, c - T(1));
        }
    }
};
struct no_backprop { // a leaf, or an entry that does not depend on the variables
    template <class T>
    [[gnu::always_inline]] static constexpr void run(T*, T const*) {}
};

// Stores the values of the entries E... at the positions At... of the table: the forward pass's
// blocks (plan_evaluator's constructor, with the entries' computations) and the reloads of a
// reverse step's leaf operands from the bindings (with leaf_read).
template <class At, class... E>
struct store_entries;
template <std::size_t... At, class... E>
struct store_entries<std::index_sequence<At...>, E...> {
    template <class T, class Sources>
    [[gnu::always_inline]] static constexpr void run([[maybe_unused]] T* table,
                                                     [[maybe_unused]] Sources const* sources) {
        ((table[At] = E::template of<T>(static_cast<T const*>(table), sources)), ...);
    }
};

// Hands the derivatives by W's elements to the sink: for each Code, Code / 2 is the element K;
// sink.put<K>(adjoint[Slot]) when Code is even, and sink.put_pair<K>(adjoint[Slot],
// adjoint[Next]) when it is odd (K and K + 1 together, Next the slot of K + 1; see store_pair).
template <std::size_t Code, std::size_t Slot, std::size_t Next, class T, class Sink>
[[gnu::always_inline]] constexpr void put_derivative(T const* adjoint, Sink const& sink) {
    if constexpr (Code % 2 == 0)
        sink.template put<Code / 2>(adjoint[Slot]);
    else
        sink.template put_pair<Code / 2>(adjoint[Slot], adjoint[Next]);
}
template <class Codes, class Slots, class Next>
struct put_derivatives;
template <std::size_t... Code, std::size_t... Slot, std::size_t... Next>
struct put_derivatives<std::index_sequence<Code...>, std::index_sequence<Slot...>,
                       std::index_sequence<Next...>> {
    // (an initializer list, not a fold: clang 14 rejects a fold of more than 256 operands, and
    // the derivatives by all 260 elements of a family can be final after one step, their sum's)
    template <class T, class Sink>
    [[gnu::always_inline]] static constexpr void run([[maybe_unused]] T const* adjoint,
                                                     [[maybe_unused]] Sink const& sink) {
        (void)std::initializer_list<int>{(put_derivative<Code, Slot, Next>(adjoint, sink), 0)...};
    }
};

// A compiler barrier, placed after a plan's forward values, before its reverse sweeps, which read
// the leaves again from the bindings. Without it, the compilers keep a variable's value, read for
// the forward pass, in a register across the calls of tanh until the sweep uses it again (they
// know that tanh reads no memory); no register survives a call, so g++ stored every input of
// the 64-input neuron on the stack and read it back, where a hand-written loop reads it again
// from its array. (No code in constant evaluation. A function of its own, not a member of the
// plan_evaluator, whose name would spell the plan.)
// Also placed between the blocks of a reverse sweep (adjoint_sweep::run), where it bounds how far
// back g++'s value numbering traces a load through the stores before it: to the start of the
// block, not of the sweep. In every function that holds the sweep before it is inlined into the
// next (the sweep's run, the function object's call, the user's function), each leaf's reload
// (a pointer, then the value) and each product's adjoint was traced back through the stores of
// the whole sweep, to the limit of 1,000 alias queries, and each store weighed by dead-store
// elimination as far: the 256-input chain compiled in 35.8 G instructions instead of 38.0,
// into code that runs as fast (the N-input benchmarks, N = 64 and 128, both compilers). A plan
// of at most 128 entries, one block, has none: its code is unchanged.
[[gnu::always_inline]] constexpr void compiler_barrier() {
    if (!__builtin_is_constant_evaluated()) // (not a call of std::is_constant_evaluated: see
        asm volatile("" ::: "memory");      // "Always inlined" in gradient.hpp)
}

// One entry's reverse step: reload its leaf operands (Reload, a store_entries), hand its
// adjoint down to its children (Backprop, a backprop or no_backprop), hand the derivatives that
// are then final to the sink (Puts, a put_derivatives).
template <class Reload, class Backprop, class Puts>
struct reverse_step {};
// Reverse steps in turn (a block of adjoint_sweep::run's), given the forward table, the pointers
// to the bound values, the adjoints and the sink.
template <class... S>
struct reverse_steps;
template <class... R, class... B, class... P>
struct reverse_steps<reverse_step<R, B, P>...> {
    template <class T, class Sources, class Sink>
    [[gnu::always_inline]] static constexpr void
    run([[maybe_unused]] T* table, [[maybe_unused]] Sources const* sources,
        [[maybe_unused]] T* adjoint, [[maybe_unused]] Sink const& sink) {
        ((R::run(table, sources), B::run(adjoint, static_cast<T const*>(table)),
          P::run(static_cast<T const*>(adjoint), sink)),
         ...);
    }
};

// adjoint[S] = 0 for each slot S. (Named by the slots, not by the plan, as a member of
// adjoint_sweep would be: see entry_value. An initializer list, not a fold: clang 14 rejects a
// fold of more than 256 operands.)
template <class T, std::size_t... S>
[[gnu::always_inline]] constexpr void zero_slots([[maybe_unused]] T* adjoint,
                                                 std::index_sequence<S...>) {
    (void)std::initializer_list<int>{(adjoint[S] = T(0), 0)...};
}

// The adjoints of the reverse sweep of one output F. Plan (Values::plan): all outputs' entries
// (the forward values); W: the variables and stages asked for. The forward values (Values, a
// plan_evaluator) are an argument of the member functions that read them, not a reference kept
// in the sweep: an address stored in memory makes g++ keep the object in memory, so the plan's
// table stayed an array on the stack that value numbering then read back entry by entry (given
// as an argument to always-inlined functions, it is broken into scalars first: early SRA). The
// 32-input neuron's value and gradient compiled with 3.4 % fewer instructions into 244 lines of
// assembly instead of 285, the same speed.
template <class F, class W, class Values, class Pairs>
struct adjoint_sweep {
    using Plan = typename Values::plan;
    using Own = plan_t<F>; // the entries of this output
    using T = std::remove_cvref_t<decltype(std::declval<Values const&>().value[0])>;
    static constexpr std::size_t size = boost::mp11::mp_size<Plan>::value;

    // The position of P in the table (a class, not an alias of position_t: each position is
    // looked up once; see entry_value in gradient.hpp).
    template <class P>
    struct at : position_t<Plan, P> {};
    template <class E>
    using depends = depends_on_t<E, W>;

    using scalar = T;
    using wrt = W;

    // Not initialized: every slot that is read is written first (first_writer, zero_at below),
    // so no store is spent on the slots of entries that do not depend on W.
    T adjoint[size + 1];
    // The stages of W with stored numbers in their bodies (not plan entries): stage_slot[k] is
    // the slot of W's element k among them; the last element, how many there are.
    template <class... X>
    static constexpr auto stage_slot_table(boost::mp11::mp_list<X...>) {
        bool const stateful_stage[] = {(is_named<X> && !is_stateless<X>)..., false};
        std::array<std::size_t, sizeof...(X) + 1> slot{};
        std::size_t n = 0;
        for (std::size_t k = 0; k < sizeof...(X); ++k)
            slot[k] = stateful_stage[k] ? n++ : 0;
        slot[sizeof...(X)] = n;
        return slot;
    }
    static constexpr auto stage_slot = stage_slot_table(W{});
    // their adjoints (usually none: one unused slot), zeroed by run (no initializer: the sweep
    // is trivially constructed, with no constructor named by the plan)
    T stage_adjoint[stage_slot[boost::mp11::mp_size<W>::value] + 1];

    // The plan's structure as tables (plan_edges), and what this sweep learns from them in one
    // constant evaluation each: which entries are this output's and depend on W, and which
    // parent writes each adjoint first. (One template per entry here, such as depends_on_t<E, W>
    // with its |W| comparisons, cost clang 14 9.2 s instead of 6.7 for the 128-input neuron.)
    using edges = plan_edges<Plan>;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // own[k]: the entry at k is one of this output's (all are, when there is one output)
    static constexpr auto own_table() {
        std::array<bool, size + 1> o{};
        if constexpr (std::is_same<Own, Plan>::value) {
            for (std::size_t k = 0; k < size; ++k)
                o[k] = true;
        } else {
            []<class... P>(std::array<bool, size + 1>& to, boost::mp11::mp_list<P...>) {
                std::size_t const where[] = {at<P>::value..., size};
                for (std::size_t k = 0; k < sizeof...(P); ++k)
                    to[where[k]] = true;
            }(o, Own{});
        }
        return o;
    }
    static constexpr auto own = own_table();

    // dependent[k]: the entry at k is one of W or has a child that is dependent (children come
    // before parents in the plan)
    static constexpr auto dependent_table() {
        std::array<bool, size + 1> dep{};
        []<class... X>(std::array<bool, size + 1>& to, boost::mp11::mp_list<X...>) {
            std::size_t const where[] = {at<X>::value..., npos};
            for (std::size_t w : where)
                if (w != npos)
                    to[w] = true;
        }(dep, W{});
        for (std::size_t k = 0; k < size; ++k)
            for (std::size_t e = edges::first[k]; e < edges::first[k + 1]; ++e)
                dep[k] = dep[k] || dep[edges::child[e]];
        return dep;
    }
    static constexpr auto dependent = dependent_table();

    // active[k]: the reverse sweep hands down the adjoint of the entry at k
    static constexpr auto active_table() {
        std::array<bool, size + 1> act{};
        for (std::size_t k = 0; k < size; ++k)
            act[k] = own[k] && dependent[k];
        return act;
    }
    static constexpr auto active = active_table();

    // For each entry, the position of the last parent (in plan order) that hands it an adjoint:
    // the sweep's first contribution, an assignment rather than 0 + x (which IEEE does not
    // fold). size: none, the slot starts from 0 and every contribution is added.
    static constexpr auto first_writer_table() {
        std::array<std::size_t, size + 1> last{};
        for (auto& l : last)
            l = size;
        for (std::size_t k = 0; k < size; ++k) {
            if (!active[k])
                continue;
            std::size_t const b = edges::first[k], e = edges::first[k + 1];
            // u^u (the only entry with a child twice): u gets two contributions, both added
            bool const self_power = e - b == 2 && edges::child[b] == edges::child[b + 1];
            for (std::size_t j = b; j < e; ++j)
                if (dependent[edges::child[j]])
                    last[edges::child[j]] = self_power ? size : k;
        }
        // entries that the walk over stored numbers reaches first keep `+=`
        []<class... S>(std::array<std::size_t, size + 1>& l, boost::mp11::mp_list<S...>) {
            std::size_t const where[] = {at<S>::value..., size};
            for (std::size_t w : where)
                l[w] = size;
        }(last, typename below_stateful<F>::type{});
        return last;
    }
    static constexpr auto first_writer = first_writer_table();

    // The slots whose first contribution is `+=` (no parent assigns first: entries reached by the
    // walk over stored numbers, u in u^u): they start from 0.
    static constexpr auto zero_at_table() {
        std::size_t n = 0;
        for (std::size_t i = 0; i < size; ++i)
            n += active[i] && first_writer[i] == size;
        std::array<std::size_t, size + 1> where{};
        std::size_t k = 0;
        for (std::size_t i = 0; i < size; ++i)
            if (active[i] && first_writer[i] == size)
                where[k++] = i;
        return std::pair{where, n};
    }
    static constexpr auto zero_at = zero_at_table();

    // The walk over a subformula with stored numbers (not a plan entry), where it stands.
    // The children of a sum or stage, each given the adjoint a, in blocks of 128 (block_count).
    // (Member templates rather than lambdas, so that the always_inline chain is not broken:
    // clang 14 kept a 128-term lambda out of line, and the tables in memory.)
    template <class L, std::size_t... B>
    [[gnu::always_inline]] constexpr void hand_down_all(Values& values, L const& ch, T a,
                                                        std::index_sequence<B...>) {
        (give_each<128 * B>(values, ch, a,
                            std::make_index_sequence<block_length(list_length<L>::value, B)>{}),
         ...);
    }
    template <std::size_t Lo, class L, std::size_t... K>
    [[gnu::always_inline]] constexpr void give_each(Values& values, L const& ch, T a,
                                                    std::index_sequence<K...>) {
        (give_if_dependent<Lo + K>(values, ch, a), ...);
    }
    template <std::size_t K, class L>
    [[gnu::always_inline]] constexpr void give_if_dependent(Values& values, L const& ch, T a) {
        if constexpr (depends<list_element<K, L>>::value)
            give(values, get<K>(ch), a);
    }

    // A plan entry reached by the walk gets `+=` (first_writer: none); a subformula with stored
    // numbers is walked further.
    template <class C>
    [[gnu::always_inline]] constexpr void give(Values& values, C const& c, T a) {
        if constexpr (is_stateless<C>) {
            adjoint[at<C>::value] += a;
        } else {
            if constexpr (is_named<C> && boost::mp11::mp_contains<W, C>::value)
                stage_adjoint[stage_slot[boost::mp11::mp_find<W, C>::value]] += a;
            hand_down(values, c, a);
        }
    }

    // Hands the adjoint a of E, a subformula with stored numbers, to its children that depend
    // on W.
    template <class E>
    [[gnu::always_inline]] constexpr void hand_down(Values& values, E const& e, T a) {
        auto ch = children_of(e);
        using C = std::remove_cvref_t<decltype(ch)>;
        if constexpr (is_sum<E> || is_named<E>) {
            hand_down_all(values, ch, a,
                          std::make_index_sequence<block_count(list_length<C>::value)>{});
        } else if constexpr (is_product<E>) {
            if constexpr (depends<list_element<0, C>>::value)
                give(values, get<0>(ch), a * values(get<1>(ch)));
            if constexpr (depends<list_element<1, C>>::value)
                give(values, get<1>(ch), a * values(get<0>(ch)));
        } else if constexpr (is_power<E>) {
            if constexpr (depends<list_element<0, C>>::value)
                give(values, e.base, a * base_slope(values, e));
            if constexpr (depends<list_element<1, C>>::value) // d u^v / dv = log(u) u^v
                give(values, e.exponent, a * (math::dispatch::log(values(e.base)) * values(e)));
        } else if constexpr (requires { typename E::function; }) {
            if constexpr (depends<list_element<0, C>>::value)
                give(values, e.argument, a * E::function::slope(values(e.argument), values(e)));
        }
        // leaves: nothing below
    }

    // d u^c / du = c u^(c - 1), computed as the symbolic derivative would be evaluated
    template <class B, class X>
    [[gnu::always_inline]] static constexpr T base_slope(Values& values, power<B, X> const& e) {
        if constexpr (is_constant<X>) {
            constexpr auto c = X::exact;
            return X{}.template evaluate<T>(values.env) *
                   values(power<B, constant<c.num - c.den, c.den>>{e.base, {}});
        } else if constexpr (std::is_same<X, value<long long>>::value) {
            return T(e.exponent.number) * math::pow_int(values(e.base), e.exponent.number - 1);
        } else {
            T c = values(e.exponent);
            return c * math::dispatch::pow(values(e.base), c - T(1));
        }
    }

    // the slots zero_at[0..n), as std::index_sequence (for zero_slots)
    template <class I>
    struct zero_list;
    template <std::size_t... I>
    struct zero_list<std::index_sequence<I...>> {
        using type = std::index_sequence<zero_at.first[I]...>;
    };

    // Where d output / d W[k] is: wrt_at[k] < size, adjoint[wrt_at[k]]; size, 0 (the output
    // does not depend on W[k]); size + 1 + j, stage_adjoint[j] (a stage with stored numbers).
    template <class X, std::size_t K>
    using wrt_slot =
        std::integral_constant<std::size_t, at<X>::value != static_cast<std::size_t>(-1)
                                                ? (active[at<X>::value] ? at<X>::value : size)
                                            : (is_named<X> && !is_stateless<X>)
                                                ? size + 1 + stage_slot[K]
                                                : size>;
    template <class... X, std::size_t... K>
    static constexpr auto wrt_at_table(boost::mp11::mp_list<X...>, std::index_sequence<K...>) {
        return std::array<std::size_t, sizeof...(X) + 1>{wrt_slot<X, K>::value..., size};
    }
    static constexpr auto wrt_at =
        wrt_at_table(W{}, std::make_index_sequence<boost::mp11::mp_size<W>::value>{});

    // d output / d W[k]. (A function of k, not of W[k]: one function for all the variables.)
    [[gnu::always_inline]] constexpr T derivative(std::size_t k) const {
        std::size_t const slot = wrt_at[k];
        if (slot < size)
            return adjoint[slot];
        if (slot == size)
            return T(0);
        return stage_adjoint[slot - size - 1];
    }

    // The blocks of 128 entries of the sweep (block_count), the last block first: run's third
    // argument, `typename adjoint_sweep::blocks{}`.
    using blocks = std::make_index_sequence<block_count(size)>;

    // The whole reverse pass for the output f, whose adjoint is 1: each derivative d f / d W[k]
    // is handed to sink.put<k> as soon as it is final (after the step of its last parent in
    // the sweep), or with its neighbour to sink.put_pair<k> once both are (paired), the others
    // at the end. The entries' reverse steps go from the last entry down
    // to the first (parents before children), in blocks of 128 positions (step_block_at),
    // folded here, not in a member function called from here (see "Few levels of inlined
    // functions" in gradient.hpp). A block runs only the steps that do something (steps), after
    // a compiler barrier (but the first).
    template <class Sink, std::size_t... B>
    [[gnu::always_inline]] constexpr void run(Values& values, F const& f, Sink const& sink,
                                              std::index_sequence<B...>) {
        zero_slots(static_cast<T*>(adjoint),
                   typename zero_list<std::make_index_sequence<zero_at.second>>::type{});
        for (T& s : stage_adjoint)
            s = T(0);
        if constexpr (is_stateless<F>)
            adjoint[at<F>::value] = T(1);
        else
            give(values, f, T(1));
        (((B > 0 ? compiler_barrier() : void()),
          step_block_at<B>::type::run(static_cast<T*>(values.value), &values.sources,
                                      static_cast<T*>(adjoint), sink)),
         ...);
        put_rest(sink, std::make_index_sequence<boost::mp11::mp_size<W>::value>{});
    }
    template <class Sink, std::size_t... K>
    [[gnu::always_inline]] constexpr void put_rest(Sink const& sink, std::index_sequence<K...>) {
        // (an initializer list, not a fold: clang 14 rejects a fold of more than 256 operands)
        (void)std::initializer_list<int>{
            (final_at[K] == size ? (sink.template put<K>(derivative(K)), 0) : 0)...};
    }

    // final_at[k]: the position of the entry after whose reverse step d f / d W[k] is final (W[k]'s
    // first parent in plan order, the last one in the sweep), or size: written after the sweep
    // (W[k] is the output itself, or not an active entry).
    static constexpr auto final_at_table() {
        std::array<std::size_t, size + 1> first_parent{};
        for (auto& p : first_parent)
            p = size;
        for (std::size_t k = size; k-- > 0;)
            if (active[k])
                for (std::size_t e = edges::first[k]; e < edges::first[k + 1]; ++e)
                    first_parent[edges::child[e]] = k;
        std::array<std::size_t, boost::mp11::mp_size<W>::value + 1> f{};
        for (std::size_t k = 0; k < boost::mp11::mp_size<W>::value; ++k)
            f[k] = wrt_at[k] < size ? first_parent[wrt_at[k]] : size;
        f[boost::mp11::mp_size<W>::value] = size;
        return f;
    }
    static constexpr auto final_at = final_at_table();
    // paired[k]: the derivatives by W's elements k and k + 1 are stored together (store_pair),
    // after the step after which the later of the two in the sweep is final: with g++, for
    // doubles, when the result holds them side by side (Pairs::with_next), and both are final in
    // the sweep, in one block (blocks), at most 16 positions apart. Those of a family's row
    // (a_j x[i]) are. With g++, MLP-49's value and gradient went from 1.10 to 1.02 times
    // hand-written (paired blocks), the N-input neuron at N = 64 from 1.09 to 1.06 and at
    // N = 128 from 1.09 to 1.04. Not with clang++: clang++ 14 keeps a gradient's elements until
    // the caller's copy of the result, where it stores them, and the pairs then took registers
    // that it spilled: N = 128 went from 1.05 to 1.07-1.11 (MLP-49 from 0.92 to 0.87).
    static constexpr auto paired_table() {
        constexpr std::size_t n = boost::mp11::mp_size<W>::value;
        std::array<bool, n + 1> paired{};
#if !defined(__clang__)
        if constexpr (std::is_same<T, double>::value) {
            for (std::size_t k = 0; k + 1 < n; ++k) {
                std::size_t const a = final_at[k], b = final_at[k + 1];
                paired[k] = Pairs::with_next[k] && a < size && b < size &&
                            (size - 1 - a) / 128 == (size - 1 - b) / 128 &&
                            (a < b ? b - a : a - b) <= 16;
            }
        }
#endif
        return paired;
    }
    static constexpr auto paired = paired_table();
    // The derivatives that are stored after the step of the entry at K, as codes (put_derivative):
    // puts.list[puts.first[K]] ... puts.list[puts.first[K + 1] - 1], 2 k for W's element k
    // alone, 2 k + 1 for k and k + 1 together.
    static constexpr auto puts_table() {
        constexpr std::size_t n = boost::mp11::mp_size<W>::value;
        struct {
            std::array<std::size_t, size + 2> first;
            std::array<std::size_t, n + 1> list;
        } p{};
        std::array<std::size_t, n + 1> after{}; // the step after which k's code is stored
        for (std::size_t k = 0; k < n; ++k) {
            after[k] = final_at[k];
            if (k > 0 && paired[k - 1]) // stored with k - 1
                after[k] = size;
            else if (paired[k])
                after[k] = final_at[k] < final_at[k + 1] ? final_at[k] : final_at[k + 1];
        }
        for (std::size_t k = 0; k < n; ++k)
            if (after[k] < size)
                ++p.first[after[k] + 1];
        for (std::size_t i = 0; i <= size; ++i)
            p.first[i + 1] += p.first[i];
        std::array<std::size_t, size + 1> next{};
        for (std::size_t k = 0; k < n; ++k)
            if (after[k] < size)
                p.list[p.first[after[k]] + next[after[k]]++] = 2 * k + paired[k];
        return p;
    }
    static constexpr auto puts = puts_table();
    template <std::size_t K, class J>
    struct puts_of;
    template <std::size_t K, std::size_t... J>
    struct puts_of<K, std::index_sequence<J...>> {
        using type =
            put_derivatives<std::index_sequence<puts.list[puts.first[K] + J]...>,
                            std::index_sequence<wrt_at[puts.list[puts.first[K] + J] / 2]...>,
                            std::index_sequence<wrt_at[puts.list[puts.first[K] + J] / 2 + 1]...>>;
    };
    template <std::size_t K>
    using puts_at =
        typename puts_of<K, std::make_index_sequence<puts.first[K + 1] - puts.first[K]>>::type;

    // What the entry at K's reverse step does with its child at edge e (see give_share).
    static constexpr std::size_t share_code(std::size_t k, std::size_t e) {
        std::size_t const c = edges::child[e];
        return c * 4 + (!dependent[c] ? 0 : first_writer[c] == k ? 1 : 2);
    }
    template <std::size_t K, class J>
    struct share_codes;
    template <std::size_t K, std::size_t... J>
    struct share_codes<K, std::index_sequence<J...>> {
        using type = std::index_sequence<share_code(K, edges::first[K] + J)...>;
    };
    template <std::size_t K>
    struct active_backprop {
        using P = typename plan_entry<Plan, K>::type;
        using type =
            backprop<typename step_of<P>::type, K, lowered_power_at<Plan, P>::value,
                     typename share_codes<
                         K, std::make_index_sequence<edges::first[K + 1] - edges::first[K]>>::type>;
    };
    // The reverse step of the entry at K: none for leaves and entries that are not active.
    template <std::size_t K>
    using backprop_at =
        typename std::conditional_t<active[K] && edges::first[K + 1] != edges::first[K],
                                    active_backprop<K>,
                                    boost::mp11::mp_identity<no_backprop>>::type;

    // The leaf operands that the reverse step of the entry at K reloads from the bindings: none
    // when the step does nothing.
    template <std::size_t K>
    using reload_at = typename std::conditional_t<
        active[K], typename Values::template reload_of_at<K>,
        boost::mp11::mp_identity<store_entries<std::index_sequence<>>>>::type;

    // The entries whose reverse steps do something, block by block (the last block first):
    // steps.list[steps.first[b]] ... are those of positions size - 1 - 128 b down to
    // size - 128 b - 128 that are active and not leaves, or after whose step some derivative is
    // final.
    static constexpr auto steps_table() {
        std::array<bool, size + 1> keep{};
        for (std::size_t k = 0; k < size; ++k)
            keep[k] = (active[k] && edges::first[k + 1] != edges::first[k]) ||
                      puts.first[k + 1] != puts.first[k];
        return kept_by_block<size>(keep, true);
    }
    static constexpr auto steps = steps_table();
    // What runs block B's reverse steps (::type::run). A class named by the steps (reverse_steps),
    // not a member function, whose name would spell the plan (see plan_evaluator::block_at).
    template <std::size_t B, class J>
    struct step_block;
    template <std::size_t B, std::size_t... J>
    struct step_block<B, std::index_sequence<J...>> {
        using type = reverse_steps<reverse_step<reload_at<steps.list[steps.first[B] + J]>,
                                                backprop_at<steps.list[steps.first[B] + J]>,
                                                puts_at<steps.list[steps.first[B] + J]>>...>;
    };
    template <std::size_t B>
    struct step_block_at
        : step_block<B, std::make_index_sequence<steps.first[B + 1] - steps.first[B]>> {};
};

} // namespace

} // namespace symdiff::detail
