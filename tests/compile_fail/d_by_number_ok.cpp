// Differentiating by a number.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    auto f = symdiff::d(x * x, x);
    (void)f;
}
