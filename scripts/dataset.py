"""Training data as written by `inkmath dataset` (features computed by the C++ core)."""
import json
import os
import subprocess
import zlib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("INKMATH_BIN", os.path.join(ROOT, "build", "native", "inkmath"))


def data_dir():
    return os.environ.get("INKMATH_DATA", os.path.join(ROOT, "..", "shared", "data", "crohme"))


def make(prefix, paths, **options):
    """Runs the core's feature extractor over `paths`; returns (features, labels, meta), with
    meta["glyphs"] the rendered glyphs (count x side*side) when asked for with glyphs=1."""
    if not os.path.exists(CLI):
        raise SystemExit(f"{CLI} not found: run scripts/build first")
    args = [CLI, "dataset", "--out", prefix]
    for key, value in options.items():
        args += [f"--{key}", str(value)]
    subprocess.run(args + list(paths), check=True)
    return load(prefix)


def load(prefix):
    with open(prefix + ".json") as f:
        meta = json.load(f)
    x = np.fromfile(prefix + ".f32", dtype=np.float32)
    x = x.reshape(meta["count"], meta["points"], meta["feature_count"])
    side = meta.get("glyph_side", 0)
    if side:
        meta["glyphs"] = np.fromfile(prefix + ".glyphs.f32", dtype=np.float32).reshape(meta["count"], side * side)
    return x, meta["labels"], meta


def hold_out(files, every=20):
    """About one file in `every` of a list, chosen by a hash of its name (the same on every
    machine and run): kept out of training, to fit what must not be fitted on the training
    data (the temperature, the look-alike table)."""
    return [f for f in files if zlib.crc32(os.path.basename(f).encode()) % every == 0]
