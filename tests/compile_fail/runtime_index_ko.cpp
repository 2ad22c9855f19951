// A family indexed with a plain int: the index must be known to the compiler.
// expect: w\[i\] needs an index known to the compiler
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 3> w;

int main() {
    int i = 1;
    auto f = w[i] * 2.0;
    return f(w = std::array<double, 3>{}) > 0;
}
