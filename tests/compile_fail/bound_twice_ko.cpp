// One variable bound twice, across a point and a binding: the error names it.
// expect: bound twice
// expect: variable_bound_twice<'b', 'i', 'a', 's'>
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"bias"> bias;

int main() {
    auto p = symdiff::at(input = 0.4, bias = 0.6);
    return (input + bias)(p, bias = 1.0) > 0;
}
