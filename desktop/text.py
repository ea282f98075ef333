"""Vietnamese text handling: normalisation, search keys, slugs and word counts.

Everything here works on any mix of NFC and NFD input. Functions that return text
for storage return NFC. Search keys are only for comparing, never for display.
"""

import math
import re
import unicodedata
from dataclasses import dataclass

# "Đ" has no decomposition, and the Icelandic eth looks the same in most fonts.
_D_LETTERS = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "ð": "d"})

# The five tone marks as combining characters.
GRAVE = "\u0300"  # huyền
ACUTE = "\u0301"  # sắc
TILDE = "\u0303"  # ngã
HOOK_ABOVE = "\u0309"  # hỏi
DOT_BELOW = "\u0323"  # nặng
TONE_MARKS = frozenset((GRAVE, ACUTE, TILDE, HOOK_ABOVE, DOT_BELOW))

_VOWELS = frozenset("aăâeêioôơuưy")
_SHAPED_VOWELS = frozenset("ăâêôơư")


def _build_letters() -> frozenset[str]:
    lower = {"đ"}
    for base in _VOWELS:
        for tone in ("", *TONE_MARKS):
            letter = unicodedata.normalize("NFC", base + tone)
            if not letter.isascii():
                lower.add(letter)
    return frozenset(lower | {letter.upper() for letter in lower})


# The 134 precomposed Vietnamese letters outside ASCII, lower and upper case.
VIETNAMESE_LETTERS = _build_letters()

# Vietnamese letters outside Latin-1, less ă and đ, which Romanian and Croatian
# also use. A text that contains one of them is taken to be Vietnamese.
_VIETNAMESE_ONLY = frozenset(
    c for c in VIETNAMESE_LETTERS if ord(c) > 0xFF and c not in "ăĂđĐ"
)

# A word: letters and any combining marks, so NFD words are not split.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


def nfc(text: str | None) -> str:
    """Normalise text to NFC, the form TinXa stores and sends."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text)


def search_fold(text: str) -> str:
    """Fold text for accent-insensitive matching: lower case, no marks, đ to d.

    Stacked marks ("ệ", "Ộ") go too, and NFC and NFD input give the same key.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_LETTERS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


def slugify(title: str, max_length: int = 80) -> str:
    """Make a URL slug: "Đại hội Đảng bộ xã" becomes "dai-hoi-dang-bo-xa".

    The slug is cut to at most max_length characters at a hyphen, unless its first
    word alone is longer, which is then cut mid-word. A title with no letters or
    digits gives "", so the caller must supply another slug.
    """
    folded = search_fold(title)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) <= max_length:
        return slug

    cut = slug[: max_length + 1]
    boundary = cut.rfind("-")
    if boundary > 0:
        return cut[:boundary]
    return slug[:max_length].rstrip("-")


# --- Look-alike eth -----------------------------------------------------------

_ETH_TO_D = {"Ð": "Đ", "ð": "đ"}


def find_lookalike_eth(text: str) -> list[int]:
    """Find the Icelandic eth (Ð U+00D0, ð U+00F0) where Vietnamese đ/Đ was meant.

    Returns indices into text as given. Every eth counts when the text contains a
    letter that only Vietnamese uses (such as "ạ" or "ư"). Otherwise an eth counts
    only if its word is a Vietnamese syllable once the eth becomes đ ("Ðoàn"), so
    Icelandic words such as "það" are left alone.
    """
    if all(eth not in text for eth in _ETH_TO_D):
        return []
    if any(c in _VIETNAMESE_ONLY for c in nfc(text)):
        return [i for i, c in enumerate(text) if c in _ETH_TO_D]

    positions = []
    for match in _WORD.finditer(text):
        word = match.group()
        replaced = "".join(_ETH_TO_D.get(c, c) for c in word)
        if replaced != word and is_vietnamese_syllable(replaced):
            positions.extend(
                match.start() + i for i, c in enumerate(word) if c in _ETH_TO_D
            )
    return positions


def replace_lookalike_eth(text: str) -> str:
    """Replace each eth that find_lookalike_eth reports with đ or Đ."""
    characters = list(text)
    for index in find_lookalike_eth(text):
        characters[index] = _ETH_TO_D[characters[index]]
    return "".join(characters)


# --- Syllables ----------------------------------------------------------------

_INITIALS = frozenset(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split()
) | {""}

# Vowel clusters (medial glide, main vowel, final glide) with the final consonants
# each may take, comma-separated. An empty entry means the syllable may end on the
# cluster. The list follows standard Vietnamese spelling and leaves out rare
# loanword rhymes.
_RHYME_FINALS = {
    "a": ",c,ch,m,n,ng,nh,p,t",
    "ă": "c,m,n,ng,p,t",
    "â": "c,m,n,ng,p,t",
    "e": ",c,m,n,ng,p,t",
    "ê": ",ch,m,n,nh,p,t",
    "i": ",ch,m,n,nh,p,t",
    "o": ",c,m,n,ng,p,t",
    "ô": ",c,m,n,ng,p,t",
    "ơ": ",m,n,p,t",
    "u": ",c,m,n,ng,p,t",
    "ư": ",c,m,n,ng,t",
    "y": "",
    "iê": "c,m,n,ng,p,t",
    "yê": "m,n,ng,t",
    "uô": "c,m,n,ng,t",
    "ươ": "c,m,n,ng,p,t",
    "oa": ",c,ch,m,n,ng,nh,p,t",
    "oă": "c,m,n,ng,t",
    "oe": ",n,t",
    "oo": "c,ng",
    "uâ": "n,ng,t",
    "uê": ",ch,n,nh",
    "uy": ",ch,nh,t",
    "uyê": "n,t",
}
# Clusters that end in a glide take no final consonant.
_GLIDE_ENDED = (
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ "
    "oai oao oay oeo uây uôi ươi ươu iêu yêu uya uyu"
)
_RHYME_FINALS.update(dict.fromkeys(_GLIDE_ENDED.split(), ""))
_RHYMES = {
    cluster: frozenset(finals.split(",")) for cluster, finals in _RHYME_FINALS.items()
}

# Finals after which only the sắc and nặng tones occur.
_STOP_FINALS = frozenset(("c", "ch", "p", "t"))


@dataclass(frozen=True)
class Syllable:
    """A written Vietnamese syllable split into its parts.

    letters are the NFC letters without the tone mark, in their original case.
    The vowel cluster is letters[cluster_start:cluster_end]. The initial and final
    are lower case.
    """

    letters: tuple[str, ...]
    tone: str
    initial: str
    cluster_start: int
    cluster_end: int
    final: str


def parse_syllable(word: str) -> Syllable | None:
    """Split one written syllable into its parts, or return None if it is not one.

    The check is spelling-based: a known initial consonant, a vowel cluster from
    the standard rhymes, an allowed final consonant, at most one tone mark, and
    only sắc or nặng before a final c, ch, p or t. It does not check that the
    syllable is a real word, and it rejects loanwords such as "video".
    """
    parts = _split_letters(word)
    if parts is None:
        return None
    letters, tone = parts
    lower = [letter.lower() for letter in letters]

    start = 0
    while start < len(lower) and lower[start] not in _VOWELS:
        start += 1
    # "qu" and "gi" (before another vowel) are initials although u and i are vowels.
    after_initial = lower[start:start + 2]
    if lower[:start] == ["q"] and after_initial[:1] == ["u"]:
        start += 1
    elif (lower[:start] == ["g"] and after_initial[:1] == ["i"]
          and len(after_initial) == 2 and after_initial[1] in _VOWELS):
        start += 1

    end = start
    while end < len(lower) and lower[end] in _VOWELS:
        end += 1

    syllable = Syllable(
        letters=tuple(letters),
        tone=tone,
        initial="".join(lower[:start]),
        cluster_start=start,
        cluster_end=end,
        final="".join(lower[end:]),
    )
    return syllable if _is_well_formed(syllable, "".join(lower[start:end])) else None


def is_vietnamese_syllable(word: str) -> bool:
    """Check whether word is spelled as one Vietnamese syllable (see parse_syllable)."""
    return parse_syllable(word) is not None


def _split_letters(word: str) -> tuple[list[str], str] | None:
    """Split word into NFC letters without tone marks, and its tone mark or ""."""
    letters: list[str] = []
    tones = []
    for char in unicodedata.normalize("NFD", word):
        if char in TONE_MARKS:
            tones.append(char)
        elif unicodedata.combining(char) and letters:
            letters[-1] += char
        else:
            letters.append(char)

    if not letters or len(tones) > 1:
        return None
    letters = [unicodedata.normalize("NFC", letter) for letter in letters]
    return letters, (tones[0] if tones else "")


def _is_well_formed(syllable: Syllable, cluster: str) -> bool:
    initial, final = syllable.initial, syllable.final
    if initial not in _INITIALS or not cluster:
        return False
    if final in _STOP_FINALS and syllable.tone not in (ACUTE, DOT_BELOW):
        return False

    # k, gh and ngh are written only before e, ê, i and y. c and ng never are,
    # and g is not written before e or ê.
    front = cluster[0] in "eêiy"
    if initial in ("k", "gh", "ngh") and not front:
        return False
    if initial in ("c", "ng") and front:
        return False
    if initial == "g" and cluster[0] in "eê":
        return False

    candidates = [cluster]
    if initial == "qu":
        candidates.append("u" + cluster)  # "quy" is the rhyme "uy"
    if initial == "gi" and cluster[0] == "ê":
        candidates.append("i" + cluster)  # "giếng" is the rhyme "iêng"
    return any(final in _RHYMES.get(candidate, ()) for candidate in candidates)


# --- Tone placement -----------------------------------------------------------

_TWO_WAY_CLUSTERS = frozenset(("oa", "oe", "uy"))


def fold_tone_placement(text: str) -> str:
    """Map both tone placements of each syllable to one key for search and spelling.

    "hoà" and "hòa", "thuý" and "thúy", "khoẻ" and "khỏe" all give the key with
    the tone on the second vowel ("hoà", "thuý", "khoẻ"). Misplaced tones such as
    "ngòai" get the same key as "ngoài". Words that are not Vietnamese syllables
    are kept. The key is NFC. Store and show the text as the author typed it.
    """
    return _WORD.sub(lambda match: _place_tone(match.group()), nfc(text))


def _place_tone(word: str) -> str:
    syllable = parse_syllable(word)
    if syllable is None or not syllable.tone:
        return word

    letters = list(syllable.letters)
    index = _tone_position(syllable)
    letters[index] = unicodedata.normalize("NFC", letters[index] + syllable.tone)
    return "".join(letters)


def _tone_position(syllable: Syllable) -> int:
    """Return the index of the letter that carries the tone in the key spelling."""
    start, end = syllable.cluster_start, syllable.cluster_end
    cluster = [letter.lower() for letter in syllable.letters[start:end]]

    shaped = [i for i, letter in enumerate(cluster) if letter in _SHAPED_VOWELS]
    if shaped:
        return start + shaped[-1]  # "ươ" takes the tone on ơ
    if syllable.final or len(cluster) == 1:
        return end - 1
    if len(cluster) == 3:
        return start + 1  # "ngoài", "khuỷu"
    if "".join(cluster) in _TWO_WAY_CLUSTERS:
        return start + 1
    return start  # "của", "mía", "tai"


# --- Word counts ----------------------------------------------------------------

# Markdown and HTML constructs that are not read as words, in the order removed.
_MARKUP = [
    (re.compile(r"<!--.*?-->", re.DOTALL), " "),
    (re.compile(r"^\s*(```|~~~).*$", re.MULTILINE), " "),  # code fences
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images, alt text included
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # inline links keep their text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE), " "),  # link definitions
    (re.compile(r"<[^>\n]+>"), " "),  # HTML tags and autolinks
    (re.compile(r"https?://\S+"), " "),  # bare addresses
    (re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"), " "),  # entities
    (re.compile(r"^\s*\d+[.)]\s", re.MULTILINE), " "),  # ordered list numbers
]


def word_count(markdown: str) -> int:
    """Count the words a reader sees in a Markdown body, ignoring the markup.

    A word is a run between spaces that contains a letter or digit, so in
    Vietnamese it is one syllable ("tiếng"), the unit reading rates use.
    Images, link targets, HTML tags and list numbers are not counted.
    """
    text = markdown
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def reading_minutes(words: int, words_per_minute: int = 200) -> int:
    """Estimate the reading time in whole minutes, rounded up. 0 words give 0.

    NOTE: 200 words (syllables) per minute is a round figure for Vietnamese news
    read on screen, not a measured rate. Pass another rate to change it.
    """
    if words_per_minute <= 0:
        raise ValueError(f"words_per_minute must be positive, got {words_per_minute}")
    if words <= 0:
        return 0
    return math.ceil(words / words_per_minute)
