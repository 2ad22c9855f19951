// An element beyond the family's shape: the error says so and names the family.
// expect: an index is out of range
// expect: index_out_of_range<'w'>
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 2, 3> w;

int main() {
    auto f = w.at<1, 3>() * 2.0;
    return f(w = std::array<std::array<double, 3>, 2>{}) > 0;
}
