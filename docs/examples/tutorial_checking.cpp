// Tutorial, step 3: the article's faux gradients, (loss(x + tiny) - loss(x)) / tiny, against
// the symbolic ones; and a gradient check the compiler runs.
#include <cstdio>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;

constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
constexpr auto loss = pow(output - target, 2_c) / 2_c;

constexpr auto p = symdiff::at(input = 0.4, weight = 0.5, bias = 0.6, target = 0.7);

// every symbolic partial derivative against a central difference, at compile time
static_assert(symdiff::check_gradient(loss, p, input, weight, bias));

int main() {
    // tiny = 1e-4, as in the article; a stage (net, output) is nudged like a variable
    std::printf("d loss / d output: faux %.6f, symbolic %.6f\n",
                symdiff::faux_derivative(loss, output, p), d(loss, output)(p));
    std::printf("d loss / d net:    faux %.6f, symbolic %.6f\n",
                symdiff::faux_derivative(loss, net, p), d(loss, net)(p));
    std::printf("d loss / d weight: faux %.6f, symbolic %.6f\n",
                symdiff::faux_derivative(loss, weight, p), d(loss, weight)(p));
    std::printf("d loss / d bias:   faux %.6f, symbolic %.6f\n",
                symdiff::faux_derivative(loss, bias, p), d(loss, bias)(p));
}
