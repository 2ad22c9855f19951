// Which names a variable, family or stage may have: C++ identifiers that are not keywords
// (detail::is_identifier, behind the static_asserts of var, vars, named and to_cpp). The keywords
// below are typed from the C++20 standard's table of keywords ([lex.key], table 5), not taken
// from the library.
#include <symdiff/symdiff.hpp>

#include <string_view>

using symdiff::detail::is_identifier;

constexpr std::string_view keywords[] = {
    "alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch", "char", "char8_t",
    "char16_t", "char32_t", "class", "concept", "const", "consteval", "constexpr", "constinit",
    "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false",
    "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
    "noexcept", "nullptr", "operator", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw",
    "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void",
    "volatile", "wchar_t", "while",
    // alternative tokens ([lex.key], table 6), reserved as well
    "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq", "xor", "xor_eq"};
static_assert(std::size(keywords) == 92);

constexpr bool no_keyword_is_a_name() {
    for (auto k : keywords)
        if (is_identifier(k))
            return false;
    return true;
}
static_assert(no_keyword_is_a_name());

// Names next to keywords: a prefix, a longer word, another case, a digit or _ more.
static_assert(is_identifier("i"));
static_assert(is_identifier("in"));
static_assert(is_identifier("intx"));
static_assert(is_identifier("int_"));
static_assert(is_identifier("Int"));
static_assert(is_identifier("INT"));
static_assert(is_identifier("do1"));
static_assert(is_identifier("d"));
static_assert(is_identifier("char16"));
static_assert(is_identifier("char64_t"));
static_assert(is_identifier("co_awaits"));
static_assert(is_identifier("xor_eq_"));
static_assert(is_identifier("whilst"));
static_assert(is_identifier("z"));
static_assert(is_identifier("zoo"));

// Identifiers: letters, digits and _, not beginning with a digit.
static_assert(is_identifier("x"));
static_assert(is_identifier("_"));
static_assert(is_identifier("_x1"));
static_assert(is_identifier("w10"));
static_assert(is_identifier("input"));
static_assert(is_identifier("Weight_2"));
static_assert(!is_identifier(""));
static_assert(!is_identifier("1x"));
static_assert(!is_identifier("0"));
static_assert(!is_identifier("x y"));
static_assert(!is_identifier("x-y"));
static_assert(!is_identifier("x.y"));
static_assert(!is_identifier("w[1]"));
static_assert(!is_identifier("\u00e9t\u00e9"));
static_assert(!is_identifier(std::string_view("x\0y", 3)));

// The same check, through the types that make it.
constexpr symdiff::var<"intx"> intx;
constexpr symdiff::var<"char16"> char16;
constexpr symdiff::vars<"do1", 2> do1;
static_assert(symdiff::to_string(intx + char16 + do1.at<1>()) == "char16 + do1[1] + intx");

int main() {}
