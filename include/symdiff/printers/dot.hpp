#pragma once
// Drawing formulas with Graphviz: `to_dot(f)` is a `digraph` of the formula as a DAG, each
// distinct subformula drawn once (a shared subexpression has several parents), edges from an
// operation to its operands in order. Render it with `dot -Tsvg`.
//
// Node labels: a variable or named stage by its name (a stage also has an edge to its
// definition), a number as printed, `+` for a sum (a negated term is drawn as `*` by -1), `*` for
// a product, `^` for a power (base first, then exponent), a function by its name.

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

#include <boost/mp11/algorithm.hpp>

#include <symdiff/bindings.hpp>
#include <symdiff/functions.hpp>
#include <symdiff/math/dispatch.hpp>
#include <symdiff/plan.hpp>
#include <symdiff/printers/layout.hpp>
#include <symdiff/printers/static_text.hpp>
#include <symdiff/printers/text.hpp>

namespace symdiff {
namespace detail {

// Extra lines of a graph node's label (to_dot(f, p): its value and the gradient).
struct no_notes {
    template <class Sink>
    constexpr void operator()(std::size_t, Sink&) const {}
};

template <class Notes, class... Outputs>
struct print_dot {
    using graph = graph_t<Outputs...>;
    Notes notes{};

    template <class Sink>
    constexpr void operator()(list<Outputs...> const& outputs, Sink& out) const {
        out.append(
            "digraph formula {\n    graph [ordering=out];\n    node [fontname=\"Helvetica\"];\n");
        std::size_t fresh = 0; // nodes with stored numbers, which are never shared
        [&]<class... P>(boost::mp11::mp_list<P...>) {
            (write(P{}, declare(P{}, out, fresh), out, fresh), ...);
        }(graph{});
        std::size_t output = 0;
        detail::apply(
            [&](auto const&... o) {
                (
                    [&] {
                        node_id target = declare(o, out, fresh);
                        out.append("    f");
                        print_integer(static_cast<std::intmax_t>(output), out);
                        out.append(" [shape=plaintext label=\"f");
                        print_integer(static_cast<std::intmax_t>(output++), out);
                        out.append("\"];\n    f");
                        print_integer(static_cast<std::intmax_t>(output - 1), out);
                        out.append(" -> ");
                        target.print(out);
                        out.append(";\n");
                    }(),
                    ...);
            },
            outputs);
        out.append("}\n");
    }

    struct node_id {
        bool shared; // n<number> for the graph's nodes, s<number> for the others
        std::size_t number;
        template <class Sink>
        constexpr void print(Sink& out) const {
            out.append(shared ? "n" : "s");
            print_integer(static_cast<std::intmax_t>(number), out);
        }
    };

    // The id of e's node: a graph node (written with the graph), or a node with stored numbers,
    // written here, after the nodes of its operands.
    template <class E, class Sink>
    constexpr node_id declare(E const& e, Sink& out, std::size_t& fresh) const {
        if constexpr (is_stateless<E>) {
            return {true, boost::mp11::mp_find<graph, E>::value};
        } else {
            node_id self{false, fresh++};
            write(e, self, out, fresh);
            return self;
        }
    }

    template <class E, class Sink>
    constexpr void write(E const& e, node_id self, Sink& out, std::size_t& fresh) const {
        node_id children[operand_count<E>() + 1]{};
        std::size_t n = 0;
        operands_of_node(e, [&](auto const& child) { children[n++] = declare(child, out, fresh); });
        out.append("    ");
        self.print(out);
        out.append(" [label=\"");
        label_of(e, out);
        if constexpr (is_stateless<E>)
            notes(self.number, out);
        out.append(is_var<E>     ? "\" shape=box];\n"
                   : is_named<E> ? "\" shape=box style=rounded];\n"
                                 : "\"];\n");
        for (std::size_t i = 0; i < n; ++i) {
            out.append("    ");
            self.print(out);
            out.append(" -> ");
            children[i].print(out);
            out.append(";\n");
        }
    }

    template <class E>
    static constexpr std::size_t operand_count() {
        return boost::mp11::mp_size<operands_t<E>>::value;
    }

    template <class E, class F>
    static constexpr void operands_of_node(E const& e, F&& f) {
        if constexpr (is_sum<E>)
            detail::apply([&](auto const&... c) { (f(c), ...); }, e.terms);
        else if constexpr (is_product<E>)
            detail::apply([&](auto const&... c) { (f(c), ...); }, e.factors);
        else if constexpr (is_power<E>) {
            f(e.base);
            f(e.exponent);
        } else if constexpr (is_named<E>)
            f(e.body);
        else if constexpr (requires { typename E::function; })
            f(e.argument);
    }

    template <class E, class Sink>
    static constexpr void label_of(E const& e, Sink& out) {
        if constexpr (is_var<E> || is_named<E>)
            out.append(E::name.view());
        else if constexpr (is_constant<E>)
            text_style::rational(E::exact.num, E::exact.den, out);
        else if constexpr (is_value<E>)
            out.append(shortest_text<decltype(e.number)>(e.number).view());
        else if constexpr (is_sum<E>)
            out.append("+");
        else if constexpr (is_product<E>)
            out.append("*");
        else if constexpr (is_power<E>)
            out.append("^");
        else
            out.append(E::function::name);
    }
};

// Each node's value at a point, and the gradient of the formula with respect to it (its adjoint),
// accumulated from the formula down to the variables as back-propagation does:
// adjoint(operand) += adjoint(node) * d node / d operand.
template <class T, class F, class Env>
struct annotation {
    using graph = graph_t<F>;
    static constexpr std::size_t size = boost::mp11::mp_size<graph>::value;
    T value[size]{};
    T adjoint[size]{};

    constexpr annotation(Env const& env) {
        std::size_t i = 0;
        [&]<class... P>(boost::mp11::mp_list<P...>) {
            ((value[i++] = P{}.template evaluate<T>(env)), ...);
        }(graph{});
        adjoint[size - 1] = T(1); // the formula itself is the graph's last node
        [&]<class... P>(boost::mp11::mp_list<P...>) {
            (propagate<P>(env), ...);
        }(boost::mp11::mp_reverse<graph>{});
    }

    template <class C>
    static constexpr std::size_t at = boost::mp11::mp_find<graph, C>::value;

    template <class P>
    constexpr void propagate(Env const& env) {
        T a = adjoint[at<P>];
        if constexpr (is_sum<P> || is_named<P>) {
            boost::mp11::mp_for_each<boost::mp11::mp_unique<operands_t<P>>>([&](auto c) {
                using C = decltype(c);
                std::size_t times = boost::mp11::mp_count<operands_t<P>, C>::value;
                adjoint[at<C>] += a * T(times);
            });
        } else if constexpr (is_product<P>) {
            boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<operands_t<P>>>>(
                [&](auto k) {
                    T others = T(1);
                    boost::mp11::mp_for_each<
                        boost::mp11::mp_iota<boost::mp11::mp_size<operands_t<P>>>>([&](auto j) {
                        if constexpr (j != k)
                            others *= value[at<boost::mp11::mp_at<operands_t<P>, decltype(j)>>];
                    });
                    adjoint[at<boost::mp11::mp_at<operands_t<P>, decltype(k)>>] += a * others;
                });
        } else if constexpr (is_power<P>) {
            using B = decltype(P::base);
            using X = decltype(P::exponent);
            T b = value[at<B>], x = value[at<X>];
            adjoint[at<B>] += a * x * math::dispatch::pow(b, x - T(1));
            if constexpr (!is_constant<X>)
                adjoint[at<X>] += a * value[at<P>] * math::dispatch::log(b);
        } else if constexpr (requires { typename P::function; }) {
            using A = decltype(P::argument);
            adjoint[at<A>] += a * P::function::derivative(A{}).template evaluate<T>(env);
        }
    }

    // six significant digits: a picture, not a table
    template <class Sink>
    static void number(T x, Sink& out) {
        char buffer[64];
        auto end =
            std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, 6).ptr;
        out.append(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    }
    template <class Sink>
    void operator()(std::size_t i, Sink& out) const {
        out.append("\\nvalue ");
        number(value[i], out);
        out.append("\\ngradient ");
        number(adjoint[i], out);
    }
};

} // namespace detail

// The formula as a Graphviz digraph whose nodes also show, at the point p, their value and the
// gradient of the formula with respect to them: the picture of back-propagation. For formulas
// without stored numbers.
template <Expression F, class P>
    requires(!Expression<P>)
std::string to_dot(F const& f, P const& p) {
    static_assert(
        detail::is_stateless<F>,
        "symdiff::to_dot(f, p): annotated graphs are for formulas without stored numbers");
    auto env = detail::as_bindings(p);
    using T = scalar_t<decltype(env)>;
    detail::print_dot<detail::annotation<T, F, decltype(env)>, F> print{{env}};
    std::string text;
    detail::string_sink sink{text};
    print(detail::make_list(f), sink);
    return text;
}

// The formulas as a Graphviz digraph; a compile-time string when they have no stored numbers.
template <Expression... E>
constexpr auto to_dot(E const&... e) {
    static_assert(sizeof...(E) > 0, "symdiff::to_dot: give at least one formula");
    return detail::render_list(detail::make_list(e...),
                               detail::print_dot<detail::no_notes, E...>{});
}

} // namespace symdiff
