import pytest

from PIL import Image

from desktop.backends.base import OutgoingPost, RemoteMedia, RemotePost, UploadFile
from desktop.errors import NetworkError, RejectedError, SignInError
from desktop.models import (
    Article, LocalStatus, Media, MediaKind, SendAs, Site,
)
from desktop.sync import MAX_RETRY_S, SyncEngine, retry_delay


# What the checklist needs before an article may go out.
REQUIRED = {"author": "Hoa", "source": "UBND xã", "categories": ["Tin tức"]}


class FakeBackend:
    """Keeps posts in a dict; ``failures`` are raised by the next calls."""

    def __init__(self) -> None:
        self.site = Site(url="http://127.0.0.1:1", username="hoa",
                         capabilities=["edit_posts", "upload_files"])
        self.modified: dict[int, str] = {}
        self.lock_holder = ""
        self.posts: dict[int, OutgoingPost] = {}
        self.uuids: dict[str, int] = {}
        self.failures: list[Exception] = []
        self.create_calls = 0
        self.find_calls = 0
        self.find_media_calls = 0
        self.media: dict[str, RemoteMedia] = {}
        self.upload_calls: list[UploadFile] = []
        self.ping_error: Exception | None = None

    def _maybe_fail(self) -> None:
        if self.failures:
            raise self.failures.pop(0)

    def ping(self) -> None:
        if self.ping_error:
            raise self.ping_error

    def find_post(self, uuid: str, title: str) -> RemotePost | None:
        self.find_calls += 1
        self._maybe_fail()
        post_id = self.uuids.get(uuid)
        return self._remote(post_id) if post_id else None

    def create_post(self, post: OutgoingPost) -> RemotePost:
        self.create_calls += 1
        self._maybe_fail()
        post_id = len(self.posts) + 1
        self.posts[post_id] = post
        self.uuids[post.uuid] = post_id
        return self._remote(post_id)

    def update_post(self, post_id: int, post: OutgoingPost) -> RemotePost:
        self._maybe_fail()
        if post.status is None:
            post.status = self.posts[post_id].status
        self.posts[post_id] = post
        self.modified[post_id] = f"2026-{len(self.modified)}"
        return self._remote(post_id)

    def find_media(self, uuid: str) -> RemoteMedia | None:
        self.find_media_calls += 1
        self._maybe_fail()
        return self.media.get(uuid)

    def upload_media(self, upload: UploadFile, progress=None) -> RemoteMedia:
        self.upload_calls.append(upload)
        if progress:
            size = upload.path.stat().st_size
            progress(size, size)
        self._maybe_fail()
        media_id = 100 + len(self.media)
        self.media[upload.uuid] = RemoteMedia(
            media_id, f"http://site/up/{media_id}.jpg", upload.mime_type)
        return self.media[upload.uuid]

    def get_post(self, post_id: int) -> RemotePost:
        self._maybe_fail()
        return self._remote(post_id)

    def _remote(self, post_id: int) -> RemotePost:
        post = self.posts[post_id]
        return RemotePost(id=post_id, status=post.status,
                          link=f"http://site/?p={post_id}",
                          modified_gmt=self.modified.get(post_id, "2026"),
                          title=post.title, content_html=post.content_html,
                          lock_holder=self.lock_holder)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def site(store):
    return store.save_site(Site(url="http://127.0.0.1:1", username="hoa"))


@pytest.fixture
def backend():
    return FakeBackend()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def events():
    return []


@pytest.fixture
def engine(store, backend, clock, events):
    return SyncEngine(store, lambda site: backend, on_event=events.append,
                      clock=clock)


def queue(store, site, title="Hội nghị", send_as=SendAs.REVIEW):
    article = store.save_article(Article(
        title=title, body="**Nội dung**", categories=["Tin tức"], author="Hoa",
        source="UBND xã"))
    store.queue_article(article.uuid, site.id, send_as)
    return article


def test_queued_article_is_sent(engine, store, site, backend, events):
    article = queue(store, site)
    assert engine.run_once(site.id) == 1

    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.SENT
    assert stored.server_id == 1
    assert stored.server_status == "pending"
    assert stored.server_link == "http://site/?p=1"
    assert store.count_waiting() == 0
    post = backend.posts[1]
    assert post.uuid == article.uuid
    assert "<strong>Nội dung</strong>" in post.content_html
    assert post.category_names == ["Tin tức"]
    assert [event.state for event in events] == ["sending", "sent"]


def test_server_draft_mode_sends_draft(engine, store, site, backend):
    queue(store, site, send_as=SendAs.SERVER_DRAFT)
    engine.run_once(site.id)
    assert backend.posts[1].status == "draft"


def test_offline_keeps_article_queued(engine, store, site, backend, clock):
    article = queue(store, site)
    backend.failures.append(NetworkError("offline"))
    assert engine.run_once(site.id) == 0

    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.QUEUED
    assert stored.last_error == "offline"
    assert engine.online is False
    operation = store.waiting_operations()[0]
    assert operation.next_attempt_at > clock.now
    assert not operation.uncertain


def test_site_back_sends_without_waiting(engine, store, site, backend):
    article = queue(store, site)
    backend.failures.append(NetworkError("offline"))
    engine.run_once(site.id)

    # Nothing is due yet, so the engine probes, and the site responds again.
    assert engine.run_once(site.id) == 1
    assert store.get_article(article.uuid).local_status is LocalStatus.SENT
    assert engine.online is True


def test_probe_failure_keeps_backoff(engine, store, site, backend, clock):
    queue(store, site)
    backend.failures.append(NetworkError("offline"))
    engine.run_once(site.id)
    backend.ping_error = NetworkError("offline")
    assert engine.run_once(site.id) == 0
    assert backend.create_calls == 1


def test_uncertain_failure_looks_up_first(engine, store, site, backend):
    article = queue(store, site)
    # The server created the post, then the response was lost.
    backend.posts[1] = OutgoingPost(uuid=article.uuid, title="", excerpt="",
                                    content_html="", status="pending")
    backend.uuids[article.uuid] = 1
    backend.failures.append(NetworkError("timeout", uncertain=True))
    engine.run_once(site.id)
    backend.create_calls = 0

    assert engine.run_once(site.id) == 1
    assert backend.find_calls == 1
    assert backend.create_calls == 0
    assert len(backend.posts) == 1
    assert store.get_article(article.uuid).server_id == 1


def test_killed_process_resumes_with_lookup(engine, store, site, backend):
    article = queue(store, site)
    operation = store.due_operations(site.id)[0]
    store.begin_attempt(operation.id)  # the process died after this point
    engine.recover()

    assert engine.run_once(site.id) == 1
    assert backend.find_calls == 1
    assert len(backend.posts) == 1
    assert store.get_article(article.uuid).local_status is LocalStatus.SENT


def test_first_attempt_skips_lookup(engine, store, site, backend):
    queue(store, site)
    engine.run_once(site.id)
    assert backend.find_calls == 0


def test_wrong_password_parks_queue(engine, store, site, backend, events):
    article = queue(store, site)
    backend.failures.append(SignInError("wrong_password"))
    engine.run_once(site.id)
    assert site.id in engine.needs_sign_in
    assert store.get_article(article.uuid).local_status is LocalStatus.QUEUED
    assert "needs_sign_in" in [event.state for event in events]

    assert engine.run_once(site.id) == 0
    assert backend.create_calls == 1

    engine.signed_in(site.id)
    assert engine.run_once(site.id) == 1


def test_missing_password_parks_queue(store, site, events):
    engine = SyncEngine(store, lambda site: None, on_event=events.append)
    queue(store, site)
    assert engine.run_once(site.id) == 0
    assert site.id in engine.needs_sign_in
    assert events[-1].error_code == "password_missing"


def test_rejection_marks_article(engine, store, site, backend):
    article = queue(store, site)
    backend.failures.append(RejectedError("forbidden", "Sorry, not allowed."))
    engine.run_once(site.id)

    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.REJECTED
    assert stored.last_error == "forbidden"
    assert store.error_detail(article.uuid) == "Sorry, not allowed."
    assert store.count_waiting() == 0
    assert stored.body == "**Nội dung**"


def test_bug_keeps_article_queued(engine, store, site, backend):
    article = queue(store, site)
    backend.failures.append(KeyError("id"))
    engine.run_once(site.id)
    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.QUEUED
    assert stored.last_error == "bug"
    assert store.waiting_operations()[0].uncertain


def test_one_failure_stops_the_round(engine, store, site, backend):
    queue(store, site, "Một")
    queue(store, site, "Hai")
    backend.failures.append(NetworkError("server_error", retry_after=None))
    engine.run_once(site.id)
    assert backend.create_calls == 1


def test_retry_delay_grows_and_caps():
    assert retry_delay(1, None, jitter=lambda: 1.0) == 5.0
    assert retry_delay(3, None, jitter=lambda: 1.0) == 20.0
    assert retry_delay(30, None, jitter=lambda: 1.0) == MAX_RETRY_S
    assert retry_delay(1, None, jitter=lambda: 0.0) == 2.5


def test_retry_delay_honours_retry_after():
    assert retry_delay(1, 120.0, jitter=lambda: 1.0) == 120.0
    assert retry_delay(1, 1.0, jitter=lambda: 1.0) == 5.0


def send_and_edit(engine, store, site, backend):
    article = queue(store, site)
    engine.run_once(site.id)
    article = store.get_article(article.uuid)
    article.body = "Bản sửa sau khi gửi"
    store.save_article(article)
    return article


def edit_on_web(backend, title="Tiêu đề sửa trên web"):
    backend.modified[1] = "2027-web-edit"
    backend.posts[1].title = title


def test_edit_after_send_marks_changed(engine, store, site, backend):
    article = send_and_edit(engine, store, site, backend)
    assert store.get_article(article.uuid).local_status is LocalStatus.CHANGED


def test_edit_after_send_updates_post(engine, store, site, backend):
    article = send_and_edit(engine, store, site, backend)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    assert engine.run_once(site.id) == 1
    assert len(backend.posts) == 1
    assert "Bản sửa sau khi gửi" in backend.posts[1].content_html
    assert store.get_article(article.uuid).local_status is LocalStatus.SENT


def test_update_keeps_published_status(engine, store, site, backend):
    article = queue(store, site)
    engine.run_once(site.id)
    backend.posts[1].status = "publish"  # the board published it on the web
    store.queue_article(article.uuid, site.id, SendAs.SERVER_DRAFT)
    backend.modified[1] = "2026"  # unchanged since TinXa's last sync
    engine.run_once(site.id)
    assert backend.posts[1].status == "publish"


def test_site_change_raises_conflict(engine, store, site, backend, events):
    article = send_and_edit(engine, store, site, backend)
    edit_on_web(backend)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    assert engine.run_once(site.id) == 0

    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.CONFLICT
    assert stored.conflict.title == "Tiêu đề sửa trên web"
    assert stored.body == "Bản sửa sau khi gửi"
    assert backend.posts[1].title == "Tiêu đề sửa trên web"
    assert events[-1].state == "conflict"
    assert store.due_operations(site.id, now=10**12) == []


def test_keep_mine_overwrites_after_choice(engine, store, site, backend):
    article = send_and_edit(engine, store, site, backend)
    edit_on_web(backend)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    engine.run_once(site.id)

    store.keep_local_version(article.uuid)
    assert engine.run_once(site.id) == 1
    assert "Bản sửa sau khi gửi" in backend.posts[1].content_html


def test_take_theirs_replaces_local_text(engine, store, site, backend):
    article = send_and_edit(engine, store, site, backend)
    edit_on_web(backend)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    engine.run_once(site.id)

    store.take_site_version(article.uuid, "Tiêu đề web", "", "Nội dung web")
    stored = store.get_article(article.uuid)
    assert stored.body == "Nội dung web"
    assert stored.local_status is LocalStatus.SENT
    assert stored.server_modified == "2027-web-edit"
    assert stored.server_fingerprint == backend.get_post(1).fingerprint()
    assert store.count_waiting() == 0


def test_locked_post_waits(engine, store, site, backend, events):
    article = send_and_edit(engine, store, site, backend)
    backend.lock_holder = "Lê Thị Lan"
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    engine.run_once(site.id)
    assert events[-1].error_code == "post_locked"
    assert "Lê Thị Lan" in events[-1].detail
    assert store.get_article(article.uuid).local_status is LocalStatus.QUEUED
    assert "Bản sửa" not in backend.posts[1].content_html


def add_photo(store, tmp_path, article, name="hoi-truong.jpg", cover=False):
    path = tmp_path / name
    Image.new("RGB", (64, 48), "red").save(path)
    media = store.add_media(Media(article_uuid=article.uuid, source_path=str(path),
                                  file_name=name, alt_text="Hội trường",
                                  is_cover=cover))
    article.body += f"\n\n![Hội trường]({media.reference})"
    store.save_article(article)
    return media


def test_photos_upload_then_post(engine, store, site, backend, tmp_path):
    article = store.save_article(Article(title="Tin có ảnh", **REQUIRED))
    first = add_photo(store, tmp_path, article, "a.jpg", cover=True)
    add_photo(store, tmp_path, article, "b.jpg")
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    assert engine.run_once(site.id) == 1

    assert len(backend.upload_calls) == 2
    post = backend.posts[1]
    assert "http://site/up/100.jpg" in post.content_html
    assert "http://site/up/101.jpg" in post.content_html
    assert "media:" not in post.content_html
    assert post.featured_media == 100
    assert store.list_media(article.uuid)[0].server_id == 100
    assert backend.upload_calls[0].alt_text == "Hội trường"
    assert first.uuid == backend.upload_calls[0].uuid


def test_post_failure_keeps_uploads(engine, store, site, backend, tmp_path):
    article = store.save_article(Article(title="Tin có ảnh", **REQUIRED))
    add_photo(store, tmp_path, article, "a.jpg")
    add_photo(store, tmp_path, article, "b.jpg")
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    backend.create_calls = 0
    backend.failures = []
    original_create = backend.create_post

    def reset_on_create(post):
        backend.create_post = original_create
        raise NetworkError("connection_broken", uncertain=True)

    backend.create_post = reset_on_create
    engine.run_once(site.id)
    assert len(backend.upload_calls) == 2

    assert engine.run_once(site.id) == 1
    assert len(backend.upload_calls) == 2
    assert len(backend.posts) == 1


def test_lost_upload_answer_is_found(engine, store, site, backend, tmp_path):
    article = store.save_article(Article(title="Tin có ảnh", **REQUIRED))
    add_photo(store, tmp_path, article)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    original = backend.upload_media

    def upload_then_drop(upload, progress=None):
        original(upload, progress)
        raise NetworkError("timeout", uncertain=True)

    backend.upload_media = upload_then_drop
    engine.run_once(site.id)
    backend.upload_media = original

    assert engine.run_once(site.id) == 1
    assert backend.find_media_calls == 1
    assert len(backend.upload_calls) == 1
    assert len(backend.media) == 1


def test_too_large_photo_shrinks_once(engine, store, site, backend, tmp_path):
    article = store.save_article(Article(title="Tin có ảnh", **REQUIRED))
    add_photo(store, tmp_path, article)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    backend.failures = [RejectedError("too_large"), RejectedError("too_large")]
    engine.run_once(site.id)

    assert len(backend.upload_calls) == 2
    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.REJECTED
    assert stored.last_error == "media_too_large"
    assert store.list_media(article.uuid)[0].shrunk


def test_account_without_upload_right(engine, store, site, backend, tmp_path):
    backend.site.capabilities = ["edit_posts"]
    article = store.save_article(Article(title="Tin có ảnh", **REQUIRED))
    add_photo(store, tmp_path, article)
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    engine.run_once(site.id)
    assert store.get_article(article.uuid).last_error == "cannot_upload"
    assert backend.upload_calls == []


def test_attachment_is_listed_under_body(engine, store, site, backend, tmp_path):
    article = store.save_article(Article(title="Văn bản", **REQUIRED))
    path = tmp_path / "quyet-dinh.pdf"
    path.write_bytes(b"%PDF-1.4 test")
    store.add_media(Media(article_uuid=article.uuid, source_path=str(path),
                          file_name="Quyết định 12.pdf",
                          kind=MediaKind.ATTACHMENT))
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    engine.run_once(site.id)
    assert backend.upload_calls[0].mime_type == "application/pdf"
    assert "Quyết định 12.pdf" in backend.posts[1].content_html
    assert "http://site/up/100.jpg" in backend.posts[1].content_html


def test_status_change_is_no_conflict(engine, store, site, backend):
    article = send_and_edit(engine, store, site, backend)
    backend.modified[1] = "2027-published"
    backend.posts[1].status = "publish"
    store.queue_article(article.uuid, site.id, SendAs.REVIEW)
    assert engine.run_once(site.id) == 1
    assert backend.posts[1].status == "publish"
    assert "Bản sửa sau khi gửi" in backend.posts[1].content_html


def test_correction_during_send_goes_next(engine, store, site, backend):
    article = queue(store, site)
    original_create = backend.create_post

    def clerk_corrects_meanwhile(post):
        corrected = store.get_article(article.uuid)
        corrected.body = "Bản đính chính"
        store.save_article(corrected)
        store.queue_article(article.uuid, site.id, SendAs.REVIEW)
        return original_create(post)

    backend.create_post = clerk_corrects_meanwhile
    engine.run_once(site.id)
    assert store.get_article(article.uuid).local_status is LocalStatus.QUEUED
    assert store.count_waiting() == 1

    engine.run_once(site.id)
    assert "Bản đính chính" in backend.posts[1].content_html
    assert len(backend.posts) == 1
    assert store.get_article(article.uuid).local_status is LocalStatus.SENT


def test_blocked_article_is_held_at_send(engine, store, site, backend):
    article = queue(store, site)
    article = store.get_article(article.uuid)
    article.author = ""  # emptied after it was queued
    store.save_article(article)
    engine.run_once(site.id)
    stored = store.get_article(article.uuid)
    assert stored.local_status is LocalStatus.REJECTED
    assert stored.last_error == "checklist_failed"
    assert backend.posts == {}
