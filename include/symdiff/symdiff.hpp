#pragma once
// symdiff: compile-time symbolic differentiation. The one header users include.

#include <symdiff/bindings.hpp>
#include <symdiff/build.hpp>
#include <symdiff/check.hpp>
#include <symdiff/compare.hpp>
#include <symdiff/derivative.hpp>
#include <symdiff/evaluate.hpp>
#include <symdiff/expression.hpp>
#include <symdiff/fixed_string.hpp>
#include <symdiff/functions.hpp>
#include <symdiff/gradient.hpp>
#include <symdiff/operation_count.hpp>
#include <symdiff/print.hpp>
#include <symdiff/rational.hpp>
