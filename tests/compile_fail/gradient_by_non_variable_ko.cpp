// A gradient by something that is neither a variable nor a named stage.
// expect: symdiff: can only differentiate by a variable
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

int main() {
    auto g = symdiff::gradient(x * y, x, 2.0 * y);
    (void)g;
}
