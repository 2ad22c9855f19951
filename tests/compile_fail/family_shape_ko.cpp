// A family bound to an array of another shape: the error says which shape is expected.
// expect: bind a family to a std::array of its shape
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 2, 3> w;

int main() {
    auto f = w.at<1, 2>() * 2.0;
    return f(w = std::array<std::array<double, 2>, 3>{}) > 0;
}
