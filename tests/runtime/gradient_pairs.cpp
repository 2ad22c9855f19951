// Gradients by families at run time, where the reverse sweep (with g++, for doubles) stores two
// neighbouring derivatives of a row at once (store_pair in gradient.hpp): rows of odd and even
// length, rows of one element, a family's part after and before a single variable's in a
// std::tuple, two families' parts, a gradient by named variables only (a std::array), a Jacobian's
// rows. Every element is compared: a pair across two parts of a std::tuple, or stored before
// both its derivatives are final, writes a wrong value. (A pair across two rows of a family would
// not: the rows are contiguous, and the next row's first element would get its own value; the
// table of pairs is checked for that, at the end.) Values by hand: every number here is a small
// dyadic rational, exact in binary floating point (float included), so the derivatives, 2 s_j x_i,
// 2 s_j and (by x, whose elements have a parent in every row) sum_j 2 s_j w[j][i], are compared
// with == against the same sums and products computed here.

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

#include <catch2/catch.hpp>
#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;

namespace {

constexpr symdiff::var<"c"> c;

// L = sum_j (sum_i w[j][i] x[i] + b[j])^2 + c^2 over a J x I family w:
// d L / d w[j][i] = 2 s_j x[i], d L / d b[j] = 2 s_j, d L / d c = 2 c.
template <std::size_t J, std::size_t I>
struct layer {
    static constexpr symdiff::vars<"w", J, I> w{};
    static constexpr symdiff::vars<"x", I> x{};
    static constexpr symdiff::vars<"b", J> b{};
    static constexpr auto loss =
        symdiff::sum_over<J>([](auto j) {
            return pow(symdiff::sum_over<I>([&](auto i) { return w[j][i] * x[i]; }) + b[j], 2_c);
        }) +
        pow(c, 2_c);

    template <class T>
    struct point {
        std::array<std::array<T, I>, J> w;
        std::array<T, I> x;
        std::array<T, J> b;
        T c;
    };
    // w[j][i] = (j + 1) / 4 - i / 2, x[i] = (i % 3) - 1 / 2, b[j] = j / 8, c = 3 / 4
    template <class T>
    static point<T> sample() {
        point<T> p;
        for (std::size_t j = 0; j < J; ++j)
            for (std::size_t i = 0; i < I; ++i)
                p.w[j][i] = T(j + 1) / 4 - T(i) / 2;
        for (std::size_t i = 0; i < I; ++i)
            p.x[i] = T(i % 3) - T(0.5);
        for (std::size_t j = 0; j < J; ++j)
            p.b[j] = T(j) / 8;
        p.c = T(0.75);
        return p;
    }
    // 2 s_j by hand
    template <class T>
    static std::array<T, J> twice_s(point<T> const& p) {
        std::array<T, J> s;
        for (std::size_t j = 0; j < J; ++j) {
            T sum = p.b[j];
            for (std::size_t i = 0; i < I; ++i)
                sum += p.w[j][i] * p.x[i];
            s[j] = 2 * sum;
        }
        return s;
    }
    template <class T>
    static std::array<std::array<T, I>, J> d_w(point<T> const& p) {
        auto s = twice_s(p);
        std::array<std::array<T, I>, J> d;
        for (std::size_t j = 0; j < J; ++j)
            for (std::size_t i = 0; i < I; ++i)
                d[j][i] = s[j] * p.x[i];
        return d;
    }

    template <class T>
    static void check() {
        point<T> const p = sample<T>();
        auto const dw = d_w(p);
        auto const db = twice_s(p);
        T const dc = 2 * p.c;
        auto bind = [&](auto const& step) {
            return step(w = std::cref(p.w), x = std::cref(p.x), b = std::cref(p.b), c = p.c);
        };
        auto by_w = bind(symdiff::gradient(loss, w));
        STATIC_REQUIRE(std::is_same_v<decltype(by_w), std::array<std::array<T, I>, J>>);
        CHECK(by_w == dw);
        CHECK(bind(symdiff::gradient(loss, b)) == db);
        CHECK(bind(symdiff::gradient(loss, w, b)) == std::tuple{dw, db});
        CHECK(bind(symdiff::gradient(loss, b, w)) == std::tuple{db, dw});
        CHECK(bind(symdiff::gradient(loss, c, w)) == std::tuple{dc, dw});
        CHECK(bind(symdiff::gradient(loss, w, c, b)) == std::tuple{dw, dc, db});
        auto r = bind(symdiff::value_and_gradient(loss, c, w, b));
        CHECK(r.gradient == std::tuple{dc, dw, db});
        auto rows = bind(symdiff::jacobian(symdiff::outputs(loss, loss * 2_c), c, w));
        CHECK(rows[0] == std::tuple{dc, dw});
        auto const dw2 = [&] {
            auto d = dw;
            for (auto& row : d)
                for (auto& e : row)
                    e *= 2;
            return d;
        }();
        CHECK(rows[1] == std::tuple{2 * dc, dw2});
        // by x: d L / d x[i] = sum_j 2 s_j w[j][i], final after its last parent (row 0's product)
        std::array<T, I> dx{};
        for (std::size_t j = 0; j < J; ++j)
            for (std::size_t i = 0; i < I; ++i)
                dx[i] += db[j] * p.w[j][i];
        CHECK(bind(symdiff::gradient(loss, x)) == dx);
        CHECK(bind(symdiff::gradient(loss, w, x, c)) == std::tuple{dw, dx, dc});
    }
};

} // namespace

TEMPLATE_TEST_CASE("a family's rows of derivatives, every length and place", "[gradient]", double,
                   float, long double) {
    using T = TestType;
    SECTION("rows of 4") {
        layer<3, 4>::check<T>();
    }
    SECTION("rows of 3") {
        layer<3, 3>::check<T>();
    }
    SECTION("rows of 5") {
        layer<2, 5>::check<T>();
    }
    SECTION("rows of 1") {
        layer<4, 1>::check<T>();
    }
    SECTION("one row of 2") {
        layer<1, 2>::check<T>();
    }
    SECTION("one row of 7") {
        layer<1, 7>::check<T>();
    }
    SECTION("rows of 16") {
        layer<3, 16>::check<T>();
    }
}

TEMPLATE_TEST_CASE("a gradient by named variables only, an array of odd length", "[gradient]",
                   double, float, long double) {
    using T = TestType;
    constexpr symdiff::var<"p"> p;
    constexpr symdiff::var<"q"> q;
    constexpr symdiff::var<"r"> r;
    constexpr symdiff::var<"u"> u;
    constexpr symdiff::var<"v"> v;
    constexpr symdiff::vars<"a", 5> a;
    // f = (a0 p + a1 q + a2 r + a3 u + a4 v)^2: d f / d p = 2 s a0, ...
    constexpr auto f =
        pow(a.at<0>() * p + a.at<1>() * q + a.at<2>() * r + a.at<3>() * u + a.at<4>() * v, 2_c);
    std::array<T, 5> const av{T(0.5), T(-1.5), T(2), T(0.25), T(-4)};
    std::array<T, 5> const xs{T(1), T(0.5), T(-0.75), T(8), T(0.125)};
    T s = 0;
    for (std::size_t k = 0; k < 5; ++k)
        s += av[k] * xs[k];
    std::array<T, 5> want;
    for (std::size_t k = 0; k < 5; ++k)
        want[k] = 2 * s * av[k];
    auto g = symdiff::gradient(f, p, q, r, u, v)(a = std::cref(av), p = xs[0], q = xs[1], r = xs[2],
                                                 u = xs[3], v = xs[4]);
    STATIC_REQUIRE(std::is_same_v<decltype(g), std::array<T, 5>>);
    CHECK(g == want);
    auto g4 = symdiff::gradient(f, q, r, u, v)(a = std::cref(av), p = xs[0], q = xs[1], r = xs[2],
                                               u = xs[3], v = xs[4]);
    CHECK(g4 == std::array<T, 4>{want[1], want[2], want[3], want[4]});
}

TEST_CASE("which derivatives are stored together: within one row of one part", "[gradient]") {
    using symdiff::detail::pairs_of;
    constexpr symdiff::vars<"w", 3, 3> w3;
    constexpr symdiff::vars<"w", 2, 4> w4;
    constexpr symdiff::vars<"b", 5> b5;
    constexpr symdiff::var<"p"> p;
    constexpr symdiff::var<"q"> q;
    constexpr symdiff::var<"r"> r;
    auto pairs = [](auto const&... x) {
        return pairs_of<std::remove_cvref_t<decltype(x)>...>::with_next;
    };
    // rows of 3: w[j][0] with w[j][1], w[j][2] alone (its neighbour is the next row's)
    STATIC_REQUIRE(pairs(w3) == std::array<bool, 10>{true, false, false, true, false, false, true,
                                                     false, false, false});
    STATIC_REQUIRE(pairs(w4) ==
                   std::array<bool, 9>{true, false, true, false, true, false, true, false, false});
    // a variable first: its part has no neighbour, and the family's rows start after it
    STATIC_REQUIRE(pairs(p, w3) == std::array<bool, 11>{false, true, false, false, true, false,
                                                        false, true, false, false, false});
    // two families: b's 5 elements, then w's rows; the last of b is not paired with w[0][0]
    STATIC_REQUIRE(pairs(b5, w4) == std::array<bool, 14>{true, false, true, false, false, true,
                                                         false, true, false, true, false, true,
                                                         false, false});
    // variables only: one std::array, pairs from its first element
    STATIC_REQUIRE(pairs(p, q, r) == std::array<bool, 4>{true, false, false, false});
}
