// A small tanh network (2 inputs, 8 hidden units, 1 output) learns two half-moons or XOR by
// full-batch gradient descent with the gradient symdiff derived (examples/mlp_training.hpp).
//
//   train_mlp [data=moons|xor] [csv=train_mlp_loss.csv] [epochs=N] [rate=1] [seed=1] [every=K]
//
// data=moons (the default): 100 points on two interleaved half-moons, 1000 epochs by default;
// data=xor: the four corners of XOR, 200 epochs. Prints the mean loss every `every` epochs
// (default: epochs / 10) and the final accuracy, and exits 1 unless every sample is classified
// right. It writes
//   csv                        epoch,loss,accuracy for every epoch (the loss curve)
//   <csv without .csv>_grid.csv  x0,x1,output of the trained network on a 61 x 61 grid
//   <csv without .csv>_data.csv  x0,x1,target: the training samples
// examples/plot_training.py draws them (loss curve and decision boundary) as a PNG.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "mlp_training.hpp"

namespace mt = mlp_training;

namespace {

double parse(std::string const& text, char const* name) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
        std::fprintf(stderr, "train_mlp: %s: not a number: %s\n", name, text.c_str());
        std::exit(2);
    }
    return v;
}

std::ofstream open(std::string const& path) {
    std::ofstream file(path);
    if (!file) {
        std::fprintf(stderr, "train_mlp: cannot write %s\n", path.c_str());
        std::exit(1);
    }
    file.precision(17);
    return file;
}

} // namespace

int main(int argc, char** argv) {
    mt::settings s;
    int every = 0;
    std::string csv = "train_mlp_loss.csv", data_name = "moons";
    bool epochs_given = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        std::string key = arg.substr(0, eq),
                    text = eq == std::string::npos ? "" : arg.substr(eq + 1);
        if (key == "csv" && !text.empty())
            csv = text;
        else if (key == "data" && (text == "xor" || text == "moons"))
            data_name = text;
        else if (key == "epochs" && parse(text, "epochs") >= 1) {
            s.epochs = static_cast<int>(parse(text, "epochs"));
            epochs_given = true;
        } else if (key == "rate")
            s.rate = parse(text, "rate");
        else if (key == "seed" && parse(text, "seed") >= 0)
            s.seed = static_cast<std::uint64_t>(parse(text, "seed"));
        else if (key == "every" && parse(text, "every") >= 1)
            every = static_cast<int>(parse(text, "every"));
        else {
            std::fprintf(stderr, "usage: train_mlp [data=moons|xor] [csv=FILE] [epochs=N] "
                                 "[rate=X] [seed=N] [every=K]\n");
            return 2;
        }
    }
    bool is_xor = data_name == "xor";
    auto const data = is_xor ? mt::xor_data() : mt::moons_data();
    if (!epochs_given)
        s.epochs = is_xor ? 200 : 1000;
    if (every == 0)
        every = s.epochs >= 10 ? s.epochs / 10 : 1;
    std::string stem =
        csv.size() > 4 && csv.ends_with(".csv") ? csv.substr(0, csv.size() - 4) : csv;

    std::printf("A 2-8-1 tanh network learns %s (%zu samples): %d epochs of full-batch gradient "
                "descent, rate %g, seed %llu\n",
                is_xor ? "XOR" : "two half-moons", data.size(), s.epochs, s.rate,
                static_cast<unsigned long long>(s.seed));
    std::printf("  h_0  = %s  (h_1 ... h_7 alike)\n", symdiff::to_string(mt::h<0>.body).c_str());
    std::printf("  out  = %s\n", symdiff::to_string(mt::out.body).c_str());
    std::printf("  loss = %s\n", symdiff::to_string(mt::loss).c_str());
    // one derivative, the deepest: each printed derivative costs the compiler about a second
    std::printf("  d loss / d w[0][1] = %s\n\n",
                symdiff::to_string(symdiff::d(mt::loss, mt::w.at<0, 1>())).c_str());

    auto curve = open(csv);
    curve << "epoch,loss,accuracy\n";
    std::printf("%6s  %-12s  %s\n", "epoch", "mean loss", "accuracy");
    auto final = mt::train(s, data, [&](int e, double mean_loss, mt::parameters const& before) {
        double acc = mt::accuracy(before, data);
        curve << e << ',' << mean_loss << ',' << acc << '\n';
        if (e % every == 0 || e == s.epochs - 1)
            std::printf("%6d  %-12.6e  %5.1f %%\n", e, mean_loss, 100 * acc);
    });

    double acc = mt::accuracy(final, data);
    std::printf("\nAfter %d epochs: accuracy %.1f %% (%zu of %zu samples right)\n", s.epochs,
                100 * acc, static_cast<std::size_t>(acc * static_cast<double>(data.size()) + 0.5),
                data.size());
    if (is_xor)
        for (auto const& d : data)
            std::printf("  x = (%2g, %2g)  target %2g  output %+.4f\n", d.x0, d.x1, d.target,
                        mt::predict(final, d.x0, d.x1));

    // The network's output on a grid around the samples: the decision boundary is where it is 0.
    double lo0 = data[0].x0, hi0 = lo0, lo1 = data[0].x1, hi1 = lo1;
    for (auto const& d : data) {
        lo0 = std::min(lo0, d.x0), hi0 = std::max(hi0, d.x0);
        lo1 = std::min(lo1, d.x1), hi1 = std::max(hi1, d.x1);
    }
    auto grid = open(stem + "_grid.csv");
    grid << "x0,x1,output\n";
    constexpr int n = 60;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j) {
            double a = lo0 - 0.5 + (hi0 - lo0 + 1) * i / n;
            double b = lo1 - 0.5 + (hi1 - lo1 + 1) * j / n;
            grid << a << ',' << b << ',' << mt::predict(final, a, b) << '\n';
        }
    auto points = open(stem + "_data.csv");
    points << "x0,x1,target\n";
    for (auto const& d : data)
        points << d.x0 << ',' << d.x1 << ',' << d.target << '\n';
    std::printf("\nLoss curve: %s; network output on a grid: %s_grid.csv; samples: %s_data.csv\n"
                "(plot them: python3 examples/plot_training.py %s)\n",
                csv.c_str(), stem.c_str(), stem.c_str(), csv.c_str());
    return acc == 1.0 ? 0 : 1;
}
