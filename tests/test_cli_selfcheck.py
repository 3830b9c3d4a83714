"""`villagebank selfcheck`: the installation's health, without a book (also run on the frozen app)."""

import shutil
import subprocess

from villagebank import paths
from villagebank.cli import main


def test_selfcheck_passes_and_prints_a_thai_pdf(tmp_path, capsys):
    pdf = tmp_path / "check.pdf"
    code = main(["--lang", "en", "selfcheck", "--pdf", str(pdf)])
    out = capsys.readouterr().out
    assert code == 0, out
    lines = out.splitlines()
    assert len(lines) == 6 and all(line.startswith("ok ") for line in lines), out
    assert "Thai PDF: 1 page(s)" in out and "ธนาคาร | หมู่บ้าน" in out
    assert str(paths.user_data_dir()) in out  # where the books are
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "ผู้ค้ำประกันน้ำค้าง" in text


def test_selfcheck_reports_each_failure_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path / "no-fonts")
    monkeypatch.setattr(paths, "migrations_dir", lambda: tmp_path / "no-migrations")
    code = main(["--lang", "en", "selfcheck"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED  Fonts:" in out and "FAILED  Schema upgrades:" in out
    assert "ok      Translations:" in out  # the other checks still ran


def test_selfcheck_speaks_thai(capsys):
    assert main(["selfcheck"]) == 0
    assert "ผ่าน    แบบอักษร:" in capsys.readouterr().out
