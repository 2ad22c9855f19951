#pragma once
// The printers: text (`to_string`, `operator<<`), LaTeX (`to_latex`), C++ (`to_cpp`),
// Graphviz (`to_dot`).
// See printers/.

#include <symdiff/printers/cpp.hpp>
#include <symdiff/printers/dot.hpp>
#include <symdiff/printers/latex.hpp>
#include <symdiff/printers/text.hpp>
