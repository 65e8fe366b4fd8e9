"""Why a stored model is refused, in English and in Bahasa Indonesia.

The English templates write exactly what :mod:`.persist` has always said (the command
line prints it, tests and scripts read it); the Indonesian ones are what the app's Model
tab shows. A refusal is put together from nested messages (the reason an archive is
refused, the library versions that differ), so each part is in the language of the
whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import in_language
from ..messages import Catalogue, Message

__all__ = ["SAID", "joined", "said_by"]

SAID = Catalogue(
    "model.persist",
    {
        # -- storing ------------------------------------------------------------------------
        "untrusted_to_store": (
            "cannot store this model: it contains types that "
            "curriculum-tool does not load ({types})",
            "model ini tidak dapat disimpan: model memuat tipe yang tidak dimuat oleh "
            "curriculum-tool ({types})",
        ),
        "bad_name": (
            "model name '{name}' must be letters, digits, '.', '_' or '-' "
            "(at most 80), starting with a letter or digit",
            "nama model '{name}' harus berupa huruf, angka, '.', '_' atau '-' "
            "(paling banyak 80), diawali huruf atau angka",
        ),
        # -- installing files ---------------------------------------------------------------
        "install_pickle": (
            "cannot install {file}: it is a pickle (an older curriculum-tool "
            "format that can run code when loaded) and is never loaded; retrain the model "
            "with 'train'",
            "{file} tidak dapat dipasang: berkas ini berformat pickle (format lama "
            "curriculum-tool yang dapat menjalankan kode saat dimuat) dan tidak pernah "
            "dimuat; latih ulang model dengan 'train'",
        ),
        "install_suffix": (
            "cannot install {file}: a model file is NAME{suffix}, with its card NAME.json "
            "beside it",
            "{file} tidak dapat dipasang: berkas model bernama NAMA{suffix}, dengan kartunya "
            "NAMA.json di sampingnya",
        ),
        "install_missing": (
            "cannot install {file}: {missing} is missing",
            "{file} tidak dapat dipasang: {missing} tidak ada",
        ),
        "not_a_card": (
            "{file} is not a model card ({error})",
            "{file} bukan kartu model ({error})",
        ),
        "card_not_an_object": (
            "{file} is not a model card (not a JSON object)",
            "{file} bukan kartu model (bukan objek JSON)",
        ),
        "not_shipped": (
            "{label} does not match the digest recorded in curriculum_tool "
            "({actual}…, recorded {expected}…); reinstall curriculum-tool",
            "{label} tidak cocok dengan digest yang tercatat di curriculum_tool "
            "({actual}…, tercatat {expected}…); pasang ulang curriculum-tool",
        ),
        "default_missing": (
            "models/{model}.skops is missing beside the curriculum_tool package; "
            "reinstall curriculum-tool",
            "models/{model}.skops tidak ada di samping paket curriculum_tool; "
            "pasang ulang curriculum-tool",
        ),
        # -- verifying ----------------------------------------------------------------------
        "pickle": (
            "model {label} is stored as a pickle (an older curriculum-tool format that can "
            "run code when loaded); it was not loaded: retrain it with 'train'",
            "model {label} tersimpan sebagai pickle (format lama curriculum-tool yang dapat "
            "menjalankan kode saat dimuat); model tidak dimuat: latih ulang dengan 'train'",
        ),
        "pickle_not_replaced": (
            "{refusal} (the shipped default could not replace it: {error})",
            "{refusal} (model bawaan tidak dapat menggantikannya: {error})",
        ),
        "not_skops": (
            "model {label} is not a skops archive; it was not loaded",
            "model {label} bukan arsip skops; model tidak dimuat",
        ),
        "card_not_json": (
            "model {label}: its card is not a JSON object; it was not loaded",
            "model {label}: kartunya bukan objek JSON; model tidak dimuat",
        ),
        "other_card": (
            "model {label}: its card describes another file; it was not loaded",
            "model {label}: kartunya menerangkan berkas lain; model tidak dimuat",
        ),
        "altered": (
            "model {label} or its card was altered: their SHA-256 is {actual}…, "
            "the record says {recorded}…; it was not loaded",
            "model {label} atau kartunya telah diubah: SHA-256 keduanya {actual}…, "
            "catatan menyebut {recorded}…; model tidak dimuat",
        ),
        "nothing": ("nothing", "tidak ada"),
        "no_features": (
            "model {label}: its card has no feature list or library versions; it was not loaded",
            "model {label}: kartunya tidak memuat daftar fitur atau versi pustaka; model "
            "tidak dimuat",
        ),
        "other_features": (
            "model {label} was not made by this version of curriculum-tool (different "
            "features); retrain it with 'train'; it was not loaded",
            "model {label} tidak dibuat oleh versi curriculum-tool ini (fiturnya berbeda); "
            "latih ulang dengan 'train'; model tidak dimuat",
        ),
        "other_versions": (
            "model {label} was trained with {versions}; retrain it with "
            "'train' (it was not loaded: another version may rebuild it differently)",
            "model {label} dilatih dengan {versions}; latih ulang dengan 'train' (model tidak "
            "dimuat: versi lain dapat membangunnya kembali secara berbeda)",
        ),
        "refused": (
            "model {label} was refused: {problem}; it was not loaded",
            "model {label} ditolak: {problem}; model tidak dimuat",
        ),
        # -- why an archive is refused (the {problem} of "refused") -------------------------
        "too_large": (
            "it unpacks to more than a model ever needs",
            "setelah dibuka, isinya lebih besar daripada yang pernah dibutuhkan sebuah model",
        ),
        "unreadable": (
            "it is not a readable skops archive ({error})",
            "berkas ini bukan arsip skops yang dapat dibaca ({error})",
        ),
        "untrusted": (
            "it refers to code curriculum-tool does not trust ({types})",
            "berkas ini merujuk ke kode yang tidak dipercaya curriculum-tool ({types})",
        ),
        # -- the workspace's models ---------------------------------------------------------
        "no_such_model": (
            "no model named '{name}' in this workspace",
            "tidak ada model bernama '{name}' di ruang kerja ini",
        ),
        # -- promotion ----------------------------------------------------------------------
        "already_active": (
            "model '{name}' is already the active model",
            "model '{name}' sudah menjadi model aktif",
        ),
        "reason_needed": (
            "model '{name}' did not pass the promotion gate against the active model; "
            "promoting it needs a written reason (--reason), kept in its card",
            "model '{name}' tidak lolos gerbang promosi terhadap model aktif; "
            "mempromosikannya memerlukan alasan tertulis (--reason) yang disimpan di kartunya",
        ),
        "reason_retired": (
            "model '{name}' is retired; making it active again needs a written reason "
            "(--reason), kept in its card",
            "model '{name}' sudah pensiun; mengaktifkannya kembali memerlukan alasan tertulis "
            "(--reason) yang disimpan di kartunya",
        ),
        "empty_reason": (
            "the reason for promoting model '{name}' is empty; write why it should be active",
            "alasan mempromosikan model '{name}' kosong; tuliskan mengapa model ini harus aktif",
        ),
        "replaces_active": (
            "model '{name}' is the active model; a new candidate cannot replace it under "
            "the same name: choose another name",
            "model '{name}' adalah model aktif; kandidat baru tidak dapat menggantikannya "
            "dengan nama yang sama: pilih nama lain",
        ),
        "retire_active": (
            "model '{name}' is the active model and cannot be retired; promote another model first",
            "model '{name}' adalah model aktif dan tidak dapat dipensiunkan; promosikan "
            "model lain terlebih dahulu",
        ),
        "no_model_yet": (
            "this workspace has no model yet; run 'train' first",
            "ruang kerja ini belum memiliki model; jalankan 'train' terlebih dahulu",
        ),
    },
)


def joined(items: Iterable[str], separator: str = ", ") -> Message:
    """``items`` (messages or plain text) joined by ``separator``, in each language.

    >>> from curriculum_tool.messages import Message
    >>> both = joined([Message("one", "satu"), "2"])
    >>> str(both), both.render("id")
    ('one, 2', 'satu, 2')
    """
    items = list(items)
    return Message(
        separator.join(str(item) for item in items),
        separator.join(in_language(item, "id") for item in items),
        "model.persist:joined",
        {"items": items},
    )


def said_by(error: BaseException) -> str:
    """What ``error`` says: its message when it carries one (Indonesian included), else
    its text."""
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)
