"""The Thai manual keeps covering every screen: each picture it shows exists, and each screenshot in
docs/screenshots is shown by the manual (or the README), so a new screen needs a place in the manual."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANUAL = ROOT / "docs" / "manual-th.md"
SHOTS = ROOT / "docs" / "screenshots"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def images(path: Path) -> list[Path]:
    return [(path.parent / target).resolve() for target in IMAGE.findall(path.read_text(encoding="utf-8"))]


def test_every_picture_in_the_manual_exists():
    shown = images(MANUAL)
    assert shown, "the manual shows no screenshots"
    missing = sorted(str(p.relative_to(ROOT)) for p in shown if not p.is_file())
    assert not missing, f"the manual shows pictures that do not exist: {missing}"


def test_every_screenshot_is_in_the_manual_or_the_readme():
    shown = set(images(MANUAL)) | set(images(ROOT / "README.md"))
    unshown = sorted(p.name for p in SHOTS.glob("*.png") if p.resolve() not in shown)
    assert not unshown, f"screenshots no page of the manual (or README) shows: {unshown}"


def test_the_table_of_contents_reaches_every_section():
    text = MANUAL.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links <= anchors, f"links to sections that do not exist: {sorted(links - anchors)}"
    sections = re.findall(r"^## (\d+)\. ", text, flags=re.MULTILINE)
    assert sections == [str(n) for n in range(1, len(sections) + 1)]
    assert {f"s{n}" for n in sections} <= anchors


def test_button_names_in_the_manual_are_the_apps_own():
    """A quoted name with its Alt key, e.g. "บันทึก (S)", is a button or menu item: it must be a Thai string of the
    catalogue (with & before the key), so the manual does not drift from the screens."""
    from babel.messages.pofile import read_po

    with (ROOT / "resources/i18n/th/LC_MESSAGES/villagebank.po").open("rb") as f:
        catalogue = read_po(f)
    shown = set()
    for message in catalogue:
        text = message.string if isinstance(message.string, str) else (message.string or [""])[0]
        if message.id and text:
            shown.add(text.replace("&", "").replace("…", "...").strip())
    quoted = re.findall(r'"([^"\n]*\([A-Z]\)[^"\n]*)"', MANUAL.read_text(encoding="utf-8"))
    names = [q for q in quoted if not re.search(r"\d| …", q)]  # counts and other filled-in values vary
    assert len(names) > 50, names
    unknown = sorted({q for q in names if q.replace("…", "...").strip() not in shown})
    assert not unknown, f"button names in the manual that the app does not show: {unknown}"
