// Compile-time accuracy of symdiff::math: a sample of the mpmath reference
// table (tests/math/reference_*.inc) is evaluated in constant expressions and
// must be within 1 ulp of the correctly rounded value, for float and double.
// Each static_assert evaluates 20 calls of one function, which keeps every
// constant expression far below the default step limits of g++ and clang++.
#include <array>
#include <cstddef>
#include <limits>
#include <string_view>

#include "../math/reference.hpp"
#include "symdiff/math.hpp"

namespace {

using namespace symdiff_test;

constexpr std::size_t samples = 20;
constexpr std::size_t function_count = std::size(function_names);

constexpr std::size_t index_of(std::string_view name) {
    std::size_t f = 0;
    while (function_names[f] != name)
        ++f;
    return f;
}

// The generator writes each function's rows contiguously: one pass finds the
// [begin, end) range of every function (string comparisons are slow in
// constant evaluation, so they are done once per table, not per assertion).
struct row_range {
    std::size_t begin = 0, end = 0;
};
using range_table = std::array<row_range, function_count>;

template <class T, std::size_t N>
constexpr range_table function_ranges(const reference_row<T> (&table)[N]) {
    range_table ranges{};
    for (std::size_t i = 0; i < N;) {
        const std::string_view name = table[i].name;
        std::size_t j = i + 1;
        while (j < N && name == table[j].name)
            ++j;
        ranges[index_of(name)] = {i, j};
        i = j;
    }
    return ranges;
}

template <std::size_t N>
constexpr bool covers_all_rows(const range_table& ranges) {
    std::size_t total = 0;
    for (const auto& r : ranges)
        total += r.end - r.begin;
    return total == N;
}

constexpr range_table double_ranges = function_ranges(reference_double);
constexpr range_table float_ranges = function_ranges(reference_float);
static_assert(covers_all_rows<std::size(reference_double)>(double_ranges),
              "rows of a function are not contiguous");
static_assert(covers_all_rows<std::size(reference_float)>(float_ranges),
              "rows of a function are not contiguous");

// Worst ulp error over `samples` rows of function `name`, spread evenly over its range.
template <class T, std::size_t N>
constexpr long long max_ulp_error(const reference_row<T> (&table)[N], const range_table& ranges,
                                  std::string_view name) {
    const row_range r = ranges[index_of(name)];
    const std::size_t count = r.end - r.begin;
    const std::size_t stride = count > samples ? count / samples : 1;
    long long worst = 0;
    for (std::size_t i = r.begin; i < r.end; i += stride) {
        const long long d = ulp_distance(evaluate(table[i]), table[i].expected);
        worst = d > worst ? d : worst;
    }
    return worst;
}

#define SYMDIFF_CHECK_CONSTEXPR(fn)                                                                \
    static_assert(max_ulp_error(reference_double, double_ranges, #fn) <= 1,                        \
                  #fn " (double) beyond 1 ulp at compile time");                                   \
    static_assert(max_ulp_error(reference_float, float_ranges, #fn) <= 1,                          \
                  #fn " (float) beyond 1 ulp at compile time");

SYMDIFF_CHECK_CONSTEXPR(exp)
SYMDIFF_CHECK_CONSTEXPR(expm1)
SYMDIFF_CHECK_CONSTEXPR(log)
SYMDIFF_CHECK_CONSTEXPR(log1p)
SYMDIFF_CHECK_CONSTEXPR(sqrt)
SYMDIFF_CHECK_CONSTEXPR(sin)
SYMDIFF_CHECK_CONSTEXPR(cos)
SYMDIFF_CHECK_CONSTEXPR(tan)
SYMDIFF_CHECK_CONSTEXPR(asin)
SYMDIFF_CHECK_CONSTEXPR(acos)
SYMDIFF_CHECK_CONSTEXPR(atan)
SYMDIFF_CHECK_CONSTEXPR(atan2)
SYMDIFF_CHECK_CONSTEXPR(sinh)
SYMDIFF_CHECK_CONSTEXPR(cosh)
SYMDIFF_CHECK_CONSTEXPR(tanh)
SYMDIFF_CHECK_CONSTEXPR(pow)
SYMDIFF_CHECK_CONSTEXPR(abs)

#undef SYMDIFF_CHECK_CONSTEXPR

// A few long double values too (exact or well-known to the last bit).
namespace m = symdiff::math;
static_assert(m::exp(0.0L) == 1.0L);
static_assert(m::log(1.0L) == 0.0L);
static_assert(m::sqrt(2.25L) == 1.5L);
static_assert(m::sqrt(0x1p-16440L) == 0x1p-8220L); // subnormal argument
static_assert(m::pow(2.0L, 100.0L) == 0x1p100L);
static_assert(m::tanh(30.0L) == 1.0L);
static_assert(m::atan2(1.0L, 1.0L) == 0xc90fdaa22168c235p-64L); // pi/4 rounded
static_assert(m::sin(0x1p16000L) > -1.0L &&
              m::sin(0x1p16000L) < 1.0L); // Payne-Hanek at the top of the range

// Special values in constant evaluation (no NaN is produced, only passed through).
static_assert(m::exp(-std::numeric_limits<double>::infinity()) == 0.0);
static_assert(m::tanh(std::numeric_limits<float>::infinity()) == 1.0f);
static_assert(m::atan2(-0.0, -1.0) == -3.141592653589793);
static_assert(m::expm1(-0.0) == 0.0 && m::sin(-0.0) == 0.0);

} // namespace
