#pragma once
// Evaluation: `f(x = 0.4, y = 2.0)`, `f(p)`, `f(p, net = 0.8001)`, in constant evaluation or at
// run time. The scalar type is the common type of the bound values.

#include <cstddef>
#include <tuple>
#include <utility>

#include <symdiff/bindings.hpp>
#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>
#include <symdiff/gradient.hpp>

namespace symdiff {
namespace detail {

// From how many bindings on an evaluation goes through a plan (see evaluate_at).
inline constexpr std::size_t many_bindings = 64;

namespace { // internal linkage: see "Internal linkage" in gradient.hpp

// Evaluation walks the formula's tree, each node's evaluation a function named by the bindings'
// type. With many bindings (the 256-input neuron written as a chain of + has 514) that type is
// long, and g++ mangles each such name in time quadratic in its length: the plan evaluates the
// formula instead (plan_evaluator in gradient.hpp: per-entry code named by the entry and numbers,
// each subformula once), with the same operations in the same order.
template <class E, class... Args>
[[gnu::always_inline]] constexpr auto evaluate_at(E const& e, Args const&... args) {
    using Env = decltype(binding_refs_of(args...));
    constexpr std::size_t bindings = list_length<decltype(std::declval<Env const&>().all)>::value;
    if constexpr (bindings > many_bindings) {
        return evaluate_all(make_list(e), args...)[0]; // (it reads the bindings itself)
    } else {
        auto env = binding_refs_of(args...); // the arguments live until the call returns
        return e.template evaluate<scalar_t<Env>>(env);
    }
}

} // namespace
} // namespace detail

// evaluate(f, bindings or points...) is f(bindings or points...).
template <Expression E, class... Args>
constexpr auto evaluate(E const& e, Args const&... args) {
    return detail::evaluate_at(e, args...);
}

} // namespace symdiff
