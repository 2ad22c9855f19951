// Symbolic derivatives: first, higher and mixed; by a named stage.
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;

constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

int main() {
    constexpr auto f = x * exp(x);
    std::cout << "d f / dx     = " << d(f, x) << '\n';
    std::cout << "d3 f / dx3   = " << d(f, x, x, x) << '\n';

    constexpr auto g = pow(x, 2_c) * sin(y);
    std::cout << "d2 g / dx dy = " << d(g, x, y) << '\n';
    static_assert(d(g, x, y) == d(g, y, x));
    static_assert(d(g, x, y)(x = 1.0, y = 0.0) == 2.0);

    // A named stage prints by name. d(f, stage) holds the stage's inputs fixed: it is the
    // adjoint that back-propagation computes.
    constexpr auto net = symdiff::name<"net">(x * y + 1_c);
    constexpr auto out = symdiff::name<"out">(tanh(net));
    constexpr auto loss = pow(out, 2_c);
    std::cout << "d out / d net  = " << d(out, net) << '\n';  // the local gradient
    std::cout << "d loss / d net = " << d(loss, net) << '\n'; // the global gradient
    std::cout << "d loss / d x   = " << d(loss, x) << '\n';
    // binding a stage overrides its value
    std::cout << "loss(net = 0)  = " << loss(net = 0.0) << '\n';
}
