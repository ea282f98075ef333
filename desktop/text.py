"""Vietnamese text handling: Unicode normalisation, search folding, slugs."""

import re
import unicodedata

# "Đ" has no decomposition, and the Icelandic eth looks the same in most fonts.
_D_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "ð": "d"})


def nfc(text: str | None) -> str:
    """Normalise text to NFC, the form TinXa stores and sends."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text)


def search_fold(text: str) -> str:
    """Fold text for accent-insensitive matching: lower case, no marks, đ to d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_LETTERS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


def slugify(title: str) -> str:
    """Make a URL slug: "Đại hội Đảng bộ xã" becomes "dai-hoi-dang-bo-xa"."""
    folded = search_fold(title)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
