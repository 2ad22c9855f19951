#pragma once
// Drawing formulas with Graphviz: `to_dot(f)` is a `digraph` of the formula as a DAG, each
// distinct subformula drawn once (a shared subexpression has several parents), edges from an
// operation to its operands in order. Render it with `dot -Tsvg`.
//
// Node labels: a variable or named stage by its name (a stage also has an edge to its
// definition), a number as printed, `+` for a sum (a negated term is drawn as `*` by -1), `*` for
// a product, `^` for a power (base first, then exponent), a function by its name.

#include <cstddef>
#include <string_view>

#include <boost/mp11/algorithm.hpp>

#include <symdiff/plan.hpp>
#include <symdiff/printers/layout.hpp>
#include <symdiff/printers/static_text.hpp>
#include <symdiff/printers/text.hpp>

namespace symdiff {
namespace detail {

template <class... Outputs>
struct print_dot {
    using graph = graph_t<Outputs...>;

    template <class Sink>
    constexpr void operator()(list<Outputs...> const& outputs, Sink& out) const {
        out.append("digraph formula {\n    graph [ordering=out];\n    node [fontname=\"Helvetica\"];\n");
        std::size_t fresh = 0;  // nodes with stored numbers, which are never shared
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
        bool shared;  // n<number> for the graph's nodes, s<number> for the others
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
    static constexpr node_id declare(E const& e, Sink& out, std::size_t& fresh) {
        if constexpr (is_stateless<E>) {
            return {true, boost::mp11::mp_find<graph, E>::value};
        } else {
            node_id self{false, fresh++};
            write(e, self, out, fresh);
            return self;
        }
    }

    template <class E, class Sink>
    static constexpr void write(E const& e, node_id self, Sink& out, std::size_t& fresh) {
        node_id children[8 + operand_count<E>()]{};
        std::size_t n = 0;
        operands_of_node(e, [&](auto const& child) { children[n++] = declare(child, out, fresh); });
        out.append("    ");
        self.print(out);
        out.append(" [label=\"");
        label_of(e, out);
        out.append(is_var<E> ? "\" shape=box];\n" : is_named<E> ? "\" shape=box style=rounded];\n"
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
        if constexpr (is_sum<E>) detail::apply([&](auto const&... c) { (f(c), ...); }, e.terms);
        else if constexpr (is_product<E>) detail::apply([&](auto const&... c) { (f(c), ...); }, e.factors);
        else if constexpr (is_power<E>) { f(e.base); f(e.exponent); }
        else if constexpr (is_named<E>) f(e.body);
        else if constexpr (requires { typename E::function; }) f(e.argument);
    }

    template <class E, class Sink>
    static constexpr void label_of(E const& e, Sink& out) {
        if constexpr (is_var<E> || is_named<E>) out.append(E::name.view());
        else if constexpr (is_constant<E>) text_style::rational(E::exact.num, E::exact.den, out);
        else if constexpr (is_value<E>) out.append(shortest_text<decltype(e.number)>(e.number).view());
        else if constexpr (is_sum<E>) out.append("+");
        else if constexpr (is_product<E>) out.append("*");
        else if constexpr (is_power<E>) out.append("^");
        else out.append(E::function::name);
    }

};

}  // namespace detail

// The formulas as a Graphviz digraph; a compile-time string when they have no stored numbers.
template <Expression... E>
constexpr auto to_dot(E const&... e) {
    static_assert(sizeof...(E) > 0, "symdiff::to_dot: give at least one formula");
    detail::print_dot<E...> print;
    if constexpr ((detail::is_stateless<E> && ...)) {
        constexpr std::size_t n = [] {
            detail::counting_sink count;
            detail::print_dot<E...>{}(detail::list<E...>{}, count);
            return count.size;
        }();
        static_text<n> text;
        print(detail::list<E...>{}, text);
        return text;
    } else {
        std::string text;
        detail::string_sink sink{text};
        print(detail::make_list(e...), sink);
        return text;
    }
}

}  // namespace symdiff
