"""Prints each benchmark's time as a ratio to the hand-written one of its group (the part of
the name before '/'), from Google Benchmark's JSON output."""

import json
import sys

data = json.load(open(sys.argv[1]))
# the medians of repetitions when there are some, else the single runs
rows = [b for b in data["benchmarks"] if b.get("aggregate_name") == "median"] or \
       [b for b in data["benchmarks"] if b.get("run_type", "iteration") == "iteration"]
for b in rows:
    b["name"] = b.get("run_name", b["name"])
# (repetitions run in random order: back to the order the cases were registered in)
rows.sort(key=lambda b: b.get("family_index", 0))
# paired blocks (paired.hpp): the case and hand-written alternating in one benchmark, whose
# counters are the ratio (median over the pairs) and both times per call
paired = [b for b in rows if "ratio" in b]
rows = [b for b in rows if "ratio" not in b]
base = {b["name"].split("/")[0]: b["cpu_time"] for b in rows if b["name"].endswith("/hand_written")}
print(f"{'benchmark':45} {'ns':>9} {'ratio':>7}")
for b in rows:
    group = b["name"].split("/")[0]
    ratio = b["cpu_time"] / base[group] if group in base else float("nan")
    print(f"{b['name']:45} {b['cpu_time']:9.2f} {ratio:7.2f}")
if paired:
    print()
    print("paired blocks of 1,000 calls, alternating (bench/paired.hpp): median ratio")
    print(f"{'benchmark':45} {'hand ns':>9} {'ns':>9} {'ratio':>7}")
    for b in paired:
        print(f"{b['name']:45} {b['hand_ns']:9.2f} {b['other_ns']:9.2f} {b['ratio']:7.3f}")
