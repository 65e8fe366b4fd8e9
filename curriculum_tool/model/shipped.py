"""The digest of the shipped default model, written by ``tools/build_default_model.py``.

``init`` and the app's first launch install ``models/default.skops`` only when the digest
of the file and its card (see :func:`curriculum_tool.model.persist.model_digest`) is this
one: a default model replaced beside the package, even with a recomputed card, is not
installed. Do not edit by hand; rebuild the model instead.
"""

DEFAULT_MODEL_SHA256 = "f54d73887a9ed40399d0301755aaf8e5a30ca3d27d3dad9f11f7d0e602082df3"
