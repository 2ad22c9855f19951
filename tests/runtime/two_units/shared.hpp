#pragma once
// Shared by the two translation units of runtime/two_units.cpp: inline functions that evaluate
// and differentiate symdiff formulas, each compiled in both units. symdiff's evaluation
// machinery has internal linkage (docs/guide.md, "Choices where the design was silent"): each
// unit has its own copy, and the program must still link and give the same numbers.
// The seed neuron is the example's (examples/neuron_training.hpp), named stages included.
// The 33-input neuron below has 68 bindings, more than evaluate's plan threshold (64), so both
// ways of evaluating one formula are used. (The declarations and the chain were written out by
// a script: 33 named inputs and weights.)

#include <array>

#include <symdiff/symdiff.hpp>

#include "../../../examples/neuron_training.hpp" // the seed neuron, with named stages

namespace two_units {
using namespace symdiff::literals;

// value, d/dweight, d/dbias of the seed neuron's loss (the example's value_and_gradient object)
inline std::array<double, 3> seed(double i, double w, double b, double t) {
    using namespace neuron_training;
    auto r = loss_and_gradient(input = i, weight = w, bias = b, target = t);
    return {r.value, r.gradient[0], r.gradient[1]};
}

inline constexpr symdiff::var<"x0"> x0;
inline constexpr symdiff::var<"w0"> w0;
inline constexpr symdiff::var<"x1"> x1;
inline constexpr symdiff::var<"w1"> w1;
inline constexpr symdiff::var<"x2"> x2;
inline constexpr symdiff::var<"w2"> w2;
inline constexpr symdiff::var<"x3"> x3;
inline constexpr symdiff::var<"w3"> w3;
inline constexpr symdiff::var<"x4"> x4;
inline constexpr symdiff::var<"w4"> w4;
inline constexpr symdiff::var<"x5"> x5;
inline constexpr symdiff::var<"w5"> w5;
inline constexpr symdiff::var<"x6"> x6;
inline constexpr symdiff::var<"w6"> w6;
inline constexpr symdiff::var<"x7"> x7;
inline constexpr symdiff::var<"w7"> w7;
inline constexpr symdiff::var<"x8"> x8;
inline constexpr symdiff::var<"w8"> w8;
inline constexpr symdiff::var<"x9"> x9;
inline constexpr symdiff::var<"w9"> w9;
inline constexpr symdiff::var<"x10"> x10;
inline constexpr symdiff::var<"w10"> w10;
inline constexpr symdiff::var<"x11"> x11;
inline constexpr symdiff::var<"w11"> w11;
inline constexpr symdiff::var<"x12"> x12;
inline constexpr symdiff::var<"w12"> w12;
inline constexpr symdiff::var<"x13"> x13;
inline constexpr symdiff::var<"w13"> w13;
inline constexpr symdiff::var<"x14"> x14;
inline constexpr symdiff::var<"w14"> w14;
inline constexpr symdiff::var<"x15"> x15;
inline constexpr symdiff::var<"w15"> w15;
inline constexpr symdiff::var<"x16"> x16;
inline constexpr symdiff::var<"w16"> w16;
inline constexpr symdiff::var<"x17"> x17;
inline constexpr symdiff::var<"w17"> w17;
inline constexpr symdiff::var<"x18"> x18;
inline constexpr symdiff::var<"w18"> w18;
inline constexpr symdiff::var<"x19"> x19;
inline constexpr symdiff::var<"w19"> w19;
inline constexpr symdiff::var<"x20"> x20;
inline constexpr symdiff::var<"w20"> w20;
inline constexpr symdiff::var<"x21"> x21;
inline constexpr symdiff::var<"w21"> w21;
inline constexpr symdiff::var<"x22"> x22;
inline constexpr symdiff::var<"w22"> w22;
inline constexpr symdiff::var<"x23"> x23;
inline constexpr symdiff::var<"w23"> w23;
inline constexpr symdiff::var<"x24"> x24;
inline constexpr symdiff::var<"w24"> w24;
inline constexpr symdiff::var<"x25"> x25;
inline constexpr symdiff::var<"w25"> w25;
inline constexpr symdiff::var<"x26"> x26;
inline constexpr symdiff::var<"w26"> w26;
inline constexpr symdiff::var<"x27"> x27;
inline constexpr symdiff::var<"w27"> w27;
inline constexpr symdiff::var<"x28"> x28;
inline constexpr symdiff::var<"w28"> w28;
inline constexpr symdiff::var<"x29"> x29;
inline constexpr symdiff::var<"w29"> w29;
inline constexpr symdiff::var<"x30"> x30;
inline constexpr symdiff::var<"w30"> w30;
inline constexpr symdiff::var<"x31"> x31;
inline constexpr symdiff::var<"w31"> w31;
inline constexpr symdiff::var<"x32"> x32;
inline constexpr symdiff::var<"w32"> w32;
inline constexpr symdiff::var<"b"> b;
inline constexpr symdiff::var<"t"> t;
inline constexpr auto wide_loss =
    pow(tanh(x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3 + x4 * w4 + x5 * w5 + x6 * w6 + x7 * w7 +
             x8 * w8 + x9 * w9 + x10 * w10 + x11 * w11 + x12 * w12 + x13 * w13 + x14 * w14 +
             x15 * w15 + x16 * w16 + x17 * w17 + x18 * w18 + x19 * w19 + x20 * w20 + x21 * w21 +
             x22 * w22 + x23 * w23 + x24 * w24 + x25 * w25 + x26 * w26 + x27 * w27 + x28 * w28 +
             x29 * w29 + x30 * w30 + x31 * w31 + x32 * w32 + b) -
            t,
        2_c) /
    2_c;

inline constexpr std::size_t inputs = 33;
using vector = std::array<double, inputs>;

// the loss by evaluation (68 bindings: through a plan), then its value and gradient by the
// weights and b
inline double wide_value(vector const& x, vector const& w, double bv, double tv) {
    return wide_loss(x0 = x[0], w0 = w[0], x1 = x[1], w1 = w[1], x2 = x[2], w2 = w[2], x3 = x[3],
                     w3 = w[3], x4 = x[4], w4 = w[4], x5 = x[5], w5 = w[5], x6 = x[6], w6 = w[6],
                     x7 = x[7], w7 = w[7], x8 = x[8], w8 = w[8], x9 = x[9], w9 = w[9], x10 = x[10],
                     w10 = w[10], x11 = x[11], w11 = w[11], x12 = x[12], w12 = w[12], x13 = x[13],
                     w13 = w[13], x14 = x[14], w14 = w[14], x15 = x[15], w15 = w[15], x16 = x[16],
                     w16 = w[16], x17 = x[17], w17 = w[17], x18 = x[18], w18 = w[18], x19 = x[19],
                     w19 = w[19], x20 = x[20], w20 = w[20], x21 = x[21], w21 = w[21], x22 = x[22],
                     w22 = w[22], x23 = x[23], w23 = w[23], x24 = x[24], w24 = w[24], x25 = x[25],
                     w25 = w[25], x26 = x[26], w26 = w[26], x27 = x[27], w27 = w[27], x28 = x[28],
                     w28 = w[28], x29 = x[29], w29 = w[29], x30 = x[30], w30 = w[30], x31 = x[31],
                     w31 = w[31], x32 = x[32], w32 = w[32], b = bv, t = tv);
}
inline std::array<double, inputs + 2> wide_gradient(vector const& x, vector const& w, double bv,
                                                    double tv) {
    auto r = symdiff::value_and_gradient(wide_loss, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10,
                                         w11, w12, w13, w14, w15, w16, w17, w18, w19, w20, w21, w22,
                                         w23, w24, w25, w26, w27, w28, w29, w30, w31, w32, b)(
        x0 = x[0], w0 = w[0], x1 = x[1], w1 = w[1], x2 = x[2], w2 = w[2], x3 = x[3], w3 = w[3],
        x4 = x[4], w4 = w[4], x5 = x[5], w5 = w[5], x6 = x[6], w6 = w[6], x7 = x[7], w7 = w[7],
        x8 = x[8], w8 = w[8], x9 = x[9], w9 = w[9], x10 = x[10], w10 = w[10], x11 = x[11],
        w11 = w[11], x12 = x[12], w12 = w[12], x13 = x[13], w13 = w[13], x14 = x[14], w14 = w[14],
        x15 = x[15], w15 = w[15], x16 = x[16], w16 = w[16], x17 = x[17], w17 = w[17], x18 = x[18],
        w18 = w[18], x19 = x[19], w19 = w[19], x20 = x[20], w20 = w[20], x21 = x[21], w21 = w[21],
        x22 = x[22], w22 = w[22], x23 = x[23], w23 = w[23], x24 = x[24], w24 = w[24], x25 = x[25],
        w25 = w[25], x26 = x[26], w26 = w[26], x27 = x[27], w27 = w[27], x28 = x[28], w28 = w[28],
        x29 = x[29], w29 = w[29], x30 = x[30], w30 = w[30], x31 = x[31], w31 = w[31], x32 = x[32],
        w32 = w[32], b = bv, t = tv);
    std::array<double, inputs + 2> out{r.value};
    for (std::size_t k = 0; k < inputs + 1; ++k)
        out[k + 1] = r.gradient[k];
    return out;
}

// the same functions, called in the other unit (two_units/other.cpp)
std::array<double, 3> seed_in_other_unit(double i, double w, double b, double t);
double wide_value_in_other_unit(vector const& x, vector const& w, double bv, double tv);
std::array<double, inputs + 2> wide_gradient_in_other_unit(vector const& x, vector const& w,
                                                           double bv, double tv);

} // namespace two_units
