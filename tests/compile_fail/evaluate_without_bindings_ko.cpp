// Evaluating at a plain number instead of a binding.
// expect: a formula is evaluated at bindings or points
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    return (x * x)(0.5) > 0;
}
