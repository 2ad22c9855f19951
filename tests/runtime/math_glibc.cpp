// The standard library's (glibc's) run-time math on the mpmath reference tables:
// its measured error is printed (docs/math-accuracy.md quotes it), and symdiff's
// compile-time values must stay within 2 ulp of the run-time std:: values on
// every row, since symdiff evaluates with the one at compile time and the other
// at run time (symdiff::math::dispatch). The compile-time values are also checked
// against the references (within 1 ulp) on every row of every type.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>

#include "../math/accuracy.hpp"
#include "../math/reference.hpp"

using namespace symdiff_test;

namespace {

// Rows per constant expression: each chunk is one constexpr variable, which
// keeps every evaluation far below the compilers' default step limits.
constexpr std::size_t chunk_rows = 16;

template <const auto& Table>
using scalar_of = decltype(Table[0].x);

template <const auto& Table, std::size_t Begin>
inline constexpr auto compile_time_chunk = [] {
    constexpr std::size_t count = std::min(chunk_rows, std::size(Table) - Begin);
    std::array<scalar_of<Table>, count> values{};
    for (std::size_t i = 0; i < count; ++i)
        values[i] = evaluate(Table[Begin + i]);
    return values;
}();

// symdiff::math of every row of Table, each computed in constant evaluation.
template <const auto& Table, std::size_t... Chunk>
std::array<scalar_of<Table>, std::size(Table)> compile_time_values(std::index_sequence<Chunk...>) {
    std::array<scalar_of<Table>, std::size(Table)> all{};
    std::size_t next = 0;
    const auto append = [&](const auto& chunk) {
        for (const auto v : chunk)
            all[next++] = v;
    };
    (append(compile_time_chunk<Table, Chunk * chunk_rows>), ...);
    return all;
}

template <const auto& Table>
void check_type(const char* type) {
    constexpr std::size_t chunks = (std::size(Table) + chunk_rows - 1) / chunk_rows;
    const auto compile_time = compile_time_values<Table>(std::make_index_sequence<chunks>{});
    const auto glibc = [](std::size_t i) {
        return evaluate_with<std_library>(at_run_time(Table[i]));
    };

    // the compile-time values themselves: within 1 ulp of the reference on every row
    compare_rows(
        Table, [&](std::size_t i) { return compile_time[i]; },
        [](std::size_t i) { return Table[i].expected; }, 1);
    print_summary(std::string("std:: (glibc), ") + type,
                  check_table<std_library>(Table, std::numeric_limits<long double>::infinity()));
    print_summary(std::string("symdiff::math at compile time vs std:: at run time, ") + type,
                  compare_rows(
                      Table, glibc, [&](std::size_t i) { return compile_time[i]; }, 2));
}

} // namespace

TEST_CASE("math: glibc accuracy and compile time vs run time within 2 ulp (float)",
          "[math][glibc]") {
    check_type<reference_float>("float");
}

TEST_CASE("math: glibc accuracy and compile time vs run time within 2 ulp (double)",
          "[math][glibc]") {
    check_type<reference_double>("double");
}

TEST_CASE("math: glibc accuracy and compile time vs run time within 2 ulp (long double)",
          "[math][glibc]") {
    check_type<reference_long_double>("long double");
}
