"""The conformance suite's parts: one strict harness, one module of cases per API area.

- ``harness``: ``Case``, ``Deviation``, ``Exchange`` and ``call()``, the request helpers;
- ``spec``: the vendored official spec (plus the project's MNO supplement), its schemas and
  its own response examples;
- ``recorded``: answers recorded from emnify's production API (``tests/recorded/``), merged
  with the spec's examples into the known shape of each operation's answer;
- ``checks``: the findings of one exchange (spec validation, closed keys, recorded shape,
  content type, error bodies);
- ``seeded``: pickers of seeded objects (a SIM with traffic, a spare endpoint...);
- ``cases_<route module>.py``: ``CASES``, the cases of the operations that
  ``emnify_async/testing/_routes/<route module>.py`` serves, each with its known deviations.

``tests/testing/test_conformance.py`` collects every ``cases_*`` module (see
``docs/emulator.md``, "Adding a route").
"""
