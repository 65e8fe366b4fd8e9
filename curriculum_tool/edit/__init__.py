"""The edit service: every change of a workspace, by whom, checked once.

Imports, the app's forms, the graph editor and the command line all change records here:
what a role may write (:mod:`.permissions`), whether the record changed since it was read
(:mod:`.conflicts`), and the checks every record passes (:mod:`.records`), in the
transaction that writes it and its audit rows.
"""
