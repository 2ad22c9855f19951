// The seed neuron's whole table, reproduced in constant evaluation.
// Reference values (with their signs) from the article "Single neuron gradients"; symbolic values
// agree to 1e-12 relative, faux gradients (forward differences) to 1e-9 relative.

#include <symdiff/symdiff.hpp>

using namespace symdiff::literals;
using symdiff::approx;
using symdiff::d;

constexpr symdiff::var<"input"> input;
constexpr symdiff::var<"weight"> weight;
constexpr symdiff::var<"bias"> bias;
constexpr symdiff::var<"target"> target;

constexpr auto net = symdiff::name<"net">(input * weight + bias);
constexpr auto output = symdiff::name<"output">(tanh(net));
constexpr auto error = symdiff::name<"error">(output - target);
constexpr auto loss = pow(error, 2_c) / 2_c;

constexpr auto p = symdiff::at(input = 0.4, weight = 0.5, bias = 0.6, target = 0.7);

// Row 2: forward values.
static_assert(approx(net(p), 0.8));
static_assert(approx(output(p), 0.664036770267849));
static_assert(approx(error(p), -0.035963229732151));
static_assert(approx(loss(p), 0.000646676946384, 1e-11)); // the table gives 12 digits

// Row 3: local gradients.
static_assert(approx(d(net, input)(p), 0.5));
static_assert(approx(d(net, weight)(p), 0.4));
static_assert(approx(d(net, bias)(p), 1.0));
static_assert(approx(d(output, net)(p), 0.559055167732244));
static_assert(approx(d(loss, output)(p), -0.035963229732151));

// Row 4: global gradients.
static_assert(approx(d(loss, input)(p), -0.010052714715050));
static_assert(approx(d(loss, weight)(p), -0.008042171772040));
static_assert(approx(d(loss, bias)(p), -0.020105429430101));
static_assert(approx(d(loss, net)(p), -0.020105429430101));
static_assert(approx(d(loss, output)(p), -0.035963229732151));

// Rows 6-10: faux gradients, nudging stages and variables by tiny = 0.0001.
static_assert(approx(symdiff::faux_derivative(loss, output, p), -0.035913229732146, 1e-9));
static_assert(approx(symdiff::faux_derivative(loss, net, p), -0.020088469318536, 1e-9));
static_assert(approx(symdiff::faux_derivative(loss, bias, p), -0.020088469318536, 1e-9));
static_assert(approx(symdiff::faux_derivative(loss, weight, p), -0.008039457952817, 1e-9));
static_assert(approx(symdiff::faux_derivative(loss, input, p), -0.010048474424961, 1e-9));

// The same by binding a stage: the article's "nudged net" row.
static_assert(approx((loss(p, net = 0.8001) - loss(p)) / 0.0001, -0.020088469318536, 1e-9));

// Symbolic against central differences.
static_assert(symdiff::check_gradient(loss, p, input, weight, bias, net, output));

// The article's program in single precision prints -0.0080 and -0.0201.
constexpr auto pf = symdiff::at(input = 0.4f, weight = 0.5f, bias = 0.6f, target = 0.7f);
static_assert(std::is_same_v<decltype(d(loss, weight)(pf)), float>);
static_assert(approx(d(loss, weight)(pf), -0.0080421718f, 1e-6));
static_assert(approx(d(loss, bias)(pf), -0.0201054294f, 1e-6));

// long double too.
constexpr auto pl = symdiff::at(input = 0.4L, weight = 0.5L, bias = 0.6L, target = 0.7L);
static_assert(approx(d(loss, weight)(pl), -0.008042171772040L, 1e-12L));

// The DESIGN's example, with only `net` named.
constexpr auto loss2 = pow(tanh(net) - target, 2_c) / 2_c;
constexpr auto dw = d(loss2, weight);
static_assert(approx(dw(p), -0.008042171772040));
static_assert(approx(symdiff::faux_derivative(loss2, weight, p), -0.008039457952817, 1e-9));
static_assert(symdiff::check_gradient(loss2, p, input, weight, bias));

int main() {}
