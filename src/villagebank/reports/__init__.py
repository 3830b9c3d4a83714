"""Reports: pure computations from the Book to ``Report`` documents (no rendering library)."""
