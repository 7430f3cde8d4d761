"""Training data as written by `inkmath dataset` (features computed by the C++ core)."""
import json
import os
import subprocess

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "build", "native", "inkmath")


def data_dir():
    return os.environ.get("INKMATH_DATA", os.path.join(ROOT, "..", "shared", "data", "crohme"))


def make(prefix, paths, **options):
    """Runs the core's feature extractor over `paths`; returns (features, labels)."""
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
    return x, meta["labels"], meta
