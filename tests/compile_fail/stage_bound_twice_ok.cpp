// A named stage bound twice in a point.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;
constexpr auto net = symdiff::name<"net">(2 * x);

int main() {
    constexpr auto p = symdiff::at(x = 1.0, net = 0.5);
    return tanh(net)(p) > 0;
}
