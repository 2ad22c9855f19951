// The single tanh neuron of the article "Single neuron gradients", computed by symdiff:
// forward values, local and global gradients (as formulas and values), faux gradients, and the
// article's own program in single precision.
//
//   neuron [input=0.4] [weight=0.5] [bias=0.6] [target=0.7] [graph=FILE.dot]
//
// graph=FILE writes the loss as a Graphviz graph whose nodes show their values and gradients at
// the point (render it with `dot -Tsvg FILE.dot`).

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;

constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
constexpr auto error = symdiff::name<"error">(output - target);
constexpr auto loss = pow(error, 2_c) / 2_c;

namespace {

// One row: `label = formula = value`, the value to 12 significant digits.
template <class F, class P>
void show(char const* label, F const& formula, P const& p) {
    std::printf("  %-20s = %-40s = %#.12g\n", label, symdiff::to_string(formula).c_str(),
                formula(p));
}

template <class X, class P>
void show_faux(char const* label, X const& x, P const& p) {
    std::printf("  %-8s faux %-#17.8g symbolic %#.12g\n", label,
                symdiff::faux_derivative(loss, x, p), symdiff::d(loss, x)(p));
}

double parse(char const* text, char const* name) {
    char* end = nullptr;
    double v = std::strtod(text, &end);
    if (end == text || *end != '\0') {
        std::fprintf(stderr, "neuron: %s: not a number: %s\n", name, text);
        std::exit(2);
    }
    return v;
}

} // namespace

int main(int argc, char** argv) {
    double in = 0.4, w = 0.5, b = 0.6, t = 0.7;
    std::string graph_file;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        std::string key = arg.substr(0, eq),
                    text = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (key == "input")
            in = parse(text.c_str(), "input");
        else if (key == "weight")
            w = parse(text.c_str(), "weight");
        else if (key == "bias")
            b = parse(text.c_str(), "bias");
        else if (key == "target")
            t = parse(text.c_str(), "target");
        else if (key == "graph" && !text.empty())
            graph_file = text;
        else {
            std::fprintf(stderr,
                         "usage: neuron [input=X] [weight=X] [bias=X] [target=X] [graph=FILE]\n");
            return 2;
        }
    }
    auto const p = symdiff::at(input = in, weight = w, bias = b, target = t);

    std::printf("A single tanh neuron at input = %g, weight = %g, bias = %g, target = %g\n\n", in,
                w, b, t);
    std::printf("Formulas\n");
    std::printf("  net    = %s\n", symdiff::to_string(net.body).c_str());
    std::printf("  output = %s\n", symdiff::to_string(output.body).c_str());
    std::printf("  error  = %s\n", symdiff::to_string(error.body).c_str());
    std::printf("  loss   = %s\n\n", symdiff::to_string(loss).c_str());

    std::printf("Forward values (row 2)\n");
    show("net", net.body, p);
    show("output", output.body, p);
    show("error", error.body, p);
    show("loss", loss, p);

    std::printf("\nLocal gradients (row 3): how much each stage moves the next\n");
    show("d net / d input", symdiff::d(net, input), p);
    show("d net / d weight", symdiff::d(net, weight), p);
    show("d net / d bias", symdiff::d(net, bias), p);
    show("d output / d net", symdiff::d(output, net), p);
    show("d loss / d output", symdiff::d(loss, output), p);

    std::printf("\nGlobal gradients (row 4), back-propagated from the loss\n");
    show("d loss / d error", symdiff::d(loss, error), p);
    show("d loss / d output", symdiff::d(loss, output), p);
    show("d loss / d net", symdiff::d(loss, net), p);
    show("d loss / d bias", symdiff::d(loss, bias), p);
    show("d loss / d weight", symdiff::d(loss, weight), p);
    show("d loss / d input", symdiff::d(loss, input), p);

    std::printf("\nFaux gradients (rows 6-10): (loss(x + tiny) - loss(x)) / tiny, tiny = 0.0001\n");
    show_faux("output", output, p);
    show_faux("net", net, p);
    show_faux("bias", bias, p);
    show_faux("weight", weight, p);
    show_faux("input", input, p);

    auto check = symdiff::check_gradient(loss, p, input, weight, bias);
    // (the worst error itself depends on the last bits of tanh, so it is not printed)
    std::printf("\ncheck_gradient, symbolic against central differences: %s (tolerance %.1e)\n",
                check ? "all agree" : "DISAGREE", check.tolerance);

    // The article's Rust program computes in single precision and prints four decimals.
    auto const pf =
        symdiff::at(input = float(in), weight = float(w), bias = float(b), target = float(t));
    std::printf("\nThe article's program, in float\n");
    std::printf("Weight gradient: %.4f\n", static_cast<double>(symdiff::d(loss, weight)(pf)));
    std::printf("Bias gradient: %.4f\n", static_cast<double>(symdiff::d(loss, bias)(pf)));
    if (!graph_file.empty()) {
        std::ofstream(graph_file) << symdiff::to_dot(loss, p);
        std::printf("\nThe back-propagation graph is in %s (dot -Tsvg %s)\n", graph_file.c_str(),
                    graph_file.c_str());
    }
    return check ? 0 : 1;
}
