// Twin of math_exp_overflow_ko.cpp with a representable result: must compile.
#include "symdiff/math.hpp"

constexpr double value = symdiff::math::exp(700.0);

int main() {
    return value > 0.0 ? 1 : 0;
}
