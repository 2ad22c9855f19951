#pragma once
// Checking gradients numerically, as the article does:
//   faux_derivative(f, x, p, tiny)  = (f(p with x + tiny) - f(p)) / tiny     (forward difference)
//   central_derivative(f, x, p, h)  = (f(p with x + h) - f(p with x - h)) / (2 h)
//   check_gradient(f, p, x, ...)    : symbolic d(f, x)(p) against central differences
//   check_gradient(f, p, grad, x, ...): a user's gradient function against symbolic d(f, x)(p)
// x may be a variable or a named stage (then the stage's value is nudged). All are constexpr and
// computed in the bindings' scalar type.

#include <array>
#include <cstddef>
#include <limits>
#include <string_view>
#include <tuple>
#include <type_traits>

#include <symdiff/bindings.hpp>
#include <symdiff/compare.hpp>
#include <symdiff/derivative.hpp>
#include <symdiff/evaluate.hpp>
#include <symdiff/math/dispatch.hpp>

namespace symdiff {
namespace detail {

template <class X>
struct key_of_variable;
template <fixed_string N>
struct key_of_variable<var<N>> {
    using type = var<N>;
};
template <class Family, std::size_t... I>
struct key_of_variable<element<Family, I...>> { // a binding of its own overrides the family's
    using type = element<Family, I...>;
};
template <fixed_string N, class B>
struct key_of_variable<named<N, B>> {
    using type = stage_key<N>;
};

// The value of x at the bindings: its binding, or for an unbound stage its body's value.
template <class T, class X, class Env>
constexpr T value_at(X const& x, Env const& env) {
    return x.template evaluate<T>(env);
}

// The bindings with x moved by delta.
template <class T, class X, class Env>
constexpr auto nudged(X const& x, Env const& env, T delta) {
    using key = typename key_of_variable<X>::type;
    T moved = value_at<T>(x, env) + delta;
    if constexpr (has_binding<key, Env>) {
        Env copy = env;
        std::get<binding_index_v<key, Env>>(copy).value =
            static_cast<typename std::tuple_element_t<binding_index_v<key, Env>, Env>::value_type>(
                moved);
        return copy;
    } else {
        return std::tuple_cat(env, std::tuple<binding<key, T>>{{moved}});
    }
}

template <class T>
constexpr T magnitude(T x) {
    return x < T(0) ? -x : x;
}

} // namespace detail

// The article's "faux gradient": a forward difference with step tiny.
template <Expression F, DifferentiationVariable X, class P>
constexpr auto faux_derivative(F const& f, X const& x, P const& p, double tiny = 1e-4) {
    auto env = detail::bindings_of(p);
    using T = scalar_t<decltype(env)>;
    T h = static_cast<T>(tiny);
    return (f.template evaluate<T>(detail::nudged(x, env, h)) - f.template evaluate<T>(env)) / h;
}

// The default step of a central difference: cbrt(epsilon) * max(1, |x|), which balances the
// truncation error (h^2) against rounding (epsilon / h).
template <class T>
constexpr T default_central_step(T at) {
    T cbrt_eps = std::is_same<T, float>::value    ? T(4.921566601151848e-3)
                 : std::is_same<T, double>::value ? T(6.055454452393343e-6)
                                                  : T(2.7530226160450e-7L); // x87 long double
    T scale = detail::magnitude(at);
    return cbrt_eps * (scale > T(1) ? scale : T(1));
}

// A central difference; h defaults to default_central_step (a step of 0 asks for the default).
template <Expression F, DifferentiationVariable X, class P>
constexpr auto central_derivative(F const& f, X const& x, P const& p, double h = 0) {
    auto env = detail::bindings_of(p);
    using T = scalar_t<decltype(env)>;
    T step = h != 0 ? static_cast<T>(h) : default_central_step(detail::value_at<T>(x, env));
    // the step actually taken, after rounding of x + step
    T x0 = detail::value_at<T>(x, env);
    T up = (x0 + step) - x0, down = x0 - (x0 - step);
    return (f.template evaluate<T>(detail::nudged(x, env, up)) -
            f.template evaluate<T>(detail::nudged(x, env, -down))) /
           (up + down);
}

// The tolerance of check_gradient: relative error sqrt(epsilon) of the scalar type
// (float 3.5e-4, double 1.5e-8, long double 3.3e-10), or the user's.
struct tolerance {
    double relative;
};

template <class T>
constexpr T default_gradient_tolerance() {
    if constexpr (std::is_same<T, float>::value)
        return T(3.4526698e-4);
    else if constexpr (std::is_same<T, double>::value)
        return T(1.4901161193847656e-8);
    else
        return T(3.2927225399135962e-10L);
}

// The outcome of check_gradient: converts to bool (all partial derivatives agree); says which
// variable was worst and by how much.
template <class T, std::size_t N>
struct gradient_report {
    std::array<T, N> expected{}; // symbolic (or symdiff's, when checking a user's gradient)
    std::array<T, N> actual{};   // central differences (or the user's gradient)
    std::array<std::string_view, N> names{};
    T tolerance{};
    T worst_error{}; // max over i of |expected - actual| / max(1, |expected|, |actual|)
    std::size_t worst_index = 0;
    std::string_view worst_name{};

    constexpr bool ok() const { return worst_error <= tolerance; }
    constexpr explicit operator bool() const { return ok(); }
};

namespace detail {

template <class T, std::size_t N>
constexpr void finish(gradient_report<T, N>& r) {
    for (std::size_t i = 0; i < N; ++i) {
        T a = magnitude(r.expected[i]), b = magnitude(r.actual[i]);
        T scale = a > b ? a : b;
        if (scale < T(1))
            scale = T(1);
        T err = magnitude(r.expected[i] - r.actual[i]) / scale;
        if (!(err <= r.worst_error) || i == 0) { // NaN counts as worst
            r.worst_error = err;
            r.worst_index = i;
        }
    }
    if constexpr (N > 0)
        r.worst_name = r.names[r.worst_index];
}

template <Expression F, class P, class Grad, class... X>
constexpr auto check(F const& f, P const& p, tolerance const* tol, Grad const& user,
                     X const&... x) {
    auto env = bindings_of(p);
    using T = scalar_t<decltype(env)>;
    gradient_report<T, sizeof...(X)> r;
    r.tolerance = tol ? static_cast<T>(tol->relative) : default_gradient_tolerance<T>();
    r.names = {X::name.view()...};
    r.expected = {d(f, x).template evaluate<T>(env)...};
    if constexpr (std::is_same<Grad, std::nullptr_t>::value) {
        r.actual = {central_derivative(f, x, p)...};
    } else {
        auto g = user(p);
        for (std::size_t i = 0; i < sizeof...(X); ++i)
            r.actual[i] = static_cast<T>(g[i]);
    }
    finish(r);
    return r;
}

} // namespace detail

// Symbolic derivatives against central differences.
template <Expression F, class P, DifferentiationVariable... X>
constexpr auto check_gradient(F const& f, P const& p, X const&... x) {
    return detail::check(f, p, nullptr, nullptr, x...);
}
template <Expression F, class P, DifferentiationVariable... X>
constexpr auto check_gradient(F const& f, P const& p, tolerance tol, X const&... x) {
    return detail::check(f, p, &tol, nullptr, x...);
}

// A user's gradient function, grad(p)[i] = d f / d x_i, against symdiff's symbolic derivatives.
template <Expression F, class P, class Grad, DifferentiationVariable... X>
    requires(!Expression<Grad> && !std::is_same<Grad, tolerance>::value)
constexpr auto check_gradient(F const& f, P const& p, Grad const& grad, X const&... x) {
    return detail::check(f, p, nullptr, grad, x...);
}
template <Expression F, class P, class Grad, DifferentiationVariable... X>
    requires(!Expression<Grad>)
constexpr auto check_gradient(F const& f, P const& p, tolerance tol, Grad const& grad,
                              X const&... x) {
    return detail::check(f, p, &tol, grad, x...);
}

} // namespace symdiff
