"""A demo book shared by the report tests (read-only; tests that write copy it first)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from villagebank.ledger import FixedClock, open_book

UNTIL = dt.date(2025, 12, 31)  # the demo's last meeting is on 3 December 2025
TODAY = dt.date(2026, 1, 10)


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from villagebank.demo import create_demo_book

    path = tmp_path_factory.mktemp("demo") / "demo.vbk"
    create_demo_book(path, members=12, until=UNTIL).close()
    return path


@pytest.fixture
def demo(demo_path: Path):
    book = open_book(demo_path, readonly=True, clock=FixedClock(TODAY))
    yield book
    book.close()


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.vbk"
    shutil.copyfile(demo_path, target)
    return target


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Text without any whitespace (wrapped cells come back in pieces)."""
    return re.sub(r"\s+", "", text)


def baht(satang: int) -> str:
    from villagebank.thai import format_amount

    return format_amount(satang)
