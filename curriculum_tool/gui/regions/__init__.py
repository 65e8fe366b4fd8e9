"""Wilayah & Modul Lokal: the regions tab, split by panel, dialog and form.

``tab.RegionsTab`` composes the region tree, the region summary (facts and hazards), the
regional standards panel and the local modules panel; each panel writes through the
core's edit service (``writes``), greys out what the workspace's actor may not do, and
the tab reloads after every write.
"""
