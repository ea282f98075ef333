"""Detect and convert the pre-Unicode Vietnamese encodings found in old documents.

Supported: TCVN3 (also called ABC or VN3) in its lower-case font set (.VnTime) and
its upper-case set (.VnTimeH), VNI-Windows, and Windows-1258. The converters take
bytes from a file, or text in which those bytes were read as Windows-1252 or
Latin-1. That is how old Word files and pasted text arrive, for example "Héi nghÞ"
for "Hội nghị" in TCVN3. Characters outside those two code pages pass through
unchanged. Every converter returns NFC.
"""

import re
import unicodedata
from dataclasses import dataclass

from desktop.text import (
    ACUTE,
    DOT_BELOW,
    GRAVE,
    HOOK_ABOVE,
    TILDE,
    is_vietnamese_syllable,
    nfc,
)

TCVN3 = "tcvn3"
TCVN3_UPPER = "tcvn3-upper"
VNI = "vni"
CP1258 = "cp1258"
LEGACY_ENCODINGS = (TCVN3, TCVN3_UPPER, VNI, CP1258)



def _nfc_letter(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# --- Bytes as text ------------------------------------------------------------

def _cp1252_high() -> dict[int, str]:
    """Map bytes 0x80-0x9F to the characters Windows-1252 shows for them.

    Bytes that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to
    the Latin-1 control characters with the same number.
    """
    high = {}
    for byte in range(0x80, 0xA0):
        try:
            high[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            high[byte] = chr(byte)
    return high


_CP1252_HIGH = _cp1252_high()
_CP1252_TO_BYTE = {ord(char): chr(byte) for byte, char in _CP1252_HIGH.items()}


def _as_byte_text(data: bytes | str) -> str:
    """Return data with one character per legacy byte, U+0000-U+00FF.

    Text is first put in NFC, so that a "é" pasted as e + U+0301 still stands for
    byte 0xE9. Characters that neither Windows-1252 nor Latin-1 produce, such as
    an already correct "ộ", are kept as they are.
    """
    if isinstance(data, bytes):
        return data.decode("latin-1")
    return nfc(data).translate(_CP1252_TO_BYTE)


def _byte_table(letters: dict[int, str]) -> dict[int, str]:
    """Build a str.translate table over bytes 0x80-0xFF from the letters given.

    Bytes without a letter keep their Windows-1252 meaning, so curly quotes and
    dashes typed in a legacy font survive.
    """
    table = {byte: char for byte, char in _CP1252_HIGH.items()}
    table.update(letters)
    return table


# --- TCVN3 --------------------------------------------------------------------

_TCVN3_TONE_ORDER = (GRAVE, HOOK_ABOVE, TILDE, ACUTE, DOT_BELOW)
# Byte of each toned lower-case letter, tones in _TCVN3_TONE_ORDER. The gaps
# (0xBA, 0xBF-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0) carry no letter in TCVN3.
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# The seven letters without tone, upper case at 0xA1-0xA7 and lower at 0xA8-0xAE.
_TCVN3_PLAIN = "ĂÂÊÔƠƯĐ"


def _tcvn3_letters() -> dict[int, str]:
    letters = {}
    for offset, upper in enumerate(_TCVN3_PLAIN):
        letters[0xA1 + offset] = upper
        letters[0xA8 + offset] = upper.lower()
    for base, positions in _TCVN3_TONED.items():
        for byte, tone in zip(positions, _TCVN3_TONE_ORDER):
            letters[byte] = _nfc_letter(base, tone)
    return letters


# The .VnTimeH fonts draw every letter as a capital, ASCII ones included, so the
# same bytes stand for the upper-case letters.
_TCVN3_LETTERS = _tcvn3_letters()
_TCVN3_UPPER_LETTERS = {byte: letter.upper() for byte, letter in _TCVN3_LETTERS.items()}
_TCVN3_UPPER_LETTERS.update({ord(c): c.upper() for c in "abcdefghijklmnopqrstuvwxyz"})

TCVN3_TABLE = _byte_table(_TCVN3_LETTERS)
TCVN3_UPPER_TABLE = _byte_table(_TCVN3_UPPER_LETTERS)


# --- VNI ----------------------------------------------------------------------

# VNI writes a letter as its ASCII base followed by one mark byte that carries
# the tone, the circumflex or breve, or both. Bytes are (lower case, upper case),
# and the case of the mark follows the case of the base.
_VNI_TONE_MARKS = {
    GRAVE: (0xF8, 0xD8),
    HOOK_ABOVE: (0xFB, 0xDB),
    TILDE: (0xF5, 0xD5),
    ACUTE: (0xF9, 0xD9),
    DOT_BELOW: (0xEF, 0xCF),
}
_VNI_CIRCUMFLEX_MARKS = {
    "": (0xE2, 0xC2),
    GRAVE: (0xE0, 0xC0),
    HOOK_ABOVE: (0xE5, 0xC5),
    TILDE: (0xE3, 0xC3),
    ACUTE: (0xE1, 0xC1),
    DOT_BELOW: (0xE4, 0xC4),
}
_VNI_BREVE_MARKS = {
    "": (0xEA, 0xCA),
    GRAVE: (0xE8, 0xC8),
    HOOK_ABOVE: (0xFA, 0xDA),
    TILDE: (0xFC, 0xDC),
    ACUTE: (0xE9, 0xC9),
    DOT_BELOW: (0xEB, 0xCB),
}
# Letters that take one byte of their own: ơ, ư and đ (which then take a tone
# mark like a plain base), and the toned i and ỵ.
_VNI_SINGLE_BYTES = {
    "ơ": (0xF4, 0xD4),
    "ư": (0xF6, 0xD6),
    "đ": (0xF1, 0xD1),
    _nfc_letter("i", GRAVE): (0xEC, 0xCC),
    _nfc_letter("i", HOOK_ABOVE): (0xE6, 0xC6),
    _nfc_letter("i", TILDE): (0xF3, 0xD3),
    _nfc_letter("i", ACUTE): (0xED, 0xCD),
    _nfc_letter("i", DOT_BELOW): (0xF2, 0xD2),
    _nfc_letter("y", DOT_BELOW): (0xEE, 0xCE),
}


def _vni_table() -> dict[str, str]:
    """Build the VNI decode table: the byte text of each letter, to the letter.

    Only the spelling that VNI keyboards produce is listed, with the mark in the
    case of its base. _VNI_DECODE adds the mixed-case spellings.
    """
    table = {}
    for letter, (lower_byte, upper_byte) in _VNI_SINGLE_BYTES.items():
        table[chr(lower_byte)] = letter
        table[chr(upper_byte)] = letter.upper()

    plain_bases = {base: (base, base.upper()) for base in "aeouy"}
    plain_bases["ơ"] = tuple(chr(byte) for byte in _VNI_SINGLE_BYTES["ơ"])
    plain_bases["ư"] = tuple(chr(byte) for byte in _VNI_SINGLE_BYTES["ư"])
    for base, base_texts in plain_bases.items():
        for tone, marks in _VNI_TONE_MARKS.items():
            if base == "y" and tone == DOT_BELOW:
                continue  # ỵ has a byte of its own
            _add_vni_letter(table, base_texts, marks, _nfc_letter(base, tone))

    for base in "aeo":
        for tone, marks in _VNI_CIRCUMFLEX_MARKS.items():
            letter = _nfc_letter(base + "\u0302", tone)
            _add_vni_letter(table, (base, base.upper()), marks, letter)
    for tone, marks in _VNI_BREVE_MARKS.items():
        _add_vni_letter(table, ("a", "A"), marks, _nfc_letter("a\u0306", tone))
    return table


def _add_vni_letter(
    table: dict[str, str],
    base_texts: tuple[str, str],
    marks: tuple[int, int],
    letter: str,
) -> None:
    table[base_texts[0] + chr(marks[0])] = letter
    table[base_texts[1] + chr(marks[1])] = letter.upper()


def _vni_decode_table() -> dict[str, str]:
    """Return VNI_TABLE plus the spellings whose mark case differs from the base.

    Word's change-case commands can produce them, as "Aên" for "Ăn". The letter
    takes the case of its base.
    """
    swap_case = {}
    for marks in (_VNI_TONE_MARKS, _VNI_CIRCUMFLEX_MARKS, _VNI_BREVE_MARKS):
        for lower_byte, upper_byte in marks.values():
            swap_case[chr(lower_byte)] = chr(upper_byte)
            swap_case[chr(upper_byte)] = chr(lower_byte)

    table = dict(VNI_TABLE)
    for sequence, letter in VNI_TABLE.items():
        if len(sequence) == 2:
            table.setdefault(sequence[0] + swap_case[sequence[1]], letter)
    return table


VNI_TABLE = _vni_table()
_VNI_DECODE = _vni_decode_table()
# Longest first, so that "ôù" (ớ) wins over "ô" (ơ) followed by a stray mark.
_VNI_PATTERN = re.compile(
    "|".join(re.escape(key) for key in sorted(_VNI_DECODE, key=len, reverse=True))
)


# --- Windows-1258 -------------------------------------------------------------

def _cp1258_letters() -> dict[int, str]:
    """Decode bytes 0x80-0xFF one by one with Python's cp1258 codec.

    The tone bytes (0xCC, 0xD2, 0xDE, 0xEC, 0xF2) become combining marks, which
    the NFC step of decoding then joins to the letter before them.
    """
    letters = {}
    for byte in range(0x80, 0x100):
        try:
            letters[byte] = bytes([byte]).decode("cp1258")
        except UnicodeDecodeError:
            pass  # undefined in cp1258, so it keeps its Windows-1252 meaning
    return letters


CP1258_TABLE = _byte_table(_cp1258_letters())


# --- Decoding -----------------------------------------------------------------

def decode_legacy(data: bytes | str, encoding: str) -> str:
    """Decode bytes or mis-read text in a legacy Vietnamese encoding to NFC text.

    encoding is one of LEGACY_ENCODINGS. Use TCVN3_UPPER for text set in a
    .VnTimeH-style font, where every letter shows as a capital.
    Raises ValueError for any other encoding name.
    """
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(
            f"unknown legacy encoding {encoding!r}: expected one of "
            + ", ".join(LEGACY_ENCODINGS)
        )
    return _decode_byte_text(_as_byte_text(data), encoding)


def _decode_byte_text(byte_text: str, encoding: str) -> str:
    if encoding == VNI:
        decoded = _VNI_PATTERN.sub(lambda match: _VNI_DECODE[match.group()], byte_text)
        decoded = decoded.translate(_CP1252_HIGH)
    elif encoding == TCVN3:
        decoded = byte_text.translate(TCVN3_TABLE)
    elif encoding == TCVN3_UPPER:
        decoded = byte_text.translate(TCVN3_UPPER_TABLE)
    else:
        decoded = byte_text.translate(CP1258_TABLE)
    return unicodedata.normalize("NFC", decoded)


def encoding_for_font(font_name: str) -> str | None:
    """Return the legacy encoding that a font name implies, or None.

    TCVN3 fonts are named ".Vn…" (".VnTime", ".VnArial"), with a final "H" for the
    all-capital set (".VnTimeH"). VNI fonts are named "VNI-…" ("VNI-Times").
    NOTE: this follows the usual naming of those font families, and a font
    renamed by its vendor or user is not recognised.
    """
    name = font_name.strip()
    if name.lower().startswith(".vn"):
        return TCVN3_UPPER if name.endswith("H") else TCVN3
    if name.upper().startswith("VNI-"):
        return VNI
    return None


# --- Detection ----------------------------------------------------------------

# Runs of these characters separate words when scoring: white space, ASCII
# digits and punctuation, and the general punctuation block (quotes, dashes).
_WORD_SEPARATORS = re.compile(r"[\s!-@\[-`{-~\u2010-\u206f]+")

# Share of the non-ASCII words that must be Vietnamese syllables after decoding.
# NOTE: 0.8 is a judgement call checked against the sentences in the tests, not
# tuned on a corpus.
_MIN_VALID_SHARE = 0.8


@dataclass(frozen=True)
class _Score:
    """Count of words with a non-ASCII character, and of those that are syllables."""

    marked: int
    valid: int

    @property
    def share(self) -> float:
        return self.valid / self.marked if self.marked else 0.0


def _score(text: str) -> _Score:
    marked = valid = 0
    for word in _WORD_SEPARATORS.split(text):
        if word.isascii():
            continue
        marked += 1
        valid += is_vietnamese_syllable(word)
    return _Score(marked, valid)


def detect_legacy(data: bytes | str) -> str | None:
    """Guess which legacy encoding data is in: TCVN3, VNI, CP1258 or None.

    Each candidate decoding is scored by how many of its non-ASCII words are
    Vietnamese syllables. The best one wins if at least 80% of those words are
    syllables and it has more valid words than the input read as it is. Plain
    ASCII, correct Unicode and bytes that are valid UTF-8 give None. TCVN3_UPPER
    is never returned, because only the font name distinguishes it from TCVN3.
    """
    if isinstance(data, bytes):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None
        as_read = data.decode("latin-1").translate(_CP1252_HIGH)
    else:
        as_read = nfc(data)

    byte_text = _as_byte_text(data)
    baseline = _score(as_read)
    best_encoding, best_score = None, baseline
    for encoding in (TCVN3, VNI, CP1258):
        decoded = _decode_byte_text(byte_text, encoding)
        if decoded == as_read:
            continue
        score = _score(decoded)
        if score.valid > best_score.valid and score.share >= _MIN_VALID_SHARE:
            best_encoding, best_score = encoding, score
    return best_encoding


def fix_mojibake(text: str) -> str:
    """Convert text that is TCVN3, VNI or Windows-1258 read as Windows-1252.

    "Héi nghÞ" (TCVN3) and "Hoäi nghò" (VNI) both become "Hội nghị". Text that
    detect_legacy cannot place is returned unchanged.
    NOTE: the whole text is converted, so correct words in a text that mixes
    Unicode with legacy text may be damaged. Text from a .VnTimeH font comes out
    in lower case, because the font is no longer known.
    """
    encoding = detect_legacy(text)
    if encoding is None:
        return text
    return decode_legacy(text, encoding)
