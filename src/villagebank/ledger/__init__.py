"""The ledger: the bank's books as an append-only, hash-chained double-entry journal in SQLite."""
