// Differentiating something that is not a formula.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    auto f = symdiff::d(3.0 * x, x);
    (void)f;
}
