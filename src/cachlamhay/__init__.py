"""cachlamhay: a sourced knowledge base of how Vietnamese provinces learn from each other."""

__version__ = "0.1.0"
