"""emnify_async: the asyncio core of the emnify SDK."""
