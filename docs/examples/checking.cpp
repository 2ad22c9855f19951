// Faux gradients and gradient checks, at compile time and at run time.
#include <array>
#include <cmath>
#include <iostream>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

constexpr symdiff::var<"a"> a;
constexpr symdiff::var<"b"> b;
constexpr auto f = log(a * a + b) * b;
constexpr auto p = symdiff::at(a = 1.5, b = 2.0);

// A hand-written gradient with a mistake in d/db (the product rule's first term is missing).
std::array<double, 2> my_gradient(decltype(p) const&) {
    double av = 1.5, bv = 2.0, s = av * av + bv;
    return {2 * av * bv / s, std::log(s)};
}

int main() {
    // the article's forward difference, (f(b + tiny) - f(b)) / tiny with tiny = 1e-4
    constexpr double faux = symdiff::faux_derivative(f, b, p);
    constexpr double exact = symdiff::d(f, b)(p);
    static_assert(symdiff::approx(faux, exact, 1e-4));
    // a central difference is much closer
    static_assert(symdiff::approx(symdiff::central_derivative(f, b, p), exact, 1e-9));

    // every partial derivative against central differences, in a static_assert
    static_assert(symdiff::check_gradient(f, p, a, b));

    // a user's gradient against symdiff's: the report says which variable is off, and by how much
    auto report = symdiff::check_gradient(f, p, my_gradient, a, b);
    std::cout << (report ? "agrees" : "disagrees") << ", worst: d/d" << report.worst_name
              << ", relative error " << report.worst_error << '\n';
}
