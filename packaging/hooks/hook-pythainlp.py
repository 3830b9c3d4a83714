"""PyInstaller hook for pythainlp, replacing the contributed one that takes all 60 MB of its corpora.

villagebank uses pythainlp only to break Thai text into words for PDFs (``word_tokenize(engine="newmm")``,
in ``exports/pdf/thaitext.py``), with ``PYTHAINLP_READ_ONLY=1``. That reads two files of the package's
corpus folder: the newmm dictionary ``words_th.txt`` and ``stopwords_th.txt``. The corpus licence and the
package's metadata (its LICENSE) go along.
"""

import os

from PyInstaller.utils.hooks import copy_metadata, get_package_paths

_, _pkg = get_package_paths("pythainlp")
_corpus = os.path.join(_pkg, "corpus")
_dest = os.path.join("pythainlp", "corpus")

datas = [
    (os.path.join(_corpus, name), _dest)
    for name in ("words_th.txt", "stopwords_th.txt", "corpus_license.md")
    if os.path.exists(os.path.join(_corpus, name))
]
datas += copy_metadata("pythainlp")
