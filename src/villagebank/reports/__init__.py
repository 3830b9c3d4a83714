"""Reports: pure computations from the Book to ``Report`` documents (no rendering library).

Importing the package puts the feature sections into the member statement (partner contributions and welfare
benefits, :mod:`villagebank.reports.welfare`), whichever report module is imported first.
"""

from villagebank.reports import welfare as _welfare  # noqa: F401  (registers its statement sections)
