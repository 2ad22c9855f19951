#pragma once
// The printers: text (`to_string`, `operator<<`) and LaTeX (`to_latex`). See printers/.

#include <symdiff/printers/latex.hpp>
#include <symdiff/printers/text.hpp>
