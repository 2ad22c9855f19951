#pragma once
// Evaluation: `f(x = 0.4, y = 2.0)`, `f(p)`, `f(p, net = 0.8001)`, in constant evaluation or at
// run time. The scalar type is the common type of the bound values.

#include <tuple>

#include <symdiff/bindings.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {
namespace detail {

template <class E, class... Args>
constexpr auto evaluate_at(E const& e, Args const&... args) {
    auto env = binding_refs_of(args...); // the arguments live until the call returns
    using Env = decltype(env);
    return e.template evaluate<scalar_t<Env>>(env);
}

} // namespace detail

// evaluate(f, bindings or points...) is f(bindings or points...).
template <Expression E, class... Args>
constexpr auto evaluate(E const& e, Args const&... args) {
    return detail::evaluate_at(e, args...);
}

} // namespace symdiff
