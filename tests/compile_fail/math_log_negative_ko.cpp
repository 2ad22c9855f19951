// Must NOT compile: log of a negative number in constant evaluation is a
// domain error, reported through a non-constexpr function named after it.
// expect: domain_error_log_of_negative_or_zero_argument
#include "symdiff/math.hpp"

constexpr double value = symdiff::math::log(-2.0);

int main() {
    return value > 0.0 ? 1 : 0;
}
