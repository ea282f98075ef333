"""Vietnamese spell checking for article text written in Markdown.

SpellChecker finds misspelled words in a text and suggests corrections. It skips
what is not prose: code, link targets, URLs, e-mail addresses, numbers, document
citations ("490/QĐ-BTTTT") and abbreviations ("UBND"). Both tone placements are
accepted ("hoà" and "hòa") and the text is never changed.
"""

import logging
import os
import re
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from desktop.errors import InputError, TinXaError
from desktop.text import (
    TONE_MARKS, fold_tone_placement, nfc, parse_syllable, search_fold,
)
from resources import resource_path

log = logging.getLogger(__name__)

# A (start, end) range of string indices, end exclusive.
Range = tuple[int, int]

MAX_SUGGESTIONS = 8


class TonePlacement(Enum):
    """The tone position suggestions use in open syllables with oa, oe and uy.

    Both placements are correct and both are accepted in text. OLD is the
    default because it is the more common: in wordfreq 3.1.1's Vietnamese data
    "hòa" occurs about nine times as often as "hoà".
    """

    OLD = "old"  # hòa, khỏe, thủy
    NEW = "new"  # hoà, khoẻ, thuỷ


# Where operating systems keep the Vietnamese Hunspell list; Debian and Ubuntu
# install it with the hunspell-vi package. TinXa does not ship a copy because
# that list is GPL-2 only, and TinXa is GPL-3.0-or-later.
SYSTEM_DICTIONARIES = (Path("/usr/share/hunspell/vi_VN.dic"),
                       Path("/usr/share/myspell/vi_VN.dic"))


def system_dictionary() -> Path | None:
    """Return the installed Vietnamese syllable list, or None if there is none."""
    return next((path for path in SYSTEM_DICTIONARIES if path.is_file()), None)


def default_dictionary_paths() -> list[Path]:
    """Return the system's Vietnamese syllable list and TinXa's supplement.

    Raises InputError("dictionary_missing") when no list is installed.
    """
    found = system_dictionary()
    if found is None:
        # TODO(spelling): Windows has no system list; a build for it needs a
        # dictionary whose licence allows shipping it with TinXa.
        raise InputError("dictionary_missing", ", ".join(map(str, SYSTEM_DICTIONARIES)))
    return [found, resource_path("dictionaries", "vi_extra.txt")]


def default_frequency_path() -> Path:
    return resource_path("dictionaries", "vi_frequencies.tsv")


def default_allowed_path() -> Path:
    """Return the list of foreign words and unit symbols accepted as they are."""
    return resource_path("dictionaries", "en_allowed.txt")


# --- Markup that is not prose ------------------------------------------------

# Each match is blanked out before words are looked for. When a pattern has a
# group named "hide", only that group is blanked, so a link keeps its text.
_NOT_PROSE = [
    re.compile(r"(`+)(?:(?!\1).)+\1"),  # inline code
    re.compile(r"<!--.*?-->"),
    re.compile(r"</?[A-Za-z][^<>]*>"),  # HTML tags and <https://...> autolinks
    # The target and title of an inline link or image: [text](target "title")
    re.compile(r"\]\((?P<hide>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"
               r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*)\)"),
    re.compile(r"\]\[(?P<hide>[^\]]*)\]"),  # the label of a reference link
    re.compile(r"^ {0,3}\[[^\]]+\]:.*$"),  # a link reference definition
    re.compile(r"\b(?:https?|ftp)://[^\s<>\"'()\[\]]+|\bwww\.[^\s<>\"'()\[\]]+",
               re.IGNORECASE),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
    # Bare domain names such as hoabinh.gov.vn, with an optional path.
    re.compile(r"\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}\b(?:/\S*)?"),
    # Document citations: number / [year /] kind-issuer, tolerating the stray
    # spaces and "&" of typed text: "490/QĐ-BTTTT", "42/2022/NĐ-CP", "5 /QĐ & TTg".
    re.compile(r"\d+\s*/\s*(?:\d{2,4}\s*/\s*)?[A-ZĐ][A-Za-zĐđ]*(?![^\W_])"
               r"(?:\s*[-–&]\s*[A-ZĐ][A-Za-zĐđ]*(?![^\W_]))*"),
    re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"),  # HTML entities
]

# An opening or closing code fence: three or more backticks or tildes.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")

_LETTERS = r"(?:[^\W\d_]|[\u0300-\u036f])+"
# A word, with hyphens or apostrophes inside it: "e-mail", "H'Mông".
_TOKEN = re.compile(_LETTERS + r"(?:['’-]" + _LETTERS + r")*")
_LETTER_RUN = re.compile(_LETTERS)

# Marks that make a vowel letter Vietnamese: the tones, circumflex, breve, horn.
_VOWEL_MARKS = TONE_MARKS | {"\u0302", "\u0306", "\u031b"}


def _blank_out(line: str) -> str:
    """Replace the parts of a line that are not prose with spaces.

    The result has the same length, so indices into it are indices into line.
    """
    def blank(match: re.Match) -> str:
        whole = match.group()
        if "hide" not in match.re.groupindex:
            return " " * len(whole)
        start = match.start("hide") - match.start()
        end = match.end("hide") - match.start()
        return whole[:start] + " " * (end - start) + whole[end:]

    for pattern in _NOT_PROSE:
        line = pattern.sub(blank, line)
    return line


def next_code_fence(line: str, code_fence: int) -> int:
    """Return the code fence state after line, given the state before it.

    The state is 0 (or -1, Qt's initial block state) outside a fenced code
    block. Inside one it is the fence length, negative for a tilde fence, so
    that only a matching fence closes it.
    """
    match = _FENCE.match(line)
    if _inside_fence(code_fence):
        if match is None or match.group(2).strip():
            return code_fence
        marker = match.group(1)
        same_kind = (marker[0] == "~") == (code_fence < 0)
        return 0 if same_kind and len(marker) >= abs(code_fence) else code_fence

    if match is None:
        return 0
    marker, info = match.groups()
    if marker[0] == "`" and "`" in info:
        return 0  # a backtick fence's info string cannot contain a backtick
    return len(marker) if marker[0] == "`" else -len(marker)


def _inside_fence(code_fence: int) -> bool:
    return code_fence > 0 or code_fence <= -3


# --- Tone placement and case ---------------------------------------------------

_TWO_WAY_CLUSTERS = frozenset(("oa", "oe", "uy"))


def old_tone_placement(text: str) -> str:
    """Put each tone where the old placement does: "hoà" becomes "hòa".

    Only open syllables with oa, oe or uy differ between the two placements.
    Other syllables get the same spelling as fold_tone_placement gives them.
    """
    return _new_and_old(text)[1]


def _old_syllable(word: str) -> str:
    """Move the tone of a syllable spelled in the new placement to the old one."""
    syllable = parse_syllable(word)
    if syllable is None or not syllable.tone or syllable.final:
        return word
    start, end = syllable.cluster_start, syllable.cluster_end
    cluster = "".join(syllable.letters[start:end]).lower()
    if cluster not in _TWO_WAY_CLUSTERS:
        return word

    letters = list(syllable.letters)
    letters[start] = nfc(letters[start] + syllable.tone)
    return "".join(letters)


def tone_placements(word: str) -> set[str]:
    """Return the word as written and in both standard tone placements (NFC)."""
    word = nfc(word)
    return {word, *_new_and_old(word)}


def _new_and_old(word: str) -> tuple[str, str]:
    new = fold_tone_placement(word)
    return new, _LETTER_RUN.sub(lambda match: _old_syllable(match.group()), new)


# A tone on the first or on the second vowel of oa, oe or uy, in NFD. The new
# placement counts only where no final consonant or glide follows, because
# "hoàn" and "ngoài" are spelled the same in both placements.
_TONE_CLASS = "[" + "".join(sorted(TONE_MARKS)) + "]"
_OLD_MARK = re.compile(r"(?<!q)(?:o" + _TONE_CLASS + "[ae]|u" + _TONE_CLASS + "y)")
_NEW_MARK = re.compile(r"(?<!q)(?:o[ae]|uy)" + _TONE_CLASS + "(?![cmnptiuy])")


def _tone_placement_of(word: str) -> TonePlacement | None:
    """Return the placement a word uses, or None if it shows neither.

    Works on misspelled words too ("khoẻe" uses NEW), since it only looks at
    where the tone sits in oa, oe and uy.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    if _OLD_MARK.search(decomposed):
        return TonePlacement.OLD
    if _NEW_MARK.search(decomposed):
        return TonePlacement.NEW
    return None


def _case_forms(word: str) -> set[str]:
    """Return the spellings a dictionary entry accepts in running text.

    A lower-case entry also matches its capitalised and upper-case forms. An
    entry with capitals ("Nguyễn", "iPhone") also matches its upper-case form.
    """
    forms = {word, word.upper()}
    if word.islower():
        forms.add(word[0].upper() + word[1:])
    return forms


def _match_case(word: str, model: str) -> str:
    """Give word the case pattern of model: all capitals, capitalised or as is."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[0].upper() + word[1:]
    return word


def _has_vowel_marks(word: str) -> bool:
    return any(c in _VOWEL_MARKS for c in unicodedata.normalize("NFD", word))


def _is_skipped(word: str) -> bool:
    """Check whether a word is never flagged: a single letter or an abbreviation.

    Single letters without a tone mark label list items ("điểm a, b"). A word
    with two or more capitals and no Vietnamese vowel marks is taken to be an
    abbreviation: UBND, HĐND, TTg. Upper-case Vietnamese words ("HỘI NGHỊ")
    carry vowel marks and are still checked.

    NOTE: an upper-case word typed without any marks ("TONG KET") is taken for
    an abbreviation and not flagged.
    """
    decomposed = unicodedata.normalize("NFD", word)
    if len(word) == 1:
        return not any(c in TONE_MARKS for c in decomposed)
    capitals = sum(1 for c in word if c.isupper())
    return capitals >= 2 and not any(c in _VOWEL_MARKS for c in decomposed)


# --- Word lists -----------------------------------------------------------------


def _read_word_list(path: Path) -> list[str]:
    """Read a word list or a Hunspell .dic file, one word per line, as NFC.

    Blank lines, lines starting with "#", a first line holding the entry count
    and Hunspell's "/flags" suffixes are skipped.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip().isdigit():
        lines = lines[1:]
    words = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(nfc(line.split()[0].split("/", 1)[0]))
    return words


def _read_frequencies(path: Path) -> dict[str, float]:
    """Read "word<TAB>Zipf frequency" lines.

    The file lists each word in lower case and in the new tone placement, the
    spelling fold_tone_placement gives, so no word needs parsing here.
    """
    frequencies = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        frequencies[word] = float(value)
    return frequencies


@dataclass
class _Lexicon:
    """The loaded dictionary, indexed for checking and for suggestions."""

    # Every accepted spelling in exact case, both tone placements included.
    spellings: set[str] = field(default_factory=set)
    # Accepted spelling, lower-cased, to the dictionary entry it comes from.
    entries: dict[str, str] = field(default_factory=dict)
    # search_fold key ("nguoi") to the entries that have it.
    by_fold: dict[str, list[str]] = field(default_factory=dict)
    # Zipf frequency by entry: 7 for the most common words, 0 if unknown.
    frequency: dict[str, float] = field(default_factory=dict)
    alphabet: str = ""

    def add(self, entry: str, frequencies: dict[str, float]) -> None:
        if entry in self.frequency:
            return
        new, old = _new_and_old(entry)
        for placed in (entry, new, old):
            forms = _case_forms(placed)
            self.spellings |= forms
            for form in forms:
                self.entries.setdefault(form.lower(), entry)
        self.by_fold.setdefault(search_fold(entry), []).append(entry)
        self.frequency[entry] = frequencies.get(new.lower(), 0.0)


# --- The checker ----------------------------------------------------------------


class SpellChecker:
    """Checks Vietnamese text against a syllable dictionary and a personal list.

    Nothing is read until load() or the first check, so creating one is cheap.
    load() may run on a worker thread while the GUI thread waits for is_loaded.
    Checking is meant for one thread at a time.

    personal_path is the UTF-8 file of the clerk's own words, one per line,
    written on every add_word and remove_word. None keeps them in memory only.
    """

    def __init__(self, personal_path: Path | None,
                 dictionary_paths: list[Path] | None = None,
                 frequency_path: Path | None = None,
                 allowed_path: Path | None = None,
                 tone_placement: TonePlacement = TonePlacement.OLD) -> None:
        self.personal_path = personal_path
        self.tone_placement = tone_placement
        self._dictionary_paths = dictionary_paths or default_dictionary_paths()
        self._frequency_path = frequency_path or default_frequency_path()
        self._allowed_path = allowed_path or default_allowed_path()
        self._lexicon: _Lexicon | None = None
        self._load_lock = threading.Lock()
        self._personal: set[str] = set()
        self._personal_spellings: set[str] = set()
        self._ignored: set[str] = set()
        self._verdicts: dict[str, bool] = {}

    # Loading

    @property
    def is_loaded(self) -> bool:
        return self._lexicon is not None

    def load(self) -> None:
        """Read the dictionary, frequencies and word lists, once.

        Raises TinXaError (spelling_dictionary_missing) when a shipped file is
        missing. An unreadable personal list is logged and treated as empty.
        """
        with self._load_lock:
            if self._lexicon is not None:
                return
            started = time.perf_counter()
            lexicon = self._build_lexicon()
            self._personal = self._read_personal()
            self._update_personal_spellings()
            self._lexicon = lexicon
            log.info("spelling dictionary loaded: %d entries in %.0f ms",
                     len(lexicon.frequency), (time.perf_counter() - started) * 1000)

    def _build_lexicon(self) -> _Lexicon:
        lexicon = _Lexicon()
        path = self._frequency_path
        try:
            frequency = _read_frequencies(path)
            for path in [*self._dictionary_paths, self._allowed_path]:
                for entry in _read_word_list(path):
                    lexicon.add(entry, frequency)
        except FileNotFoundError as error:
            raise TinXaError("spelling_dictionary_missing", str(path),
                             path=str(path)) from error

        letters = {c for entry in lexicon.frequency for c in entry.lower()}
        lexicon.alphabet = "".join(sorted(c for c in letters if c.isalpha()))
        return lexicon

    def _read_personal(self) -> set[str]:
        if self.personal_path is None:
            return set()
        try:
            return set(_read_word_list(self.personal_path))
        except FileNotFoundError:
            return set()  # nothing added yet
        except (OSError, UnicodeDecodeError) as error:
            log.warning("personal word list %s unreadable, starting empty: %s",
                        self.personal_path, error)
            return set()

    # Checking

    def is_correct(self, word: str) -> bool:
        """Check one word. Abbreviations and single letters count as correct.

        A hyphenated word is correct as a whole ("e-mail") or when each part is.
        """
        self.load()
        return not self._wrong_parts(nfc(word).strip())

    def misspelled(self, text: str) -> list[Range]:
        """Return the ranges of misspelled words in a Markdown text.

        The ranges index text as given, NFD input included. Fenced code blocks
        are skipped along with the markup that is not prose.

        NOTE: indented code blocks and HTML comments that span several lines
        are checked as prose.
        """
        self.load()
        ranges: list[Range] = []
        code_fence = 0
        offset = 0
        for line in text.split("\n"):
            found, code_fence = self.misspelled_in_line(line, code_fence)
            ranges.extend((offset + start, offset + end) for start, end in found)
            offset += len(line) + 1
        return ranges

    def misspelled_in_line(self, line: str, code_fence: int = 0
                           ) -> tuple[list[Range], int]:
        """Return the misspelled ranges in one line and the code fence state after it.

        Call this line by line, passing each call's state to the next (see
        next_code_fence). Returns no ranges before load() has finished, so a
        GUI can call it while the dictionary loads on a worker thread.
        """
        state = next_code_fence(line, code_fence)
        if self._lexicon is None:
            return [], state
        if _inside_fence(code_fence) or _inside_fence(state):
            return [], state  # code, or a fence line opening a block

        prose = _blank_out(line)
        ranges = []
        for match in _TOKEN.finditer(prose):
            start, end = match.span()
            # "20ha", "5km", "F0", "H5N1": letters touching digits are not words.
            if (start > 0 and prose[start - 1].isdigit()) or (
                    end < len(prose) and prose[end].isdigit()):
                continue
            ranges.extend((start + part_start, start + part_end)
                          for part_start, part_end
                          in self._wrong_parts(match.group()))
        return ranges, state

    def _wrong_parts(self, token: str) -> list[Range]:
        """Return the ranges within token of its misspelled parts."""
        if self._accepts(token):
            return []
        return [match.span() for match in _LETTER_RUN.finditer(token)
                if not self._accepts(match.group())]

    def _accepts(self, word: str) -> bool:
        verdict = self._verdicts.get(word)
        if verdict is None:
            if len(self._verdicts) > 50_000:
                self._verdicts.clear()  # bounds memory in long sessions
            verdict = self._judge(nfc(word))
            self._verdicts[word] = verdict
        return verdict

    def _judge(self, word: str) -> bool:
        if _is_skipped(word) or word.lower() in self._ignored:
            return True
        return word in self._lexicon.spellings or word in self._personal_spellings

    # Suggestions

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Return up to limit corrections for a word, the likeliest first.

        First comes the word with its tone moved to the right vowel ("ngòai" to
        "ngoài") or with a look-alike eth replaced by đ. Then come entries with
        the same letters but other marks ("nguoi" to "người"), then entries one
        edit away: one letter inserted, deleted, replaced or two swapped. Within
        each group the more frequent word comes first. Suggestions follow the
        word's case and tone placement, or tone_placement when it has none.
        """
        self.load()
        word = nfc(word).strip()
        if not word:
            return []

        lower = word.lower()
        found: dict[str, int] = {}  # entry -> group, first group wins
        for group, entries in enumerate(self._candidates(lower)):
            for entry in entries:
                found.setdefault(entry, group)
        ranked = sorted(found, key=lambda entry: self._rank(entry, found[entry],
                                                            lower))

        style = _tone_placement_of(lower) or self.tone_placement
        results: list[str] = []
        for entry in ranked:
            suggestion = _match_case(self._place_tone(entry, style), word)
            if suggestion != word and suggestion not in results:
                results.append(suggestion)
        return results[:limit]

    def _candidates(self, lower: str) -> Iterator[list[str]]:
        lexicon = self._lexicon
        replaced = lower.replace("ð", "đ")
        same_letters = [lexicon.entries[form] for form
                        in (fold_tone_placement(replaced), replaced)
                        if form in lexicon.entries]
        yield same_letters

        folded = search_fold(lower)
        yield lexicon.by_fold.get(folded, [])
        yield [entry for entry in self._personal if search_fold(entry) == folded]

        edits = set(_one_edit(lower, lexicon.alphabet))
        yield [lexicon.entries[edit] for edit in edits if edit in lexicon.entries]
        yield [entry for entry in self._personal if entry.lower() in edits]

    def _rank(self, entry: str, group: int, lower: str) -> tuple:
        frequency = self._lexicon.frequency.get(entry, 0.0)
        if group != 1 or not _has_vowel_marks(lower):
            return group, 0, -frequency
        # The clerk typed some marks: prefer the entry that changes the fewest.
        changed = sum(a != b for a, b in zip(entry.lower(), lower))
        return group, changed, -frequency

    @staticmethod
    def _place_tone(entry: str, style: TonePlacement) -> str:
        if style is TonePlacement.OLD:
            return old_tone_placement(entry)
        return fold_tone_placement(entry)

    # The personal list and ignored words

    @property
    def personal_words(self) -> list[str]:
        self.load()
        return sorted(self._personal)

    def add_word(self, word: str) -> None:
        """Accept a word from now on and save it to the personal list.

        Raises ValueError for an empty word or one containing spaces, and
        InputError (personal_dictionary_unwritable) when the file cannot be
        written, in which case the word is not added.
        """
        word = self._personal_entry(word)
        self.load()
        if word in self._personal:
            return
        self._personal.add(word)
        try:
            self._save_personal()
        except InputError:
            self._personal.discard(word)
            raise
        finally:
            self._update_personal_spellings()

    def remove_word(self, word: str) -> None:
        """Remove a word from the personal list; a word not in it is ignored."""
        word = self._personal_entry(word)
        self.load()
        if word not in self._personal:
            return
        self._personal.discard(word)
        try:
            self._save_personal()
        except InputError:
            self._personal.add(word)
            raise
        finally:
            self._update_personal_spellings()

    def ignore(self, word: str) -> None:
        """Accept a word, in any case, until this checker is discarded."""
        self._ignored.add(nfc(word).strip().lower())
        self._verdicts.clear()

    @staticmethod
    def _personal_entry(word: str) -> str:
        entry = nfc(word).strip()
        if not entry or any(c.isspace() for c in entry):
            raise ValueError(f"a personal word must be one word, got {word!r}")
        return entry

    def _update_personal_spellings(self) -> None:
        spellings: set[str] = set()
        for entry in self._personal:
            for placed in tone_placements(entry):
                spellings |= _case_forms(placed)
        self._personal_spellings = spellings
        self._verdicts.clear()

    def _save_personal(self) -> None:
        """Write the personal list atomically: a crash leaves the old or new file."""
        if self.personal_path is None:
            return
        path = self.personal_path
        temporary = path.with_name(path.name + ".tmp")
        text = "".join(f"{entry}\n" for entry in sorted(self._personal))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8", newline="\n")
            os.replace(temporary, path)
        except OSError as error:
            raise InputError("personal_dictionary_unwritable", str(error),
                             path=str(path)) from error


def _one_edit(word: str, alphabet: str) -> Iterator[str]:
    """Yield every string one deletion, swap, replacement or insertion away."""
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            yield left + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for letter in alphabet:
            if right:
                yield left + letter + right[1:]
            yield left + letter + right
