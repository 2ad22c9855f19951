// Tutorial, step 5: a 2-4-1 tanh network learns XOR. The weights are families of variables;
// value_and_gradient returns the gradient in their shapes.
#include <array>
#include <cstdio>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::vars<"x", 2> x;    // a sample's inputs
constexpr symdiff::var<"t"> t;        // and its target, -1 or 1
constexpr symdiff::vars<"w", 4, 2> w; // hidden layer: weights w[j][i]
constexpr symdiff::vars<"b", 4> b;    // and biases
constexpr symdiff::vars<"v", 4> v;    // output unit: weights
constexpr symdiff::var<"c"> c;        // and bias

constexpr auto out = symdiff::name<"out">(tanh(
    symdiff::sum_over<4>([](auto j) {
        return v[j] * tanh(symdiff::sum_over<2>([&](auto i) { return w[j][i] * x[i]; }) + b[j]);
    }) +
    c));
constexpr auto loss = pow(out - t, 2_c) / 2_c;
constexpr auto loss_and_gradient = symdiff::value_and_gradient(loss, w, b, v, c);

struct sample {
    std::array<double, 2> x;
    double t;
};
constexpr sample data[] = {{{-1, -1}, -1}, {{-1, 1}, 1}, {{1, -1}, 1}, {{1, 1}, -1}};

int main() {
    std::printf("d loss / d v[0] = %s\n\n",
                symdiff::to_string(symdiff::d(loss, v.at<0>())).c_str());
    // fixed initial weights, biases 0
    std::array<std::array<double, 2>, 4> W{{{0.5, -0.3}, {-0.4, 0.6}, {0.7, 0.2}, {-0.2, -0.8}}};
    std::array<double, 4> B{}, V{0.3, -0.5, 0.4, 0.6};
    double C = 0, rate = 0.1;
    for (int epoch = 0; epoch <= 300; ++epoch) {
        auto p = symdiff::at(w = W, b = B, v = V, c = C);
        double mean_loss = 0;
        for (auto const& s : data) { // one step per sample (stochastic gradient descent)
            auto [value, gradient] = loss_and_gradient(p, x = s.x, t = s.t);
            auto const& [dw, db, dv, dc] = gradient;
            mean_loss += value / 4;
            for (int j = 0; j < 4; ++j) {
                W[j][0] -= rate * dw[j][0];
                W[j][1] -= rate * dw[j][1];
                B[j] -= rate * db[j];
                V[j] -= rate * dv[j];
            }
            C -= rate * dc;
            p = symdiff::at(w = W, b = B, v = V, c = C);
        }
        if (epoch % 50 == 0)
            std::printf("epoch %3d: mean loss %.4f\n", epoch, mean_loss);
    }
    for (auto const& s : data)
        std::printf("x = (%2g, %2g): target %2g, output %+.3f\n", s.x[0], s.x[1], s.t,
                    out(symdiff::at(w = W, b = B, v = V, c = C), x = s.x));
}
