// Differentiating by a number.
// expect: symdiff::d: can only differentiate by a variable
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    auto f = symdiff::d(x * x, 2.0);
    (void)f;
}
