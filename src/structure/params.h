// The settings of structure analysis. Spatial-relation thresholds are in units of the base's
// x-height; the defaults are the best expression rate on train2014's ground-truth symbols
// (scripts/fit-layout), and the model file's "layout" part holds the fitted values.
#pragma once

namespace inkmath {

struct LayoutParams {
  double superscript = 0.8;  // a symbol centred this far above the base's line is a superscript
  double subscript = 0.8;    // ... this far below is a subscript
  double box_weight = 0.5;   // symbol centre: 0 = centre of its own x-height band, 1 = centre of its box
  double size_weight = 1.0;  // 1: thresholds shrink in proportion to how much smaller than the base a symbol is
  double continuation = 0.3; // a symbol this close to the last script's line (in its x-heights) continues it
  bool learned = true;       // row or script between two letters or digits: the learned relation model
                             // (structure/relations.h) where the model file has one, else the thresholds above
  double weight = 0;         // weight of the ln P of the learned decisions in a whole reading's score: a
                             // reading whose symbols lay out surely scores better (pipeline/pipeline.cpp)
};

}  // namespace inkmath
