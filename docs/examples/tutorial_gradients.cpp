// Tutorial, step 2: local gradients (how much each stage moves the next) and global gradients
// (how much each moves the loss), and the chain rule that links them.
#include <iostream>
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

// the chain rule, checked on the formulas themselves: global = global above * local
static_assert(d(loss, net) == d(loss, output) * d(output, net));
static_assert(d(loss, weight) == d(loss, net) * d(net, weight));

int main() {
    std::cout << "local:  d output / d net = " << d(output, net) << " = " << d(output, net)(p)
              << '\n';
    std::cout << "        d net / d weight = " << d(net, weight) << " = " << d(net, weight)(p)
              << '\n';
    std::cout << "global: d loss / d output = " << d(loss, output) << " = " << d(loss, output)(p)
              << '\n';
    std::cout << "        d loss / d net    = " << d(loss, net) << " = " << d(loss, net)(p) << '\n';
    std::cout << "        d loss / d weight = " << d(loss, weight) << " = " << d(loss, weight)(p)
              << '\n';
    std::cout << "        d loss / d bias   = " << d(loss, bias) << " = " << d(loss, bias)(p)
              << '\n';
}
