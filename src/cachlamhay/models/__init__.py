"""The decision models of the extractors, written by ``cachlamhay train`` (see extract.model)."""
