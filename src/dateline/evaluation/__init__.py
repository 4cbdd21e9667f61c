"""Evaluation of each layer on public gold sets, clean and degraded side by side."""
