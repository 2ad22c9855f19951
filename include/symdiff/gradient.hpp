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
// variables. No derivative formula is built; the compiler sees straight-line code.
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

// The values of a plan's entries at the bindings env, each computed once; any formula made of
// them is then evaluated by table look-ups.
template <class Plan, class T, class Env>
struct plan_evaluator {
    static constexpr std::size_t size = boost::mp11::mp_size<Plan>::value;
    Env const& env;
    T value[size + 1]{};

    // (Always inlined: otherwise both compilers keep the constructor out of line and the table
    // in memory; the MLP-49 gradient took 161 ns instead of 140 with g++.)
    [[gnu::always_inline]] constexpr explicit plan_evaluator(Env const& bindings) : env(bindings) {
        fill(Plan{});
    }

    // Straight-line code: every entry at a constant index, in order. (Always inlined: clang 14
    // otherwise keeps it out of line; the neuron's value and gradient took 86 ns instead of 60.)
    // (In blocks of 128: clang 14 rejects a fold of more than 256 operands.)
    template <class... P>
    [[gnu::always_inline]] constexpr void fill(boost::mp11::mp_list<P...>) {
        if constexpr (sizeof...(P) > 128) {
            fill(boost::mp11::mp_take_c<boost::mp11::mp_list<P...>, 128>{});
            fill(boost::mp11::mp_drop_c<boost::mp11::mp_list<P...>, 128>{});
        } else {
            ((value[position_v<Plan, P>] = compute(P{})), ...);
        }
    }

    template <class E>
    constexpr T compute(E const& e) const {
        if constexpr (is_var<E> || is_constant<E> || is_value<E>)
            return e.template evaluate<T>(env);
        else
            return e.template evaluate_with<T>(env, *this);
    }

    template <class E>
    constexpr T operator()(E const& e) const {
        if constexpr (contains_v<Plan, E>)
            return value[position_v<Plan, E>];
        else
            return compute(e); // a subformula with stored numbers, where it stands
    }
};

template <class... F>
constexpr auto evaluate_all(list<F...> const& formulas, auto const&... args) {
    auto env = bindings_of(args...);
    using Env = decltype(env);
    using T = scalar_t<Env>;
    plan_evaluator<plan_t<F...>, T, Env> plan(env);
    return detail::apply([&](auto const&... f) { return std::array<T, sizeof...(F)>{plan(f)...}; },
                         formulas);
}

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

// A family's derivatives in its shape, from row[at], row[at + 1], ...
template <class A, class Row>
constexpr void fill_shaped(A& a, Row const& row, std::size_t& at) {
    if constexpr (std::is_arithmetic_v<A>)
        a = row[at++];
    else
        for (auto& inner : a)
            fill_shaped(inner, row, at);
}
template <class T, class X, class Row>
constexpr auto shaped(Row const& row, std::size_t at) {
    if constexpr (is_family<X>) {
        typename X::template array_type<T> a{};
        fill_shaped(a, row, at);
        return a;
    } else {
        return T(row[at]);
    }
}

// gradient's result: std::array<T, N> for N variables or stages; a family's shape for one
// family; a std::tuple of per-argument results for a mix.
template <class T, class... X, class Row>
constexpr auto shape_gradient(Row const& row) {
    if constexpr ((!is_family<X> && ...)) {
        std::array<T, sizeof...(X)> g{};
        for (std::size_t i = 0; i < sizeof...(X); ++i)
            g[i] = row[i + 1];
        return g;
    } else if constexpr (sizeof...(X) == 1) {
        return shaped<T, X...>(row, 1);
    } else {
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            constexpr auto start = [] {
                constexpr std::array<std::size_t, sizeof...(X)> sizes{wrt_size<X>...};
                std::array<std::size_t, sizeof...(X)> at{};
                std::size_t next = 1;
                for (std::size_t k = 0; k < sizeof...(X); ++k) {
                    at[k] = next;
                    next += sizes[k];
                }
                return at;
            }();
            return std::tuple{shaped<T, X>(row, start[K])...};
        }
        (std::index_sequence_for<X...>{});
    }
}
} // namespace detail

// The reverse-mode pass of every output over one shared forward plan (adjoint.hpp).
namespace detail {
template <class W, class... F>
struct reverse_pass {
    using Plan = plan_t<F...>;
    static constexpr std::size_t n = boost::mp11::mp_size<W>::value;

    // row r: output r's value, then its derivative by each of W
    template <class T>
    using rows_t = std::array<std::array<T, n + 1>, sizeof...(F)>;

    template <class... Args>
    static constexpr auto run(list<F...> const& outputs, Args const&... args) {
        auto env = bindings_of(args...);
        using Env = decltype(env);
        using T = scalar_t<Env>;
        plan_evaluator<Plan, T, Env> values(env);
        rows_t<T> rows{};
        all_outputs(outputs, values, rows, std::index_sequence_for<F...>{});
        return rows;
    }

    // Straight-line code (always inlined, as the plan's fill is: clang and g++ otherwise keep
    // the table in memory across an out-of-line call).
    template <class Values, class Rows, std::size_t... R>
    [[gnu::always_inline]] static constexpr void all_outputs(list<F...> const& outputs,
                                                             Values const& values, Rows& rows,
                                                             std::index_sequence<R...>) {
        (one_output<R>(get<R>(outputs), values, rows[R], std::make_index_sequence<n>{}), ...);
    }
    template <std::size_t R, class Fr, class Values, class Row, std::size_t... K>
    [[gnu::always_inline]] static constexpr void one_output(Fr const& f, Values const& values,
                                                            Row& row, std::index_sequence<K...>) {
        using T = std::remove_cvref_t<decltype(row[0])>;
        adjoint_sweep<Plan, Fr, W, Values> sweep(values);
        sweep.run(f);
        row[0] = values(f);
        T derivatives[] = {sweep.template of<boost::mp11::mp_at_c<W, K>>()...}; // not a fold
        for (std::size_t k = 0; k < n; ++k)
            row[k + 1] = derivatives[k];
    }
};
} // namespace detail

template <class F, class... X>
struct gradient_function {
    F f;

    template <class... Args>
    constexpr auto operator()(Args const&... args) const {
        auto rows =
            detail::reverse_pass<detail::wrt_t<X...>, F>::run(detail::make_list(f), args...);
        using T = typename decltype(rows)::value_type::value_type;
        return detail::shape_gradient<T, X...>(rows[0]);
    }
};

template <class F, class... X>
struct value_and_gradient_function {
    F f;

    template <class... Args>
    constexpr auto operator()(Args const&... args) const {
        auto rows =
            detail::reverse_pass<detail::wrt_t<X...>, F>::run(detail::make_list(f), args...);
        using T = typename decltype(rows)::value_type::value_type;
        auto g = detail::shape_gradient<T, X...>(rows[0]);
        return value_and_gradient_result<T, decltype(g)>{rows[0][0], g};
    }
};

namespace detail {
template <class F, class... X>
inline constexpr bool valid_arguments = Expression<F> && sizeof...(X) > 0 &&
                                        (DifferentiationVariable<X> && ...);
template <class F, class... X>
inline constexpr bool valid_gradient_arguments = Expression<F> && sizeof...(X) > 0 &&
                                                 ((DifferentiationVariable<X> ||
                                                   is_family<X>)&&...);

template <class F, class... X>
constexpr void check_gradient_or_family_arguments() {
    static_assert(Expression<F>, "symdiff: the first argument must be a symdiff formula");
    static_assert(sizeof...(X) > 0, "symdiff: name at least one variable");
    static_assert(((DifferentiationVariable<X> || is_family<X>)&&...),
                  "symdiff: can only differentiate by a variable (symdiff::var<\"x\">), a family "
                  "of variables (symdiff::vars<\"w\", 8, 4>) or a named stage "
                  "(symdiff::name<\"net\">(...))");
}

// One message for a misuse, and nothing more: callers build nothing unless valid_arguments.
template <class F, class... X>
constexpr void check_gradient_arguments() {
    static_assert(Expression<F>, "symdiff: the first argument must be a symdiff formula");
    static_assert(sizeof...(X) > 0, "symdiff: name at least one variable");
    static_assert((DifferentiationVariable<X> && ...),
                  "symdiff: can only differentiate by a variable (symdiff::var<\"x\">) or a "
                  "named stage (symdiff::name<\"net\">(...))");
}

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
    constexpr auto operator()(Args const&... args) const {
        auto rows = detail::reverse_pass<boost::mp11::mp_list<X...>, F...>::run(formulas, args...);
        using T = typename decltype(rows)::value_type::value_type;
        std::array<std::array<T, n>, m> j{};
        for (std::size_t r = 0; r < m; ++r)
            for (std::size_t c = 0; c < n; ++c)
                j[r][c] = rows[r][c + 1];
        return j;
    }
};

// gradient(f, x, y, ...)(p): {d f / dx, d f / dy, ...} at p.
template <class F, class... X>
constexpr auto gradient(F const& f, X const&...) {
    detail::check_gradient_or_family_arguments<F, X...>();
    if constexpr (detail::valid_gradient_arguments<F, X...>)
        return gradient_function<F, X...>{f};
    else
        return constant<0>{}; // only the error above is reported
}

// value_and_gradient(f, x, ...)(p): .value = f(p), .gradient = gradient(f, x, ...)(p).
template <class F, class... X>
constexpr auto value_and_gradient(F const& f, X const&...) {
    detail::check_gradient_or_family_arguments<F, X...>();
    if constexpr (detail::valid_gradient_arguments<F, X...>)
        return value_and_gradient_function<F, X...>{f};
    else
        return constant<0>{};
}

// hessian(f, x, ...)(p): the symmetric matrix of second derivatives, each pair computed once.
// A family stands for its elements in row-major order: hessian(f, w, b) for vars<"w", 2, 3> and
// a variable b is 7 x 7, rows and columns w[0][0], w[0][1], ..., w[1][2], b.
template <class F, class... X>
constexpr auto hessian(F const& f, X const&... x) {
    detail::check_gradient_or_family_arguments<F, X...>();
    if constexpr (detail::valid_gradient_arguments<F, X...>) {
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

// jacobian(outputs(f, g, ...), x, ...)(p): row m is the gradient of the m-th formula.
template <class... F, class... X>
constexpr auto jacobian(outputs_t<F...> const& o, X const&...) {
    (detail::check_gradient_arguments<F, X...>(), ...);
    if constexpr ((detail::valid_arguments<F, X...> && ...))
        return jacobian_function<outputs_t<F...>, X...>{o.formulas};
    else
        return constant<0>{};
}

} // namespace symdiff
