"""Draws what examples/train_mlp wrote: the loss curve and the decision boundary, as one PNG.

    python3 examples/plot_training.py [train_mlp_loss.csv] [out.png]

Reads LOSS.csv (epoch,loss,accuracy), LOSS_grid.csv (x0,x1,output on a grid) and LOSS_data.csv
(x0,x1,target), where LOSS is the first argument without `.csv`; writes out.png (default LOSS.png).
Needs matplotlib; without it, says so and exits 0 (nothing to draw is not an error).
"""

import csv
import pathlib
import sys


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {key: [float(row[key]) for row in rows] for key in rows[0]} if rows else {}


def main():
    loss_csv = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "train_mlp_loss.csv")
    stem = loss_csv.with_suffix("") if loss_csv.suffix == ".csv" else loss_csv
    png = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else stem.with_suffix(".png")
    try:
        import matplotlib
    except ImportError:
        print("plot_training: matplotlib is not installed; no picture drawn")
        return 0
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = read(loss_csv)
    grid = read(f"{stem}_grid.csv")
    data = read(f"{stem}_data.csv")

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    left.semilogy(curve["epoch"], curve["loss"])
    left.set_xlabel("epoch")
    left.set_ylabel("mean loss")
    left.set_title("loss per epoch")
    left.grid(True, which="both", alpha=0.3)

    # the grid is written row by row: x0 outer, x1 inner
    xs = sorted(set(grid["x0"]))
    ys = sorted(set(grid["x1"]))
    n0, n1 = len(xs), len(ys)
    z = [[grid["output"][i * n1 + j] for i in range(n0)] for j in range(n1)]
    filled = right.contourf(xs, ys, z, levels=20, cmap="RdBu", vmin=-1, vmax=1)
    right.contour(xs, ys, z, levels=[0], colors="k", linewidths=1.5)
    fig.colorbar(filled, ax=right, label="network output")
    colours = ["tab:blue" if t > 0 else "tab:red" for t in data["target"]]
    right.scatter(data["x0"], data["x1"], c=colours, edgecolors="k", s=30)
    right.set_xlabel("x0")
    right.set_ylabel("x1")
    right.set_title("decision boundary (output = 0)")
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    print(f"plot_training: wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
