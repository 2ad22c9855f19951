// An exact constant that does not fit 64-bit integers: 2^62 * 2.
// expect: error_exact_constant_overflows_64_bit_integers
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"x"> x;

int main() {
    auto f = 4611686018427387904_c * 2_c * x;
    (void)f;
}
