// Pages of several lines made from separate expressions of one writer, stacked top to bottom,
// for measuring how pages are split into lines (native tools and tests).
#pragma once
#include <random>
#include <string>
#include <vector>

#include "ink/ink.h"

namespace inkmath {

// The writer of a CROHME file, from its name: "103_em_7" -> "103_em", "rit_42100_3" ->
// "rit_42100", "formulaire001-equation002" -> "formulaire001", "2009210-947-12" -> "2009210-947",
// "101_Fabricio" -> "Fabricio"; "" when the name says nothing (MfrDB0001).
std::string writer_of(const std::string& name);

struct StackOptions {
  double gap_min = 0.5, gap_max = 1.5;  // between one line's box and the next, in stroke sizes
  double indent_max = 2.0;              // each line starts up to this far right, in stroke sizes
  double slant_degrees = 0;             // each line turns by up to this much either way
};

struct StackedPage {
  Ink ink;
  std::vector<std::vector<int>> lines;  // each expression's strokes in the page, top to bottom
};

// Scales each expression to the writer's stroke size, drops empty strokes and stacks them with
// gaps, indentation and slant drawn from rng.
StackedPage stack_lines(const std::vector<Ink>& expressions, double writer_size, std::mt19937& rng,
                        const StackOptions& options = {});

// The ink of some of a page's strokes, in their order (a line read alone).
Ink sub_ink(const Ink& page, const std::vector<int>& strokes);

struct NamedPage {
  std::string names;  // the expressions' file names, top to bottom
  StackedPage page;
};

// Reads the InkML files, groups them by writer (writer_of within one folder; files whose
// writer is unknown are left out) and stacks each writer's expressions into pages of 2 to 4
// lines at the writer's median stroke size. Files that cannot be read are counted in *failed
// and left out.
std::vector<NamedPage> writer_pages(const std::vector<std::string>& files, std::mt19937& rng,
                                    const StackOptions& options = {}, int* failed = nullptr);

// Groups of 2 to 4 (as far as they go; a writer's last expression joins the page before) of
// the indices 0..n-1, shuffled.
std::vector<std::vector<int>> page_groups(int n, std::mt19937& rng);

}  // namespace inkmath
