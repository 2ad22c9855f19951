// Tutorial, step 4: gradient descent. value_and_gradient gives the loss and d loss / d weight,
// d loss / d bias in one pass; each step moves weight and bias against the gradient.
#include <cmath>
#include <cstdio>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;

constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
constexpr auto loss = pow(output - target, 2_c) / 2_c;

// formed once, by the compiler
constexpr auto loss_and_gradient = symdiff::value_and_gradient(loss, weight, bias);

int main() {
    double w = 0.5, b = 0.6;
    double const rate = 0.5;
    for (int step = 0;; ++step) {
        auto p = symdiff::at(input = 0.4, weight = w, bias = b, target = 0.7);
        auto [value, gradient] = loss_and_gradient(p);
        double out = output(p);
        if (step % 10 == 0 || std::fabs(out - 0.7) < 1e-4)
            std::printf("step %2d: weight %.6f, bias %.6f, loss %.3e, output %.6f\n", step, w, b,
                        value, out);
        if (std::fabs(out - 0.7) < 1e-4)
            break;
        w -= rate * gradient[0];
        b -= rate * gradient[1];
    }
}
