// Gradients by families at run time, where the reverse sweep (with g++, for doubles) stores two
// neighbouring derivatives of a row at once (store_pair in gradient.hpp): rows of odd and even
// length, rows of one element, a family's part after and before a single variable's in a
// std::tuple, two families' parts, a gradient by named variables only (a std::array), a Jacobian's
// rows. A pair stored at a row's last element would overwrite the next row's first one, which the
// sweep wrote before (rows later in the formula come earlier in the sweep): every element is
// compared. Values by hand: every number here is a small dyadic rational, exact in binary
// floating point (float included), so the derivatives, 2 s_j x_i and 2 s_j, are compared with ==
// against the same products computed here.

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
