// Twin of math_log_negative_ko.cpp with a valid argument: must compile.
#include "symdiff/math.hpp"

constexpr double value = symdiff::math::log(2.0);

int main() {
    return value > 0.0 ? 1 : 0;
}
