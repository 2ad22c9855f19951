// The twin of d_by_family_ko.cpp: d by one element of the family.
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 3> w;

int main() {
    auto f = symdiff::d(w.at<0>() * w.at<2>(), w.at<2>());
    (void)f;
}
