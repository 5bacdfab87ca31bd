"""emnify_sync: the blocking facade over emnify_async (generated in a later release)."""

__all__: list[str] = []
