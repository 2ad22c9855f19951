// Families of variables (vars<"w", 8, 4>): elements are variables in every respect; sum_over
// builds one n-ary sum; gradients by a family come back in the family's shape.

#include <array>
#include <tuple>
#include <type_traits>

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;
using symdiff::to_string;

constexpr symdiff::vars<"w", 2, 3> w;
constexpr symdiff::vars<"x", 12> x;
constexpr symdiff::var<"b"> b;

template <std::size_t I>
constexpr std::integral_constant<std::size_t, I> ix{};

// Elements: one type per index, printed as in C++, the same however they are written.
static_assert(to_string(w.at<1, 2>()) == "w[1][2]");
static_assert(to_string(x.at<10>()) == "x[10]");
static_assert(std::is_same_v<decltype(w.at<1, 2>()), decltype(w[ix<1>][ix<2>])>);
static_assert(w.at<0, 1>() == w[ix<0>][ix<1>]);
static_assert(w.at<0, 1>() != w.at<1, 0>());
static_assert(symdiff::to_latex(w.at<1, 2>()) == "w_{1,2}");
static_assert(symdiff::to_latex(x.at<10>() * b) == "b \\cdot x_{10}");

// Indices compare as numbers when sorting: x[2] before x[10].
static_assert(to_string(x.at<10>() + x.at<2>()) == "x[2] + x[10]");

// sum_over and product_over: the same canonical formula as the written-out chain.
static_assert(symdiff::sum_over<3>([](auto i) { return w[ix<0>][i] * x[i]; }) ==
              w.at<0, 0>() * x.at<0>() + w.at<0, 1>() * x.at<1>() + w.at<0, 2>() * x.at<2>());
static_assert(symdiff::product_over<3>([](auto i) { return x[i]; }) ==
              x.at<2>() * x.at<0>() * x.at<1>());
static_assert(symdiff::sum_over<4>([](auto) { return b; }) == 4_c * b);

// Derivatives by elements.
constexpr auto dot = symdiff::sum_over<3>([](auto i) { return w[ix<1>][i] * x[i]; });
static_assert(d(dot, w.at<1, 2>()) == x.at<2>());
static_assert(d(dot, w.at<0, 2>()) == 0_c);
static_assert(to_string(d(tanh(dot + b), x.at<0>())) ==
              "w[1][0] * (1 - tanh(w[1][0] * x[0] + w[1][1] * x[1] + w[1][2] * x[2] + b)^2)");

// Evaluation: a family bound as a whole, an element bound alone overrides it.
constexpr std::array<std::array<double, 3>, 2> W{{{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}};
constexpr std::array<double, 12> X{0.5, 0.25, 2.0};
static_assert(dot(w = W, x = X) == 4.0 * 0.5 + 5.0 * 0.25 + 6.0 * 2.0);
static_assert(dot(w = W, x = X, w.at<1, 0>() = 8.0) == 8.0 * 0.5 + 5.0 * 0.25 + 6.0 * 2.0);
static_assert(dot(symdiff::at(w = W, x = X)) == 15.25);
// float arrays evaluate in float
static_assert(std::is_same_v<decltype(dot(w = std::array<std::array<float, 3>, 2>{},
                                          x = std::array<float, 12>{})),
                             float>);

// Gradients: the family's shape; a mix is a tuple.
constexpr auto loss = pow(dot + b, 2_c) / 2_c; // d/dw[1][i] = (dot + b) x[i], d/db = dot + b
constexpr auto p = symdiff::at(w = W, x = X, b = 0.75);
constexpr auto gw = symdiff::gradient(loss, w)(p);
static_assert(
    std::is_same_v<std::remove_cvref_t<decltype(gw)>, std::array<std::array<double, 3>, 2>>);
static_assert(gw[0][0] == 0.0 && gw[0][1] == 0.0 && gw[0][2] == 0.0);
static_assert(gw[1][0] == 16.0 * 0.5 && gw[1][1] == 16.0 * 0.25 && gw[1][2] == 16.0 * 2.0);
constexpr auto mixed = symdiff::gradient(loss, b, w, x)(p);
static_assert(std::is_same_v<
              std::remove_cvref_t<decltype(mixed)>,
              std::tuple<double, std::array<std::array<double, 3>, 2>, std::array<double, 12>>>);
static_assert(std::get<0>(mixed) == 16.0);
static_assert(std::get<1>(mixed)[1][2] == 32.0);
static_assert(std::get<2>(mixed)[1] == 16.0 * 5.0 && std::get<2>(mixed)[11] == 0.0);
constexpr auto vg = symdiff::value_and_gradient(loss, w, b)(p);
static_assert(vg.value == 128.0 && std::get<1>(vg.gradient) == 16.0);
