#pragma once
// Printing formulas as LaTeX: `to_latex(f)`.
//
// `\frac{a}{b}` for quotients, `x^{2}`, `\sqrt{u}`, `\tanh\left(u\right)`, `\left|u\right|`,
// ` \cdot ` between factors; names: Greek letters as `\alpha`, one letter as itself, longer names
// upright (`\mathrm{input}`; or as they are, with `italic_names`), and what follows `_` as a
// subscript (`w_0_1` is `w_{0,1}`).
// The layout (parentheses, signs, order) is the text printer's, from layout.hpp.

#include <string_view>

#include <symdiff/printers/layout.hpp>
#include <symdiff/printers/static_text.hpp>

namespace symdiff {
namespace detail {

inline constexpr std::string_view greek_letters[] = {
    "alpha",   "beta",   "gamma", "delta",   "epsilon", "zeta",  "eta",   "theta", "iota",
    "kappa",   "lambda", "mu",    "nu",      "xi",      "pi",    "rho",   "sigma", "tau",
    "upsilon", "phi",    "chi",   "psi",     "omega",   "Gamma", "Delta", "Theta", "Lambda",
    "Xi",      "Pi",     "Sigma", "Upsilon", "Phi",     "Psi",   "Omega"};

template <bool UprightNames>
struct latex_style {
    static constexpr bool power_as_call = false;
    static constexpr bool split_products = false;
    static constexpr bool stacked_fractions = true;
    static constexpr std::string_view one = "1", open = "\\left(", close = "\\right)", plus = " + ",
                                      minus = " - ", negative = "-", times = " \\cdot ",
                                      over = " / ", power_open = "^{", power_close = "}",
                                      sqrt_open = "\\sqrt{", sqrt_close = "}",
                                      fraction_open = "\\frac{", fraction_middle = "}{",
                                      fraction_close = "}";
    static constexpr int exponent_context = 0; // braces group the exponent

    template <class Sink>
    static constexpr void word(std::string_view w, Sink& out) {
        for (auto g : greek_letters)
            if (w == g) {
                out.append("\\");
                out.append(w);
                return;
            }
        bool digits = true;
        for (char c : w)
            digits = digits && c >= '0' && c <= '9';
        if (w.size() == 1 || digits || !UprightNames) {
            out.append(w);
        } else {
            out.append("\\mathrm{");
            out.append(w);
            out.append("}");
        }
    }
    template <class Sink>
    static constexpr void name(std::string_view n, Sink& out) {
        if (auto bracket = n.find('['); bracket != std::string_view::npos) {
            // an element of a family of variables: w[1][2] -> w_{1,2}
            word(n.substr(0, bracket), out);
            out.append("_{");
            for (auto i = bracket; i < n.size(); ++i) {
                if (n[i] == ']' && i + 1 < n.size())
                    out.append(",");
                else if (n[i] != '[' && n[i] != ']')
                    out.append(n.substr(i, 1));
            }
            out.append("}");
            return;
        }
        auto split = n.find('_');
        if (split == 0 || split == std::string_view::npos || split + 1 == n.size()) {
            word(n, out);
            return;
        }
        word(n.substr(0, split), out);
        out.append("_{");
        for (std::string_view rest = n.substr(split + 1);;) {
            auto next = rest.find('_');
            word(rest.substr(0, next), out);
            if (next == std::string_view::npos)
                break;
            out.append(",");
            rest = rest.substr(next + 1);
        }
        out.append("}");
    }
    template <class Sink>
    static constexpr void rational(std::intmax_t num, std::intmax_t den, Sink& out) {
        if (den == 1) {
            print_integer(num, out);
            return;
        }
        if (num < 0)
            out.append("-");
        out.append("\\frac{");
        print_integer(num < 0 ? -num : num, out);
        out.append("}{");
        print_integer(den, out);
        out.append("}");
    }
    // 2.5 as is, 1e-20 as 1 \cdot 10^{-20}
    template <class Sink>
    static void number(std::string_view digits, Sink& out) {
        auto e = digits.find('e');
        if (e == std::string_view::npos) {
            out.append(digits);
            return;
        }
        out.append(digits.substr(0, e));
        out.append(" \\cdot 10^{");
        std::string_view exponent = digits.substr(e + 1);
        if (exponent[0] == '+')
            exponent.remove_prefix(1);
        out.append(exponent);
        out.append("}");
    }
    template <class F, class Sink>
    static constexpr void function_open(Sink& out) {
        if constexpr (F::name == "abs") {
            out.append("\\left|");
        } else if constexpr (F::name == "sqrt") {
            out.append("\\sqrt{");
        } else {
            out.append(F::latex);
            out.append("\\left(");
        }
    }
    template <class F, class Sink>
    static constexpr void function_close(Sink& out) {
        out.append(F::name == "abs" ? "\\right|" : F::name == "sqrt" ? "}" : "\\right)");
    }
};

template <bool UprightNames>
struct print_latex {
    template <class E, class Sink>
    constexpr void operator()(E const& e, Sink& out) const {
        print<latex_style<UprightNames>>(e, out);
    }
};

} // namespace detail

// The formula as LaTeX (math mode, without delimiters); a compile-time string when the formula
// has no stored numbers.
template <Expression E>
constexpr auto to_latex(E const& e) {
    return detail::render(e, detail::print_latex<true>{});
}

// `to_latex(f, symdiff::italic_names)`: longer names in math italics, as LaTeX sets `input`
// (the letters of a product of variables), for those who prefer it.
inline constexpr struct italic_names_t {
} italic_names{};

template <Expression E>
constexpr auto to_latex(E const& e, italic_names_t) {
    return detail::render(e, detail::print_latex<false>{});
}

} // namespace symdiff
