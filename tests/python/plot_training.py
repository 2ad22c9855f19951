"""examples/train_mlp's files and examples/plot_training.py's picture.

Runs $SYMDIFF_BUILD_DIR/examples/train_mlp (XOR, and the default half-moons) with csv= in a
scratch directory, checks the three CSV files (the loss curve has one row per epoch and ends at
accuracy 1; the grid's output lies in (-1, 1) and has both signs; the samples are the data set),
then runs plot_training.py on them: with matplotlib it must write a PNG; with matplotlib made
unimportable it must say so and exit 0 without writing one.
"""

import csv
import os
import pathlib
import subprocess
import sys
import tempfile

build = pathlib.Path(os.environ["SYMDIFF_BUILD_DIR"])
source = pathlib.Path(os.environ.get("SYMDIFF_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
program = build / "examples" / "train_mlp"
script = source / "examples" / "plot_training.py"

problems = []


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def check(condition, message):
    if not condition:
        problems.append(message)


with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    for data, epochs, samples in (("xor", 200, 4), ("moons", 1000, 100)):
        loss_csv = scratch / f"{data}.csv"
        run = subprocess.run([str(program), f"data={data}", f"csv={loss_csv}"],
                             capture_output=True, text=True)
        check(run.returncode == 0, f"{data}: train_mlp exited with {run.returncode}: {run.stderr}")
        if run.returncode != 0:
            continue
        curve = rows(loss_csv)
        check(len(curve) == epochs, f"{data}: {len(curve)} loss rows, expected {epochs}")
        check([int(r["epoch"]) for r in curve] == list(range(epochs)), f"{data}: epochs not 0..{epochs - 1}")
        check(all(float(r["loss"]) > 0 for r in curve), f"{data}: a loss is not positive")
        check(float(curve[-1]["loss"]) < float(curve[0]["loss"]) / 10, f"{data}: the loss did not fall tenfold")
        check(float(curve[-1]["accuracy"]) == 1.0, f"{data}: final accuracy {curve[-1]['accuracy']}")

        grid = rows(scratch / f"{data}_grid.csv")
        check(len(grid) == 61 * 61, f"{data}: {len(grid)} grid rows, expected 61 * 61")
        outputs = [float(r["output"]) for r in grid]
        check(all(-1 < o < 1 for o in outputs), f"{data}: a grid output outside (-1, 1)")
        check(min(outputs) < 0 < max(outputs), f"{data}: the grid has no decision boundary")

        points = rows(scratch / f"{data}_data.csv")
        check(len(points) == samples, f"{data}: {len(points)} samples, expected {samples}")
        check(sorted({float(r["target"]) for r in points}) == [-1.0, 1.0], f"{data}: targets are not -1 and 1")

        png = scratch / f"{data}.png"
        run = subprocess.run([sys.executable, str(script), str(loss_csv), str(png)],
                             capture_output=True, text=True)
        check(run.returncode == 0, f"{data}: plot_training.py exited with {run.returncode}: {run.stderr}")
        check(png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{data}: no PNG written")

    # without matplotlib: a message, exit 0, no picture
    png = scratch / "without.png"
    hide = ("import runpy, sys; sys.modules['matplotlib'] = None; "
            f"sys.argv = [{str(script)!r}, {str(scratch / 'xor.csv')!r}, {str(png)!r}]; "
            f"runpy.run_path({str(script)!r}, run_name='__main__')")
    run = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True)
    check(run.returncode == 0, f"without matplotlib: exited with {run.returncode}: {run.stderr}")
    check("matplotlib is not installed" in run.stdout, f"without matplotlib: printed {run.stdout!r}")
    check(not png.exists(), "without matplotlib: a PNG was written")

for p in problems:
    print("FAIL:", p)
print(f"{len(problems)} problems")
sys.exit(1 if problems else 0)
