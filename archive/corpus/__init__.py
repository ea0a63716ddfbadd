"""A synthetic archive for load and search benchmarks (`generate_corpus`, `benchmark_search`).

All text is made up here: word lists written for this project plus invented words, drawn with
Zipf-distributed frequencies so that search sees a realistic mix of very common and very
rare terms. The same seed always gives the same archive.
"""
