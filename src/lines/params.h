// The settings of line splitting (Config's "lines.*").
#pragma once

namespace inkmath {

// Distances are in typical stroke sizes (the writer's scale), fractions of a height otherwise.
// Fitted on stacked train2014 expressions by scripts/fit-lines (the model file's "lines" part).
struct LineParams {
  bool split = false;           // read a page as written lines (a reading mode: one expression otherwise)
  double overlap = 0.4;         // tall strokes share a line when their heights overlap this much of the smaller one's
  double reach = 3.0;           // ... and at most this far apart sideways
  double near = 0.5;            // ink this close (box to box) is one line
  double tall = 0.6;            // strokes at least this tall make the lines; smaller ones join the nearest
  double space = 8.0;           // groups side by side share a line when at most this far apart sideways...
  double rise = 0.5;            // ... and this far apart in height
  double beside_overlap = 0.5;  // ... and overlapping sideways by at most this much of the narrower
  double bar_gap = 2.0;         // a fraction bar joins numerator and denominator this close to it
  double limit = 0.4;           // a group at most this much as tall as a stroke just above or below it...
  double limit_gap = 0.0;       // ... and this close to it is a limit or a script of that stroke's line
  double fragment = 16.0;       // a group narrower than this is part of a line...
  double attach = 0.5;          // ... and joins the nearest group when this close
  double sideways = 0.1;        // ... where a gap sideways counts this much of one in height
  double fragment_reach = 2.0;  // ... and ink further apart sideways than this does not count
  // Weights of the learned decision whether two groups the rules left apart are one line (a
  // logistic model over the features of GroupPair in lines.h; the groups are joined when the
  // sum is above 0). All 0: nothing is joined by it.
  struct Merge {
    double bias = -0.594855;
    double gap = -3.972988;             // vertical gap between the groups' boxes (negative: they overlap)
    double nearest = -0.992623;         // distance between their nearest strokes, box to box
    double beside = 0.179512;           // horizontal gap between the boxes (negative: they overlap)
    double narrow_width = 0.794676;     // log width of the narrower group
    double wide_width = 0.389186;       // log width of the wider group
    double narrow_height = -2.232251;   // log height of the narrower group
    double wide_height = 0.710065;      // log height of the wider group
    double inside_height = 2.0877;      // share of the narrower group's height within the wider's
    double inside_width = 0.279069;     // share of the narrower group's width within the wider's
    double tall_gap = 2.062357;         // vertical gap between their tall strokes' boxes
    double narrow_strokes = -0.22684;   // log of the narrower group's stroke count
  } merge;
};

}  // namespace inkmath
