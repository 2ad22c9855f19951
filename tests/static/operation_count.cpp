// operation_count, hand-counted from the printed formula the way SymPy's count_ops counts it
// (checked with sympy.count_ops on the same strings, except sqrt(u): one function call here, where
// SymPy counts u**(1/2) as a power and a division).
#include <symdiff/symdiff.hpp>
using namespace symdiff::literals;
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;
constexpr symdiff::var<"z"> z;
using symdiff::operation_count;
static_assert(operation_count(x) == 0);
static_assert(operation_count(x + y) == 1);
static_assert(operation_count(x - y) == 1);                   // x - y
static_assert(operation_count(-x - y) == 2);                  // -x - y: NEG, SUB
static_assert(operation_count(2_c * x * y) == 2);             // 2 * x * y
static_assert(operation_count(x / (y * z)) == 2);             // x / (y * z): DIV, MUL
static_assert(operation_count(pow(x, 2_c)) == 1);             // x^2
static_assert(operation_count(sqrt(x)) == 1);                 // sqrt(x)
static_assert(operation_count(pow(x, 1_c / 2_c)) == 1);       // sqrt(x)
static_assert(operation_count(1_c - pow(tanh(x), 2_c)) == 3); // 1 - tanh(x)^2: SUB, POW, TANH
static_assert(operation_count(-x / 2_c) == 2);                // -x / 2: NEG, DIV
static_assert(operation_count(x / 3) == 1);
static_assert(operation_count(tanh(x * y + z)) == 3);
static_assert(operation_count(2.5 * x - 3.5 * y) == 3); // 2.5 * x - 3.5 * y
static_assert(operation_count(x * exp(x) + 3_c * exp(x)) == 5);

int main() {}
