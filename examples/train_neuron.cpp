// Training the seed's single tanh neuron: gradient descent on weight and bias, with the gradient
// that symdiff derived, until the output is within 1e-4 of the target.
//
//   train_neuron [rate=0.5] [every=1]
//
// rate is the learning rate; every=k prints every k-th step (default 5; the last step always).

#include <cstdio>
#include <cstdlib>
#include <string>

#include "neuron_training.hpp"

namespace nt = neuron_training;

// The training at the seed's point converges, and the compiler has checked it: this runs the
// whole training in constant evaluation (with symdiff's own constexpr tanh).
static_assert(nt::train(nt::settings{}).converged);
static_assert(nt::train(nt::settings{}).steps <= 40);

namespace {

double parse(std::string const& text, char const* name) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
        std::fprintf(stderr, "train_neuron: %s: not a number: %s\n", name, text.c_str());
        std::exit(2);
    }
    return v;
}

} // namespace

int main(int argc, char** argv) {
    nt::settings s;
    int every = 5;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        std::string key = arg.substr(0, eq),
                    text = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (key == "rate")
            s.rate = parse(text, "rate");
        else if (key == "every" && parse(text, "every") >= 1)
            every = static_cast<int>(parse(text, "every"));
        else {
            std::fprintf(stderr, "usage: train_neuron [rate=X] [every=K]\n");
            return 2;
        }
    }

    std::printf("Training the neuron at input = %g, target = %g from weight = %g, bias = %g\n",
                s.input, s.target, s.start.weight, s.start.bias);
    std::printf("  loss              = %s\n", symdiff::to_string(nt::loss, symdiff::where).c_str());
    std::printf("  d loss / d weight = %s\n",
                symdiff::to_string(symdiff::d(nt::loss, nt::weight)).c_str());
    std::printf("  d loss / d bias   = %s\n",
                symdiff::to_string(symdiff::d(nt::loss, nt::bias)).c_str());
    std::printf("Each step: weight -= %g * d loss / d weight, bias -= %g * d loss / d bias,\n"
                "until |output - target| < %g\n\n",
                s.rate, s.rate, s.tolerance);

    std::printf("%5s  %-10s  %-10s  %-12s  %s\n", "step", "weight", "bias", "loss", "output");
    auto print = [](nt::step_record const& r) {
        std::printf("%5d  %-10.6f  %-10.6f  %-12.6e  %.6f\n", r.step, r.before.weight,
                    r.before.bias, r.loss, r.output);
    };
    nt::step_record last{};
    auto result = nt::train(s, [&](nt::step_record const& r) {
        if (r.step % every == 0)
            print(r);
        last = r;
    });
    if (last.step % every != 0)
        print(last);

    if (!result.converged) {
        std::printf("\nnot converged after %d steps (output %.6f)\n", result.steps, result.output);
        return 1;
    }
    std::printf("\nReached the target after %d steps: output %.6f, |output - target| = %.1e\n",
                result.steps, result.output, nt::distance(result.output, s.target));
    std::printf("final weight = %.6f, bias = %.6f\n", result.final.weight, result.final.bias);
}
