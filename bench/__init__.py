"""Benchmarks and the dataset generator they run against."""
