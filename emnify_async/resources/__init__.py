"""The API areas of the client, one module each."""

from .sim_batches import AsyncSimBatches
from .sims import AsyncSims

__all__ = ["AsyncSimBatches", "AsyncSims"]
