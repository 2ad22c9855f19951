// Faux gradients, central differences, check_gradient and its report.

#include <array>
#include <cmath>

#include <catch2/catch.hpp>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::at;
using symdiff::d;

namespace {
constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;
constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto loss = pow(tanh(net) - target, 2_c) / 2_c;
constexpr auto p = at(input = 0.4, weight = 0.5, bias = 0.6, target = 0.7);

// Hand-written back-propagation of the neuron, as the article does it.
std::array<double, 3> hand_gradient(decltype(p) const&) {
    double n = 0.4 * 0.5 + 0.6, o = std::tanh(n), e = o - 0.7;
    double dnet = e * (1 - o * o);
    return {dnet * 0.5, dnet * 0.4, dnet}; // d/d input, weight, bias
}
// The same with a classic mistake: the derivative of tanh taken as 1 - o.
std::array<double, 3> wrong_gradient(decltype(p) const&) {
    double n = 0.4 * 0.5 + 0.6, o = std::tanh(n), e = o - 0.7;
    double dnet = e * (1 - o);
    return {dnet * 0.5, dnet * 0.4, dnet};
}
} // namespace

TEST_CASE("faux derivative: the article's forward difference", "[check]") {
    // (loss(w + tiny) - loss(w)) / tiny, written out by hand
    auto manual =
        (loss(input = 0.4, weight = 0.5 + 1e-4, bias = 0.6, target = 0.7) - loss(p)) / 1e-4;
    // (not ==, see the nudged net below)
    CHECK(symdiff::faux_derivative(loss, weight, p) == Approx(manual).epsilon(1e-10));
    CHECK(symdiff::faux_derivative(loss, weight, p, 1e-3) != manual);
    // nudging a stage is binding it
    auto nudged_net = (loss(p, net = net(p) + 1e-4) - loss(p)) / 1e-4;
    // not ==: the optimizer may fold one tanh(0.8) correctly rounded where glibc's is 1 ulp off,
    // and a forward difference amplifies that by 1 / tiny (1 ulp of tanh -> ~2e-12 relative)
    CHECK(symdiff::faux_derivative(loss, net, p) == Approx(nudged_net).epsilon(1e-10));
}

TEST_CASE("central differences are far closer than forward ones", "[check]") {
    double exact = d(loss, weight)(p);
    double forward = symdiff::faux_derivative(loss, weight, p);
    double central = symdiff::central_derivative(loss, weight, p);
    CHECK(std::fabs(central - exact) < 1e-10);
    CHECK(std::fabs(forward - exact) > 1e-6);
    CHECK(symdiff::central_derivative(loss, weight, p, 1e-3) == Approx(exact).epsilon(1e-5));
}

TEST_CASE("check_gradient: symbolic against central differences", "[check]") {
    auto report = symdiff::check_gradient(loss, p, input, weight, bias, net);
    CHECK(bool(report));
    CHECK(report.worst_error < 1e-9);
    CHECK(report.names[1] == "weight");
    CHECK(report.expected[1] == d(loss, weight)(p));
    STATIC_REQUIRE(symdiff::check_gradient(loss, p, input, weight, bias));
    // a tolerance below what central differences can reach fails honestly
    CHECK_FALSE(symdiff::check_gradient(loss, p, symdiff::tolerance{1e-30}, input, weight, bias));
}

TEST_CASE("check_gradient: a user's gradient against symdiff", "[check]") {
    auto good = symdiff::check_gradient(loss, p, hand_gradient, input, weight, bias);
    CHECK(bool(good));
    CHECK(good.worst_error < 1e-15);
    auto bad = symdiff::check_gradient(loss, p, wrong_gradient, input, weight, bias);
    CHECK_FALSE(bool(bad));
    CHECK(bad.worst_name == "bias"); // the largest partial derivative is off the most
    CHECK(bad.worst_error > 1e-3);
}

TEST_CASE("check_gradient in float and long double", "[check]") {
    auto pf = at(input = 0.4f, weight = 0.5f, bias = 0.6f, target = 0.7f);
    auto rf = symdiff::check_gradient(loss, pf, input, weight, bias);
    STATIC_REQUIRE(std::is_same_v<decltype(rf.worst_error), float>);
    CHECK(bool(rf));
    auto pl = at(input = 0.4L, weight = 0.5L, bias = 0.6L, target = 0.7L);
    auto rl = symdiff::check_gradient(loss, pl, input, weight, bias);
    CHECK(bool(rl));
    CHECK(rl.worst_error < 1e-11L);
}
