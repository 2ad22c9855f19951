// Twin of family_shape_ko: the array has the family's shape.
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 2, 3> w;

int main() {
    auto f = w.at<1, 2>() * 2.0;
    return f(w = std::array<std::array<double, 3>, 2>{}) > 0;
}
