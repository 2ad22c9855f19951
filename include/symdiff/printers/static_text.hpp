#pragma once
// The string type printers return: fixed capacity, usable in constant expressions (constexpr
// std::string does not work with clang 14 + libstdc++ 12), converting to std::string and
// std::string_view and comparing equal to string literals.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include <symdiff/detail/list.hpp>
#include <symdiff/expression.hpp>

namespace symdiff {

// A string of at most N characters, usable in constant expressions.
template <std::size_t N>
struct static_text {
    char data[N + 1]{};
    std::size_t length = 0;

    constexpr void append(std::string_view s) {
        for (char c : s)
            data[length++] = c;
    }
    constexpr std::size_t size() const { return length; }
    constexpr char const* c_str() const { return data; }
    constexpr std::string_view view() const { return {data, length}; }
    constexpr operator std::string_view() const { return view(); }
    operator std::string() const { return std::string(view()); }
    std::string str() const { return std::string(view()); }

    friend constexpr bool operator==(static_text const& a, std::string_view b) {
        return a.view() == b;
    }
    template <std::size_t M>
    friend constexpr bool operator==(static_text const& a, static_text<M> const& b) {
        return a.view() == b.view();
    }
    friend std::ostream& operator<<(std::ostream& os, static_text const& t) {
        return os << t.view();
    }
};

namespace detail {

struct counting_sink {
    std::size_t size = 0;
    constexpr void append(std::string_view s) { size += s.size(); }
};
struct string_sink {
    std::string& out;
    void append(std::string_view s) { out.append(s); }
};

// Prints with Print(formula, sink): into a static_text sized by a first, counting pass when the
// formula has no stored numbers (then everything happens at compile time), else into a string.
template <class E, class Print>
constexpr auto render(E const& e, Print print) {
    if constexpr (is_stateless<E>) {
        constexpr std::size_t n = [] {
            counting_sink count;
            Print{}(E{}, count);
            return count.size;
        }();
        static_text<n> text;
        print(E{}, text);
        return text;
    } else {
        std::string text;
        string_sink sink{text};
        print(e, sink);
        return text;
    }
}

// The same for printers of several formulas at once, Print(list of formulas, sink).
template <class Print, class... E>
constexpr auto render_list(list<E...> const& formulas, Print print) {
    if constexpr ((is_stateless<E> && ...)) {
        constexpr std::size_t n = [] {
            counting_sink count;
            Print{}(list<E...>{}, count);
            return count.size;
        }();
        static_text<n> text;
        print(list<E...>{}, text);
        return text;
    } else {
        std::string text;
        string_sink sink{text};
        print(formulas, sink);
        return text;
    }
}

} // namespace detail
} // namespace symdiff
