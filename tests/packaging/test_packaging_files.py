"""The packaging files stay portable, read the version from one place, and keep the user's books.

The Windows installer cannot be built here; these checks catch what can be caught without Inno Setup.
"""

import configparser
import re
import struct
from pathlib import Path

import villagebank
from villagebank import paths

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
SPEC = PKG / "villagebank.spec"
ISS = PKG / "windows" / "villagebank.iss"
THAI_ISL = PKG / "windows" / "Thai.isl"


def test_the_version_is_written_in_one_place_only():
    version = villagebank.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)?", version)
    for path in (SPEC, ISS, THAI_ISL, PKG / "linux" / "villagebank.desktop", ROOT / "Makefile"):
        assert version not in path.read_text(encoding="utf-8-sig"), f"{path.name} repeats the version"
    assert "__version__" in SPEC.read_text(encoding="utf-8")  # the spec reads it
    assert 'GetStringFileInfo(BundleDir + "\\" + AppExe, "ProductVersion")' in ISS.read_text(encoding="utf-8")


def test_spec_has_nothing_tied_to_one_machine():
    text = SPEC.read_text(encoding="utf-8")
    for needle in ("/usr/", "/opt/", "/tmp/", "/home/", "/root/", "C:\\", "site-packages", "python3.11"):
        assert needle not in text, needle
    # Paths are built with os.path from the spec's own folder.
    assert "SPECPATH" in text and "os.path.join" in text


def test_changelog_has_the_current_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{villagebank.__version__}]" in text


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]") and not stripped.startswith("[Code"):
            current = stripped[1:-1]
            sections.setdefault(current, [])
        elif current and stripped and not stripped.startswith(";"):
            sections[current].append(stripped)
    return sections


def test_installer_never_deletes_the_users_books():
    sections = _iss_sections(ISS.read_text(encoding="utf-8"))
    data_dir = r"{localappdata}\villagebank"
    for name in ("UninstallDelete", "InstallDelete"):
        for line in sections.get(name, []):
            assert data_dir not in line, line
            assert "{app}" in line, line  # only ever inside the install folder
    assert any(data_dir in line and "uninsneveruninstall" in line for line in sections["Dirs"])
    # Installed per user, into a folder apart from the data folder.
    setup = "\n".join(sections["Setup"])
    assert "PrivilegesRequired=lowest" in setup and r"DefaultDirName={autopf}\villagebank" in setup


def test_installer_has_thai_and_english_and_both_have_every_custom_message():
    iss = ISS.read_text(encoding="utf-8")
    assert re.search(r'Name: "thai"; MessagesFile: "compiler:Default\.isl,Thai\.isl"', iss)
    assert 'Name: "english"; MessagesFile: "compiler:Default.isl"' in iss
    english = set(re.findall(r"^english\.(\w+)=", iss, flags=re.M))
    used = set(re.findall(r"\{cm:(\w+)", iss)) | set(re.findall(r"CustomMessage\('(\w+)'\)", iss))
    raw = THAI_ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Thai.isl must be UTF-8 with a byte-order mark"
    isl = configparser.ConfigParser(interpolation=None, strict=True)
    isl.optionxform = str  # keep the message names' case
    isl.read_string(raw.decode("utf-8-sig"))
    assert isl["LangOptions"]["LanguageID"] == "$041E"
    thai = set(isl["CustomMessages"])
    standard = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}
    assert used <= english | standard and used <= thai, (used - english - standard, used - thai)
    assert english <= thai
    for name in english:  # the same %-arguments in both languages
        english_text = re.search(rf"^english\.{name}=(.*)$", iss, flags=re.M).group(1)
        assert sorted(re.findall(r"%\d", english_text)) == sorted(re.findall(r"%\d", isl["CustomMessages"][name]))
    # Every message given in Thai.isl is actually in Thai.
    for name, text in list(isl["Messages"].items()) + list(isl["CustomMessages"].items()):
        assert re.search(r"[\u0e00-\u0e7f]", text), name


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PKG / "linux" / "villagebank.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Exec"] == "villagebank" and d["Icon"] == "villagebank"
    assert d["Terminal"] == "false" and d["Categories"].endswith(";")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_in_every_size():
    icons = paths.icons_dir()
    assert (icons / "villagebank.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(icons / f"villagebank-{size}.png") == (size, size)
    ico = (PKG / "windows" / "villagebank.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert (reserved, kind) == (0, 1) and {16, 32, 48, 256} <= sizes
