// A variable of the formula has no value: the error names it.
// expect: no value bound for variable
// expect: no_value_bound_for_variable<'b', 'i', 'a', 's'>
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"bias"> bias;

int main() {
    return (input + bias)(input = 0.4) > 0;
}
