"""The emulator's state, one store per API area, composed by ``EmulatorState``.

A store owns its area's data and its writes (reads are cheap views; every write calls the
shared ``changed`` callback so cached pages are dropped). A store may read another store it
is given, but links between areas live in :mod:`.links` so that both sides see one truth.
See "Adding a route" in docs/emulator.md.
"""
