// The settings of refinement, the step between reading symbols and laying them out.
#pragma once

namespace inkmath {

struct RefineParams {
  // Dots of an ellipsis, between neighbouring centres in typical stroke sizes: on train2014's
  // \ldots, 99% of the horizontal steps are under 2.5 and of the vertical ones under 0.31.
  double ellipsis_step = 2.5;
  double ellipsis_rise = 0.4;
  // A '.' whose ink comes this close to another symbol's, in typical stroke sizes, is a tap of
  // that symbol (refine/taps.h); 0 keeps every '.'. On every 12th train2014 file (the language
  // model fitted without them): 60.8% exact at 0, 61.4% at 0.05, 61.6% at 0.1 and at 0.2.
  double tap_reach = 0.1;
  // The least classifier score of an alternative that the layout or the context may choose.
  double min_score = 0.05;
  // How much a symbol's size and place among its neighbours move its look-alikes' scores: the
  // power of the context likelihood (refine/context.h); 0 turns the step off. The model file's
  // settings choose it with the language weight (weights/README.md: 2 for the shipped model).
  double context_weight = 0.25;
};

}  // namespace inkmath
