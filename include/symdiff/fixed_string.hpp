#pragma once
// A string usable as a template argument: `var<"input">` carries its name in its type.

#include <algorithm>
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

// Keywords of C++20; a variable named like one could never be written as C++ by to_cpp.
inline constexpr std::string_view cpp_keywords[] = {
    "alignas",       "alignof",     "and",
    "and_eq",        "asm",         "auto",
    "bitand",        "bitor",       "bool",
    "break",         "case",        "catch",
    "char",          "char8_t",     "char16_t",
    "char32_t",      "class",       "compl",
    "concept",       "const",       "consteval",
    "constexpr",     "constinit",   "const_cast",
    "continue",      "co_await",    "co_return",
    "co_yield",      "decltype",    "default",
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

constexpr bool is_identifier_start(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
constexpr bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}
constexpr bool is_identifier_char(char c) noexcept {
    return is_identifier_start(c) || is_digit(c);
}

constexpr bool is_identifier(std::string_view s) noexcept {
    if (s.empty() || !is_identifier_start(s[0]))
        return false;
    for (char c : s)
        if (!is_identifier_char(c))
            return false;
    for (auto k : cpp_keywords)
        if (s == k)
            return false;
    return true;
}

// A name spelled as a character pack, `Template<'b', 'i', 'a', 's'>`: both compilers print that
// readably in diagnostics, where clang 14 prints a fixed_string argument as a list of numbers.
template <template <char...> class Template, fixed_string Name, std::size_t... I>
auto spell_as_chars(std::index_sequence<I...>) -> Template<Name.data[I]...>;

template <template <char...> class Template, fixed_string Name>
using spelled_as_chars =
    decltype(spell_as_chars<Template, Name>(std::make_index_sequence<Name.size()>{}));

} // namespace detail
} // namespace symdiff
