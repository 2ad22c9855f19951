// One variable bound twice, across a point and a binding: the error names it.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"bias"> bias;

int main() {
    auto p = symdiff::at(input = 0.4);
    return (input + bias)(p, bias = 1.0) > 0;
}
