"""Graf Prasyarat: the prerequisite graph editor tab, split by part.

``editor_tab.GraphEditorTab`` puts together the toolbar (``toolbar``), the drawn graph
(``layout``, ``items``, ``scene``, ``view``), the details and legend (``details_panel``,
``legend``), the lint panel (``lint_panel``) and the cycle warning (``warning_bar``).
Edits are checked and made by pushing undo commands (``editing``, ``commands``) that
change the graph through ``document.GraphDocument``, whose signals the scene follows;
``navigation`` shows the selection; ``rights`` greys out what the person working may not
change. Saving goes through the edit service
(:func:`curriculum_tool.edit.graph_edits.replay_edits`).
"""
