// Dividing by the exact constant 0.
// expect: error_exact_constant_division_by_zero
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"x"> x;

int main() {
    auto f = x / 0_c;
    (void)f;
}
