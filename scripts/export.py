#!/usr/bin/python3
"""Writes a trained model.pt as the weight file the C++ core reads (format: src/nn/weights_file.h),
plus a parity fixture: inputs and the logits PyTorch computes for them with the weights as
stored, which a C++ test checks, and the logits of the float weights, to measure what storing
them as half floats changes.

  scripts/export.py [--float] build/train/model.pt weights/inkmath.bin
"""
import json
import os
import struct
import sys
import zlib

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import SymbolNet  # noqa: E402

VERSION = 2


def tensors(net):
    """The tensors in file order: per layer forward then backward (w_ih, w_hh, b_ih + b_hh); then dense (w, b)."""
    state = net.state_dict()
    for layer in range(net.config["layers"]):
        for suffix in ("", "_reverse"):
            name = f"l{layer}{suffix}"
            yield state[f"lstm.weight_ih_{name}"]
            yield state[f"lstm.weight_hh_{name}"]
            yield state[f"lstm.bias_ih_{name}"] + state[f"lstm.bias_hh_{name}"]
    for layer in net.conv:
        yield layer.weight.flatten(1)
        yield layer.bias
    for layer in net.dense:
        yield layer.weight
        yield layer.bias


def read(weights_path):
    """A weight file's header and its tensors, in file order (as float32 numpy arrays, flat)."""
    import numpy as np
    data = open(weights_path, "rb").read()
    if data[:4] == b"INKC":
        # A model file: its classifier part, as the core's `inkmath model --part` gives it.
        import subprocess
        from dataset import CLI
        data = subprocess.run([CLI, "model", "--weights", weights_path, "--part", "classifier"],
                              check=True, capture_output=True).stdout
    version, size = struct.unpack("<II", data[4:12])
    header = json.loads(data[12:12 + size])
    dtype = "<f2" if header.get("tensors") == "f16" else "<f4"
    values = np.frombuffer(data[12 + size:-4], dtype=dtype).astype(np.float32)
    return header, values


def start_from(net, weights_path, contents=None):
    """Loads a weight file's LSTM and dense layers into net (of the file's sizes); the columns
    of the first dense layer that read the offline view start at 0, so that the network begins
    as the file's. contents: what read(weights_path) gave, when the caller has it. Returns the
    file's meta."""
    header, values = contents or read(weights_path)
    taken = 0

    def take(shape):
        nonlocal taken
        n = int(torch.Size(shape).numel())
        if taken + n > len(values):
            raise SystemExit(f"{weights_path}: its layers do not fit this network")
        taken += n
        return torch.from_numpy(values[taken - n:taken].copy()).reshape(shape)

    with torch.no_grad():
        for layer in range(net.config["layers"]):
            for suffix in ("", "_reverse"):
                name = f"l{layer}{suffix}"
                for part in ("weight_ih", "weight_hh"):
                    p = getattr(net.lstm, f"{part}_{name}")
                    p.copy_(take(p.shape))
                getattr(net.lstm, f"bias_ih_{name}").copy_(take(getattr(net.lstm, f"bias_ih_{name}").shape))
                getattr(net.lstm, f"bias_hh_{name}").zero_()
        if header.get("glyph"):
            for layer in net.conv:
                layer.weight.copy_(take((layer.weight.shape[0], layer.weight[0].numel())).reshape(layer.weight.shape))
                layer.bias.copy_(take(layer.bias.shape))
        for i, layer in enumerate(net.dense):
            if i == 0 and len(net.conv) and not header.get("glyph"):
                pooled = 4 * net.config["hidden"]
                layer.weight.zero_()
                layer.weight[:, :pooled] = take((layer.weight.shape[0], pooled))
            else:
                layer.weight.copy_(take(layer.weight.shape))
            layer.bias.copy_(take(layer.bias.shape))
    if taken != len(values):
        raise SystemExit(f"{weights_path}: its layers do not fit this network")
    return header["meta"]


def export(checkpoint, weights_path, half=True):
    saved = torch.load(checkpoint, weights_only=False)  # our own file: config and history beside the tensors
    c = {"glyph": 0, "conv": [], "group": 0, **saved["config"]}
    net = SymbolNet(**c)
    net.load_state_dict(saved["state"])
    net.eval()
    meta = {"classes": saved["classes"], "features": saved["features"], "points": saved["points"],
            "training": saved.get("training", {})}
    if "temperature" in saved:
        meta["temperature"] = saved["temperature"]
    if "lookalikes" in saved:
        meta["lookalikes"] = saved["lookalikes"]
    header = {"input": c["inputs"], "lstm": [{"hidden": c["hidden"]}] * c["layers"],
              "dense": list(c["dense"]) + [c["classes"]], "tensors": "f16" if half else "f32", "meta": meta}
    if c["group"]:
        header["group_inputs"] = c["group"]
    if c["conv"]:
        header["glyph"] = {"side": c["glyph"], "conv": c["conv"]}
    header = json.dumps(header).encode()
    body = b"INKM" + struct.pack("<II", VERSION, len(header)) + header
    dtype = "<f2" if half else "<f4"
    body += b"".join(t.detach().float().contiguous().numpy().astype(dtype).tobytes() for t in tensors(net))
    os.makedirs(os.path.dirname(os.path.abspath(weights_path)), exist_ok=True)
    with open(weights_path, "wb") as f:
        f.write(body + struct.pack("<I", zlib.crc32(body)))

    generator = torch.Generator().manual_seed(7)
    inputs = torch.rand(4, saved["points"], c["inputs"], generator=generator) * 2 - 1
    glyphs = torch.rand(4, c["glyph"] ** 2, generator=generator) if c["conv"] else None
    with torch.no_grad():
        float_logits = net(inputs, glyphs)
        if half:  # the network as stored: every weight rounded to a half float; the two LSTM
            # biases are stored as their sum, rounded once
            for name, p in net.named_parameters():
                if name.startswith("lstm.bias_ih"):
                    other = getattr(net.lstm, name[len("lstm."):].replace("bias_ih", "bias_hh"))
                    p.add_(other)
                    other.zero_()
                p.copy_(p.half().float())
        logits = net(inputs, glyphs)
    fixture = {"inputs": inputs.tolist(), "logits": logits.tolist(), "float_logits": float_logits.tolist()}
    if glyphs is not None:
        fixture["glyphs"] = glyphs.tolist()
    with open(parity_path(weights_path), "w") as f:
        json.dump(fixture, f)
    print(f"wrote {weights_path} ({len(body) + 4} bytes) and {parity_path(weights_path)}; "
          f"half floats change the logits by at most {float((logits - float_logits).abs().max()):.4f}")


def parity_path(weights_path):
    return os.path.splitext(weights_path)[0] + ".parity.json"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--float"]
    if len(args) != 2:
        sys.exit(__doc__)
    export(args[0], args[1], half="--float" not in sys.argv)
