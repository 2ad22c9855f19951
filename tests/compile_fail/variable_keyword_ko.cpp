// A variable name that is a C++ keyword.
// expect: a variable's name must be a C\+\+ identifier that is not a keyword
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"double"> x;

int main() {
    return x(x = 1.0) > 0;
}
