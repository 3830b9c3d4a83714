"""villagebank: the books of a Thai village bank, kept offline on one laptop."""

__version__ = "0.1.0"
