"""Route modules: one per API area, each a list ``ROUTES`` of ``Route`` entries.

A route module builds on the helpers (``_routing``, ``_pagination``, ``_body``, ``_errors``,
``_dates``) and the stores (``_stores``); it never imports another route module
(``tests/testing/test_structure.py`` checks it).
"""
