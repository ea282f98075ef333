"""Tests for the Vietnamese spell checker: detection, suggestions, word lists."""

import unicodedata

import pytest

from desktop.errors import InputError, TinXaError
from desktop.spelling import (
    SpellChecker,
    TonePlacement,
    next_code_fence,
    old_tone_placement,
    tone_placements,
)

ARTICLE = """\
# Xã Hòa Bình tổng kết công tác năm 2024

**Sáng ngày 15/12/2024, Ủy ban nhân dân (UBND) xã Hòa Bình tổ chức hội nghị \
tổng kết công tác năm 2024 và triển khai nhiệm vụ năm 2025.**

Dự hội nghị có đồng chí Nguyễn Văn An, Phó Chủ tịch UBND huyện; đại diện \
Thường trực HĐND xã, các ban, ngành, đoàn thể và trưởng thôn trên địa bàn.

Toàn xã có 1.250 ha lúa, năng suất bình quân 6,2 tấn/ha; xã đã làm mới 4,5 km \
đường giao thông nông thôn và hoàn thành 12 nhà đại đoàn kết cho hộ nghèo.

Thực hiện Quyết định số 490/QĐ-BTTTT và Nghị định 42/2022/NĐ-CP, xã cập nhật \
trang thông tin tại https://hoabinh.gov.vn/tin-tuc?id=12 và nhận phản ánh qua \
ubnd.hoabinh@gmail.com. Xem [kế hoạch chi tiết](https://hoabinh.gov.vn/ke-hoach.pdf) \
hoặc quét mã QR: ![mã QR](images/ma-qr-2025.png).

Công tác chăm sóc sức khỏe được chú trọng, hộ gia đình khoẻ mạnh. Công trình \
thủy lợi và thuỷ điện được tu sửa; hòa giải, hoà nhập cộng đồng đạt kết quả \
tốt. Bà Trần Thị Thúy và ông Lê Văn Thuý nhận giấy khen.

Đoàn thanh niên tổ chức livestream trên Facebook và Zalo.
"""


@pytest.fixture(scope="module")
def checker():
    """A loaded checker without a personal list, shared by read-only tests."""
    shared = SpellChecker(None)
    shared.load()
    return shared


def flagged(checker: SpellChecker, text: str) -> list[str]:
    return [text[start:end] for start, end in checker.misspelled(text)]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- Detection ---------------------------------------------------------------------


def test_article_has_no_false_alarms(checker):
    assert flagged(checker, ARTICLE) == []


@pytest.mark.parametrize("sentence, typo", [
    ("Hội nghị tổng kêt công tác năm 2024.", "kêt"),
    ("Thu nhập bình quân đầu ngừoi đạt 62 triệu đồng.", "ngừoi"),
    ("Các hộ dân ở ngòai đê đã di dời.", "ngòai"),
    ("Xã có 12 hộ nghèo được hỗ trơj vay vốn.", "trơj"),  # Telex left over
    ("Người dân đuợc tuyên truyền về phòng cháy.", "đuợc"),
    ("Chủ tịch UBND xã khong tham dự.", "khong"),
    ("Quỹ vì người nghèo nhận sự ủng hộ qúy báu.", "qúy"),
    ("Trường học trên địa bàn đã hòan thành.", "hòan"),
])
def test_typo_is_flagged(checker, sentence, typo):
    assert flagged(checker, sentence) == [typo]


def test_both_tone_placements_pass(checker):
    pairs = [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"),
             ("Thúy", "Thuý"), ("ủy", "uỷ"), ("HÒA", "HOÀ"), ("Hòa", "Hoà")]
    for old, new in pairs:
        assert checker.is_correct(old), old
        assert checker.is_correct(new), new


def test_misplaced_tone_is_flagged(checker):
    for word in ("ngòai", "qúy", "hòan", "thủyê"):
        assert not checker.is_correct(word), word


def test_text_is_not_changed(checker):
    text = "Xã Hòa Bình và xã Hoà Bình"
    before = str(text)
    checker.misspelled(text)
    assert text == before


def test_nfd_ranges_index_input(checker):
    text = nfd("Hội nghị tổng kêt công tác")
    ranges = checker.misspelled(text)
    assert len(ranges) == 1
    start, end = ranges[0]
    assert text[start:end] == nfd("kêt")


def test_abbreviations_pass(checker):
    text = ("UBND, HĐND, MTTQ và Đoàn TNCS Hồ Chí Minh; Tp.HCM; ĐBSCL; "
            "Quyết định của TTg; khóa XIII, quý II; COVID-19.")
    assert flagged(checker, text) == []


@pytest.mark.parametrize("citation", [
    "490/QĐ-BTTTT",
    "42/2022/NĐ-CP",
    "15/2023/TT-BTTTT",
    "12 / QĐ - UBND",
    "07/KH&UBND",
    "1234/QĐ-TTg",
])
def test_citation_passes(checker, citation):
    assert flagged(checker, f"Thực hiện văn bản số {citation} ngày 14/6/2023.") == []


def test_upper_case_words_are_checked(checker):
    assert flagged(checker, "HỘI NGHỊ TỔNG KẾT") == []
    assert flagged(checker, "THÔGN BÁO") == ["THÔGN"]


def test_proper_names_need_capital(checker):
    assert flagged(checker, "Ông Nguyễn Văn Huế ở Đắk Lắk và Kon Tum") == []
    assert flagged(checker, "họ nguyễn") == ["nguyễn"]


def test_numbers_and_units_pass(checker):
    text = "Gieo cấy 20ha lúa, làm 5 km đường, cúm H5N1, mạng 4G, 10h30, 15m2."
    assert flagged(checker, text) == []


def test_single_letters_pass(checker):
    assert flagged(checker, "theo điểm a, b, c và đ khoản 1") == []


def test_allowed_english_words_pass(checker):
    text = "Xem video trên website, fanpage, Zalo; gửi e-mail; dùng Wi-Fi."
    assert flagged(checker, text) == []


def test_other_english_words_are_flagged(checker):
    assert flagged(checker, "Cuộc meeting diễn ra online.") == ["meeting"]


def test_urls_and_emails_pass(checker):
    text = ("Xem https://xyzqw.gov.vn/abcde, www.qwzx.vn, qwzx.com.vn/tin "
            "và gửi về vanthu.qwzx@hoabinh.gov.vn")
    assert flagged(checker, text) == []


def test_link_target_skipped_text_checked(checker):
    text = "Xem [kế hoạch qwzx](https://a.vn/xyzqw \"tiêu đề qwzx\")."
    assert flagged(checker, text) == ["qwzx"]


def test_image_target_skipped_alt_checked(checker):
    text = "![ảnh hội nghị qwzx](images/xyzqw-2024.jpg)"
    assert flagged(checker, text) == ["qwzx"]


def test_reference_links_skipped(checker):
    text = "Xem [kế hoạch][xyzqw].\n\n[xyzqw]: https://a.vn/qwzx \"qwzx\""
    assert flagged(checker, text) == []


def test_inline_code_and_html_skipped(checker):
    text = "Gõ `xyzqw --qwzx` rồi <span class=\"qwzx\">bấm</span>&nbsp;nút."
    assert flagged(checker, text) == []


def test_fenced_code_skipped(checker):
    text = "Mở đầu\n```python\nxyzqw = qwzx()\n```\nsau đó qwzx\n~~~\nabcz\n~~~"
    assert flagged(checker, text) == ["qwzx"]


def test_unclosed_fence_hides_rest(checker):
    assert flagged(checker, "```\nxyzqw\nqwzx") == []


@pytest.mark.parametrize("line, before, after", [
    ("văn bản", 0, 0),
    ("```", 0, 3),
    ("````python", 0, 4),
    ("~~~", -1, -3),
    ("```", 3, 0),
    ("~~~", 3, 3),  # a tilde fence does not close a backtick block
    ("```", 4, 4),  # a shorter fence does not close a longer one
    ("``` không", 3, 3),  # a closing fence has no info string
    ("``` a`b", 0, 0),  # backticks in the info string: not a fence
    ("    ```", 0, 0),  # four spaces of indent: not a fence
])
def test_next_code_fence(line, before, after):
    assert next_code_fence(line, before) == after


# --- Tone placement ----------------------------------------------------------------


def test_old_tone_placement_moves_open_two_way():
    assert old_tone_placement("hoà thuỷ khoẻ Hoà") == "hòa thủy khỏe Hòa"


def test_old_tone_placement_keeps_others():
    unchanged = "hoàn thuyết ngoài quý của"
    assert old_tone_placement(unchanged) == unchanged


def test_tone_placements_give_both():
    assert tone_placements("hòa") == {"hòa", "hoà"}
    assert tone_placements(nfd("thuỷ")) == {"thủy", "thuỷ"}


# --- Suggestions ---------------------------------------------------------------------


@pytest.mark.parametrize("word, expected", [
    ("nguoi", "người"),
    ("ngòai", "ngoài"),
    ("đươc", "được"),
    ("đuợc", "được"),
    ("qúy", "quý"),
    ("kêt", "kết"),
    ("khong", "không"),
    ("dến", "đến"),
    ("hòan", "hoàn"),
    ("tổngg", "tổng"),
    ("Ðoàn", "Đoàn"),  # Icelandic eth instead of Đ
])
def test_first_suggestion(checker, word, expected):
    assert checker.suggestions(word)[0] == expected


def test_suggestions_ranked_by_frequency(checker):
    found = checker.suggestions("nguoi")
    assert found.index("người") < found.index("ngươi")


def test_suggestions_follow_case(checker):
    assert checker.suggestions("Nguoi")[0] == "Người"
    assert checker.suggestions("THÔGN")[0] == "THÔNG"


def test_suggestions_follow_default_placement():
    old = SpellChecker(None)
    new = SpellChecker(None, tone_placement=TonePlacement.NEW)
    assert "thủy" in old.suggestions("thuy")
    assert "thuỷ" not in old.suggestions("thuy")
    assert "thuỷ" in new.suggestions("thuy")
    assert "thủy" not in new.suggestions("thuy")


def test_suggestions_follow_word_placement(checker):
    assert "khoẻ" in checker.suggestions("khoẻe")
    assert "khỏe" in checker.suggestions("khỏee")


def test_suggestions_limit_and_nonsense(checker):
    assert len(checker.suggestions("cong", limit=3)) == 3
    assert checker.suggestions("xyzqwv") == []
    assert checker.suggestions("  ") == []


def test_suggestions_are_nfc(checker):
    for suggestion in checker.suggestions(nfd("đươc")):
        assert unicodedata.is_normalized("NFC", suggestion)


# --- Personal list and ignored words ---------------------------------------------


def test_added_word_persists(tmp_path):
    path = tmp_path / "words.txt"
    first = SpellChecker(path)
    assert not first.is_correct("Pắc")
    first.add_word("Pắc")
    assert first.is_correct("Pắc")

    second = SpellChecker(path)
    assert second.is_correct("Pắc")
    assert second.personal_words == ["Pắc"]


def test_added_word_stored_nfc(tmp_path):
    path = tmp_path / "words.txt"
    checker = SpellChecker(path)
    checker.add_word(nfd("Mường"))
    checker.add_word(nfd("Mường"))
    assert path.read_text(encoding="utf-8") == "Mường\n"
    assert checker.is_correct(nfd("Mường"))


def test_added_word_takes_both_placements(tmp_path):
    checker = SpellChecker(tmp_path / "words.txt")
    checker.add_word("Khuỷa")
    assert checker.is_correct("Khuỷa")
    assert checker.is_correct("KHUỶA")


def test_lower_case_word_matches_capitalised(tmp_path):
    checker = SpellChecker(tmp_path / "words.txt")
    checker.add_word("vlog")
    assert checker.is_correct("Vlog")
    assert checker.is_correct("VLOG")


def test_removed_word_persists(tmp_path):
    path = tmp_path / "words.txt"
    checker = SpellChecker(path)
    checker.add_word("vlog")
    checker.add_word("Pắc")
    checker.remove_word("vlog")
    checker.remove_word("absent")
    assert not checker.is_correct("vlog")
    assert SpellChecker(path).personal_words == ["Pắc"]


def test_personal_word_suggested(tmp_path):
    checker = SpellChecker(tmp_path / "words.txt")
    checker.add_word("Pleime")
    assert "Pleime" in checker.suggestions("Pleimee")


def test_add_word_rejects_spaces(tmp_path):
    checker = SpellChecker(tmp_path / "words.txt")
    with pytest.raises(ValueError):
        checker.add_word("hai từ")
    with pytest.raises(ValueError):
        checker.add_word("  ")


def test_unwritable_list_raises(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    checker = SpellChecker(blocker / "words.txt")
    with pytest.raises(InputError) as raised:
        checker.add_word("vlog")
    assert raised.value.code == "personal_dictionary_unwritable"
    assert not checker.is_correct("vlog")


def test_unreadable_list_starts_empty(tmp_path):
    path = tmp_path / "words.txt"
    path.write_bytes(b"\xff\xfe not utf-8 \x81")
    checker = SpellChecker(path)
    assert checker.personal_words == []


def test_ignore_is_session_only(tmp_path):
    path = tmp_path / "words.txt"
    checker = SpellChecker(path)
    checker.ignore("Vlog")
    assert checker.is_correct("vlog")
    assert checker.is_correct("VLOG")
    assert not SpellChecker(path).is_correct("vlog")
    assert not path.exists()


# --- Loading -------------------------------------------------------------------------


def test_load_is_lazy():
    checker = SpellChecker(None)
    assert not checker.is_loaded
    assert checker.misspelled_in_line("qwzx") == ([], 0)
    assert checker.misspelled("qwzx") == [(0, 4)]
    assert checker.is_loaded


def test_missing_dictionary_raises(tmp_path):
    checker = SpellChecker(None, dictionary_paths=[tmp_path / "absent.dic"])
    with pytest.raises(TinXaError) as raised:
        checker.load()
    assert raised.value.code == "spelling_dictionary_missing"
    assert "absent.dic" in raised.value.detail


def test_own_dictionary_files(tmp_path):
    dictionary = tmp_path / "small.dic"
    dictionary.write_text("3\nhoà\nxã\nNguyễn/A\n", encoding="utf-8")
    frequencies = tmp_path / "small.tsv"
    frequencies.write_text("# comment\nxã\t6.0\n", encoding="utf-8")
    allowed = tmp_path / "allowed.txt"
    allowed.write_text("online\n", encoding="utf-8")
    checker = SpellChecker(None, dictionary_paths=[dictionary],
                           frequency_path=frequencies, allowed_path=allowed)
    assert flagged(checker, "Xã Hòa online, Nguyễn, người") == ["người"]
