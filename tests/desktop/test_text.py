"""Tests for Vietnamese normalisation, search keys, slugs, syllables and counts."""

import unicodedata

import pytest

from desktop.text import (
    VIETNAMESE_LETTERS,
    find_lookalike_eth,
    fold_tone_placement,
    is_vietnamese_syllable,
    nfc,
    parse_syllable,
    reading_minutes,
    replace_lookalike_eth,
    search_fold,
    slugify,
    word_count,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- nfc ---------------------------------------------------------------------------


def test_nfc_composes_nfd():
    assert nfc(nfd("Hội nghị")) == "Hội nghị"
    assert unicodedata.is_normalized("NFC", nfc(nfd("Ễ Ộ ứ")))


def test_nfc_empty_and_none():
    assert nfc(None) == ""
    assert nfc("") == ""


# --- search_fold -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ệ", "e"),
        ("ứ", "u"),
        ("Ễ", "e"),
        ("Ộ", "o"),
        ("Đảng", "dang"),
        ("đ", "d"),
        ("Ðà Nẵng", "da nang"),  # Icelandic eth U+00D0
        ("ðà", "da"),
        ("Hội nghị Tổng kết", "hoi nghi tong ket"),
    ],
)
def test_search_fold(text, expected):
    assert search_fold(text) == expected


def test_search_fold_nfd_matches_nfc():
    for text in ("Hội nghị", "ỄỘỨệ", "Đảng bộ Hòa Thắng", "khuỷu"):
        assert search_fold(nfd(text)) == search_fold(text)


def test_search_fold_every_letter_is_ascii():
    for letter in VIETNAMESE_LETTERS:
        folded = search_fold(letter)
        assert len(folded) == 1, letter
        assert folded in "adeiouy", letter


# --- slugify ---------------------------------------------------------------------


def test_slugify_title():
    assert slugify("Đại hội Đảng bộ xã") == "dai-hoi-dang-bo-xa"


def test_slugify_nfd_title():
    assert slugify(nfd("Đại hội Đảng bộ xã")) == "dai-hoi-dang-bo-xa"


def test_slugify_punctuation_and_digits():
    assert slugify("  Quyết định số 490/QĐ-UBND (2026)!  ") == (
        "quyet-dinh-so-490-qd-ubnd-2026"
    )


def test_slugify_empty():
    assert slugify("") == ""


def test_slugify_only_symbols():
    assert slugify("!!! ??? — …") == ""


def test_slugify_long_title_cut_at_word():
    title = "Hội nghị tổng kết công tác " * 10
    slug = slugify(title)
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert slugify(title, max_length=1000).startswith(slug + "-")


def test_slugify_long_single_word_cut():
    slug = slugify("a" * 200)
    assert slug == "a" * 80


def test_slugify_cut_exactly_at_boundary():
    assert slugify("abc def", max_length=3) == "abc"
    assert slugify("abc def", max_length=6) == "abc"
    assert slugify("abc def", max_length=7) == "abc-def"


# --- look-alike eth -------------------------------------------------------------


def test_find_eth_in_vietnamese_text():
    text = "Ðại hội Ðoàn, Ð/c Hùng"
    assert find_lookalike_eth(text) == [0, 8, 14]


def test_find_eth_word_check_without_vietnamese_letters():
    assert find_lookalike_eth("Ðoàn") == [0]
    assert find_lookalike_eth("Ðà Lat") == [0]


def test_find_eth_leaves_icelandic():
    assert find_lookalike_eth("Það er gott, Ðóra") == []
    assert find_lookalike_eth("það") == []


def test_find_eth_none():
    assert find_lookalike_eth("Đại hội") == []
    assert find_lookalike_eth("") == []


def test_replace_eth():
    assert replace_lookalike_eth("Ðại hội ðảng bộ") == "Đại hội đảng bộ"
    assert replace_lookalike_eth("Ð/c Hùng ở Ðà Nẵng") == "Đ/c Hùng ở Đà Nẵng"
    assert replace_lookalike_eth("það") == "það"


def test_find_eth_positions_in_nfd_text():
    text = nfd("Ðảng bộ")
    assert find_lookalike_eth(text) == [0]


# --- syllables ---------------------------------------------------------------------

VALID_SYLLABLES = (
    "Hội nghị tổng kết công tác năm của Đảng bộ xã Hòa Thắng uỷ ủy ban nhân dân "
    "chính phủ thị trấn phường huyện tỉnh Việt Nam gì yêu oanh khoảng hoạch quản "
    "quý thuế mười rượu ấy ở và các những với trong này điện tử tháng ngày Thứ Tư "
    "Chủ Nhật khỏe khoẻ thúy thuý xoong gửi hươu khuỷu ngoài khuya thuở gìn già "
    "giá kinh kỹ ghế nghe nước đường tiếng xuân tuần luật quốc quyền kiểm sách "
    "lịch ếch đoàn uống cuộc thuyền huynh huých suýt khoét hoặc ông ăn ích ưng "
    "yến giếng giữa giường quỳnh quên quen giết NGUYỄN"
).split()

INVALID_SYLLABLES = (
    "video café Héi nghÞ §¶ng hoµ x· ce ngi ghơ tac tàc ngỉ qa film jazz hộiị "
    "2026 anhh"
).split()


@pytest.mark.parametrize("word", VALID_SYLLABLES)
def test_valid_syllable(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", INVALID_SYLLABLES)
def test_invalid_syllable(word):
    assert not is_vietnamese_syllable(word)


def test_syllable_nfd_input():
    assert is_vietnamese_syllable(nfd("Nghiệp"))
    assert is_vietnamese_syllable(nfd("ĐƯỜNG"))


def test_parse_syllable_parts():
    syllable = parse_syllable("Người")
    assert syllable is not None
    assert syllable.initial == "ng"
    assert syllable.letters[syllable.cluster_start:syllable.cluster_end] == (
        "ư", "ơ", "i"
    )
    assert syllable.final == ""
    assert syllable.tone == "\u0300"


def test_parse_syllable_qu_and_gi_initials():
    assert parse_syllable("quyết").initial == "qu"
    assert parse_syllable("giữa").initial == "gi"
    assert parse_syllable("gìn").initial == "g"


# --- tone placement -----------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("hoà", "hòa"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("Hoà Bình", "Hòa Bình"),
        ("HOÀ", "HÒA"),
        ("uỷ ban", "ủy ban"),
        ("ngoài", "ngòai"),
        ("của", "cuả"),
    ],
)
def test_tone_placements_share_key(first, second):
    assert fold_tone_placement(first) == fold_tone_placement(second)


def test_tone_key_choice():
    assert fold_tone_placement("hòa thúy khỏe") == "hoà thuý khoẻ"


def test_tone_key_keeps_fixed_placements():
    text = "Hoàng quý người tiếng giếng khuỷu toán thuận của mía"
    assert fold_tone_placement(text) == text


def test_tone_key_nfd_input():
    assert fold_tone_placement(nfd("hòa")) == "hoà"


def test_tone_key_keeps_other_words():
    text = "Café 2026, video! Hòa"
    assert fold_tone_placement(text) == "Café 2026, video! Hoà"


def test_tone_key_distinguishes_words():
    assert fold_tone_placement("hòa") != fold_tone_placement("họa")
    assert fold_tone_placement("hòa") != fold_tone_placement("hoa")


# --- word counts -------------------------------------------------------------------


def test_word_count_plain():
    assert word_count("Hội nghị tổng kết năm 2026") == 6


def test_word_count_ignores_markup():
    body = (
        "# Tiêu đề\n\n"
        "Một **hai** _ba_ [bốn](https://example.org/a) ![ảnh bìa](a.png)\n\n"
        "1. năm\n"
        "- sáu\n"
        "> bảy\n\n"
        "<b>tám</b> &nbsp; <https://example.org>\n\n"
        "| chín | mười |\n"
        "| --- | --- |\n\n"
        "---\n"
        "[bốn]: https://example.org/a\n"
        "<!-- ghi chú -->\n"
    )
    # "Tiêu đề" and the numbers "một" to "mười"
    assert word_count(body) == 12


def test_word_count_code_fence_lines():
    assert word_count("```python\nin ra\n```\n") == 2


def test_word_count_empty():
    assert word_count("") == 0
    assert word_count("** -- |") == 0


def test_reading_minutes():
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(200) == 1
    assert reading_minutes(201) == 2
    assert reading_minutes(300, words_per_minute=100) == 3


def test_reading_minutes_rejects_bad_rate():
    with pytest.raises(ValueError, match="words_per_minute"):
        reading_minutes(10, words_per_minute=0)
