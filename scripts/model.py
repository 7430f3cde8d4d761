"""The symbol classifier network, defined once for training and export.

Mirrors src/nn/network.h: stacked bidirectional LSTM -> mean and max pooling over time,
optionally beside a small CNN over the rendered glyph (the offline view: 3x3 convolutions,
ReLU, 2x2 max pooling, flattened), then the group's own inputs (the last `group` inputs, read
at the first point: what is the same for every point, the symbol's size and place among its
neighbours) -> dense layers with ReLU between them -> logits.

The group's inputs bypass the LSTM so that what the LSTM computes depends on the symbol's own
strokes alone: when the ink around it changes (a new stroke moves the writer's scale or its
neighbours), a recognition session recomputes only the dense layers.
"""
import torch
from torch import nn


class SymbolNet(nn.Module):
    def __init__(self, inputs, hidden, layers, dense, classes, glyph=0, conv=(), group=0):
        super().__init__()
        self.config = dict(inputs=inputs, hidden=hidden, layers=layers, dense=list(dense), classes=classes,
                           glyph=glyph, conv=list(conv), group=group)
        self.lstm = nn.LSTM(inputs - group, hidden, num_layers=layers, bidirectional=True, batch_first=True)
        self.conv = nn.ModuleList()
        channels, side = 1, glyph
        for c in conv:
            self.conv.append(nn.Conv2d(channels, c, 3, padding=1))
            channels, side = c, side // 2
        sizes = [4 * hidden + (channels * side * side if conv else 0) + group] + list(dense) + [classes]
        self.dense = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x, glyphs=None):  # x: batch x time x inputs; glyphs: batch x side*side
        group = self.config["group"]
        h, _ = self.lstm(x[:, :, :x.shape[2] - group])
        y = torch.cat([h.mean(dim=1), h.max(dim=1).values], dim=1)
        if len(self.conv):
            side = self.config["glyph"]
            g = glyphs.reshape(-1, 1, side, side)
            for layer in self.conv:
                g = torch.max_pool2d(torch.relu(layer(g)), 2)
            y = torch.cat([y, g.flatten(1)], dim=1)
        y = torch.cat([y, x[:, 0, x.shape[2] - group:]], dim=1)
        for i, layer in enumerate(self.dense):
            y = layer(y)
            if i + 1 < len(self.dense):
                y = torch.relu(y)
        return y
