"""The pages of the main window. Importing this package registers them (see ``pages/base.py``).

To add a page: write one ``Page`` subclass decorated with ``@register`` in a module here, and import
the module below. The navigation shows it only when ``available(book)`` is true.
"""

from villagebank.ui.pages import members, settings  # noqa: F401 - registers the pages

# isort: split
# --- gui-b pages: loans, welfare & partners, year end, reports, backup; member page sections ------------
from villagebank.ui.pages import backup, loans, member_sections, reports, welfare, yearend  # noqa: F401

# --- end of gui-b pages -------------------------------------------------------------------------------
# isort: split
from villagebank.ui.pages.base import PAGES, Page, pages_for, register

# isort: off
# --- gui-a pages: overview, meeting day, shares, cash book ----------------------------------------------
from villagebank.ui.pages import cashbook, meeting, overview, shares  # noqa: F401 - registers the pages
# --- end of the gui-a pages -------------------------------------------------------------------------------
# isort: on

__all__ = ["PAGES", "Page", "pages_for", "register"]
