// Paired blocks: a second measure of a case's ratio to the hand-written code, made in a way that
// a drift of the machine's speed cancels out of.
//
// Google Benchmark times each case on its own for about half a second per repetition; even with
// the repetitions in random order, a case can run while the machine is slow and its partner
// while it is fast (on the shared 2-core machines of this project, the same binary's hand-written
// MLP read 91.8, 117 and 136 ns within minutes). Here one benchmark runs both: each iteration is
// a pair of blocks of `calls` consecutive calls, one of the hand-written code and one of the other
// (which one first alternates from pair to pair), each block timed with std::chrono::steady_clock.
// A block of 1,000 calls lasts 50-200 microseconds, so the two blocks of a pair see nearly the
// same machine. Reported as user counters: `ratio`, the median over the pairs of the other
// block's time per call over the hand-written block's; `hand_ns` and `other_ns`, the mean times
// per call. (The benchmark's own time is that of both and means nothing.) ratios.py prints them.

#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

#include <benchmark/benchmark.h>

namespace paired {

// ns per call of n calls of step()
template <class Step>
double block(Step& step, int n) {
    auto const start = std::chrono::steady_clock::now();
    for (int k = 0; k < n; ++k)
        step();
    return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start)
               .count() /
           n;
}

// The benchmark's body: Hand and Other are the per-call steps (a call with the benchmark's
// inputs and the data dependence between calls, as the case's own benchmark makes it).
template <class Hand, class Other>
void run(benchmark::State& state, Hand hand, Other other, int calls = 1000) {
    std::vector<double> ratio;
    double hand_total = 0, other_total = 0;
    bool hand_first = true;
    for (auto _ : state) {
        double h, o;
        if (hand_first) {
            h = block(hand, calls);
            o = block(other, calls);
        } else {
            o = block(other, calls);
            h = block(hand, calls);
        }
        hand_first = !hand_first;
        ratio.push_back(o / h);
        hand_total += h;
        other_total += o;
    }
    if (ratio.empty())
        return;
    auto middle = ratio.begin() + static_cast<std::ptrdiff_t>(ratio.size() / 2);
    std::nth_element(ratio.begin(), middle, ratio.end());
    double const pairs = static_cast<double>(ratio.size());
    state.counters["ratio"] = *middle;
    state.counters["hand_ns"] = hand_total / pairs;
    state.counters["other_ns"] = other_total / pairs;
}

// What a step does to its inputs and result around each call: their addresses escape into an
// empty asm statement that may read and write all memory, so the compiler can neither fold the
// inputs nor drop the result. (Not benchmark::DoNotOptimize: Google Benchmark 1.7's "+m,r"
// operand on a double member miscompiles with g++ 12, GCC bug 92597, google/benchmark#903: a
// step holding its inputs as members passed garbage to the call, and its times meant nothing.)
template <class T>
inline void touch(T& v) {
    asm volatile("" : : "r"(&v) : "memory");
}

// The paired benchmark of Other against Hand (steps: default-constructible, called with no
// arguments).
template <class Hand, class Other>
void pairs(benchmark::State& state) {
    run(state, Hand{}, Other{});
}

} // namespace paired
