"""A fast, bilingual dataset generator for benchmarks (manage.py generate_dataset)."""

from .generate import SCALES, Options, generate

__all__ = ["SCALES", "Options", "generate"]
