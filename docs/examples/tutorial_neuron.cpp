// Tutorial, step 1: the seed's neuron as formulas, and its forward values.
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;

constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
constexpr auto loss = pow(output - target, 2_c) / 2_c;

constexpr auto p = symdiff::at(input = 0.4, weight = 0.5, bias = 0.6, target = 0.7);

// the compiler computes the forward values too
static_assert(net(p) == 0.8);
static_assert(symdiff::approx(output(p), 0.664036770267849));
static_assert(symdiff::approx(loss(p), 0.000646676946384));

int main() {
    std::cout << "loss = " << symdiff::to_string(loss, symdiff::where) << '\n';
    std::cout << "net = " << net(p) << ", output = " << output(p) << ", loss = " << loss(p) << '\n';
}
