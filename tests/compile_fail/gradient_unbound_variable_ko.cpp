// A gradient evaluated where a variable of the formula has no value: the error names it, and
// nothing else (gradients read variables through their own readers, gradient.hpp).
// expect: no value bound for variable
// expect: no_value_bound_for_variable<'b', 'i', 'a', 's'>
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"bias"> bias;

int main() {
    return symdiff::gradient(input * bias, input)(input = 0.4)[0] > 0;
}
