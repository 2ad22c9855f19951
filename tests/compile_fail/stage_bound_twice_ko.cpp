// A named stage bound twice in a point.
// expect: bound twice
// expect: variable_bound_twice<'n', 'e', 't'>
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;
constexpr auto net = symdiff::name<"net">(2 * x);

int main() {
    constexpr auto p = symdiff::at(x = 1.0, net = 0.5, net = 0.7);
    return tanh(net)(p) > 0;
}
