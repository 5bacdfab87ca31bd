"""Chaos tests: the SDK behind a seeded fault-injecting reverse proxy (``proxy.FaultProxy``)."""
