"""Synthetic learners and outcomes drawn from a documented ground truth (docs/simulator.md)."""

from .ground_truth import true_probabilities
from .simulator import Simulation, load_context, simulate, simulate_to_dir

__all__ = ["Simulation", "load_context", "simulate", "simulate_to_dir", "true_probabilities"]
