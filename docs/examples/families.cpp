// Families of variables: a 2-3-1 network's weights as arrays, its gradient in their shapes.
#include <array>
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::vars<"x", 2> x;    // input
constexpr symdiff::vars<"w", 3, 2> w; // hidden layer weights, w[j][i]
constexpr symdiff::vars<"v", 3> v;    // output weights
constexpr symdiff::var<"target"> target;

// sum_over<N>(f) calls f with std::integral_constant indices and builds one n-ary sum
constexpr auto output = tanh(symdiff::sum_over<3>([](auto j) {
    return v[j] * tanh(symdiff::sum_over<2>([&](auto i) { return w[j][i] * x[i]; }));
}));
constexpr auto loss = pow(output - target, 2_c) / 2_c;

int main() {
    std::cout << "hidden unit 0: " << tanh(w.at<0, 0>() * x.at<0>() + w.at<0, 1>() * x.at<1>())
              << '\n';
    std::cout << "d loss / d w[2][1] = " << symdiff::d(loss, w.at<2, 1>()) << "\n\n";

    auto p =
        symdiff::at(x = std::array{0.5, -1.0},
                    w = std::array<std::array<double, 2>, 3>{{{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}}},
                    v = std::array{1.0, -1.0, 0.5}, target = 0.25);
    // by families: a tuple of arrays shaped like w and v
    auto [value, gradient] = symdiff::value_and_gradient(loss, w, v)(p);
    auto [dw, dv] = gradient;
    std::cout << "loss " << value << '\n';
    for (std::size_t j = 0; j < dw.size(); ++j)
        std::cout << "d loss / d w[" << j << "] = " << dw[j][0] << " " << dw[j][1] << '\n';
    std::cout << "d loss / d v = " << dv[0] << " " << dv[1] << " " << dv[2] << '\n';
    // an element bound on its own overrides the family's value
    std::cout << "loss with w[0][0] = 0.2: " << loss(p, w.at<0, 0>() = 0.2) << '\n';
}
