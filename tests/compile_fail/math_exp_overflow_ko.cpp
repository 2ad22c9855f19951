// Must NOT compile: exp(1000.0) overflows double; in constant evaluation the
// overflow is reported through a non-constexpr function named after it.
// expect: range_error_exp_overflow
#include "symdiff/math.hpp"

constexpr double value = symdiff::math::exp(1000.0);

int main() {
    return value > 0.0 ? 1 : 0;
}
