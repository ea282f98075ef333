import os
import time
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.library import (
    NEEDS_ATTENTION, Library, LibraryQuery, SortOrder, fts_match, month_range,
    sort_key_vi,
)
from desktop.models import Article, LocalStatus, SendAs


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def library(store):
    return Library(store)


@pytest.fixture
def vietnam_time():
    """Run the test in Vietnam's time zone (UTC+7, no daylight saving)."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


def add(store, title="", status=LocalStatus.DRAFT, updated=None, **fields):
    """Save an article, then set its status and last change (stored as UTC)."""
    article = store.save_article(Article(title=title, **fields))
    store._db.execute("UPDATE articles SET local_status = ? WHERE uuid = ?",
                      (status.value, article.uuid))
    if updated is not None:
        store._db.execute("UPDATE articles SET updated_at = ? WHERE uuid = ?",
                          (updated.astimezone(timezone.utc).isoformat(), article.uuid))
    return article.uuid


def titles(summaries):
    return [summary.title for summary in summaries]


def found(library, text, **filters):
    return titles(library.find(LibraryQuery(text=text, **filters)))


# Search text


def test_search_ignores_accents_and_case(store, library):
    add(store, "Đại hội Đảng bộ xã Tân Lập")
    add(store, "Lịch tiếp dân tháng 6")
    assert found(library, "dang bo") == ["Đại hội Đảng bộ xã Tân Lập"]
    assert found(library, "DANG BO") == ["Đại hội Đảng bộ xã Tân Lập"]
    assert found(library, "Đảng Bộ") == ["Đại hội Đảng bộ xã Tân Lập"]


def test_search_finds_text_stored_from_nfd(store, library):
    add(store, nfd("Trạm y tế"), body=nfd("Bệnh nhân được ứng cứu kịp thời."))
    add(store, "Trạm bơm", body="Bơm nước chống hạn.")
    assert found(library, "benh") == ["Trạm y tế"]
    assert found(library, "ung") == ["Trạm y tế"]
    assert found(library, "bệnh") == ["Trạm y tế"]


def test_search_query_typed_in_nfd(store, library):
    add(store, "Bệnh viện huyện")
    assert found(library, nfd("Bệnh viện")) == ["Bệnh viện huyện"]


def test_search_folds_every_d(store, library):
    add(store, "Đoàn thanh niên")
    add(store, "Ðoàn kiểm tra")  # U+00D0, the Icelandic eth, as pasted
    add(store, "đường liên xã")
    assert sorted(found(library, "doan")) == ["Ðoàn kiểm tra", "Đoàn thanh niên"]
    assert sorted(found(library, "Đoàn")) == ["Ðoàn kiểm tra", "Đoàn thanh niên"]
    assert sorted(found(library, "Ðoàn")) == ["Ðoàn kiểm tra", "Đoàn thanh niên"]
    assert found(library, "duong") == ["đường liên xã"]


@pytest.mark.parametrize("typed", [
    "bệnh",  # NFC
    "be\u0302\u0323nh",  # NFD, circumflex then dot below
    "be\u0323\u0302nh",  # NFD, dot below then circumflex
    "BỆNH",
])
def test_search_stacked_marks_any_order(store, library, typed):
    add(store, "Phòng chống bệnh sốt xuất huyết")
    add(store, "Hội nghị", body="Ô\u0323ng " + "be\u0323\u0302nh")
    assert sorted(found(library, typed)) == [
        "Hội nghị", "Phòng chống bệnh sốt xuất huyết"]


def test_search_both_tone_placements(store, library):
    add(store, "Hòa giải ở cơ sở")
    add(store, "Hoà nhập cộng đồng")
    assert sorted(found(library, "hoà")) == ["Hoà nhập cộng đồng",
                                             "Hòa giải ở cơ sở"]


def test_search_last_word_is_prefix(store, library):
    add(store, "Đại hội Đảng bộ xã")
    assert found(library, "dang b") == ["Đại hội Đảng bộ xã"]
    assert found(library, "Đại hộ") == ["Đại hội Đảng bộ xã"]


def test_search_earlier_words_are_whole(store, library):
    add(store, "Đại hội Đảng bộ xã")
    assert found(library, "dan bo") == []


def test_search_trailing_space_ends_prefix(store, library):
    add(store, "Hội nghị tổng kết")
    assert found(library, "ngh") == ["Hội nghị tổng kết"]
    assert found(library, "ngh ") == []
    assert found(library, "nghi ") == ["Hội nghị tổng kết"]


def test_search_covers_lead_and_body(store, library):
    add(store, "Tin một", lead="Sáng nay xã ra quân làm đường.")
    add(store, "Tin hai", body="Hội Nông dân tổ chức tập huấn.")
    assert found(library, "ra quan") == ["Tin một"]
    assert found(library, "nong dan") == ["Tin hai"]


def test_search_words_in_any_order(store, library):
    add(store, "Bệnh viện đa khoa huyện")
    assert found(library, "huyen benh") == ["Bệnh viện đa khoa huyện"]


@pytest.mark.parametrize("typed", [
    '"', "*", "-", "AND", "NEAR(", "bệnh OR", "title:bệnh", "(", "^",
])
def test_search_operators_are_plain_text(store, library, typed):
    add(store, "Bệnh viện")
    library.find(LibraryQuery(text=typed))  # must not raise


def test_search_without_letters_finds_nothing(store, library):
    add(store, "Bệnh viện")
    assert found(library, "…") == []
    assert found(library, " - / ") == []


def test_blank_search_finds_all(store, library):
    add(store, "Một")
    add(store, "Hai")
    assert sorted(found(library, "   ")) == ["Hai", "Một"]


@pytest.mark.parametrize("typed, expected", [
    ("dang bo", '"dang" "bo"*'),
    ("Đảng bộ ", '"dang" "bo"'),
    ("490/QĐ-BTTTT", '"490" "qd" "btttt"*'),
    ('a"b', '"a" "b"*'),
    ("?!", ""),
])
def test_fts_match_terms(typed, expected):
    assert fts_match(typed) == expected


# Filters


def test_status_filter(store, library):
    add(store, "Nháp", LocalStatus.DRAFT)
    add(store, "Chờ gửi", LocalStatus.QUEUED)
    add(store, "Đã gửi", LocalStatus.SENT)
    add(store, "Bị từ chối", LocalStatus.REJECTED)
    add(store, "Xung đột", LocalStatus.CONFLICT)
    add(store, "Sửa sau khi gửi", LocalStatus.CHANGED)

    def by_status(*statuses):
        return sorted(titles(library.find(LibraryQuery(statuses=frozenset(statuses)))))

    assert by_status(LocalStatus.DRAFT) == ["Nháp"]
    assert by_status(LocalStatus.QUEUED) == ["Chờ gửi"]
    assert by_status(LocalStatus.SENT, LocalStatus.DRAFT) == ["Nháp", "Đã gửi"]
    assert by_status(*NEEDS_ATTENTION) == [
        "Bị từ chối", "Sửa sau khi gửi", "Xung đột"]


def test_category_filter(store, library):
    add(store, "Hai chuyên mục", categories=["Tin tức", "Thông báo"])
    add(store, "Chỉ tin tức", categories=["Tin tức"])
    add(store, "Không chuyên mục")
    assert sorted(found(library, "", category="Tin tức")) == [
        "Chỉ tin tức", "Hai chuyên mục"]
    assert found(library, "", category=nfd("Thông báo")) == ["Hai chuyên mục"]
    assert found(library, "", category="Tin") == []


def test_author_filter(store, library):
    add(store, "Của Hoa", author="Nguyễn Thị Hoa")
    add(store, "Của Hòa", author="Trần Văn Hòa")
    assert found(library, "", author="Nguyễn Thị Hoa") == ["Của Hoa"]
    assert found(library, "", author=nfd("Trần Văn Hòa ")) == ["Của Hòa"]
    assert found(library, "", author="Nguyễn") == []


def test_date_filter_uses_local_days(store, library, vietnam_time):
    # 18:30 UTC on 31 March is 01:30 on 1 April in Vietnam.
    add(store, "Đầu tháng tư",
        updated=datetime(2025, 3, 31, 18, 30, tzinfo=timezone.utc))
    add(store, "Cuối tháng ba",
        updated=datetime(2025, 3, 31, 16, 30, tzinfo=timezone.utc))
    march = {"date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)}
    april = {"date_from": date(2025, 4, 1), "date_to": date(2025, 4, 30)}
    assert found(library, "", **march) == ["Cuối tháng ba"]
    assert found(library, "", **april) == ["Đầu tháng tư"]


def test_date_filter_includes_both_ends(store, library, vietnam_time):
    local = timezone(timedelta(hours=7))
    add(store, "Nửa đêm", updated=datetime(2025, 6, 14, 0, 0, tzinfo=local))
    add(store, "Cuối ngày", updated=datetime(2025, 6, 14, 23, 59, 59, tzinfo=local))
    add(store, "Hôm sau", updated=datetime(2025, 6, 15, 0, 0, tzinfo=local))
    one_day = {"date_from": date(2025, 6, 14), "date_to": date(2025, 6, 14)}
    assert sorted(found(library, "", **one_day)) == ["Cuối ngày", "Nửa đêm"]


def test_open_ended_date_range(store, library, vietnam_time):
    add(store, "Cũ", updated=datetime(2024, 1, 5, tzinfo=timezone.utc))
    add(store, "Mới", updated=datetime(2025, 1, 5, tzinfo=timezone.utc))
    assert found(library, "", date_from=date(2024, 6, 1)) == ["Mới"]
    assert found(library, "", date_to=date(2024, 6, 1)) == ["Cũ"]


def test_filters_combine(store, library, vietnam_time):
    june = datetime(2025, 6, 10, 3, 0, tzinfo=timezone.utc)
    may = datetime(2025, 5, 10, 3, 0, tzinfo=timezone.utc)
    common = {"categories": ["Tin tức"], "author": "Hoa"}
    add(store, "Đảng bộ: khớp", LocalStatus.SENT, june, **common)
    add(store, "Đảng bộ: tháng năm", LocalStatus.SENT, may, **common)
    add(store, "Đảng bộ: nháp", LocalStatus.DRAFT, june, **common)
    add(store, "Đảng bộ: tác giả khác", LocalStatus.SENT, june,
        categories=["Tin tức"], author="Lan")
    add(store, "Đảng bộ: chuyên mục khác", LocalStatus.SENT, june,
        categories=["Thông báo"], author="Hoa")
    add(store, "Chi bộ: khớp trừ chữ", LocalStatus.SENT, june, **common)

    query = LibraryQuery(
        text="dang bo", statuses=frozenset({LocalStatus.SENT}), category="Tin tức",
        author="Hoa", date_from=date(2025, 6, 1), date_to=date(2025, 6, 30))
    assert titles(library.find(query)) == ["Đảng bộ: khớp"]


def test_query_accepts_plain_values():
    query = LibraryQuery(statuses={"draft", LocalStatus.SENT}, sort="title")
    assert query.statuses == frozenset({LocalStatus.DRAFT, LocalStatus.SENT})
    assert query.sort is SortOrder.TITLE
    assert hash(query) == hash(LibraryQuery(
        statuses=frozenset({LocalStatus.SENT, LocalStatus.DRAFT}),
        sort=SortOrder.TITLE))


def test_unknown_status_is_rejected():
    with pytest.raises(ValueError):
        LibraryQuery(statuses={"published"})


# Sort orders


def test_newest_change_first(store, library):
    base = datetime(2025, 6, 1, tzinfo=timezone.utc)
    add(store, "Giữa", updated=base + timedelta(days=1))
    add(store, "Cũ nhất", updated=base)
    add(store, "Mới nhất", updated=base + timedelta(days=2))
    assert found(library, "") == ["Mới nhất", "Giữa", "Cũ nhất"]


def test_sort_by_title_vietnamese(store, library):
    for title in ("Yên Bình", "Ủy ban", "Đại hội", "Dân vận", "Âu Cơ", "Ấp Bắc",
                  "Ăn Tết", "An ninh", "Bản tin"):
        add(store, title)
    assert found(library, "", sort=SortOrder.TITLE) == [
        "An ninh", "Ăn Tết", "Ấp Bắc", "Âu Cơ", "Bản tin", "Dân vận", "Đại hội",
        "Ủy ban", "Yên Bình"]


def test_title_sort_applies_to_search(store, library):
    add(store, "Đảng bộ xã Yên Lạc")
    add(store, "Đảng bộ xã An Lạc")
    add(store, "Hội nông dân")
    assert found(library, "dang", sort=SortOrder.TITLE) == [
        "Đảng bộ xã An Lạc", "Đảng bộ xã Yên Lạc"]


# Choices for the filter menus


def test_authors_distinct_and_sorted(store, library):
    for author in ("Trần Văn Đức", "Lê Thị Ấn", "Trần Văn Đức", "", "Lê Thị An"):
        add(store, "Tin", author=author)
    assert library.authors() == ["Lê Thị An", "Lê Thị Ấn", "Trần Văn Đức"]


def test_categories_distinct_and_sorted(store, library):
    add(store, "Một", categories=["Văn bản", "Tin tức"])
    add(store, "Hai", categories=["Tin tức", "Ấn phẩm"])
    add(store, "Ba")
    assert library.categories() == ["Ấn phẩm", "Tin tức", "Văn bản"]


def test_empty_store_has_no_choices(library):
    assert library.authors() == []
    assert library.categories() == []
    assert library.find(LibraryQuery()) == []


def test_library_does_not_write(store, library):
    add(store, "Bệnh viện", author="Hoa", categories=["Tin tức"])
    before = store._db.total_changes
    library.find(LibraryQuery(text="benh", sort=SortOrder.TITLE))
    library.authors()
    library.categories()
    assert store._db.total_changes == before


def test_summaries_match_store_list(store, library):
    base = datetime(2025, 6, 1, tzinfo=timezone.utc)
    uuids = [add(store, f"Tin {number}", updated=base + timedelta(hours=number))
             for number in range(4)]
    store.queue_article(uuids[0], site_id=1, send_as=SendAs.REVIEW)
    store.queue_article(uuids[1], site_id=1, send_as=SendAs.REVIEW)
    [first, second] = store.waiting_operations()
    store.begin_attempt(second.id)
    store.postpone_operation(first, 1.9e9, "offline", "", uncertain=False)
    # A correction queued while the first send is in flight waits behind it.
    store.queue_article(uuids[1], site_id=1, send_as=SendAs.REVIEW)

    summaries = {summary.uuid: summary for summary in library.find(LibraryQuery())}
    assert summaries[uuids[0]].send_state == "ready"
    assert summaries[uuids[0]].next_attempt_at == 1.9e9
    assert summaries[uuids[1]].send_state == "in_flight"
    assert summaries[uuids[2]].send_state == ""
    assert library.find(LibraryQuery()) == store.list_articles()


def test_summary_carries_send_state(store, library):
    uuid = add(store, "Chờ gửi")
    store.queue_article(uuid, site_id=1, send_as=SendAs.REVIEW)
    [summary] = library.find(LibraryQuery(text="cho gui"))
    assert summary.uuid == uuid
    assert summary.local_status is LocalStatus.QUEUED
    assert summary.send_state == "ready"


# Vietnamese collation


def test_sort_key_letter_order():
    words = ["Yên", "Ủy", "Đại", "Dân", "Âu", "Ấp", "Ăn", "An", "Bắc", "Ơn", "Ông",
             "Ong", "Ước", "Uống", "Em", "Êm"]
    assert sorted(words, key=sort_key_vi) == [
        "An", "Ăn", "Ấp", "Âu", "Bắc", "Dân", "Đại", "Em", "Êm", "Ong", "Ông",
        "Ơn", "Uống", "Ủy", "Ước", "Yên"]


def test_sort_key_tone_order():
    tones = ["mạ", "má", "mã", "mả", "mà", "ma"]
    assert sorted(tones, key=sort_key_vi) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_sort_key_letters_before_tones():
    # The letters decide first: "mà" < "mai" although "ma" < "mà" alone.
    assert sorted(["mai", "mà", "mạ"], key=sort_key_vi) == ["mà", "mạ", "mai"]


def test_sort_key_ignores_case_first():
    assert sorted(["Bình", "an", "Ân", "bình"], key=sort_key_vi) == [
        "an", "Ân", "bình", "Bình"]


def test_sort_key_same_for_nfc_and_nfd():
    for word in ("Đảng bộ", "Ủy ban", "Nguyễn", "Ước"):
        assert sort_key_vi(nfd(word)) == sort_key_vi(word)


def test_sort_key_eth_sorts_as_d_stroke():
    assert sort_key_vi("Ðoàn")[0] == sort_key_vi("Đoàn")[0]
    assert sorted(["Ðoàn", "Dung", "Em"], key=sort_key_vi) == ["Dung", "Ðoàn", "Em"]


def test_sort_key_digits_and_spaces_first():
    assert sorted(["Ấp Bắc", "Ấpx", "2025", "Ấp"], key=sort_key_vi) == [
        "2025", "Ấp", "Ấp Bắc", "Ấpx"]


def test_sort_key_punctuation_first():
    titles = ["An ninh", "“Dân vận khéo”", "2025", "– Tin", "(Tin)"]
    assert sorted(titles, key=sort_key_vi) == [
        "(Tin)", "– Tin", "“Dân vận khéo”", "2025", "An ninh"]


def test_sort_key_loanword_letters():
    assert sorted(["Zalo", "Facebook", "Gia", "Ê-đê", "Wifi", "Xã"],
                  key=sort_key_vi) == ["Ê-đê", "Facebook", "Gia", "Wifi", "Xã", "Zalo"]


# Month ranges


@pytest.mark.parametrize("today, months_back, expected", [
    (date(2025, 6, 14), 0, (date(2025, 6, 1), date(2025, 6, 30))),
    (date(2025, 6, 14), 1, (date(2025, 5, 1), date(2025, 5, 31))),
    (date(2025, 1, 31), 1, (date(2024, 12, 1), date(2024, 12, 31))),
    (date(2024, 3, 31), 1, (date(2024, 2, 1), date(2024, 2, 29))),
    (date(2025, 3, 1), 14, (date(2024, 1, 1), date(2024, 1, 31))),
])
def test_month_range(today, months_back, expected):
    assert month_range(today, months_back) == expected
