// Printing at compile time: every expected string below was written by hand from the rules in
// print.hpp (fewest parentheses, constant factor first, positive terms first, `a / b`, `sqrt`).

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;
using symdiff::to_string;

constexpr symdiff::var<"a"> a;
constexpr symdiff::var<"b"> b;
constexpr symdiff::var<"c"> c;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

// DESIGN's example.
static_assert(to_string(d(x * x, x)) == "2 * x");

// Precedence and associativity.
static_assert(to_string(a - (b - c)) == "a - (b - c)");
static_assert(to_string(-(a + b)) == "-(a + b)");
static_assert(to_string(a - b + c) == "a + c - b"); // positive terms first
static_assert(to_string(pow(a * b, 2_c)) == "a^2 * b^2");
static_assert(to_string(pow(a + b, 2_c)) == "(a + b)^2");
static_assert(to_string(pow(a, pow(b, c))) == "a^b^c");
static_assert(to_string(pow(pow(a, b), c)) == "(a^b)^c");
static_assert(to_string(a / (b * c)) == "a / (b * c)");
static_assert(to_string(a / b / c) == "a / (b * c)");
static_assert(to_string((a + b) / c) == "(a + b) / c");
static_assert(to_string(a / (b + c)) == "a / (b + c)");
static_assert(to_string(tanh(a + b)) == "tanh(a + b)");
static_assert(to_string(tanh(a) * b) == "b * tanh(a)"); // variables before functions
static_assert(to_string(pow(tanh(a), 2_c)) == "tanh(a)^2");
static_assert(to_string(pow(-a, 3_c)) == "-a^3");
static_assert(to_string(pow(a, -b)) == "a^(-b)");
static_assert(to_string(pow(a, b + c)) == "a^(b + c)");
static_assert(to_string(pow(a, b* c)) == "a^(b * c)");
static_assert(to_string(-a * b) == "-a * b");
static_assert(to_string(-(a / b)) == "-a / b");

// Rationals.
static_assert(to_string(1_c / 3_c) == "1/3");
static_assert(to_string(-1_c / 3_c) == "-1/3");
static_assert(to_string(0.5_c) == "1/2");
static_assert(to_string(1.25_c) == "5/4");
static_assert(to_string(1e-3_c) == "1/1000");
static_assert(to_string(x + 0.5_c) == "x + 1/2");
static_assert(to_string(x / 2_c) == "x / 2");
static_assert(to_string(2_c * x / 3_c) == "2 * x / 3");
static_assert(to_string(-x / 2_c) == "-x / 2");
static_assert(to_string(pow(x, 1_c / 2_c)) == "sqrt(x)");
static_assert(to_string(pow(x, -1_c / 2_c)) == "1 / sqrt(x)");
static_assert(to_string(pow(x, 3_c / 2_c)) == "x^(3/2)");
static_assert(to_string(pow(1_c / 2_c, x)) == "(1/2)^x");
static_assert(to_string(pow(-2_c, x)) == "(-2)^x");
static_assert(to_string(pow(x, -1_c)) == "1 / x");

// Derivatives print short.
static_assert(to_string(d(sin(x), x, x)) == "-sin(x)");
static_assert(to_string(d(tanh(x), x)) == "1 - tanh(x)^2");
static_assert(to_string(d(sqrt(x), x)) == "1 / (2 * sqrt(x))");
static_assert(to_string(d(log(x), x)) == "1 / x");
static_assert(to_string(d(atan(x), x)) == "1 / (x^2 + 1)");
static_assert(to_string(d(asin(x), x)) == "1 / sqrt(1 - x^2)");
static_assert(to_string(d(acos(x), x)) == "-1 / sqrt(1 - x^2)");
static_assert(to_string(d(pow(x, y), x)) == "x^(y - 1) * y"); // factors by base: x before y
static_assert(to_string(d(a * b / c, c)) == "-a * b / c^2");
static_assert(to_string(d(pow(x, 3_c), x, x, x)) == "6");

// Named stages print by name; derivatives name them again where their body reappears.
constexpr auto net = symdiff::name<"net">(x * a + b);
constexpr auto out = symdiff::name<"out">(tanh(net));
static_assert(to_string(out) == "out");
static_assert(to_string(net.body) == "a * x + b"); // compound terms first
static_assert(to_string(d(out, net)) == "1 - out^2");
static_assert(to_string(d(pow(out - y, 2_c) / 2_c, a)) == "x * (out - y) * (1 - out^2)");

// With the definitions of the named stages, outermost first.
constexpr symdiff::var<"t"> t;
constexpr auto err = symdiff::name<"err">(out - t);
static_assert(to_string(pow(err, 2_c) / 2_c, symdiff::where) ==
              "err^2 / 2 where err = out - t, out = tanh(net), net = a * x + b");
static_assert(to_string(x * y, symdiff::where) == "x * y");

// Canonical order: operands in any order give one formula, printed one way.
static_assert(to_string(y * x) == "x * y");
static_assert(to_string(b + a) == "a + b");
static_assert(to_string(2_c * x * y + 3_c * y * x) == "5 * x * y");
static_assert(to_string(1_c + x + x * y + pow(x, 2_c)) == "x * y + x^2 + x + 1");
static_assert(to_string(exp(x) * x * 2_c) == "2 * x * exp(x)");
static_assert(to_string(d(x * exp(x), x, x, x)) == "x * exp(x) + 3 * exp(x)");

int main() {}
