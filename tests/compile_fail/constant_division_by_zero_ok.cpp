// The twin of constant_division_by_zero_ko.cpp: dividing by the exact constant 2.
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"x"> x;

int main() {
    auto f = x / 2_c;
    (void)f;
}
