// Twin of runtime_index_ko: the index is a std::integral_constant.
#include <symdiff/symdiff.hpp>

constexpr symdiff::vars<"w", 3> w;

int main() {
    std::integral_constant<std::size_t, 1> i;
    auto f = w[i] * 2.0;
    return f(w = std::array<double, 3>{}) > 0;
}
