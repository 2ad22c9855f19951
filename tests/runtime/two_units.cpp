// Two translation units (this one and two_units/other.cpp) compile the same inline functions
// of symdiff formulas (two_units/shared.hpp). symdiff's evaluation machinery and its operators
// + - * / have internal linkage, so each unit has its own copy: the program must link, and both
// units must give the values of the seed's table and those derived by hand below, bit for bit
// the same.
#include <catch2/catch.hpp>

#include <cmath>

#include "two_units/shared.hpp"

namespace {
bool close(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance * (1 + std::abs(b));
}

// The value, read back through a volatile: the compiler cannot fold a call made with it here
// (with its own correctly rounded tanh) while the other unit computes at run time, which would
// make the two units' results differ in the last bit for a reason that is not theirs.
double opaque(double v) {
    volatile double kept = v;
    return kept;
}
} // namespace

TEST_CASE("two units: the seed neuron's value and gradient", "[linkage]") {
    // the seed's point: input 0.4, weight 0.5, bias 0.6, target 0.7; its table (loss, d loss /
    // d weight, d loss / d bias), and by hand, with n = i w + b, L = (tanh n - t)^2 / 2:
    // dL/dw = (tanh n - t)(1 - tanh^2 n) i, dL/db the same without i
    double i = opaque(0.4), w = opaque(0.5), b = opaque(0.6), t = opaque(0.7);
    double a = std::tanh(i * w + b), e = (a - t) * (1 - a * a);
    auto here = two_units::seed(i, w, b, t);
    auto there = two_units::seed_in_other_unit(i, w, b, t);
    for (auto const& r : {here, there}) {
        CHECK(close(r[0], 0.000646676946384, 1e-13));
        CHECK(close(r[1], -0.008042171772040, 1e-13));
        CHECK(close(r[2], -0.020105429430101, 1e-13));
        CHECK(close(r[0], (a - t) * (a - t) / 2, 1e-15));
        CHECK(close(r[1], e * i, 1e-15));
        CHECK(close(r[2], e, 1e-15));
    }
    CHECK(here == there);
}

TEST_CASE("two units: a 33-input neuron of named variables (68 bindings)", "[linkage]") {
    two_units::vector x{}, w{};
    for (std::size_t k = 0; k < two_units::inputs; ++k) {
        x[k] = opaque(std::sin(1.0 + static_cast<double>(k)));       // in [-1, 1]
        w[k] = opaque(0.1 * std::cos(0.5 * static_cast<double>(k))); // small: tanh not saturated
    }
    double b = opaque(0.2), t = opaque(-0.3);
    double n = b;
    for (std::size_t k = 0; k < two_units::inputs; ++k)
        n += x[k] * w[k];
    double a = std::tanh(n), e = (a - t) * (1 - a * a), loss = (a - t) * (a - t) / 2;

    double value_here = two_units::wide_value(x, w, b, t);
    double value_there = two_units::wide_value_in_other_unit(x, w, b, t);
    CHECK(close(value_here, loss, 1e-14));
    CHECK(value_here == value_there);

    auto here = two_units::wide_gradient(x, w, b, t);
    auto there = two_units::wide_gradient_in_other_unit(x, w, b, t);
    for (auto const& r : {here, there}) {
        CHECK(close(r[0], loss, 1e-14));
        for (std::size_t k = 0; k < two_units::inputs; ++k)
            CHECK(close(r[k + 1], e * x[k], 1e-14));
        CHECK(close(r[two_units::inputs + 1], e, 1e-14));
    }
    CHECK(here == there);
}
