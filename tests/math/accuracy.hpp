// tests/math/accuracy.hpp - run-time helpers of the math accuracy tests (Catch2):
// ulp distances, per-function statistics over a reference table, and their summary.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>

#include "reference.hpp"

namespace symdiff_test {

// ulps between a and the reference e, in units of the spacing at e towards a
// (works for every format; exact 0 when equal, including +0 == -0).
template <class T>
long double ulps(T a, T e) {
    if (a == e)
        return 0;
    if (std::isnan(a) || std::isinf(a) || std::isnan(e) || std::isinf(e))
        return std::numeric_limits<long double>::infinity();
    const T step = std::nextafter(e, a) - e;
    return std::fabs(static_cast<long double>(a) - static_cast<long double>(e)) /
           std::fabs(static_cast<long double>(step));
}

struct stats {
    long double max_ulp = 0;
    int rows = 0;
    int differing = 0; // rows whose value is not the reference
};

// The row's inputs laundered through volatile, so that a call on them really is
// a run-time evaluation.
template <class T>
reference_row<T> at_run_time(const reference_row<T>& row) {
    volatile T vx = row.x, vy = row.y;
    return {row.name, vx, vy, row.expected};
}

// Per function: ulps between got(i) and want(i) over the rows i of a table;
// every row beyond `tolerance` is a failed check naming the row.
template <class T, std::size_t N, class Got, class Want>
std::map<std::string, stats> compare_rows(const reference_row<T> (&table)[N], Got got, Want want,
                                          long double tolerance) {
    std::map<std::string, stats> result;
    for (std::size_t i = 0; i < N; ++i) {
        const auto& row = table[i];
        const T g = got(i), w = want(i);
        const long double d = ulps(g, w);
        auto& s = result[row.name];
        s.max_ulp = std::max(s.max_ulp, d);
        ++s.rows;
        if (d != 0)
            ++s.differing;
        if (!(d <= tolerance)) {
            std::ostringstream msg;
            msg << std::hexfloat << row.name << "(" << row.x << ", " << row.y << ") = " << g
                << ", expected " << w << std::defaultfloat << " (" << static_cast<double>(d)
                << " ulp)";
            FAIL_CHECK(msg.str());
        }
    }
    return result;
}

// Library Lib at run time against the correctly rounded references.
template <class Lib, class T, std::size_t N>
std::map<std::string, stats> check_table(const reference_row<T> (&table)[N],
                                         long double tolerance) {
    return compare_rows(
        table, [&](std::size_t i) { return evaluate_with<Lib>(at_run_time(table[i])); },
        [&](std::size_t i) { return table[i].expected; }, tolerance);
}

inline void print_summary(const std::string& title, const std::map<std::string, stats>& s) {
    std::cout << "max ulp error, " << title << " (rows / rows differing):\n";
    for (const auto& name : function_names) {
        const auto it = s.find(std::string(name));
        if (it == s.end())
            continue;
        std::cout << "  " << std::setw(6) << name << ": " << std::setw(6) << std::fixed
                  << std::setprecision(2) << static_cast<double>(it->second.max_ulp)
                  << std::defaultfloat << "  (" << it->second.rows << " / " << it->second.differing
                  << ")\n";
    }
}

} // namespace symdiff_test
