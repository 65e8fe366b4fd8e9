"""The parts of the Peserta & Jalur tab, one module each.

:class:`~curriculum_tool.gui.paths_tab.PathsTab` composes them. Left: the learner list
(:mod:`.learner_list`, over :mod:`.learner_model`) and the agency batch and summary
(:mod:`.agency_panel`). Right: the selected learner (:mod:`.learner_detail`) with the
officer's knobs (:mod:`.options_panel`) and the path view (:mod:`.path_view`, with its
:mod:`.timeline`). Behind them: the exports of one path (:mod:`.path_exports`), the
background load (:mod:`.desk`) and the jobs and messages they share (:mod:`.jobs`).
"""
