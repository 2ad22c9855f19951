// A variable name that is not a C++ identifier.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x2"> x;

int main() {
    return x(x = 1.0) > 0;
}
