import sqlite3
import unicodedata

import pytest

from desktop.migrations import MIGRATIONS
from desktop.models import Article, LocalStatus, SendAs, Site
from desktop.store import Store

NFD_TITLE = unicodedata.normalize("NFD", "Hội nghị Đảng bộ xã Hòa Thắng")


def test_new_store_applies_all_migrations(store):
    assert store.schema_version == len(MIGRATIONS)


def test_store_uses_wal(store, tmp_path):
    mode = sqlite3.connect(tmp_path / "tinxa.sqlite3").execute(
        "PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_reopening_keeps_schema_and_data(tmp_path):
    first = Store(tmp_path / "db")
    first.save_article(Article(title="Tin một"))
    first.close()
    second = Store(tmp_path / "db")
    assert second.schema_version == len(MIGRATIONS)
    assert [a.title for a in second.list_articles()] == ["Tin một"]


def test_save_normalises_text_to_nfc(store):
    article = Article(title=NFD_TITLE, lead=NFD_TITLE, body=NFD_TITLE,
                      author=NFD_TITLE, source=NFD_TITLE,
                      categories=[unicodedata.normalize("NFD", "Tin tức")],
                      tags=[unicodedata.normalize("NFD", "Đại hội")])
    store.save_article(article)
    stored = store.get_article(article.uuid)
    for value in (stored.title, stored.lead, stored.body, stored.author,
                  stored.source, *stored.categories, *stored.tags):
        assert unicodedata.is_normalized("NFC", value)
    assert stored.title == "Hội nghị Đảng bộ xã Hòa Thắng"


def test_save_round_trips_every_field(store):
    article = Article(title="Tiêu đề", lead="Sa pô", body="# Nội dung",
                      categories=["Tin tức", "Thông báo"], tags=["xã", "hội nghị"],
                      author="Hoa", source="UBND xã")
    store.save_article(article)
    stored = store.get_article(article.uuid)
    assert stored.title == "Tiêu đề"
    assert stored.lead == "Sa pô"
    assert stored.body == "# Nội dung"
    assert stored.categories == ["Tin tức", "Thông báo"]
    assert stored.tags == ["xã", "hội nghị"]
    assert stored.author == "Hoa"
    assert stored.source == "UBND xã"
    assert stored.local_status is LocalStatus.DRAFT
    assert stored.created_at == article.created_at


def test_search_ignores_accents_and_form(store):
    article = Article(title=NFD_TITLE, body="Bệnh viện ứng phó")
    store.save_article(article)
    assert store.search("dang bo") == [article.uuid]
    assert store.search("ĐẢNG") == [article.uuid]
    assert store.search("benh ung") == [article.uuid]
    assert store.search("hoa thang") == [article.uuid]
    assert store.search("khong co") == []


def test_queue_puts_one_send_in_outbox(store):
    article = store.save_article(Article(title="Tin"))
    store.queue_article(article.uuid, 1, SendAs.REVIEW)
    store.queue_article(article.uuid, 1, SendAs.SERVER_DRAFT)
    operations = store.due_operations(1)
    assert len(operations) == 1
    assert store.count_waiting() == 1
    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.QUEUED
    assert stored.send_as is SendAs.SERVER_DRAFT


def test_interrupted_send_returns_uncertain(store):
    article = store.save_article(Article(title="Tin"))
    store.queue_article(article.uuid, 1, SendAs.REVIEW)
    operation = store.due_operations(1)[0]
    store.begin_attempt(operation.id)
    assert store.due_operations(1) == []

    assert store.recover_interrupted() == 1
    recovered = store.due_operations(1)[0]
    assert recovered.uncertain
    assert recovered.attempts == 1


def test_postponed_send_waits_until_due(store):
    article = store.save_article(Article(title="Tin"))
    store.queue_article(article.uuid, 1, SendAs.REVIEW)
    operation = store.due_operations(1)[0]
    store.postpone_operation(operation, 1000.0, "offline", "refused", False)
    assert store.due_operations(1, now=999.0) == []
    assert len(store.due_operations(1, now=1000.0)) == 1
    assert store.get_article(article.uuid).last_error == "offline"


def test_make_due_filters_by_error(store):
    first = store.save_article(Article(title="Một"))
    second = store.save_article(Article(title="Hai"))
    for article in (first, second):
        store.queue_article(article.uuid, 1, SendAs.REVIEW)
    one, two = store.due_operations(1)
    store.postpone_operation(one, 5000.0, "offline", "", False)
    store.postpone_operation(two, 5000.0, "server_busy", "", False)
    store.make_due(1, ("offline",))
    due = store.due_operations(1, now=10.0)
    assert [op.article_uuid for op in due] == [first.uuid]


def test_unassigned_sends_join_new_site(store):
    article = store.save_article(Article(title="Tin"))
    store.queue_article(article.uuid, 0, SendAs.REVIEW)
    store.assign_site(7)
    assert [op.article_uuid for op in store.due_operations(7)] == [article.uuid]


def test_site_round_trip(store):
    site = store.save_site(Site(url="https://xa.example", username="hoa",
                                display_name="Nguyễn Thị Hoa",
                                capabilities=["edit_posts"],
                                categories={"Tin tức": 3}))
    again = store.save_site(Site(url="https://xa.example", username="hoa"))
    assert again.id == site.id
    stored = store.get_site(site.id)
    assert stored.url == "https://xa.example"
    assert stored.categories == {}


def test_control_characters_are_removed(store):
    article = store.save_article(Article(
        title="Tin\x00 số\x07 1\n\tmới", body="Dòng 1\x1b\nDòng 2\tcột",
        author="Hoa\x85"))
    stored = store.get_article(article.uuid)
    assert stored.title == "Tin số 1 mới"
    assert stored.body == "Dòng 1\nDòng 2\tcột"
    assert stored.author == "Hoa"
