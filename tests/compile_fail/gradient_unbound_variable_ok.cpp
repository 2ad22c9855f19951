// The twin of gradient_unbound_variable_ko.cpp: every variable has a value.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"bias"> bias;

int main() {
    return symdiff::gradient(input * bias, input)(input = 0.4, bias = 0.1)[0] > 0;
}
