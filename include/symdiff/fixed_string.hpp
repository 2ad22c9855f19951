#pragma once
// A string usable as a template argument: `var<"input">` carries its name in its type.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace symdiff {

template <std::size_t N>
struct fixed_string {
    char data[N]{}; // includes the terminating '\0'

    constexpr fixed_string(char const (&text)[N]) noexcept { std::copy_n(text, N, data); }

    static constexpr std::size_t size() noexcept { return N - 1; }
    constexpr std::string_view view() const noexcept { return {data, N - 1}; }
    constexpr char operator[](std::size_t i) const noexcept { return data[i]; }

    template <std::size_t M>
    constexpr bool operator==(fixed_string<M> const& other) const noexcept {
        return view() == other.view();
    }
};

namespace detail {

// Keywords of C++20; a variable named like one could never be written as C++ by to_cpp. As
// plain character arrays in alphabetical order: is_identifier compares a name with those that
// begin with its first letter, character by character, without calling a function per
// character. (Every constexpr call with new arguments is one more entry in g++'s cache of
// constant evaluations: comparing each name with all keywords through std::string_view cost
// 140 KB of compiler memory per variable, 70 MB for the 512 variables of the 256-input neuron.)
inline constexpr char const* cpp_keywords[] = {"alignas",       "alignof",     "and",
                                               "and_eq",        "asm",         "auto",
                                               "bitand",        "bitor",       "bool",
                                               "break",         "case",        "catch",
                                               "char",          "char16_t",    "char32_t",
                                               "char8_t",       "class",       "co_await",
                                               "co_return",     "co_yield",    "compl",
                                               "concept",       "const",       "const_cast",
                                               "consteval",     "constexpr",   "constinit",
                                               "continue",      "decltype",    "default",
                                               "delete",        "do",          "double",
                                               "dynamic_cast",  "else",        "enum",
                                               "explicit",      "export",      "extern",
                                               "false",         "float",       "for",
                                               "friend",        "goto",        "if",
                                               "inline",        "int",         "long",
                                               "mutable",       "namespace",   "new",
                                               "noexcept",      "not",         "not_eq",
                                               "nullptr",       "operator",    "or",
                                               "or_eq",         "private",     "protected",
                                               "public",        "register",    "reinterpret_cast",
                                               "requires",      "return",      "short",
                                               "signed",        "sizeof",      "static",
                                               "static_assert", "static_cast", "struct",
                                               "switch",        "template",    "this",
                                               "thread_local",  "throw",       "true",
                                               "try",           "typedef",     "typeid",
                                               "typename",      "union",       "unsigned",
                                               "using",         "virtual",     "void",
                                               "volatile",      "wchar_t",     "while",
                                               "xor",           "xor_eq"};
// keywords_from[c - 'a'] .. keywords_from[c - 'a' + 1]: the keywords that begin with c
inline constexpr auto keywords_from = [] {
    std::array<std::size_t, 27> from{};
    std::size_t k = 0;
    for (std::size_t c = 0; c < 26; ++c) {
        from[c] = k;
        while (k < std::size(cpp_keywords) && cpp_keywords[k][0] == static_cast<char>('a' + c))
            ++k;
    }
    from[26] = k;
    return from;
}();

static_assert(keywords_from[26] == std::size(cpp_keywords),
              "cpp_keywords must stay in alphabetical order of their first letters");

constexpr bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

// Whether the n characters at s are a C++ identifier that is not a keyword.
constexpr bool is_identifier(char const* s, std::size_t n) noexcept {
    if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (c >= '0' && c <= '9')))
            return false;
    }
    if (s[0] < 'a' || s[0] > 'z')
        return true;
    for (std::size_t w = keywords_from[s[0] - 'a']; w < keywords_from[s[0] - 'a' + 1]; ++w) {
        char const* k = cpp_keywords[w];
        std::size_t i = 0;
        while (i < n && k[i] == s[i]) // stops at k's '\0': the name has none (checked above)
            ++i;
        if (i == n && k[i] == '\0')
            return false;
    }
    return true;
}
constexpr bool is_identifier(std::string_view s) noexcept {
    return is_identifier(s.data(), s.size());
}

template <template <char...> class Template, fixed_string Name, std::size_t... I>
auto spell_as_chars(std::index_sequence<I...>) -> Template<Name.data[I]...>;

template <template <char...> class Template, fixed_string Name>
using spelled_as_chars =
    decltype(spell_as_chars<Template, Name>(std::make_index_sequence<Name.size()>{}));

} // namespace detail
} // namespace symdiff
