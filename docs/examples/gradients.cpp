// Gradients, Hessians and Jacobians, evaluated from one plan: every shared subformula once.
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto loss = pow(tanh(net) - target, 2_c) / 2_c;
constexpr auto p = symdiff::at(input = 0.4, weight = 0.5, bias = 0.6, target = 0.7);

// the derivatives are formed once, here, by the compiler
constexpr auto step = symdiff::value_and_gradient(loss, weight, bias);
static_assert(symdiff::approx(step(p).gradient[0], -0.008042171772040));

int main() {
    auto [value, gradient] = step(p);
    std::cout << "loss " << value << ", gradient " << gradient[0] << " " << gradient[1] << '\n';

    auto h = symdiff::hessian(loss, weight, bias)(p);
    std::cout << "hessian " << h[0][0] << " " << h[0][1] << " / " << h[1][0] << " " << h[1][1]
              << '\n';

    constexpr symdiff::var<"x"> x;
    constexpr symdiff::var<"y"> y;
    auto j = symdiff::jacobian(symdiff::outputs(x * y, x + y), x, y)(x = 2.0, y = 3.0);
    std::cout << "jacobian " << j[0][0] << " " << j[0][1] << " / " << j[1][0] << " " << j[1][1]
              << '\n';
}
