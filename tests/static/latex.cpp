// LaTeX printing at compile time; every expected string written by hand.

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::d;
using symdiff::to_latex;

constexpr symdiff::var<"a"> a;
constexpr symdiff::var<"b"> b;
constexpr symdiff::var<"c"> c;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

// Layout: the text printer's, with LaTeX tokens.
static_assert(to_latex(a - (b - c)) == "a - \\left(b - c\\right)");
static_assert(to_latex(-(a + b)) == "-\\left(a + b\\right)");
static_assert(to_latex(pow(a + b, 2_c)) == "\\left(a + b\\right)^{2}");
static_assert(to_latex(pow(a, pow(b, c))) == "a^{b^{c}}");
static_assert(to_latex(pow(pow(a, b), c)) == "\\left(a^{b}\\right)^{c}");
static_assert(to_latex(pow(a, b + c)) == "a^{b + c}");
static_assert(to_latex(a * b) == "a \\cdot b");
static_assert(to_latex(a / (b * c)) == "\\frac{a}{b \\cdot c}");
static_assert(to_latex((a + b) / c) == "\\frac{a + b}{c}");
static_assert(to_latex(x * y / (2_c * (x + y))) ==
              "\\frac{x \\cdot y}{2 \\cdot \\left(x + y\\right)}");
static_assert(to_latex(-x / 2_c) == "-\\frac{x}{2}");
static_assert(to_latex(pow(x, -1_c)) == "\\frac{1}{x}");

// Constants, roots, functions.
static_assert(to_latex(1_c / 3_c) == "\\frac{1}{3}");
static_assert(to_latex(-1_c / 3_c) == "-\\frac{1}{3}");
static_assert(to_latex(pow(1_c / 2_c, x)) == "\\left(\\frac{1}{2}\\right)^{x}");
static_assert(to_latex(pow(x, 3_c / 2_c)) == "x^{\\frac{3}{2}}");
static_assert(to_latex(sqrt(x)) == "\\sqrt{x}");
static_assert(to_latex(pow(x + 1_c, 1_c / 2_c)) == "\\sqrt{x + 1}");
static_assert(to_latex(tanh(a + b)) == "\\tanh\\left(a + b\\right)");
static_assert(to_latex(pow(sin(x), 2_c)) == "\\sin\\left(x\\right)^{2}");
static_assert(to_latex(asin(x) + acos(x) + atan(x)) ==
              "\\arccos\\left(x\\right) + \\arcsin\\left(x\\right) + \\arctan\\left(x\\right)");
static_assert(to_latex(abs(x - y)) == "\\left|x - y\\right|");
static_assert(to_latex(d(abs(x), x)) == "\\operatorname{sign}\\left(x\\right)");
static_assert(to_latex(d(tanh(x), x)) == "1 - \\tanh\\left(x\\right)^{2}");

// Names: Greek letters, upright words, subscripts.
constexpr symdiff::var<"alpha"> alpha;
constexpr symdiff::var<"Omega"> omega;
constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"w_0_1"> w01;
constexpr symdiff::var<"x_max"> xmax;
constexpr symdiff::var<"theta_2"> theta2;
static_assert(to_latex(alpha) == "\\alpha");
static_assert(to_latex(omega) == "\\Omega");
static_assert(to_latex(input) == "\\mathrm{input}");
static_assert(to_latex(w01) == "w_{0,1}");
static_assert(to_latex(xmax) == "x_{\\mathrm{max}}");
static_assert(to_latex(theta2) == "\\theta_{2}");
constexpr auto net = symdiff::name<"net">(input * w01 + alpha);
static_assert(to_latex(pow(tanh(net), 2_c)) == "\\tanh\\left(\\mathrm{net}\\right)^{2}");

// Longer names in italics, when asked.
static_assert(to_latex(input * xmax, symdiff::italic_names) == "input \\cdot x_{max}");
static_assert(to_latex(alpha, symdiff::italic_names) == "\\alpha");

int main() {}
