// A variable name that is not a C++ identifier.
// expect: a variable's name must be a C\+\+ identifier
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"2x"> x;

int main() {
    return x(x = 1.0) > 0;
}
