// The neuron's training (examples/neuron_training.hpp, the code examples/train_neuron runs)
// against the same gradient descent written with hand-written back-propagation: the same
// parameters, loss and gradients at every step, and the target reached within the stated bound.

#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "../../examples/neuron_training.hpp"

namespace nt = neuron_training;

namespace {

// The reference: the seed's back-propagation, by hand, in plain double arithmetic.
struct reference_step {
    double weight, bias;     // before the update
    double loss, output;     // at (weight, bias)
    double d_weight, d_bias; // the gradient there
};

reference_step backprop(double input, double target, double weight, double bias) {
    double net = input * weight + bias;
    double output = std::tanh(net);
    double error = output - target;
    double loss = error * error / 2;
    double d_net = error * (1 - output * output); // d loss / d output * d output / d net
    return {weight, bias, loss, output, input * d_net, d_net};
}

// Gradient descent by hand, with the same stopping rule: |output - target| < tolerance.
std::vector<reference_step> reference_training(nt::settings const& s) {
    std::vector<reference_step> steps;
    double weight = s.start.weight, bias = s.start.bias;
    for (int k = 0;; ++k) {
        steps.push_back(backprop(s.input, s.target, weight, bias));
        auto const& r = steps.back();
        if (std::fabs(r.output - s.target) < s.tolerance || k == s.max_steps)
            return steps;
        weight -= s.rate * r.d_weight;
        bias -= s.rate * r.d_bias;
    }
}

bool close(double a, double b) {
    return std::fabs(a - b) <= 1e-12 * std::max({1e-300, std::fabs(a), std::fabs(b)});
}

void compare_trajectories(nt::settings const& s) {
    std::vector<nt::step_record> seen;
    auto result = nt::train(s, [&](nt::step_record const& r) { seen.push_back(r); });
    auto expected = reference_training(s);

    REQUIRE(seen.size() == expected.size());
    CHECK(result.steps + 1 == static_cast<int>(expected.size()));
    for (std::size_t k = 0; k < seen.size(); ++k) {
        INFO("step " << k);
        CHECK(seen[k].step == static_cast<int>(k));
        CHECK(close(seen[k].before.weight, expected[k].weight));
        CHECK(close(seen[k].before.bias, expected[k].bias));
        CHECK(close(seen[k].loss, expected[k].loss));
        CHECK(close(seen[k].output, expected[k].output));
        CHECK(close(seen[k].d_weight, expected[k].d_weight));
        CHECK(close(seen[k].d_bias, expected[k].d_bias));
    }
    CHECK(close(result.final.weight, expected.back().weight));
    CHECK(close(result.final.bias, expected.back().bias));
}

} // namespace

TEST_CASE("the seed neuron's training follows hand-written back-propagation step by step",
          "[training]") {
    compare_trajectories(nt::settings{});
}

TEST_CASE("the seed neuron reaches its target within 40 steps", "[training]") {
    nt::settings s;
    auto result = nt::train(s);
    REQUIRE(result.converged);
    CHECK(result.steps <= 40);
    // the output at the final parameters, computed by hand
    double output = std::tanh(s.input * result.final.weight + result.final.bias);
    CHECK(std::fabs(output - s.target) < 1e-4);
    CHECK(close(result.output, output));
}

TEST_CASE("training from other points and rates follows back-propagation too", "[training]") {
    nt::settings other;
    other.input = -1.3;
    other.target = -0.4;
    other.start = {0.25, 2.1};
    other.rate = 1.0;
    compare_trajectories(other);

    nt::settings slow;
    slow.rate = 0.05;
    compare_trajectories(slow);

    // a learning rate too small for 20 steps: stops at max_steps, not converged
    nt::settings capped;
    capped.rate = 1e-3;
    capped.max_steps = 20;
    auto result = nt::train(capped);
    CHECK_FALSE(result.converged);
    CHECK(result.steps == 20);
    compare_trajectories(capped);
}
