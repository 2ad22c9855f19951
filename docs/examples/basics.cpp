// Variables, exact and stored constants, building formulas, printing and evaluating them.
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals; // 2_c, 0.5_c: exact rationals

constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

int main() {
    constexpr auto f = pow(x, 3_c) / 3_c - 0.5_c * x * y + sin(y);
    std::cout << "f            = " << f << '\n';
    std::cout << "f(x=2, y=0)  = " << f(x = 2.0, y = 0.0) << '\n';

    // a point holds bindings; points and bindings mix
    constexpr auto p = symdiff::at(x = 1.5);
    static_assert(f(p, y = 0.0) == 1.125);

    // the scalar type is the common type of the bound values
    auto in_float = f(x = 2.0f, y = 0.0f);
    static_assert(std::is_same_v<decltype(in_float), float>);

    // plain numbers are stored constants: printed as written, evaluated in the bindings' type
    auto g = 2.5 * x - x / 4;
    std::cout << "g            = " << g << '\n';

    // formulas that are the same have the same structure and compare equal
    static_assert(x * x == pow(x, 2_c));
    static_assert(x + y - x == y);
    static_assert(2.0 * x != 2_c * x); // a stored 2.0 is not the exact 2

    // without stored numbers, printing happens at compile time too
    static_assert(symdiff::to_string(x / (x + y)) == "x / (x + y)");
}
