// An operand that is neither a formula nor a number.
#include <string>

#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    auto f = x + std::stod(std::string("1"));
    (void)f;
}
