#pragma once
// The seed's single tanh neuron, trained by gradient descent on its weight and bias until its
// output reaches the target. Used by examples/train_neuron.cpp and by the test that compares
// every step with hand-written back-propagation (tests/runtime/train_neuron.cpp).
//
//   loss = (tanh(input * weight + bias) - target)^2 / 2
//   weight <- weight - rate * d loss / d weight
//   bias   <- bias   - rate * d loss / d bias
//
// Everything here is constexpr: the training also runs in a static_assert.

#include <symdiff/symdiff.hpp>

namespace neuron_training {

using namespace symdiff::literals;

inline constexpr symdiff::var<"input"> input;
inline constexpr symdiff::var<"weight"> weight;
inline constexpr symdiff::var<"bias"> bias;
inline constexpr symdiff::var<"target"> target;

inline constexpr auto net = symdiff::name<"net">(input * weight + bias);
inline constexpr auto output = symdiff::name<"output">(tanh(net));
inline constexpr auto loss = pow(output - target, 2_c) / 2_c;

// The loss and {d loss / d weight, d loss / d bias}, formed once by the compiler.
inline constexpr auto loss_and_gradient = symdiff::value_and_gradient(loss, weight, bias);

struct parameters {
    double weight;
    double bias;
};

// The seed's point, and how training proceeds from it.
struct settings {
    double input = 0.4;
    double target = 0.7;
    parameters start{0.5, 0.6};
    double rate = 0.5;       // the learning rate
    double tolerance = 1e-4; // done when |output - target| < tolerance
    int max_steps = 1000;
};

// What one step sees, before it updates the parameters.
struct step_record {
    int step;          // how many updates were made before this one
    parameters before; // the parameters at this step
    double loss;
    double output;
    double d_weight; // d loss / d weight
    double d_bias;   // d loss / d bias
};

struct result {
    parameters final;
    int steps;      // the number of updates made
    bool converged; // |output - target| < tolerance at `final`
    double output;  // the output at `final`
};

// The loss and gradient at `p` (one pass of value_and_gradient) and the output; also reported
// to `observe`.
template <class Observer>
constexpr step_record record_step(settings const& s, int index, parameters p, Observer&& observe) {
    auto const point =
        symdiff::at(input = s.input, weight = p.weight, bias = p.bias, target = s.target);
    auto const r = loss_and_gradient(point);
    step_record record{index, p, r.value, output(point), r.gradient[0], r.gradient[1]};
    observe(record);
    return record;
}

// One step of gradient descent: p - rate * gradient.
constexpr parameters update(parameters p, step_record const& r, double rate) {
    return {p.weight - rate * r.d_weight, p.bias - rate * r.d_bias};
}

constexpr double distance(double a, double b) {
    return a < b ? b - a : a - b;
}

// Gradient descent from s.start until |output - target| < s.tolerance, at most s.max_steps
// updates. `observe(step_record)` is called at every point visited, the last one included.
template <class Observer>
constexpr result train(settings const& s, Observer&& observe) {
    parameters p = s.start;
    for (int k = 0;; ++k) {
        step_record r = record_step(s, k, p, observe);
        bool reached = distance(r.output, s.target) < s.tolerance;
        if (reached || k == s.max_steps)
            return {p, k, reached, r.output};
        p = update(p, r, s.rate);
    }
}

constexpr result train(settings const& s) {
    return train(s, [](step_record const&) {});
}

} // namespace neuron_training
