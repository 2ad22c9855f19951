// An operand that is neither a formula nor a number.
// expect: an operand of \+ - \* / is neither a symdiff expression nor a number
#include <string>

#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

int main() {
    auto f = x + std::string("1");
    (void)f;
}
