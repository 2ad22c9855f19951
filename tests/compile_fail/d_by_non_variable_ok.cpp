// Differentiating by a formula that is neither a variable nor a named stage.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

int main() {
    auto f = symdiff::d(x * y, x);
    (void)f;
}
