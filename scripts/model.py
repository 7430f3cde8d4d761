"""The symbol classifier network, defined once for training and export.

Mirrors src/nn/network.h: stacked bidirectional LSTM -> mean and max pooling over time ->
dense layers with ReLU between them -> logits.
"""
import torch
from torch import nn


class SymbolNet(nn.Module):
    def __init__(self, inputs, hidden, layers, dense, classes):
        super().__init__()
        self.config = dict(inputs=inputs, hidden=hidden, layers=layers, dense=dense, classes=classes)
        self.lstm = nn.LSTM(inputs, hidden, num_layers=layers, bidirectional=True, batch_first=True)
        sizes = [4 * hidden] + list(dense) + [classes]
        self.dense = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):  # x: batch x time x inputs
        h, _ = self.lstm(x)
        y = torch.cat([h.mean(dim=1), h.max(dim=1).values], dim=1)
        for i, layer in enumerate(self.dense):
            y = layer(y)
            if i + 1 < len(self.dense):
                y = torch.relu(y)
        return y
