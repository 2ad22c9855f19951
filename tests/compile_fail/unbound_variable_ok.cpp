// A variable of the formula has no value: the error names it.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"bias"> bias;

int main() {
    return (input + bias)(input = 0.4, bias = 0.6) > 0;
}
