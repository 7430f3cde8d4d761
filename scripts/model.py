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
    def __init__(self, inputs, hidden, layers, dense, classes, glyph=0, conv=(), group=0, dropout=0.0):
        super().__init__()
        self.config = dict(inputs=inputs, hidden=hidden, layers=layers, dense=list(dense), classes=classes,
                           glyph=glyph, conv=list(conv), group=group, dropout=dropout)
        # In training only, before each dense layer (the core never sees it).
        self.dropout = nn.Dropout(dropout)
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
            y = layer(self.dropout(y))
            if i + 1 < len(self.dense):
                y = torch.relu(y)
        return y


class OfflineView(nn.Module):
    """A CNN over the rendered glyph alone (3x3 convolutions, ReLU, 2x2 max pooling, one dense
    layer, logits), trained by itself beside a SymbolNet: it never sees the LSTM, so what it
    learns is its own view of the training symbols. join() adds its logits to the network's."""

    def __init__(self, glyph, conv, dense, classes):
        super().__init__()
        self.config = dict(glyph=glyph, conv=list(conv), dense=dense, classes=classes)
        self.conv = nn.ModuleList()
        channels, side = 1, glyph
        for c in conv:
            self.conv.append(nn.Conv2d(channels, c, 3, padding=1))
            channels, side = c, side // 2
        self.dense = nn.ModuleList([nn.Linear(channels * side * side, dense), nn.Linear(dense, classes)])

    def forward(self, glyphs):  # glyphs: batch x side*side
        side = self.config["glyph"]
        g = glyphs.reshape(-1, 1, side, side)
        for layer in self.conv:
            g = torch.max_pool2d(torch.relu(layer(g)), 2)
        return self.dense[1](torch.relu(self.dense[0](g.flatten(1))))


def join(net, view, weight):
    """One SymbolNet that computes net(x) + weight * view(glyphs), in the format the core reads:
    the first dense layers side by side (each reads only its own values: the LSTM's pooled
    values, the CNN's pooled image), the last layers beside each other. net: no offline view,
    no group inputs, one hidden dense layer."""
    c = net.config
    if c["conv"] or c["group"] or len(c["dense"]) != 1 or view.config["classes"] != c["classes"]:
        raise ValueError("join: the network needs one hidden dense layer, no offline view and no group inputs")
    hidden = c["dense"][0]
    joined = SymbolNet(c["inputs"], c["hidden"], c["layers"], [hidden + view.config["dense"]], c["classes"],
                       glyph=view.config["glyph"], conv=view.config["conv"])
    pooled = 4 * c["hidden"]
    with torch.no_grad():
        joined.lstm.load_state_dict(net.lstm.state_dict())
        for mine, theirs in zip(joined.conv, view.conv):
            mine.load_state_dict(theirs.state_dict())
        first, last = joined.dense
        first.weight.zero_()
        first.weight[:hidden, :pooled] = net.dense[0].weight
        first.weight[hidden:, pooled:] = view.dense[0].weight
        first.bias[:hidden], first.bias[hidden:] = net.dense[0].bias, view.dense[0].bias
        last.weight[:, :hidden] = net.dense[1].weight
        last.weight[:, hidden:] = weight * view.dense[1].weight
        last.bias[:] = net.dense[1].bias + weight * view.dense[1].bias
    return joined
