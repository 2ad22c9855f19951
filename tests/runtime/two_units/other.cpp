// The second translation unit of runtime/two_units.cpp: the shared inline functions, called here.
#include "shared.hpp"

namespace two_units {
std::array<double, 3> seed_in_other_unit(double i, double w, double b, double t) {
    return seed(i, w, b, t);
}
double wide_value_in_other_unit(vector const& x, vector const& w, double bv, double tv) {
    return wide_value(x, w, bv, tv);
}
std::array<double, inputs + 2> wide_gradient_in_other_unit(vector const& x, vector const& w,
                                                           double bv, double tv) {
    return wide_gradient(x, w, bv, tv);
}
} // namespace two_units
