"""Join PDFs drawn by :func:`~.render.render_pdf` into one file with qpdf (pikepdf), in order.

The first part is the base: its document information (title, author, subject, creator), its catalog (``/Lang``)
and its pages stay as they are; the pages of the other parts are copied after them with everything they use
(fonts, ``/ActualText`` spans in their content). Streams are copied as they are, already compressed: nothing is
decoded or compressed again, so joining 10,000 pages takes well under a second.

Each part has its own font subsets, and reportlab names them the same in every file (``AAAAAA+Sarabun``). Two
different subsets in one PDF must not share a tag (ISO 32000-1, 9.6.4: a viewer or a printer may take one for
the other), so the subsets of the second and later parts are renamed ``Z.....+Sarabun``; reportlab's own tags
use only the letters A to K.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from typing import BinaryIO

_TAGGED = re.compile(r"^/([A-Z]{6})\+(.+)$")
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")  # what a page may take from its /Pages node


def _letters(n: int, width: int = 5) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 26)
        out.append(chr(ord("A") + r))
    if n:
        raise ValueError("too many font subsets to tag")
    return "".join(reversed(out))


def _retag_subsets(pdf, counter: int) -> int:
    """Give this part's font subsets tags no other part uses, numbered from ``counter``; returns the next."""
    from pikepdf import Dictionary, Name

    renamed: dict[str, str] = {}  # this part's old tag -> new tag
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary):
            continue
        kind = obj.get("/Type")
        if kind == Name.Font:
            key = "/BaseFont"
        elif kind == Name.FontDescriptor:
            key = "/FontName"
        else:
            continue
        name = obj.get(key)
        m = _TAGGED.match(str(name)) if name is not None else None
        if m is None:
            continue
        tag = renamed.get(m.group(1))
        if tag is None:
            tag = renamed[m.group(1)] = "Z" + _letters(counter)
            counter += 1
        obj[key] = Name(f"/{tag}+{m.group(2)}")
    return counter


def join_pdfs(parts: Sequence[str | os.PathLike[str]], path_or_file: str | os.PathLike[str] | BinaryIO) -> int:
    """Write the pages of ``parts`` (PDF files), in order, into one PDF at ``path_or_file`` (a path or a binary
    file object); return its page count. The parts are only read."""
    import pikepdf

    if not parts:
        raise ValueError("nothing to join")
    tags = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(pikepdf.open(parts[0]))
        tree = out.Root.Pages
        kids = tree.Kids
        count = int(tree.Count)
        for part in parts[1:]:
            src = stack.enter_context(pikepdf.open(part))
            node = src.Root.Pages
            if any(key in node for key in _INHERITED):  # reportlab writes none: each page carries its own
                raise ValueError(f"{part}: pages inherit attributes from the page tree; not joined")
            tags = _retag_subsets(src, tags)
            for page in src.pages:  # copied with all they use; objects shared by the pages are copied once
                copy = out.copy_foreign(page.obj)
                copy.Parent = tree
                kids.append(copy)
                count += 1
        tree.Count = count
        target = os.fspath(path_or_file) if isinstance(path_or_file, os.PathLike) else path_or_file
        # Streams as they are: recompressing every page and font (compress_streams) takes ten times as long.
        out.save(target, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none,
                 fix_metadata_version=False)
    return count
