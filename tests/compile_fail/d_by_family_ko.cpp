// Differentiating by a whole family of variables with d: the error points to an element or to
// gradient.
// expect: symdiff::d: cannot differentiate by a whole family of variables
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 3> w;

int main() {
    auto f = symdiff::d(w.at<0>() * w.at<2>(), w);
    (void)f;
}
