"""Benchmarks: `warta bench` kinds (the whole pipeline by default) and their corpora."""
