// Gradients by families of variables (vars), evaluated in constant evaluation, where a family's
// row of products u_i * x_i (sum_over) meets every way its derivatives can be laid out: one
// family's array, a std::tuple's part (a mix with a single variable, in either order), two
// families' parts one after the other, two rows of a 2 x 2 family, x_i across two rows of their
// array; and the cases where a product hands its adjoint to both factors, an element is used
// twice, the elements are bound one by one, the factors' roles are swapped. (Written for the
// reverse sweep's loops tried in session 12, which were not kept: docs/performance.md, "Loops
// for a family's derivatives".) Values by hand: every product here is exact in binary floating
// point, so == is the test.

#include <array>
#include <tuple>

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

namespace {

template <std::size_t I>
constexpr std::integral_constant<std::size_t, I> ix{};

constexpr symdiff::vars<"w", 6> w;
constexpr symdiff::vars<"x", 6> x;
constexpr symdiff::var<"b"> b;

constexpr std::array<double, 6> w0{1, 2, 3, 4, -1, 0.5};
constexpr std::array<double, 6> x0{0.5, 0.25, 2, 8, -4, 1};

// s = sum w_i x_i + b over 6 elements
constexpr auto s = symdiff::sum_over<6>([](auto i) { return w[i] * x[i]; }) + b;
// s = 0.5 + 0.5 + 6 + 32 + 4 + 0.5 + 3 = 46.5
static_assert(s(w = w0, x = x0, b = 3.0) == 46.5);

// d s / d w_i = x_i: the sum's adjoint is 1
static_assert(symdiff::gradient(s, w)(w = w0, x = x0, b = 3.0) == x0);

// d s^2 / d w_i = 2 s x_i = 93 x_i (the sum's adjoint is 93)
constexpr auto s2 = pow(s, 2_c);
constexpr std::array<double, 6> x93{46.5, 23.25, 186, 744, -372, 93};
static_assert(symdiff::gradient(s2, w)(w = w0, x = x0, b = 3.0) == x93);

// a mix: a std::tuple of the family's array and b's derivative
static_assert(symdiff::gradient(s2, w, b)(w = w0, x = x0, b = 3.0) ==
              std::tuple<std::array<double, 6>, double>{x93, 93});
static_assert(symdiff::value_and_gradient(s2, b, w)(w = w0, x = x0, b = 3.0).gradient ==
              std::tuple<double, std::array<double, 6>>{93, x93});

// the u_i in two parts of the result (p, then q)
constexpr symdiff::vars<"p", 2> p;
constexpr symdiff::vars<"q", 2> q;
constexpr auto across_parts =
    pow(p[ix<0>] * x[ix<0>] + p[ix<1>] * x[ix<1>] + q[ix<0>] * x[ix<2>] + q[ix<1>] * x[ix<3>], 2_c);
// value inside: 0.5 * 2 + 0.25 * 4 + 2 * (-2) + 8 * 1 = 6; adjoint 12
constexpr std::array<double, 2> p0{2, 4}, q0{-2, 1};
static_assert(symdiff::gradient(across_parts, p, q)(p = p0, q = q0, x = x0) ==
              std::tuple<std::array<double, 2>, std::array<double, 2>>{{6, 3}, {24, 96}});

// the u_i in two rows of the result (m is 2 x 2)
constexpr symdiff::vars<"m", 2, 2> m;
constexpr auto across_rows = pow(m.at<0, 0>() * x[ix<0>] + m.at<0, 1>() * x[ix<1>] +
                                     m.at<1, 0>() * x[ix<2>] + m.at<1, 1>() * x[ix<3>],
                                 2_c);
constexpr std::array<std::array<double, 2>, 2> m0{{{2, 4}, {-2, 1}}};
static_assert(symdiff::gradient(across_rows, m)(m = m0, x = x0) ==
              std::array<std::array<double, 2>, 2>{{{6, 3}, {24, 96}}});

// the x_i in two rows of their array (y is 2 x 2)
constexpr symdiff::vars<"y", 2, 2> y;
constexpr auto x_across_rows = pow(w[ix<0>] * y.at<0, 0>() + w[ix<1>] * y.at<0, 1>() +
                                       w[ix<2>] * y.at<1, 0>() + w[ix<3>] * y.at<1, 1>(),
                                   2_c);
constexpr std::array<std::array<double, 2>, 2> y0{{{0.5, 0.25}, {2, 8}}};
// value inside: 0.5 + 0.5 + 6 + 32 = 39; adjoint 78; w_4 and w_5 do not appear
static_assert(symdiff::gradient(x_across_rows, w)(w = w0, y = y0) ==
              std::array<double, 6>{39, 19.5, 156, 624, 0, 0});

// both factors asked for (each product hands its adjoint to both)
static_assert(symdiff::gradient(s, w, x)(w = w0, x = x0, b = 3.0) ==
              std::tuple<std::array<double, 6>, std::array<double, 6>>{x0, w0});
// w_0 used twice (d / d w_0 = x_0 + 1)
constexpr auto twice = s + w[ix<0>];
static_assert(symdiff::gradient(twice, w)(w = w0, x = x0, b = 3.0) ==
              std::array<double, 6>{1.5, 0.25, 2, 8, -4, 1});
// the factors' roles swapped: x asked for, w read from its array
static_assert(symdiff::gradient(s, x)(w = w0, x = x0, b = 3.0) == w0);

// elements bound one by one (not read from a family's array): the same values
static_assert(symdiff::gradient(s, w)(w = w0, x.at<0>() = 0.5, x.at<1>() = 0.25, x.at<2>() = 2.0,
                                      x.at<3>() = 8.0, x.at<4>() = -4.0, x.at<5>() = 1.0,
                                      b = 3.0) == x0);

} // namespace
