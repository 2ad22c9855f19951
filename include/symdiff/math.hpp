// symdiff/math.hpp - constexpr elementary functions (umbrella header).
#pragma once

#include "symdiff/math/abs.hpp"
#include "symdiff/math/detail.hpp"
#include "symdiff/math/dispatch.hpp"
#include "symdiff/math/exp_log.hpp"
#include "symdiff/math/hyperbolic.hpp"
#include "symdiff/math/sqrt.hpp"
#include "symdiff/math/trig.hpp"
#include "symdiff/math/two_over_pi.hpp"
