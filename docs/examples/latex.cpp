// LaTeX output of the neuron's formulas.
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto loss = pow(tanh(net) - target, 2_c) / 2_c;

// computed at compile time: the formula has no stored numbers
static_assert(symdiff::to_latex(symdiff::d(tanh(net), net)) ==
              "1 - \\tanh\\left(\\mathrm{net}\\right)^{2}");

int main() {
    std::cout << symdiff::to_latex(loss) << '\n';
    std::cout << symdiff::to_latex(symdiff::d(loss, weight)) << '\n';
    std::cout << symdiff::to_latex(symdiff::d(loss, bias, bias)) << '\n';
}
