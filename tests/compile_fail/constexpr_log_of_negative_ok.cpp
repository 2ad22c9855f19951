// A domain error in constant evaluation is a compile error (at run time: NaN, as IEEE says).
#include <symdiff/symdiff.hpp>

constexpr symdiff::var<"x"> x;

constexpr double y = log(x)(x = 1.0);
int main() {
    return y > 0;
}
