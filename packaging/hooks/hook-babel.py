"""PyInstaller hook for Babel, replacing PyInstaller's own, which takes the data of all ~1,000 locales
(32 MB). villagebank speaks Thai and English only, so only those locales (and ``root``, which every locale
falls back to) are kept, with ``global.dat`` and the licence.
"""

import glob
import os

from PyInstaller.utils.hooks import copy_metadata, get_package_paths

_, _pkg = get_package_paths("babel")
_data = os.path.join(_pkg, "locale-data")

datas = [(os.path.join(_pkg, "global.dat"), "babel")]
for _pattern in ("root.dat", "en.dat", "en_*.dat", "th.dat", "th_*.dat"):
    datas += [(f, os.path.join("babel", "locale-data")) for f in sorted(glob.glob(os.path.join(_data, _pattern)))]
datas += copy_metadata("babel")

# Unpickling locale-data/root.dat needs classes from these modules (as PyInstaller's own hook says).
hiddenimports = ["babel.dates", "babel.localedata", "babel.plural", "babel.numbers"]
