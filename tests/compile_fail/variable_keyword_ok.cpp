// A variable name that is a C++ keyword.
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"double_"> x;

int main() {
    return x(x = 1.0) > 0;
}
