// Stroke preprocessing: turns raw pen samples of one symbol into a clean, size-independent
// polyline with a fixed number of evenly spaced points.
#pragma once
#include <vector>

#include "ink/ink.h"

namespace inkmath {

// Drops consecutive points at the same position (pens repeat samples when held still).
Stroke remove_duplicates(const Stroke& s);

// 3-point moving average; endpoints stay where the pen touched down and lifted.
Stroke smooth(const Stroke& s);

// Moves the strokes' bounding box to be centred on 0 and scales its larger side to 2,
// keeping the aspect ratio (a '-' stays flat, a '1' stays tall).
std::vector<Stroke> normalize_size(const std::vector<Stroke>& strokes);

// Resamples to `total` points spaced evenly by arc length, shared between strokes in
// proportion to their length (every stroke keeps at least one point).
std::vector<Stroke> resample(const std::vector<Stroke>& strokes, int total);

// The whole chain, as used for classification.
std::vector<Stroke> preprocess(const std::vector<Stroke>& strokes, int total_points);

}  // namespace inkmath
