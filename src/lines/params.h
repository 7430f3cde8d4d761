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
  double bar_gap = 1.5;         // a fraction bar joins numerator and denominator this close to it
  double limit = 0.6;           // a group at most this much as tall as a stroke just above or below it...
  double limit_gap = 0.8;       // ... and this close to it is a limit or a script of that stroke's line
  double fragment = 8.0;        // a group narrower than this is part of a line...
  double attach = 0.5;          // ... and joins the nearest group when this close
  double sideways = 0.1;        // ... where a gap sideways counts this much of one in height
  double fragment_reach = 2.0;  // ... and ink further apart sideways than this does not count
};

}  // namespace inkmath
