// The operators + - * / live in an inline unnamed namespace of symdiff (internal linkage; see
// "Internal linkage" in gradient.hpp). They must still be found every way a user may name them:
// by argument-dependent lookup from any namespace, qualified as symdiff::operator+, and through
// a using-declaration; and each must give the same formula as the sum_of / product_of /
// power_of it stands for (x - y is x + (-1) y, x / y is x y^(-1)), evaluated in constant
// evaluation through the (internal) evaluation machinery.

#include <type_traits>

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

namespace user {
constexpr symdiff::var<"x"> x;
constexpr symdiff::var<"y"> y;

// argument-dependent lookup, from a namespace that knows nothing of symdiff's operators
constexpr auto sum = x + y;
constexpr auto difference = x - y;
constexpr auto product = x * y;
constexpr auto quotient = x / y;
constexpr auto negated = -x;
constexpr auto plus = +x;
constexpr auto with_number = 2.5 * x + 1;

static_assert(std::is_same_v<decltype(sum), decltype(symdiff::sum_of(x, y)) const>);
static_assert(std::is_same_v<decltype(product), decltype(symdiff::product_of(x, y)) const>);
static_assert(std::is_same_v<decltype(difference),
                             decltype(symdiff::sum_of(x, symdiff::product_of(-1_c, y))) const>);
static_assert(std::is_same_v<decltype(quotient),
                             decltype(symdiff::product_of(x, symdiff::power_of(y, -1_c))) const>);
static_assert(std::is_same_v<decltype(negated), decltype(symdiff::product_of(-1_c, x)) const>);
static_assert(std::is_same_v<decltype(plus), decltype(x) const>);

// qualified, as members of symdiff
static_assert(
    std::is_same_v<decltype(symdiff::operator+(x, y)), std::remove_const_t<decltype(sum)>>);
static_assert(
    std::is_same_v<decltype(symdiff::operator*(x, y)), std::remove_const_t<decltype(product)>>);
static_assert(
    std::is_same_v<decltype(symdiff::operator-(x, y)), std::remove_const_t<decltype(difference)>>);
static_assert(
    std::is_same_v<decltype(symdiff::operator/(x, y)), std::remove_const_t<decltype(quotient)>>);

// through a using-declaration
namespace named {
using symdiff::operator+;
constexpr auto again = operator+(x, y);
static_assert(std::is_same_v<decltype(again), decltype(sum)>);
} // namespace named

// values, by hand: x = 3, y = 4
static_assert(sum(x = 3.0, y = 4.0) == 7.0);
static_assert(difference(x = 3.0, y = 4.0) == -1.0);
static_assert(product(x = 3.0, y = 4.0) == 12.0);
static_assert(quotient(x = 3.0, y = 4.0) == 0.75);
static_assert(negated(x = 3.0) == -3.0);
static_assert(with_number(x = 3.0) == 8.5);
} // namespace user
