// Evaluating at a plain number instead of a binding.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    return (x * x)(x = 0.5) > 0;
}
