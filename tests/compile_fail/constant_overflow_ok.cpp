// The twin of constant_overflow_ko.cpp: 2^62 * 1 fits 64-bit integers.
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"x"> x;

int main() {
    auto f = 4611686018427387904_c * 1_c * x;
    (void)f;
}
