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
constexpr auto dw = symdiff::d(loss, weight);

static_assert(symdiff::approx(dw(p), -0.008042171772040));
static_assert(symdiff::check_gradient(loss, p, input, weight, bias));

int main() {
    std::cout << "loss              = " << loss << '\n'
              << "d loss / d net    = " << symdiff::d(loss, net) << '\n'
              << "d loss / d weight = " << dw << '\n'
              << "at p: " << dw(p) << ", faux gradient "
              << symdiff::faux_derivative(loss, weight, p) << '\n';
}
