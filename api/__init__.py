"""The JSON API (the RealWorld "Conduit" contract) over the same core: not built yet."""
