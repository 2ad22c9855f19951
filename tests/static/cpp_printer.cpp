// to_cpp at compile time; every expected string written by hand. (That the generated code
// compiles and computes the right values is tests/python/cpp_codegen.py.)

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;
using symdiff::to_cpp;

constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

static_assert(to_cpp<"square">(x * x) == "template <class T>\n"
                                         "T square(T x) {\n"
                                         "    return std::pow(x, T(2));\n"
                                         "}\n");

// A subformula used twice becomes a temporary; parameters are sorted by name.
static_assert(to_cpp<"f">(tanh(y * x) / (1_c + tanh(x * y))) ==
              "template <class T>\n"
              "T f(T x, T y) {\n"
              "    const T t0 = std::tanh(x * y);\n"
              "    return t0 / (t0 + T(1));\n"
              "}\n");

// Several formulas: an array, each formula a temporary; named stages keep their names; products
// share their tails (d loss / d w = x * (d loss / d y)).
constexpr symdiff::var<"w"> w;
constexpr auto net = symdiff::name<"net">(w * x + y);
constexpr auto loss = pow(tanh(net), 2_c) / 2_c;
static_assert(to_cpp<"g">(loss, d(loss, w), d(loss, y)) == "template <class T>\n"
                                                           "std::array<T, 3> g(T w, T x, T y) {\n"
                                                           "    const T net = w * x + y;\n"
                                                           "    const T t0 = std::tanh(net);\n"
                                                           "    const T t1 = std::pow(t0, T(2));\n"
                                                           "    const T t2 = t1 / T(2);\n"
                                                           "    const T t3 = t0 * (T(1) - t1);\n"
                                                           "    const T t4 = x * t3;\n"
                                                           "    return {t2, t4, t3};\n"
                                                           "}\n");

// sign(u), the derivative of abs, has no std:: function: a local lambda.
static_assert(to_cpp<"h">(d(abs(x), x)) ==
              "template <class T>\n"
              "T h(T x) {\n"
              "    auto sign = [](T v) { return T((T(0) < v) - (v < T(0))); };\n"
              "    return sign(x);\n"
              "}\n");

int main() {}
