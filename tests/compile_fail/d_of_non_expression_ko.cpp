// Differentiating something that is not a formula.
// expect: symdiff::d: the first argument must be a symdiff formula
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    auto f = symdiff::d(3.0, x);
    (void)f;
}
