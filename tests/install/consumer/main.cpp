// A user's program, built against the installed package: a derivative checked at compile time and
// printed at run time.
#include <iostream>

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"x"> x;
constexpr auto f = pow(x, 3_c) / 3_c - x;
constexpr auto df = symdiff::d(f, x);
static_assert(df(x = 2.0) == 3.0);
static_assert(symdiff::to_string(df) == "x^2 - 1");

int main() {
    std::cout << "d/dx (" << f << ") = " << df << '\n';
    return df(x = 3.0) == 8.0 ? 0 : 1;
}
