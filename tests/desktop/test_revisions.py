import unicodedata
from datetime import datetime, timedelta

import pytest

from desktop.models import Article
from desktop.revisions import Revisions, count_changes

START = datetime.fromisoformat("2026-06-10T08:00:00+00:00")
BODY = "Sáng nay, Ủy ban nhân dân xã Hòa Thắng tổ chức hội nghị tổng kết."


@pytest.fixture
def revisions(store):
    return Revisions(store)


@pytest.fixture
def article(store):
    saved = Article(title="Hội nghị tổng kết", lead="Tin ngắn.", body=BODY,
                    categories=["Tin tức"], tags=["hội nghị"], author="Hoa",
                    source="UBND xã")
    return store.save_article(saved)


def nfd(text):
    return unicodedata.normalize("NFD", text)


def count_rows(store, uuid):
    return store._db.execute("SELECT count(*) FROM revisions WHERE article_uuid = ?",
                             (uuid,)).fetchone()[0]


def local(*parts):
    """A moment in the computer's local time zone, which thinning buckets by."""
    return datetime(*parts).astimezone()


def record_edits(revisions, article, moments):
    """Record one forced snapshot per moment, each with a different body."""
    for number, moment in enumerate(moments):
        article.body = f"{BODY} Lần sửa {number}."
        revisions.record(article, now=moment, force=True)


# Recording rules


def test_first_record_stores_snapshot(revisions, article, store):
    assert revisions.record(article, now=START)
    assert count_rows(store, article.uuid) == 1


def test_empty_article_not_recorded(revisions, store):
    empty = store.save_article(Article())
    assert not revisions.record(empty, now=START)
    assert count_rows(store, empty.uuid) == 0


def test_empty_article_recorded_when_forced(revisions, store):
    empty = store.save_article(Article())
    assert revisions.record(empty, now=START, force=True)


def test_unchanged_text_not_recorded_again(revisions, article, store):
    revisions.record(article, now=START)
    assert not revisions.record(article, now=START + timedelta(hours=2))
    assert not revisions.record(article, now=START + timedelta(hours=2), force=True)
    assert count_rows(store, article.uuid) == 1


def test_nfd_text_equals_nfc_snapshot(revisions, article, store):
    revisions.record(article, now=START)
    article.title = nfd(article.title)
    article.body = nfd(article.body)
    article.categories = [nfd("Tin tức")]
    assert not revisions.record(article, now=START + timedelta(hours=2))
    assert count_rows(store, article.uuid) == 1


def test_small_change_waits_for_interval(revisions, article, store):
    revisions.record(article, now=START)
    article.body += " Thêm một câu."
    assert not revisions.record(article, now=START + timedelta(minutes=4, seconds=59))
    assert revisions.record(article, now=START + timedelta(minutes=5))
    assert count_rows(store, article.uuid) == 2


def test_interval_counts_from_newest_snapshot(revisions, article):
    revisions.record(article, now=START)
    article.body += " Một."
    revisions.record(article, now=START + timedelta(minutes=5))
    article.body += " Hai."
    assert not revisions.record(article, now=START + timedelta(minutes=9))


def test_interval_is_a_parameter(store, article):
    revisions = Revisions(store, min_interval=timedelta(minutes=1))
    revisions.record(article, now=START)
    article.body += " Thêm."
    assert revisions.record(article, now=START + timedelta(minutes=1))


def test_large_change_recorded_at_once(revisions, article):
    revisions.record(article, now=START)
    article.body += "x" * 200
    assert not revisions.record(article, now=START + timedelta(seconds=1))
    article.body += "x"
    assert revisions.record(article, now=START + timedelta(seconds=2))


def test_large_deletion_recorded_at_once(store):
    revisions = Revisions(store)
    long_article = store.save_article(Article(title="Dài", body="chữ " * 100))
    revisions.record(long_article, now=START)
    long_article.body = "chữ"
    assert revisions.record(long_article, now=START + timedelta(seconds=1))


def test_large_change_threshold_is_a_parameter(store, article):
    revisions = Revisions(store, large_change=10)
    revisions.record(article, now=START)
    article.body += " mười một chữ"
    assert revisions.record(article, now=START + timedelta(seconds=1))


def test_force_records_within_interval(revisions, article, store):
    revisions.record(article, now=START)
    article.body += "!"
    assert revisions.record(article, now=START + timedelta(seconds=1), force=True)
    assert count_rows(store, article.uuid) == 2


def test_clock_set_back_records(revisions, article):
    revisions.record(article, now=START)
    article.body += " Thêm."
    assert revisions.record(article, now=START - timedelta(hours=1))


def test_change_in_any_field_counts(revisions, article):
    revisions.record(article, now=START)
    article.tags = ["hội nghị", "tổng kết"]
    assert revisions.record(article, now=START + timedelta(minutes=5))


def test_unsaved_article_rejected(revisions):
    with pytest.raises(LookupError, match="not found"):
        revisions.record(Article(title="Chưa lưu"), now=START)


# Thinning


def test_thinning_keeps_newest_per_hour(store, article):
    revisions = Revisions(store, max_count=10)
    old_hour = [local(2026, 6, 3, 10, minute) for minute in range(0, 60, 10)]
    now = local(2026, 6, 10, 12, 0)
    recent = [now - timedelta(hours=hours) for hours in (5, 4, 3, 2, 1, 0)]
    record_edits(revisions, article, old_hour + recent)

    kept = revisions.list(article.uuid)
    assert len(kept) == 7
    assert [info.saved_at for info in kept[:6]] == recent[::-1]
    assert kept[6].saved_at == old_hour[-1]


def test_thinning_keeps_newest_per_day_after_a_month(store, article):
    revisions = Revisions(store, max_count=3)
    old_day = [local(2026, 5, 1, hour, 0) for hour in (9, 13, 17)]
    later = local(2026, 5, 6, 9, 0)
    now = local(2026, 6, 10, 12, 0)
    record_edits(revisions, article, [*old_day, later, now])

    kept = [info.saved_at for info in revisions.list(article.uuid)]
    assert kept == [now, later, old_day[-1]]


def test_thinning_drops_oldest_beyond_max(store, article):
    revisions = Revisions(store, max_count=3)
    moments = [START + timedelta(minutes=minutes) for minutes in range(5)]
    record_edits(revisions, article, moments)

    kept = [info.saved_at for info in revisions.list(article.uuid)]
    assert kept == moments[:1:-1]


def test_no_thinning_up_to_max(store, article):
    revisions = Revisions(store, max_count=5)
    old = [local(2026, 5, 1, 9, minute) for minute in range(5)]
    record_edits(revisions, article, old)
    assert count_rows(store, article.uuid) == 5


def test_thinning_leaves_other_articles(store, article):
    revisions = Revisions(store, max_count=2)
    other = store.save_article(Article(title="Bài khác"))
    record_edits(revisions, other, [START, START + timedelta(minutes=1)])
    record_edits(revisions, article, [START + timedelta(minutes=m) for m in range(4)])
    assert count_rows(store, other.uuid) == 2
    assert count_rows(store, article.uuid) == 2


# Listing and reading


def test_list_is_newest_first_with_changes(revisions, article):
    revisions.record(article, now=START)
    article.title = "Hội nghị tổng kết năm"
    article.body = BODY.replace(" tổng kết", "")
    revisions.record(article, now=START + timedelta(minutes=5))

    newest, first = revisions.list(article.uuid)
    assert newest.saved_at == START + timedelta(minutes=5)
    assert newest.title == "Hội nghị tổng kết năm"
    assert (newest.added, newest.removed) == (4, 9)
    assert first.saved_at == START
    assert first.removed == 0
    assert first.added == len("Hội nghị tổng kết" "Tin ngắn." + BODY
                              + "Tin tức" "hội nghị" "Hoa" "UBND xã")


def test_list_counts_words_of_lead_and_body(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    assert info.words == 2 + 15


def test_list_of_unknown_article_is_empty(revisions):
    assert revisions.list("no-such-uuid") == []


def test_get_returns_snapshot_fields(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    revision = revisions.get(info.id)
    assert revision.article_uuid == article.uuid
    assert revision.saved_at == START
    assert revision.title == "Hội nghị tổng kết"
    assert revision.lead == "Tin ngắn."
    assert revision.body == BODY
    assert revision.categories == ["Tin tức"]
    assert revision.tags == ["hội nghị"]
    assert revision.author == "Hoa"
    assert revision.source == "UBND xã"


def test_snapshot_is_stored_in_nfc(revisions, store):
    article = Article(title=nfd("Đại hội"), body=nfd("Nội dung"))
    store._db.execute(
        "INSERT INTO articles (uuid, created_at, updated_at) VALUES (?, ?, ?)",
        (article.uuid, START.isoformat(), START.isoformat()))
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    revision = revisions.get(info.id)
    assert revision.title == "Đại hội"
    assert unicodedata.is_normalized("NFC", revision.body)


def test_get_unknown_id_raises(revisions):
    with pytest.raises(LookupError, match="revision 42 not found"):
        revisions.get(42)


# Differences


def test_diff_with_same_text_is_empty(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.body = nfd(article.body)
    assert revisions.diff(info.id, article) == []


def test_diff_shows_changed_fields(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.title = "Hội nghị sơ kết"
    article.body = BODY + "\nĐoạn mới."
    article.categories = ["Tin tức", "Thông báo"]

    lines = revisions.diff(info.id, article)
    assert lines[:2] == ["--- a/title", "+++ b/title"]
    assert "-Hội nghị tổng kết" in lines
    assert "+Hội nghị sơ kết" in lines
    assert "--- a/body" in lines
    assert "+Đoạn mới." in lines
    assert "+Thông báo" in lines
    assert "--- a/lead" not in lines
    assert "--- a/author" not in lines


def test_diff_of_nfd_text_is_nfc(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.body = nfd(BODY + "\nĐoạn mới.")
    lines = revisions.diff(info.id, article)
    assert "+Đoạn mới." in lines
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)


def test_diff_between_two_snapshots(revisions, article):
    revisions.record(article, now=START)
    article.author = "Lan"
    revisions.record(article, now=START + timedelta(minutes=5))
    newest, first = revisions.list(article.uuid)
    assert revisions.diff(first.id, newest.id) == [
        "--- a/author", "+++ b/author", "@@ -1 +1 @@", "-Hoa", "+Lan"]


def test_diff_html_marks_changed_words(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.body = BODY.replace("tổng kết", "sơ kết")

    page = revisions.diff_html(info.id, article)
    assert "<del " in page
    assert ">tổng</del>" in page
    assert ">sơ</ins>" in page
    assert "Ủy ban nhân dân xã Hòa Thắng" in page


def test_diff_html_same_for_nfd_and_nfc(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.body = BODY + " Thêm câu mới về Đảng bộ."
    from_nfc = revisions.diff_html(info.id, article)
    article.body = nfd(article.body)
    article.title = nfd(article.title)
    from_nfd = revisions.diff_html(info.id, article)
    assert from_nfd == from_nfc
    assert "Thêm câu mới về Đảng bộ." in from_nfc
    assert unicodedata.is_normalized("NFC", from_nfc)


def test_diff_html_escapes_markup(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.body = BODY + ' <script>alert("x")</script> & <b>'
    page = revisions.diff_html(info.id, article)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "&amp;" in page
    assert "<b>" not in page


def test_diff_html_shows_changed_side_fields_only(revisions, article):
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    article.source = "Đài truyền thanh xã"
    page = revisions.diff_html(info.id, article, labels={"source": "Nguồn tin"})
    assert "<h3>Nguồn tin</h3>" in page
    assert "<h3>Title</h3>" in page
    assert "<h3>Body</h3>" in page
    assert "<h3>Author</h3>" not in page
    assert "<h3>Tags</h3>" not in page


def test_diff_html_leaves_out_empty_lead(revisions, store):
    article = store.save_article(Article(title="Tin", body="Nội dung"))
    revisions.record(article, now=START)
    [info] = revisions.list(article.uuid)
    assert "<h3>Lead</h3>" not in revisions.diff_html(info.id, article)


# Restoring


def test_restore_returns_old_text(revisions, article, store):
    revisions.record(article, now=START)
    [first] = revisions.list(article.uuid)
    article.title = "Tiêu đề mới"
    article.body = "Nội dung viết lại."
    article.tags = []
    store.save_article(article)

    restored = revisions.restore(article.uuid, first.id)
    assert restored.uuid == article.uuid
    assert restored.title == "Hội nghị tổng kết"
    assert restored.body == BODY
    assert restored.tags == ["hội nghị"]
    assert store.get_article(article.uuid).title == "Tiêu đề mới"


def test_restore_can_be_undone(revisions, article, store):
    revisions.record(article, now=START)
    [first] = revisions.list(article.uuid)
    article.body = "Nội dung viết lại."
    store.save_article(article)

    store.save_article(revisions.restore(article.uuid, first.id))
    before_restore = revisions.list(article.uuid)[0]
    assert revisions.get(before_restore.id).body == "Nội dung viết lại."

    undone = revisions.restore(article.uuid, before_restore.id)
    assert undone.body == "Nội dung viết lại."


def test_restore_keeps_server_fields(revisions, article, store):
    revisions.record(article, now=START)
    [first] = revisions.list(article.uuid)
    store._db.execute("UPDATE articles SET server_id = 77 WHERE uuid = ?",
                      (article.uuid,))
    assert revisions.restore(article.uuid, first.id).server_id == 77


def test_restore_of_other_article_rejected(revisions, article, store):
    revisions.record(article, now=START)
    [first] = revisions.list(article.uuid)
    other = store.save_article(Article(title="Bài khác"))
    with pytest.raises(ValueError, match="belongs to article"):
        revisions.restore(other.uuid, first.id)


# Counting changes


@pytest.mark.parametrize("old, new, expected", [
    ("", "", (0, 0)),
    ("hội nghị", "hội nghị", (0, 0)),
    ("hội nghị", "hồi nghị", (1, 1)),
    ("hội nghị", "hội nghị xã", (3, 0)),
    ("hội nghị xã", "hội nghị", (0, 3)),
    ("dòng một\ndòng hai\n", "dòng một\n", (0, 9)),
    ("", "mới", (3, 0)),
])
def test_count_changes(old, new, expected):
    assert count_changes(old, new) == expected
