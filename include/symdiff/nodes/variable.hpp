#pragma once
// `var<"x">`: an independent variable, named in its type.

#include <symdiff/bindings.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

template <fixed_string Name>
struct var : expression<var<Name>> {
    static_assert(detail::is_identifier(Name.view()),
                  "symdiff::var: a variable's name must be a C++ identifier that is not a keyword "
                  "(letters, digits and _, not starting with a digit)");

    static constexpr fixed_string name = Name;

    // `x = 0.4` binds a value to x; integers bind as double.
    template <Number V>
    [[gnu::always_inline]] constexpr binding<var, bound_type<V>> operator=(V v) const {
        return {static_cast<bound_type<V>>(v)};
    }

    template <class T, class Env>
    constexpr T evaluate(Env const& env) const {
        if constexpr (detail::has_binding<var, Env>) {
            return detail::bound_value<var, T>(env);
        } else {
            (void)sizeof(detail::spelled_as_chars<error::no_value_bound_for_variable, Name>);
            return T{};
        }
    }
};

} // namespace symdiff
