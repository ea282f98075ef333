"""Tests for the TCVN3, VNI and Windows-1258 converters and their detection."""

import unicodedata

import pytest

from desktop.legacy_encodings import (
    CP1258,
    TCVN3,
    TCVN3_TABLE,
    TCVN3_UPPER,
    TCVN3_UPPER_TABLE,
    VNI,
    VNI_TABLE,
    decode_legacy,
    detect_legacy,
    encoding_for_font,
    fix_mojibake,
)

# Written out by hand so that the tests do not depend on the code's own list.
LOWER_LETTERS = (
    "áàảãạ" "ăắằẳẵặ" "âấầẩẫậ" "éèẻẽẹ" "êếềểễệ" "íìỉĩị" "óòỏõọ" "ôốồổỗộ" "ơớờởỡợ"
    "úùủũụ" "ưứừửữự" "ýỳỷỹỵ" "đ"
)
UPPER_LETTERS = LOWER_LETTERS.upper()
ALL_LETTERS = LOWER_LETTERS + UPPER_LETTERS

SENTENCE = "Hội nghị tổng kết công tác năm 2026 của Đảng bộ xã Hòa Thắng"
CP1258_TONE_BYTES = (0xCC, 0xD2, 0xDE, 0xEC, 0xF2)


def invert_byte_table(table: dict[int, str]) -> dict[str, bytes]:
    """Map each Vietnamese letter in a byte table to the lowest byte for it."""
    inverse: dict[str, bytes] = {}
    for byte, char in sorted(table.items()):
        if char in ALL_LETTERS:
            inverse.setdefault(char, bytes([byte]))
    return inverse


def invert_vni_table() -> dict[str, bytes]:
    return {letter: text.encode("latin-1") for text, letter in VNI_TABLE.items()}


def invert_cp1258() -> dict[str, bytes]:
    """Map each letter to its shortest cp1258 spelling, found by decoding candidates."""
    inverse: dict[str, bytes] = {}
    for byte in range(0x41, 0x100):
        decoded = decode_legacy(bytes([byte]), CP1258)
        if decoded in ALL_LETTERS:
            inverse.setdefault(decoded, bytes([byte]))
    for byte in range(0x41, 0x100):
        for tone_byte in CP1258_TONE_BYTES:
            decoded = decode_legacy(bytes([byte, tone_byte]), CP1258)
            if decoded in ALL_LETTERS:
                inverse.setdefault(decoded, bytes([byte, tone_byte]))
    return inverse


INVERSES = {
    TCVN3: invert_byte_table(TCVN3_TABLE),
    TCVN3_UPPER: invert_byte_table(TCVN3_UPPER_TABLE),
    VNI: invert_vni_table(),
    CP1258: invert_cp1258(),
}


def encode(text: str, encoding: str) -> bytes:
    """Encode text letter by letter, and other characters as Windows-1252."""
    inverse = INVERSES[encoding]
    return b"".join(inverse[c] if c in inverse else c.encode("cp1252") for c in text)


def test_letter_list_complete():
    assert len(set(LOWER_LETTERS)) == 67
    assert len(set(ALL_LETTERS)) == 134


# --- Round trips ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", [VNI, CP1258])
def test_every_letter_round_trips(encoding):
    inverse = INVERSES[encoding]
    missing = [letter for letter in ALL_LETTERS if letter not in inverse]
    assert missing == []
    for letter in ALL_LETTERS:
        assert decode_legacy(inverse[letter], encoding) == letter, letter


def test_tcvn3_lower_set_round_trips():
    inverse = INVERSES[TCVN3]
    expected = set(LOWER_LETTERS) | set("ĂÂÊÔƠƯĐ")
    assert set(inverse) == expected
    for letter in expected:
        assert decode_legacy(inverse[letter], TCVN3) == letter, letter


def test_tcvn3_upper_set_round_trips():
    inverse = INVERSES[TCVN3_UPPER]
    assert set(inverse) == set(UPPER_LETTERS)
    for letter in UPPER_LETTERS:
        assert decode_legacy(inverse[letter], TCVN3_UPPER) == letter, letter


def test_tcvn3_sets_cover_all_letters():
    assert set(INVERSES[TCVN3]) | set(INVERSES[TCVN3_UPPER]) == set(ALL_LETTERS)


def test_tcvn3_lower_set_has_one_byte_per_letter():
    letter_bytes = [b for b, c in TCVN3_TABLE.items() if c in ALL_LETTERS]
    assert len(letter_bytes) == len(INVERSES[TCVN3]) == 74


def test_vni_table_has_one_spelling_per_letter():
    assert len(VNI_TABLE) == 134
    assert sorted(VNI_TABLE.values()) == sorted(ALL_LETTERS)


def test_sentence_round_trips_in_each_encoding():
    for encoding in (TCVN3, VNI, CP1258):
        assert decode_legacy(encode(SENTENCE, encoding), encoding) == SENTENCE


# --- Known byte values ---------------------------------------------------------
# Legacy text as Windows-1252 shows it, in the form commonly seen in old documents.
# These strings check the tables independently of the code that builds them.


def test_tcvn3_known_mojibake():
    text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
    assert decode_legacy(text, TCVN3) == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_tcvn3_soft_hyphen_is_u_horn():
    assert decode_legacy("ng\u00adêi d©n ®\u00adîc", TCVN3) == "người dân được"


def test_tcvn3_upper_set_capitalises_ascii():
    text = "Céng hoµ x· héi chñ nghÜa viÖt nam"
    assert decode_legacy(text, TCVN3_UPPER) == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_vni_known_mojibake():
    assert decode_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI) == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert decode_legacy("ÑÖÔØNG ngöôøi Thaéng", VNI) == "ĐƯỜNG người Thắng"


def test_vni_mark_case_follows_base():
    assert decode_legacy("Aên uoáng", VNI) == "Ăn uống"
    assert decode_legacy("aÊn", VNI) == "ăn"


def test_cp1258_bytes_become_nfc():
    decoded = decode_legacy(b"Vi\xea\xf2t Nam", CP1258)
    assert decoded == "Việt Nam"
    assert unicodedata.is_normalized("NFC", decoded)


def test_cp1258_d_stroke_read_as_eth():
    # Windows-1258 byte 0xD0 is Đ, which Windows-1252 shows as the eth Ð.
    assert decode_legacy("Ðà", CP1258) == "Đà"


def test_curly_quotes_survive():
    assert decode_legacy(b"\x93H\xe9i\x94", TCVN3) == "“Hội”"
    assert decode_legacy("“Hoäi”", VNI) == "“Hội”"


def test_unicode_passes_through():
    assert decode_legacy("Hội Héi", TCVN3) == "Hội Hội"


def test_decode_returns_nfc_for_nfd_input():
    nfd = unicodedata.normalize("NFD", "Héi nghÞ")
    assert decode_legacy(nfd, TCVN3) == "Hội nghị"


def test_unknown_encoding_rejected():
    with pytest.raises(ValueError, match="viscii"):
        decode_legacy(b"abc", "viscii")


# --- Detection -----------------------------------------------------------------


@pytest.mark.parametrize("encoding", [TCVN3, VNI, CP1258])
def test_detect_sentence_bytes(encoding):
    assert detect_legacy(encode(SENTENCE, encoding)) == encoding


@pytest.mark.parametrize("encoding", [TCVN3, VNI, CP1258])
def test_detect_sentence_read_as_cp1252(encoding):
    text = encode(SENTENCE, encoding).decode("cp1252")
    assert detect_legacy(text) == encoding


@pytest.mark.parametrize("encoding", [TCVN3, VNI, CP1258])
def test_detect_sentence_read_as_latin1(encoding):
    text = encode(SENTENCE, encoding).decode("latin-1")
    assert detect_legacy(text) == encoding


@pytest.mark.parametrize("encoding", [TCVN3, VNI, CP1258])
def test_detect_single_word(encoding):
    assert detect_legacy(encode("Việt", encoding)) == encoding


def test_detect_none_for_english():
    assert detect_legacy("The quick brown fox jumps over the lazy dog.") is None
    assert detect_legacy(b"The quick brown fox jumps over the lazy dog.") is None


def test_detect_none_for_european_words():
    text = "Café résumé naïve über señor más sí qué Pokémon José déjà vu Müller"
    assert detect_legacy(text) is None
    assert detect_legacy(text.encode("cp1252")) is None


def test_detect_none_for_unicode():
    assert detect_legacy(SENTENCE) is None
    assert detect_legacy(unicodedata.normalize("NFD", SENTENCE)) is None
    assert detect_legacy(SENTENCE.encode("utf-8")) is None


def test_detect_none_for_unicode_in_latin1_range():
    # Every letter here exists in Windows-1252, so each legacy table remaps it.
    assert detect_legacy("Hòa Bình có nhiều tác giả") is None


def test_detect_none_for_empty():
    assert detect_legacy("") is None
    assert detect_legacy(b"") is None


# --- Mojibake repair -----------------------------------------------------------


def test_fix_mojibake_tcvn3():
    text = encode(SENTENCE, TCVN3).decode("cp1252")
    assert text.startswith("Héi nghÞ")
    assert fix_mojibake(text) == SENTENCE


def test_fix_mojibake_vni():
    text = encode(SENTENCE, VNI).decode("cp1252")
    assert text.startswith("Hoäi nghò")
    assert fix_mojibake(text) == SENTENCE


def test_fix_mojibake_cp1258():
    text = encode(SENTENCE, CP1258).decode("cp1252")
    assert fix_mojibake(text) == SENTENCE


@pytest.mark.parametrize("encoding", [TCVN3, VNI, CP1258])
def test_fix_mojibake_paragraph(encoding):
    paragraph = (
        "Sáng ngày 14/6/2026, UBND xã Hòa Thắng tổ chức hội nghị triển khai nhiệm "
        "vụ năm 2026. Tham dự có đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã; "
        "“Chủ tịch” phát biểu về kế hoạch chuyển đổi số (email, Zalo)."
    )
    text = encode(paragraph, encoding).decode("cp1252")
    assert fix_mojibake(text) == paragraph


def test_fix_mojibake_nfd_input():
    text = unicodedata.normalize("NFD", encode(SENTENCE, TCVN3).decode("cp1252"))
    assert fix_mojibake(text) == SENTENCE


def test_fix_mojibake_keeps_unsure_text():
    for text in (SENTENCE, "Café résumé", "Hòa Bình", "", "2026"):
        assert fix_mojibake(text) == text


# --- Font names ------------------------------------------------------------------


def test_encoding_for_font():
    assert encoding_for_font(".VnTime") == TCVN3
    assert encoding_for_font(".VnArial Narrow") == TCVN3
    assert encoding_for_font(".VnTimeH") == TCVN3_UPPER
    assert encoding_for_font("VNI-Times") == VNI
    assert encoding_for_font("Times New Roman") is None
