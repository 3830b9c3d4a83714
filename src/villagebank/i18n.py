"""Translation layer and Thai conventions (a leaf module: stdlib, Babel, paths).

All user-visible text goes through :func:`_` (translate now) or :func:`N_` (mark for extraction, translate
later). Source strings are English; Thai (``th``) is the default language. Messages use ``str.format``
placeholders: ``_("member {no} not found").format(no=12)``.

This module also holds the one tested place for Thai dates (Buddhist era), Thai digits, money formatting
for display, baht in Thai words, Thai sort order and text normalisation.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
from collections.abc import Callable

from villagebank import paths

DOMAIN = "villagebank"
LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"  # what _translations currently holds; set_language() is called at start-up
_listeners: list[Callable[[str], None]] = []


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (translate at display time)."""
    return message


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def current_language() -> str:
    return _language


_cache: dict[tuple[str, float, float], gettext.NullTranslations] = {}


def _load(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (English is the source language; its catalogue may still reword)."""
    base = paths.locale_dir() / lang / "LC_MESSAGES"
    key = (lang, *(_mtime(base / f"{DOMAIN}.{ext}") for ext in ("mo", "po")))
    if key not in _cache:
        _cache[key] = _read_catalogue(lang, base)
    return _cache[key]


def _mtime(path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _read_catalogue(lang: str, base) -> gettext.NullTranslations:
    mo = base / f"{DOMAIN}.mo"
    po = base / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if po.exists():
        # No compiled catalogue (a fresh checkout): compile in memory with Babel.
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fp:
            catalog = read_po(fp, locale=lang)
        buf = io.BytesIO()
        write_mo(buf, catalog, use_fuzzy=True)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    return gettext.NullTranslations()


def set_language(lang: str) -> None:
    """Switch the language of everything translated from now on; listeners (the GUI) are told."""
    global _translations, _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _translations = _load(lang)
    _language = lang
    for listener in list(_listeners):
        listener(lang)


def add_language_listener(callback: Callable[[str], None]) -> None:
    _listeners.append(callback)


def remove_language_listener(callback: Callable[[str], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def language_from_environment() -> str:
    """``VILLAGEBANK_LANG``, else the system locale (``en*`` gives English); Thai otherwise."""
    explicit = os.environ.get("VILLAGEBANK_LANG", "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            # The first variable that is set decides (as gettext does); C/POSIX means no preference.
            return "en" if value.split(":")[0].lower().startswith("en") else DEFAULT_LANGUAGE
    try:  # Windows: no environment variables; ask the system
        code = (locale.getlocale()[0] or "").lower()
    except ValueError:
        code = ""
    return "en" if code.startswith("en") else DEFAULT_LANGUAGE


class UserError(Exception):
    """An error the user must read: a translatable template, its parameters, and the field at fault.

    ``str(err)`` renders it in the current language. ``field`` is a translatable field label
    (marked with ``N_``) or ``None``.
    """

    code = "error"

    def __init__(self, template: str, field: str | None = None, **params: object) -> None:
        self.template = template
        self.field = field
        self.params = params
        super().__init__(template)

    def message(self) -> str:
        text = _(self.template)
        params = {k: (_(v) if isinstance(v, _Lazy) else v) for k, v in self.params.items()}
        try:
            text = text.format(**params)
        except (KeyError, IndexError, ValueError):
            text = self.template.format(**params)
        if self.field:
            return f"{_(self.field)}: {text}"
        return text

    def __str__(self) -> str:
        return self.message()


class _Lazy(str):
    """A message id used as a parameter value, translated when the error is rendered."""


def lazy(message: str) -> str:
    """Wrap a marked message so that it is translated when the enclosing error is shown."""
    return _Lazy(message)


def gettext_in(lang: str | None, message: str) -> str:
    """``message`` translated into ``lang`` (None: the current language) without switching the language.

    For documents made in one language and printed while the program runs in another; mark the message
    with ``N_`` where it is written.
    """
    if lang is None or lang == _language:
        return _(message)
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return _load(lang).gettext(message)
