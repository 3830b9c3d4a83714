"""Every user-visible string in the source has a Thai translation with the same placeholders."""

import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from villagebank import paths
from villagebank.i18n import UserError, _, language_from_environment, set_language

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _source_msgids() -> set[str]:
    src = paths.resources_dir().parent / "src"
    ids = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
            str(src), method_map=[("**.py", "python")], keywords={"_": None, "N_": None}):
        if isinstance(message, str) and message:
            ids.add(message)
    return ids


def test_every_source_string_has_a_thai_translation():
    with (paths.locale_dir() / "th/LC_MESSAGES/villagebank.po").open("rb") as fp:
        catalog = read_po(fp, locale="th")
    translated = {m.id: m.string for m in catalog if m.id and m.string}
    missing = sorted(_source_msgids() - set(translated))
    assert not missing, f"{len(missing)} string(s) without Thai (run `make extract`, then fill them): {missing[:20]}"
    wrong = [mid for mid in _source_msgids()
             if sorted(PLACEHOLDER.findall(mid)) != sorted(PLACEHOLDER.findall(translated[mid]))]
    assert not wrong, f"placeholders differ in: {wrong}"


def test_language_switch_changes_messages_without_restart():
    err = UserError("there is no member number {no}", no=5)
    set_language("th")
    assert str(err) == "ไม่มีสมาชิกเลขที่ 5"
    set_language("en")
    assert str(err) == "there is no member number 5"
    set_language("th")
    assert _("Cash on hand") == "เงินสด"


def test_default_language_is_thai_unless_the_system_says_english(monkeypatch):
    monkeypatch.delenv("VILLAGEBANK_LANG", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert language_from_environment() == "th"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert language_from_environment() == "en"
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    assert language_from_environment() == "th"


def test_no_literal_is_translated_inside_an_f_string():
    """Babel cannot see ``_("...")`` inside an f-string, so such text would stay untranslated."""
    src = paths.resources_dir().parent / "src"
    offenders = [f"{p.relative_to(src)}:{n}" for p in src.rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
                 if re.search(r"\{_\(\s*[\"']", line)]
    assert not offenders, offenders


def test_catalogues_compile_cleanly():
    """What `make` compiles must compile: babel's checkers (python-format etc.) find no error."""
    for lang in ("th", "en"):
        with (paths.locale_dir() / f"{lang}/LC_MESSAGES/villagebank.po").open("rb") as fp:
            catalog = read_po(fp, locale=lang)
        errors = [(msg.id, [str(e) for e in errs]) for msg, errs in catalog.check()]
        assert not errors, errors


def test_translation_sources_agree():
    """tools/th/*.py feed the Thai catalogue: one msgid must not be given two different translations."""
    import runpy

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in sorted((paths.resources_dir().parent / "tools" / "th").glob("*.py")):
        for msgid, thai in runpy.run_path(str(path))["TH"].items():
            if msgid in seen and seen[msgid][1] != thai:
                clashes.append((msgid, seen[msgid][0], path.name))
            seen.setdefault(msgid, (path.name, thai))
    assert not clashes, clashes
