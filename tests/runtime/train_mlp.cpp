// The 2-8-1 network's training (examples/mlp_training.hpp, the code examples/train_mlp runs)
// against the same full-batch gradient descent written with hand-written back-propagation: the
// same parameters and mean loss after every epoch, and every sample of XOR and of the half-moons
// classified right at the end.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "../../examples/mlp_training.hpp"

namespace mt = mlp_training;

namespace {

using mt::hidden;
using parameters = mt::parameters;
static_assert(mt::inputs == 2);

// The reference: forward pass and back-propagation of one sample, by hand.
struct forward_pass {
    std::array<double, hidden> h; // the hidden units' outputs
    double out;
};

forward_pass forward(parameters const& p, double x0, double x1) {
    forward_pass f{};
    double net_out = p.c;
    for (std::size_t j = 0; j < hidden; ++j) {
        f.h[j] = std::tanh(p.w[j][0] * x0 + p.w[j][1] * x1 + p.b[j]);
        net_out += p.v[j] * f.h[j];
    }
    f.out = std::tanh(net_out);
    return f;
}

// The sample's loss, and its gradient in `gradient`.
double backprop(parameters const& p, mt::sample const& s, parameters& gradient) {
    auto f = forward(p, s.x0, s.x1);
    double error = f.out - s.target;
    double d_net_out = error * (1 - f.out * f.out); // d loss / d (input of the output tanh)
    gradient.c = d_net_out;
    for (std::size_t j = 0; j < hidden; ++j) {
        gradient.v[j] = d_net_out * f.h[j];
        double d_net_j = d_net_out * p.v[j] * (1 - f.h[j] * f.h[j]);
        gradient.w[j][0] = d_net_j * s.x0;
        gradient.w[j][1] = d_net_j * s.x1;
        gradient.b[j] = d_net_j;
    }
    return error * error / 2;
}

// All parameters in one list: w row by row, b, v, c.
std::vector<double> flat(parameters const& p) {
    std::vector<double> all;
    for (auto const& row : p.w)
        all.insert(all.end(), row.begin(), row.end());
    all.insert(all.end(), p.b.begin(), p.b.end());
    all.insert(all.end(), p.v.begin(), p.v.end());
    all.push_back(p.c);
    return all;
}

struct reference_epoch {
    parameters before;
    double mean_loss;
};

std::vector<reference_epoch> reference_training(mt::settings const& s,
                                                std::vector<mt::sample> const& data, parameters p) {
    std::vector<reference_epoch> epochs;
    double n = static_cast<double>(data.size());
    for (int e = 0; e < s.epochs; ++e) {
        double loss = 0;
        std::vector<double> sum(flat(p).size(), 0.0);
        for (auto const& sample : data) {
            parameters one{};
            loss += backprop(p, sample, one);
            auto g = flat(one);
            for (std::size_t k = 0; k < g.size(); ++k)
                sum[k] += g[k];
        }
        epochs.push_back({p, loss / n});
        std::size_t k = 0;
        for (auto& row : p.w)
            for (auto& weight : row)
                weight -= s.rate * (sum[k++] / n);
        for (auto& bias : p.b)
            bias -= s.rate * (sum[k++] / n);
        for (auto& weight : p.v)
            weight -= s.rate * (sum[k++] / n);
        p.c -= s.rate * (sum[k++] / n);
    }
    epochs.push_back({p, 0});
    return epochs;
}

double relative_difference(double a, double b) {
    double scale = std::max(std::fabs(a), std::fabs(b));
    return scale == 0 ? 0 : std::fabs(a - b) / scale;
}

double relative_difference(parameters const& p, parameters const& q) {
    auto a = flat(p), b = flat(q);
    double difference = 0, scale = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        difference = std::max(difference, std::fabs(a[k] - b[k]));
        scale = std::max({scale, std::fabs(a[k]), std::fabs(b[k])});
    }
    return scale == 0 ? 0 : difference / scale;
}

// Trains with the example's code and with the reference; returns the final parameters.
parameters compare_trajectories(mt::settings const& s, std::vector<mt::sample> const& data) {
    std::vector<reference_epoch> seen;
    auto final = mt::train(s, data, [&](int, double mean_loss, mt::parameters const& before) {
        seen.push_back({before, mean_loss});
    });
    seen.push_back({final, 0});
    auto expected = reference_training(s, data, mt::initial_parameters(s.seed));

    REQUIRE(seen.size() == expected.size());
    // Parameters are compared as a vector: the largest difference relative to the largest
    // parameter (a parameter crossing zero has no useful relative difference of its own).
    double worst = 0;
    for (std::size_t e = 0; e < seen.size(); ++e) {
        worst = std::max(worst, relative_difference(seen[e].before, expected[e].before));
        worst = std::max(worst, relative_difference(seen[e].mean_loss, expected[e].mean_loss));
    }
    INFO("largest relative difference over all epochs: " << worst);
    CHECK(worst <= 1e-12);
    return final;
}

void check_every_sample_right(parameters const& p, std::vector<mt::sample> const& data) {
    for (auto const& s : data) {
        INFO("sample (" << s.x0 << ", " << s.x1 << "), target " << s.target);
        double out = forward(p, s.x0, s.x1).out;
        CHECK((out > 0) == (s.target > 0));
        CHECK(mt::predict(p, s.x0, s.x1) == Approx(out).epsilon(1e-12));
    }
    CHECK(mt::accuracy(p, data) == 1.0);
}

} // namespace

TEST_CASE("SplitMix64 gives the reference generator's numbers", "[training]") {
    // the first outputs of Vigna's splitmix64.c seeded with 1234567
    mt::splitmix64 random{1234567};
    CHECK(random.next() == 6457827717110365317u);
    CHECK(random.next() == 3203168211198807973u);
    CHECK(random.next() == 9817491932198370423u);
    CHECK(random.next() == 4593380528125082431u);
    CHECK(random.next() == 16408922859458223821u);
}

TEST_CASE("the data sets", "[training]") {
    auto x = mt::xor_data();
    REQUIRE(x.size() == 4);
    for (auto const& s : x)
        CHECK(s.target == ((s.x0 > 0) != (s.x1 > 0) ? 1.0 : -1.0));

    auto moons = mt::moons_data();
    REQUIRE(moons.size() == 100);
    CHECK(std::count_if(moons.begin(), moons.end(), [](auto& s) { return s.target > 0; }) == 50);
    // each point is within the noise (0.1 in each coordinate) of its moon's arc, shifted by
    // (-0.5, -0.25): the upper arc is the unit circle, the lower its mirror about (0.5, 0.25)
    for (auto const& s : moons) {
        double u = s.x0 + 0.5, v = s.x1 + 0.25;
        if (s.target < 0)
            u = 1 - u, v = 0.5 - v;
        CHECK(std::fabs(std::hypot(u, v) - 1) <= 0.1 * std::sqrt(2.0) + 1e-12);
        CHECK(v >= -0.1 - 1e-12);
    }
}

TEST_CASE("XOR: every epoch follows hand-written back-propagation and all four end right",
          "[training]") {
    mt::settings s;
    s.epochs = 200; // as train_mlp data=xor
    auto data = mt::xor_data();
    auto final = compare_trajectories(s, data);
    check_every_sample_right(final, data);
}

TEST_CASE("half-moons: every epoch follows hand-written back-propagation and all 100 end right",
          "[training]") {
    mt::settings s; // as train_mlp: 1000 epochs, rate 1, seed 1
    auto data = mt::moons_data();
    auto final = compare_trajectories(s, data);
    check_every_sample_right(final, data);
}

TEST_CASE("the per-sample gradient is the hand-written one at random parameters", "[training]") {
    mt::splitmix64 random{42};
    for (int trial = 0; trial < 20; ++trial) {
        parameters p{};
        for (auto& row : p.w)
            for (auto& weight : row)
                weight = random.uniform(-2, 2);
        for (std::size_t j = 0; j < hidden; ++j) {
            p.b[j] = random.uniform(-2, 2);
            p.v[j] = random.uniform(-2, 2);
        }
        p.c = random.uniform(-2, 2);
        mt::sample s{random.uniform(-2, 2), random.uniform(-2, 2), trial % 2 ? 1.0 : -1.0};
        parameters expected{};
        double loss = backprop(p, s, expected);

        auto [value, gradient] = mt::loss_and_gradient(
            mt::point_of(p), mt::x = std::array{s.x0, s.x1}, mt::t = s.target);
        auto const& [dw, db, dv, dc] = gradient;
        CHECK(value == Approx(loss).epsilon(1e-13));
        CHECK(relative_difference(parameters{dw, db, dv, dc}, expected) <= 1e-13);
    }
}
