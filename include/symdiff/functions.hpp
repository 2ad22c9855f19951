#pragma once
// The elementary functions. Each descriptor is the one place that knows a function: its name, its
// LaTeX, its value and its derivative rule d f(u) / du, as a formula (`derivative`, for `d`) and
// as a number (`slope`, for reverse-mode gradients; tests check that the two agree), and its value
// at the exact constants where that value is rational (`exact`: exp(0) = 1, which apply_of folds).
// Printers, `d` and gradients are generic over them.

#include <string_view>

#include <symdiff/build.hpp>
#include <symdiff/math/dispatch.hpp>

namespace symdiff {

namespace functions {

// f(c) = v at c = at, and no exact value elsewhere (exp(0) = 1; exp(1) is not rational)
constexpr exact_result value_at(rational c, rational at, rational v) {
    return c == at ? exact_result{true, v} : exact_result{};
}

struct exp_fn {
    static constexpr std::string_view name = "exp", latex = "\\exp";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 1); // exp(0) = 1
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::exp(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) {
        return exp(u);
    } // exp(u)
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): exp(x)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T, T fx) {
        return fx;
    }
};
struct log_fn {
    static constexpr std::string_view name = "log", latex = "\\log";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 1, 0); // log(1) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::log(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // 1 / u
        return power_of(u, constant<-1>{});
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 1 / x
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return T(1) / x;
    }
};
struct sqrt_fn {
    static constexpr std::string_view name = "sqrt", latex = "\\sqrt";
    static constexpr exact_result exact(rational c) {
        return exact_power(c, rational{1, 2}); // sqrt(9/4) = 3/2
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::sqrt(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // 1 / (2 sqrt(u))
        return product_of(constant<1, 2>{}, power_of(sqrt(u), constant<-1>{}));
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 1 / (2 sqrt(x))
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T, T fx) {
        return T(1) / T(2) * (T(1) / fx);
    }
};
struct sin_fn {
    static constexpr std::string_view name = "sin", latex = "\\sin";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 0); // sin(0) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::sin(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) {
        return cos(u);
    } // cos(u)
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): cos(x)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return math::dispatch::cos(x);
    }
};
struct cos_fn {
    static constexpr std::string_view name = "cos", latex = "\\cos";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 1); // cos(0) = 1
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::cos(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) {
        return negate(sin(u));
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): -sin(x)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return -math::dispatch::sin(x);
    }
};
struct tan_fn {
    static constexpr std::string_view name = "tan", latex = "\\tan";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 0); // tan(0) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::tan(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // 1 + tan(u)^2
        return sum_of(constant<1>{}, power_of(tan(u), constant<2>{}));
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 1 + tan(x)^2
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T, T fx) {
        return T(1) + fx * fx;
    }
};
struct asin_fn {
    static constexpr std::string_view name = "asin", latex = "\\arcsin";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 0); // asin(0) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::asin(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // 1 / sqrt(1 - u^2)
        return power_of(difference_of(constant<1>{}, power_of(u, constant<2>{})),
                        constant<-1, 2>{});
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 1 / sqrt(1 - x^2)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return T(1) / math::dispatch::sqrt(T(1) - x * x);
    }
};
struct acos_fn {
    static constexpr std::string_view name = "acos", latex = "\\arccos";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 1, 0); // acos(1) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::acos(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // -1 / sqrt(1 - u^2)
        return negate(asin_fn::derivative(u));
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): -1 / sqrt(1 - x^2)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return -(T(1) / math::dispatch::sqrt(T(1) - x * x));
    }
};
struct atan_fn {
    static constexpr std::string_view name = "atan", latex = "\\arctan";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 0); // atan(0) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::atan(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // 1 / (1 + u^2)
        return power_of(sum_of(constant<1>{}, power_of(u, constant<2>{})), constant<-1>{});
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 1 / (1 + x^2)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return T(1) / (T(1) + x * x);
    }
};
struct sinh_fn {
    static constexpr std::string_view name = "sinh", latex = "\\sinh";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 0); // sinh(0) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::sinh(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) {
        return cosh(u);
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): cosh(x)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return math::dispatch::cosh(x);
    }
};
struct cosh_fn {
    static constexpr std::string_view name = "cosh", latex = "\\cosh";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 1); // cosh(0) = 1
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::cosh(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) {
        return sinh(u);
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): sinh(x)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return math::dispatch::sinh(x);
    }
};
struct tanh_fn {
    static constexpr std::string_view name = "tanh", latex = "\\tanh";
    static constexpr exact_result exact(rational c) {
        return value_at(c, 0, 0); // tanh(0) = 0
    }
    template <class T>
    static constexpr T value(T x) {
        return math::dispatch::tanh(x);
    }
    template <class U>
    static constexpr auto derivative(U const& u) { // 1 - tanh(u)^2
        return difference_of(constant<1>{}, power_of(tanh(u), constant<2>{}));
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 1 - tanh(x)^2
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T, T fx) {
        return T(1) - fx * fx;
    }
};
// sign(u) = -1, 0 or 1 (NaN stays NaN): the derivative of abs, defined everywhere but at 0,
// where the value 0 is the usual choice of subgradient.
struct sign_fn {
    static constexpr std::string_view name = "sign", latex = "\\operatorname{sign}";
    static constexpr exact_result exact(rational c) {
        return {true, rational{c.num > 0 ? 1 : c.num < 0 ? -1 : 0}};
    }
    template <class T>
    static constexpr T value(T x) {
        return x > T(0) ? T(1) : x < T(0) ? T(-1) : x; // keeps ±0 and NaN
    }
    template <class U>
    static constexpr auto derivative(U const&) {
        return constant<0>{};
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): 0
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T, T) {
        return T(0);
    }
};
struct abs_fn {
    static constexpr std::string_view name = "abs", latex = ""; // LaTeX: |u|
    static constexpr exact_result exact(rational c) { return {true, c.num < 0 ? -c : c}; }
    template <class T>
    static constexpr T value(T x) {
        return x < T(0) ? -x : x;
    }
    template <class U>
    static constexpr auto derivative(U const& u) {
        return sign(u);
    }
    // the same derivative as a number, for reverse mode: f'(x), given fx = f(x): sign(x)
    template <class T>
    [[gnu::always_inline]] static constexpr T slope(T x, T) {
        return sign_fn::value(x);
    }
};

} // namespace functions

// The functions users call, found by argument-dependent lookup on symdiff expressions only.
// (Internal linkage: see the smart constructors in build.hpp.)
inline namespace {
#define SYMDIFF_ELEMENTARY_FUNCTION(f)                                                             \
    template <Expression U>                                                                        \
    constexpr auto f(U const& u) {                                                                 \
        return apply_of<functions::f##_fn>(u);                                                     \
    }
SYMDIFF_ELEMENTARY_FUNCTION(exp)
SYMDIFF_ELEMENTARY_FUNCTION(log)
SYMDIFF_ELEMENTARY_FUNCTION(sqrt)
SYMDIFF_ELEMENTARY_FUNCTION(sin)
SYMDIFF_ELEMENTARY_FUNCTION(cos)
SYMDIFF_ELEMENTARY_FUNCTION(tan)
SYMDIFF_ELEMENTARY_FUNCTION(asin)
SYMDIFF_ELEMENTARY_FUNCTION(acos)
SYMDIFF_ELEMENTARY_FUNCTION(atan)
SYMDIFF_ELEMENTARY_FUNCTION(sinh)
SYMDIFF_ELEMENTARY_FUNCTION(cosh)
SYMDIFF_ELEMENTARY_FUNCTION(tanh)
SYMDIFF_ELEMENTARY_FUNCTION(abs)
SYMDIFF_ELEMENTARY_FUNCTION(sign)
#undef SYMDIFF_ELEMENTARY_FUNCTION
} // namespace

} // namespace symdiff
