#pragma once
// `named<"net", Body>`: a named stage of a computation, made by `symdiff::name<"net">(body)`.
// It prints by name, can be differentiated by (holding its inputs fixed), and binding it
// (`net = 0.8001`) overrides its value.

#include <symdiff/bindings.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

template <fixed_string Name, class Body>
struct named : expression<named<Name, Body>> {
    static_assert(detail::is_identifier(Name.view()),
                  "symdiff::name: a stage's name must be a C++ identifier that is not a keyword "
                  "(letters, digits and _, not starting with a digit)");

    static constexpr fixed_string name = Name;
    [[no_unique_address]] Body body;

    constexpr named() = default;
    constexpr explicit named(Body const& b) : body(b) {}

    // `net = 0.8001` overrides the stage's value in an evaluation.
    template <Number V>
    [[gnu::always_inline]] constexpr binding<stage_key<Name>, bound_type<V>> operator=(V v) const {
        return {static_cast<bound_type<V>>(v)};
    }

    template <class T, class Env, class Eval>
    constexpr T evaluate_with(Env const& env, Eval const& eval) const {
        if constexpr (detail::has_binding<stage_key<Name>, Env>)
            return detail::bound_value<stage_key<Name>, T>(env);
        else
            return eval(body);
    }
};

template <fixed_string Name, Expression Body>
constexpr named<Name, Body> name(Body const& body) {
    return named<Name, Body>{body};
}

} // namespace symdiff
