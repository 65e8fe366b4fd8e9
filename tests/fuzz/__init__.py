"""The import fuzz suite: generated and hand-made input files, and the oracle that judges
how each import of them ends (see ``corpus``, ``oracle`` and ``benchmarks/fuzz_imports.py``).

It is a package so that ``benchmarks/`` can import the same corpus and oracle (with the
``tests`` folder on ``sys.path``, as pytest's ``pythonpath`` setting puts it).
"""
