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
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <symdiff/build.hpp>
#include <symdiff/functions.hpp>
#include <symdiff/math/dispatch.hpp>
#include <symdiff/plan.hpp>

namespace symdiff::detail {

// Whether E's value depends on one of the variables (or stages) in the list W.
template <class E, class W>
inline constexpr bool depends_on = false;

template <class C, class W>
inline constexpr bool any_depends_on = false;
template <class... C, class W>
inline constexpr bool any_depends_on<boost::mp11::mp_list<C...>, W> = any_v<depends_on<C, W>...>;

template <class E, class... X>
inline constexpr bool depends_on<E, boost::mp11::mp_list<X...>> =
    any_v<std::is_same_v<E, X>...> || any_depends_on<children_t<E>, boost::mp11::mp_list<X...>>;

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

// The adjoints of the reverse sweep of one output F. Plan: all outputs' entries (the forward
// values); W: the variables and stages asked for.
template <class Plan, class F, class W, class Values>
struct adjoint_sweep {
    using Own = plan_t<F>; // the entries of this output
    using T = std::remove_cvref_t<decltype(std::declval<Values const&>().value[0])>;
    static constexpr std::size_t size = boost::mp11::mp_size<Plan>::value;
    static constexpr std::size_t own_size = boost::mp11::mp_size<Own>::value;

    template <class P>
    static constexpr std::size_t index = position_v<Plan, P>;

    using scalar = T;
    using wrt = W;

    Values const& values;
    // Not initialized: every slot that is read is written first (first_writer, zero_at below),
    // so no store is spent on the slots of entries that do not depend on W.
    T adjoint[size + 1];
    // The stages of W with stored numbers in their bodies (not plan entries): stage_slot[k] is
    // the slot of W's element k among them; the last element, how many there are.
    static constexpr auto stage_slot = []<class... X>(boost::mp11::mp_list<X...>) {
        bool const stateful_stage[] = {(is_named<X> && !is_stateless<X>)..., false};
        std::array<std::size_t, sizeof...(X) + 1> slot{};
        std::size_t n = 0;
        for (std::size_t k = 0; k < sizeof...(X); ++k)
            slot[k] = stateful_stage[k] ? n++ : 0;
        slot[sizeof...(X)] = n;
        return slot;
    }(W{});
    // their adjoints (usually none: one unused slot)
    T stage_adjoint[stage_slot[boost::mp11::mp_size<W>::value] + 1]{};

    // For each entry, the sweep position of the last parent that hands it an adjoint, so the
    // sweep's first contribution is an assignment rather than 0 + x (which IEEE does not fold).
    template <class P>
    static constexpr bool self_power = [] { // u^u: u gets two contributions from one parent
        if constexpr (is_power<P>)
            return std::is_same_v<decltype(P::base), decltype(P::exponent)>;
        else
            return false;
    }();
    template <class P, class... Ch>
    static constexpr void note_parent(std::array<std::size_t, size + 1>& last,
                                      boost::mp11::mp_list<Ch...>) {
        if constexpr (sizeof...(Ch) > 128) { // clang 14: at most 256 operands in a fold
            note_parent<P>(last, boost::mp11::mp_take_c<boost::mp11::mp_list<Ch...>, 128>{});
            note_parent<P>(last, boost::mp11::mp_drop_c<boost::mp11::mp_list<Ch...>, 128>{});
        } else if constexpr (depends_on<P, W>) {
            // later entries come first in the sweep
            ((depends_on<Ch, W> ? void(last[index<Ch>] = self_power<P> ? size : index<P>) : void()),
             ...);
        }
    }
    template <class... P>
    static constexpr void note_parents(std::array<std::size_t, size + 1>& last,
                                       boost::mp11::mp_list<P...>) {
        if constexpr (sizeof...(P) > 128) { // clang 14: at most 256 operands in a fold
            note_parents(last, boost::mp11::mp_take_c<boost::mp11::mp_list<P...>, 128>{});
            note_parents(last, boost::mp11::mp_drop_c<boost::mp11::mp_list<P...>, 128>{});
        } else {
            (note_parent<P>(last, children_t<P>{}), ...);
        }
    }
    static constexpr auto first_writer = [] {
        std::array<std::size_t, size + 1> last{};
        for (auto& l : last)
            l = size; // none
        note_parents(last, Own{});
        // entries that the stored-number walk reaches first keep `+=`
        []<class... S>(std::array<std::size_t, size + 1>& l, boost::mp11::mp_list<S...>) {
            ((l[index<S>] = size), ...);
        }(last, typename below_stateful<F>::type{});
        return last;
    }();

    // Which plan entries are this output's own and depend on W (the slots the sweep writes).
    static constexpr auto own_dependent = []<class... P>(boost::mp11::mp_list<P...>) {
        std::array<bool, size + 1> own{};
        std::size_t const at[] = {index<P>..., size};
        bool const dependent[] = {depends_on<P, W>..., false};
        for (std::size_t k = 0; k < sizeof...(P); ++k)
            own[at[k]] = dependent[k];
        return own;
    }(Own{});

    // The slots whose first contribution is `+=` (no parent assigns first: entries reached by the
    // walk over stored numbers, u in u^u): they start from 0.
    static constexpr auto zero_at = [] {
        std::size_t n = 0;
        for (std::size_t i = 0; i < size; ++i)
            n += own_dependent[i] && first_writer[i] == size;
        std::array<std::size_t, size + 1> at{};
        std::size_t k = 0;
        for (std::size_t i = 0; i < size; ++i)
            if (own_dependent[i] && first_writer[i] == size)
                at[k++] = i;
        return std::pair{at, n};
    }();

    constexpr explicit adjoint_sweep(Values const& v) : values(v) {}

    // children Lo..Hi of a sum or stage, each given the adjoint a (a fold of at most 128).
    // (Member templates rather than lambdas, so that the always_inline chain is not broken:
    // clang 14 kept a 128-term lambda out of line, and the tables in memory.)
    template <std::size_t Parent, std::size_t Lo, std::size_t Hi, class L>
    [[gnu::always_inline]] constexpr void hand_down_each(L const& ch, T a) {
        if constexpr (Hi - Lo > 128) {
            hand_down_each<Parent, Lo, Lo + 128>(ch, a);
            hand_down_each<Parent, Lo + 128, Hi>(ch, a);
        } else {
            give_each<Parent, Lo>(ch, a, std::make_index_sequence<Hi - Lo>{});
        }
    }
    template <std::size_t Parent, std::size_t Lo, class L, std::size_t... K>
    [[gnu::always_inline]] constexpr void give_each(L const& ch, T a, std::index_sequence<K...>) {
        (give_if_dependent<Parent, Lo + K>(ch, a), ...);
    }
    template <std::size_t Parent, std::size_t K, class L>
    [[gnu::always_inline]] constexpr void give_if_dependent(L const& ch, T a) {
        if constexpr (depends_on<list_element<K, L>, W>)
            give<Parent>(get<K>(ch), a);
    }

    template <std::size_t Parent, class C>
    [[gnu::always_inline]] constexpr void give(C const& c, T a) {
        if constexpr (is_stateless<C>) {
            if constexpr (Parent != size && first_writer[index<C>] == Parent)
                adjoint[index<C>] = a;
            else
                adjoint[index<C>] += a;
        } else {
            if constexpr (is_named<C> && boost::mp11::mp_contains<W, C>::value)
                stage_adjoint[stage_slot[boost::mp11::mp_find<W, C>::value]] += a;
            hand_down<size>(c, a); // a subformula with stored numbers, walked where it stands
        }
    }

    // Hands E's adjoint a to its children that depend on W. Parent: E's plan index (size when
    // E is not a plan entry).
    template <std::size_t Parent, class E>
    [[gnu::always_inline]] constexpr void hand_down(E const& e, T a) {
        auto ch = children_of(e);
        using C = std::remove_cvref_t<decltype(ch)>;
        if constexpr (is_sum<E> || is_named<E>) {
            hand_down_each<Parent, 0, list_size<C>>(ch, a);
        } else if constexpr (is_product<E>) {
            if constexpr (depends_on<list_element<0, C>, W>)
                give<Parent>(get<0>(ch), a * values(get<1>(ch)));
            if constexpr (depends_on<list_element<1, C>, W>)
                give<Parent>(get<1>(ch), a * values(get<0>(ch)));
        } else if constexpr (is_power<E>) {
            if constexpr (depends_on<list_element<0, C>, W>)
                give<Parent>(e.base, a * base_slope(e));
            if constexpr (depends_on<list_element<1, C>, W>) // d u^v / dv = log(u) u^v
                give<Parent>(e.exponent, a * (math::dispatch::log(values(e.base)) * values(e)));
        } else if constexpr (requires { typename E::function; }) {
            if constexpr (depends_on<list_element<0, C>, W>)
                give<Parent>(e.argument, a * E::function::slope(values(e.argument), values(e)));
        }
        // leaves: nothing below
    }

    // d u^c / du = c u^(c - 1), computed as the symbolic derivative would be evaluated
    template <class B, class X>
    constexpr T base_slope(power<B, X> const& e) const {
        if constexpr (is_constant<X>) {
            constexpr auto c = X::exact;
            return X{}.template evaluate<T>(values.env) *
                   values(power<B, constant<c.num - c.den, c.den>>{e.base, {}});
        } else if constexpr (std::is_same_v<X, value<long long>>) {
            return T(e.exponent.number) * math::pow_int(values(e.base), e.exponent.number - 1);
        } else {
            T c = values(e.exponent);
            return c * math::dispatch::pow(values(e.base), c - T(1));
        }
    }

    // slots zero_at[Lo..Hi) = 0 (in folds of at most 128)
    template <std::size_t Lo, std::size_t Hi>
    [[gnu::always_inline]] constexpr void zero() {
        if constexpr (Hi - Lo > 128) {
            zero<Lo, Lo + 128>();
            zero<Lo + 128, Hi>();
        } else {
            zero_each<Lo>(std::make_index_sequence<Hi - Lo>{});
        }
    }
    template <std::size_t Lo, std::size_t... K>
    [[gnu::always_inline]] constexpr void zero_each(std::index_sequence<K...>) {
        ((adjoint[zero_at.first[Lo + K]] = T(0)), ...);
    }

    // The whole reverse pass for the output f, whose adjoint is 1.
    [[gnu::always_inline]] constexpr void run(F const& f) {
        zero<0, zero_at.second>();
        if constexpr (is_stateless<F>)
            adjoint[index<F>] = T(1);
        else
            give<size>(f, T(1));
        sweep(boost::mp11::mp_reverse<Own>{});
    }

    // (In blocks of 128: clang 14 rejects a fold of more than 256 operands.)
    template <class... P>
    [[gnu::always_inline]] constexpr void sweep(boost::mp11::mp_list<P...>) {
        if constexpr (sizeof...(P) > 128) {
            sweep(boost::mp11::mp_take_c<boost::mp11::mp_list<P...>, 128>{});
            sweep(boost::mp11::mp_drop_c<boost::mp11::mp_list<P...>, 128>{});
        } else {
            (step<P>(), ...);
        }
    }
    template <class P>
    [[gnu::always_inline]] constexpr void step() {
        if constexpr (depends_on<P, W> && !boost::mp11::mp_empty<children_t<P>>::value)
            hand_down<index<P>>(P{}, adjoint[index<P>]);
    }

    // d output / d (element K of W)
    template <std::size_t K>
    [[gnu::always_inline]] constexpr T derivative() const {
        return of<boost::mp11::mp_at_c<W, K>>();
    }

    // d output / d X
    template <class X>
    constexpr T of() const {
        if constexpr (contains_v<Plan, X> && own_dependent[index<X>])
            return adjoint[index<X>];
        else if constexpr (boost::mp11::mp_contains<W, X>::value && !is_stateless<X>)
            return stage_adjoint[stage_slot[boost::mp11::mp_find<W, X>::value]];
        else
            return T(0); // the output does not depend on X
    }
};

} // namespace symdiff::detail
