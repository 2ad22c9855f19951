#pragma once
// Lists of types as hash tables: a type's position in a list, and the distinct types of a list,
// each found in a few steps of one constant evaluation (plan.hpp: the subformulas of a plan;
// bindings.hpp: the keys of an evaluation's bindings).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <type_traits>

#include <boost/mp11/list.hpp>

#include <symdiff/expression.hpp>
#include <symdiff/fixed_string.hpp>

namespace symdiff {
template <fixed_string Name, std::size_t... Shape>
struct vars;
template <class Family, std::size_t... I>
struct element;
} // namespace symdiff

namespace symdiff::detail {

// A number for each formula type, the same for the same type: a hash of its structure (its
// kind, its operands' numbers, its names and numbers). Types that it does not know get 0; equal
// numbers are told apart by the types' tags (type_tag), so a collision costs time, never a
// wrong answer. It lets a list of n types be deduplicated, and a type's position in it found,
// with a table of n numbers (type_table) instead of comparing each type with every other one.
// (Classes, whose numbers are an integral_constant base: g++ mangles the name of every variable
// and function template it instantiates and of every static data member, and these are
// instantiated for every subformula, some as long as the whole formula.)
using type_hash_t = unsigned long long;
constexpr type_hash_t hash_mix(type_hash_t h, type_hash_t v) {
    h = (h ^ v) * 0x100000001b3ULL;
    return h ^ (h >> 29);
}
constexpr type_hash_t hash_text(char const* s, std::size_t n, type_hash_t h) {
    for (std::size_t i = 0; i < n; ++i)
        h = hash_mix(h, static_cast<unsigned char>(s[i]));
    return h;
}
constexpr type_hash_t hash_all(type_hash_t h, std::initializer_list<type_hash_t> parts) {
    for (type_hash_t p : parts)
        h = hash_mix(h, p);
    return h;
}
template <class T>
struct type_hash : std::integral_constant<type_hash_t, 0> {};
template <class... T>
struct type_hash<sum<T...>>
    : std::integral_constant<type_hash_t, hash_all(1, {type_hash<T>::value...})> {};
template <class... T>
struct type_hash<product<T...>>
    : std::integral_constant<type_hash_t, hash_all(2, {type_hash<T>::value...})> {};
template <class B, class E>
struct type_hash<power<B, E>>
    : std::integral_constant<type_hash_t, hash_all(3, {type_hash<B>::value, type_hash<E>::value})> {
};
template <class F>
constexpr type_hash_t function_hash() {
    if constexpr (requires { F::name.size(); })
        return hash_text(F::name.data(), F::name.size(), 4);
    else
        return 4;
}
template <class F, class A>
struct type_hash<symdiff::apply<F, A>>
    : std::integral_constant<type_hash_t, hash_mix(function_hash<F>(), type_hash<A>::value)> {};
template <fixed_string N>
struct type_hash<var<N>> : std::integral_constant<type_hash_t, hash_text(N.data, N.size(), 5)> {};
template <fixed_string N, class B>
struct type_hash<named<N, B>>
    : std::integral_constant<type_hash_t,
                             hash_mix(hash_text(N.data, N.size(), 6), type_hash<B>::value)> {};
template <fixed_string N, std::size_t... S>
struct type_hash<vars<N, S...>>
    : std::integral_constant<type_hash_t, hash_all(hash_text(N.data, N.size(), 7), {S...})> {};
template <class Family, std::size_t... I>
struct type_hash<element<Family, I...>>
    : std::integral_constant<type_hash_t, hash_all(hash_mix(8, type_hash<Family>::value), {I...})> {
};
template <std::intmax_t N, std::intmax_t D>
struct type_hash<constant<N, D>>
    : std::integral_constant<type_hash_t, hash_all(9, {static_cast<type_hash_t>(N),
                                                       static_cast<type_hash_t>(D)})> {};

// Internal linkage, as the evaluation machinery (see "Internal linkage" in gradient.hpp): g++
// names every variable it instantiates with external linkage, and the tags, tables and their
// build functions are named by their types (780 tags, 6 tables of 21,000-27,000 characters each
// for the 256-input chain's gradient). These are only used in constant evaluation, so with
// internal linkage none of them is named.
namespace {

// One variable per type, whose address tells types apart in a constant expression.
template <class T>
inline constexpr char type_tag = 0;

// A slot of a type_table: the type at position `at` of the list, its number and tag.
struct type_slot {
    type_hash_t hash = 0;
    void const* tag = nullptr;
    std::size_t at = 0;
    bool used = false;
};
constexpr std::size_t type_table_size(std::size_t n) {
    std::size_t m = 16;
    while (m < 2 * n)
        m *= 2;
    return m;
}
// The slot of the type with this number and tag in a table of `mask + 1` slots: its own, or
// the empty slot where it would go.
constexpr std::size_t type_slot_of(type_slot const* slot, std::size_t mask, type_hash_t hash,
                                   void const* tag) {
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (slot[i].used && slot[i].tag != tag)
        i = (i + 1) & mask;
    return i;
}
// The types T... in an open-addressing hash table (type_hash, type_tag), built in one constant
// evaluation of O(n) steps: slot[] (each distinct type at its first position) and first[k], the
// type at k does not appear before. (A comparison of each type with all the ones before it was
// O(n^2) steps: for the 256-input neuron's ~1,000 subformulas, 220 MB and about 2 s of g++'s
// time, in blocks of 64 positions because clang 14 stops a constant evaluation at 1M steps.)
// The tables are plain arrays in a struct: read through std::array's operator[] in every
// position's template argument, such flags cost g++ 18 s more for the 256-input neuron.
// (size and mask are enumerators, not static data members: g++ mangles the name of each such
// member, which spells the whole list.)
template <class... T>
struct type_table {
    enum : std::size_t { size = sizeof...(T), mask = type_table_size(size) - 1 };
    static constexpr auto build() {
        constexpr type_hash_t hash[] = {type_hash<T>::value..., 0};
        constexpr void const* tag[] = {&type_tag<T>..., nullptr};
        struct {
            type_slot slot[mask + 1];
            bool first[size + 1];
        } t{};
        for (std::size_t k = 0; k < size; ++k) {
            std::size_t const i = type_slot_of(t.slot, mask, hash[k], tag[k]);
            if (!t.slot[i].used) {
                t.slot[i] = {hash[k], tag[k], k, true};
                t.first[k] = true;
            }
        }
        return t;
    }
    static constexpr auto value = build();
};
template <class L>
struct type_table_for;
template <class... T>
struct type_table_for<boost::mp11::mp_list<T...>> {
    using type = type_table<T...>;
};
// The position of the type with this number and tag in a type_table's list, or std::size_t(-1).
// (Not a function template per type: g++ would mangle one name per type, each spelling the list.)
constexpr std::size_t type_position(type_slot const* slot, std::size_t mask, type_hash_t hash,
                                    void const* tag) {
    type_slot const& s = slot[type_slot_of(slot, mask, hash, tag)];
    return s.used ? s.at : static_cast<std::size_t>(-1);
}

} // namespace

// The position of the first T in the type_table Table's list, or std::size_t(-1), as a type (see
// position_t in plan.hpp).
template <class Table, class T>
using table_position_t =
    std::integral_constant<std::size_t, type_position(Table::value.slot, Table::mask,
                                                      type_hash<T>::value, &type_tag<T>)>;

} // namespace symdiff::detail
