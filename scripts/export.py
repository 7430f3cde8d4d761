#!/usr/bin/python3
"""Writes a trained model.pt as the weight file the C++ core reads (format: src/nn/weights_file.h),
plus a parity fixture: inputs and the logits PyTorch computes for them, which a C++ test checks.

  scripts/export.py build/train/model.pt weights/inkmath.bin
"""
import json
import os
import struct
import sys
import zlib

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import SymbolNet  # noqa: E402

VERSION = 1


def tensors(net):
    """The tensors in file order: per layer forward then backward (w_ih, w_hh, b_ih + b_hh); then dense (w, b)."""
    state = net.state_dict()
    for layer in range(net.config["layers"]):
        for suffix in ("", "_reverse"):
            name = f"l{layer}{suffix}"
            yield state[f"lstm.weight_ih_{name}"]
            yield state[f"lstm.weight_hh_{name}"]
            yield state[f"lstm.bias_ih_{name}"] + state[f"lstm.bias_hh_{name}"]
    for layer in net.dense:
        yield layer.weight
        yield layer.bias


def export(checkpoint, weights_path):
    saved = torch.load(checkpoint)
    net = SymbolNet(**saved["config"])
    net.load_state_dict(saved["state"])
    net.eval()
    c = saved["config"]
    meta = {"classes": saved["classes"], "features": saved["features"], "points": saved["points"],
            "training": saved.get("training", {})}
    header = json.dumps({"input": c["inputs"], "lstm": [{"hidden": c["hidden"]}] * c["layers"],
                         "dense": list(c["dense"]) + [c["classes"]], "meta": meta}).encode()
    body = b"INKM" + struct.pack("<II", VERSION, len(header)) + header
    body += b"".join(t.detach().float().contiguous().numpy().astype("<f4").tobytes() for t in tensors(net))
    os.makedirs(os.path.dirname(os.path.abspath(weights_path)), exist_ok=True)
    with open(weights_path, "wb") as f:
        f.write(body + struct.pack("<I", zlib.crc32(body)))

    generator = torch.Generator().manual_seed(7)
    inputs = torch.rand(4, saved["points"], c["inputs"], generator=generator) * 2 - 1
    with torch.no_grad():
        logits = net(inputs)
    with open(parity_path(weights_path), "w") as f:
        json.dump({"inputs": inputs.tolist(), "logits": logits.tolist()}, f)
    print(f"wrote {weights_path} ({len(body) + 4} bytes) and {parity_path(weights_path)}")


def parity_path(weights_path):
    return os.path.splitext(weights_path)[0] + ".parity.json"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    export(sys.argv[1], sys.argv[2])
