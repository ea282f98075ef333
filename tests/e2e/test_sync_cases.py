"""The sync engine against the real WordPress, with the fault proxy playing
the bad network: nothing lost, nothing duplicated, nothing overwritten."""

import io
import subprocess
from pathlib import Path

import pytest
import requests
from PIL import Image, ImageFilter

from desktop.errors import InputError
from desktop.models import LocalStatus, SendAs

pytestmark = pytest.mark.wordpress


def photo(path, size=(1200, 900), color=(90, 120, 60)):
    image = Image.effect_noise(size, 40).convert("RGB")
    image = Image.blend(image, Image.new("RGB", size, color), 0.6)
    image.save(path, quality=95)
    return path


def server_media(site, uuid):
    return site.get("wp/v2/media", client_uuid=uuid, context="edit")


def test_500_keeps_added_sentence(make_client, proxy, site):
    client = make_client()
    article = client.write()
    client.queue(article)
    client.sync()
    article = client.article(article.uuid)
    article.body += "\n\nCâu bổ sung sau khi gửi."
    client.store.save_article(article)
    client.queue(article)

    proxy.respond_with(500, b"<h1>Internal Server Error</h1>", requests=1)
    client.engine.run_once(client.site.id)
    local = client.article(article.uuid)
    assert "Câu bổ sung sau khi gửi." in local.body
    assert local.local_status is LocalStatus.QUEUED
    assert local.last_error == "server_error"
    remote = site.get(f"wp/v2/posts/{local.server_id}", context="edit")
    assert "Câu bổ sung" not in remote["content"]["raw"]

    client.sync()
    remote = site.get(f"wp/v2/posts/{local.server_id}", context="edit")
    assert "Câu bổ sung sau khi gửi." in remote["content"]["raw"]


def test_reset_on_post_keeps_uploads(make_client, proxy, site, tmp_path):
    client = make_client()
    article = client.write()
    first = client.add_photo(article, photo(tmp_path / "mot.jpg"), cover=True)
    second = client.add_photo(article, photo(tmp_path / "hai.jpg"))
    client.queue(article)
    backend = client.accounts.backend_for(client.site)
    create = backend.create_post

    def cut_then_create(post):
        proxy.drop_after_request_bytes(200)
        backend.create_post = create
        return create(post)

    backend.create_post = cut_then_create
    client.accounts.backend_for = lambda site: backend
    client.engine = client.new_engine()
    client.sync()

    uploads = [r for r in proxy.stats().requests
               if r.method == "POST" and "media" in r.path]
    assert len(uploads) == 2
    posts = site.posts_with_uuid(article.uuid)
    assert len(posts) == 1
    stored = client.store.list_media(article.uuid)
    for media in (first, second):
        assert len(server_media(site, media.uuid)) == 1
    assert all(item.server_url in posts[0]["content"]["raw"] for item in stored)
    assert posts[0]["featured_media"] == stored[0].server_id


def test_refresh_keeps_local_edit(make_client, site):
    client = make_client()
    article = client.write()
    client.queue(article)
    client.sync()
    article = client.article(article.uuid)
    article.body = "Bản sửa khi không có mạng."
    client.store.save_article(article)

    assert client.engine.refresh(client.site.id) == 0
    assert client.article(article.uuid).body == "Bản sửa khi không có mạng."
    client.queue(article)
    client.sync()
    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.SENT
    assert local.conflict is None
    remote = site.get(f"wp/v2/posts/{local.server_id}", context="edit")
    assert "Bản sửa khi không có mạng." in remote["content"]["raw"]


def test_refresh_reads_board_status(make_client, site):
    client = make_client(role="contributor")
    article = client.write()
    client.queue(article)
    client.sync()
    post_id = client.article(article.uuid).server_id
    site.session.post(site.root + f"wp/v2/posts/{post_id}",
                      json={"status": "publish"}, timeout=30).raise_for_status()

    assert client.engine.refresh(client.site.id) == 1
    assert client.article(article.uuid).server_status == "publish"


def test_504_after_create_makes_one_post(make_client, proxy, site):
    client = make_client()
    article = client.write()
    client.queue(article)
    proxy.replace_response(504, b"Gateway Timeout", requests=3)
    client.sync()
    assert len(site.posts_with_uuid(article.uuid)) == 1
    assert len(site.all_posts()) == 1
    assert client.article(article.uuid).local_status is LocalStatus.SENT


def test_published_post_never_goes_back(make_client, site):
    client = make_client()
    article = client.write()
    client.queue(article, SendAs.SERVER_DRAFT)
    client.sync()
    post_id = client.article(article.uuid).server_id
    site.session.post(site.root + f"wp/v2/posts/{post_id}",
                      json={"status": "publish"}, timeout=30).raise_for_status()

    # The board's publishing changed the status only: no conflict, and the
    # old local copy, sent again, leaves the post published.
    client.queue(client.article(article.uuid), SendAs.SERVER_DRAFT)
    client.sync()
    assert client.article(article.uuid).local_status is LocalStatus.SENT
    remote = site.get(f"wp/v2/posts/{post_id}", context="edit")
    assert remote["status"] == "publish"
    assert client.article(article.uuid).server_status == "publish"


def test_web_edit_is_not_overwritten(make_client, site):
    client = make_client()
    article = client.write()
    client.queue(article)
    client.sync()
    post_id = client.article(article.uuid).server_id
    site.session.post(site.root + f"wp/v2/posts/{post_id}",
                      json={"title": "Tiêu đề do biên tập sửa"},
                      timeout=30).raise_for_status()
    article = client.article(article.uuid)
    article.body = "Bản sửa của văn thư."
    client.store.save_article(article)
    client.queue(article)
    client.sync()

    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.CONFLICT
    assert local.conflict.title == "Tiêu đề do biên tập sửa"
    assert local.body == "Bản sửa của văn thư."
    remote = site.get(f"wp/v2/posts/{post_id}", context="edit")
    assert remote["title"]["raw"] == "Tiêu đề do biên tập sửa"
    assert "Bản sửa của văn thư." not in remote["content"]["raw"]


def lock_post(wordpress_server, post_id, user_id):
    """Take the wp-admin edit lock on a post, as opening it in the editor does."""
    code = ("$_SERVER['HTTP_HOST'] = '127.0.0.1'; require 'wp-load.php'; "
            f"update_post_meta({post_id}, '_edit_lock', time() . ':{user_id}');")
    subprocess.run(["php", "-r", code], cwd=wordpress_server.wordpress_dir,
                   check=True, capture_output=True)


def test_edit_lock_blocks_update(make_client, site, wordpress, wordpress_server):
    client = make_client()
    article = client.write()
    client.queue(article)
    client.sync()
    post_id = client.article(article.uuid).server_id
    lock_post(wordpress_server, post_id, wordpress.accounts["editor"].user_id)

    article = client.article(article.uuid)
    article.body = "Sửa trong lúc biên tập đang mở bài."
    client.store.save_article(article)
    client.queue(article)
    client.clock.now += 3600
    client.engine.run_once(client.site.id)

    locked = [e for e in client.events if e.error_code == "post_locked"]
    assert locked[-1].detail == wordpress.accounts["editor"].display_name
    assert client.article(article.uuid).local_status is LocalStatus.QUEUED
    remote = site.get(f"wp/v2/posts/{post_id}", context="edit")
    assert "Sửa trong lúc" not in remote["content"]["raw"]


def test_portrait_photo_arrives_upright(make_client, site, tmp_path):
    client = make_client()
    source = tmp_path / "doc.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    photo(tmp_path / "raw.jpg", size=(1600, 1200))
    Image.open(tmp_path / "raw.jpg").save(source, exif=exif)
    article = client.write()
    media = client.add_photo(article, source)
    client.queue(article)
    client.sync()

    url = client.store.list_media(article.uuid)[0].server_url
    uploaded = Image.open(io.BytesIO(requests.get(url, timeout=30).content))
    assert uploaded.width < uploaded.height
    assert 0x0112 not in uploaded.getexif()
    assert len(server_media(site, media.uuid)) == 1


def test_heic_goes_up_as_jpeg(make_client, site, tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    source = tmp_path / "iphone.heic"
    Image.effect_noise((800, 600), 30).convert("RGB").save(source, format="HEIF")
    client = make_client()
    article = client.write()
    media = client.add_photo(article, source)
    client.queue(article)
    client.sync()
    uploaded = server_media(site, media.uuid)
    assert uploaded[0]["mime_type"] == "image/jpeg"


def test_413_shrinks_photo_once(make_client, proxy, site, tmp_path):
    client = make_client()
    article = client.write()
    media = client.add_photo(article, photo(tmp_path / "lon.jpg"))
    client.queue(article)
    page = b"<html><body><h1>413 Request Entity Too Large</h1></body></html>"
    proxy.respond_with(413, page, headers={"Content-Type": "text/html"})
    client.sync()
    assert len(server_media(site, media.uuid)) == 1
    assert client.store.list_media(article.uuid)[0].shrunk
    assert client.article(article.uuid).local_status is LocalStatus.SENT


def test_413_twice_rejects_without_loop(make_client, proxy, site, tmp_path):
    client = make_client()
    article = client.write()
    client.add_photo(article, photo(tmp_path / "lon.jpg"))
    client.queue(article)
    page = b"<html><body><h1>413 Request Entity Too Large</h1></body></html>"
    proxy.respond_with(413, page, headers={"Content-Type": "text/html"},
                       requests=2)
    client.sync()
    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.REJECTED
    assert local.last_error == "media_too_large"
    media_posts = [r for r in proxy.stats().requests
                   if r.method == "POST" and "media" in r.path]
    assert len(media_posts) == 2
    assert site.all_posts() == []


def test_stripped_auth_header_is_named(wordpress, proxy, tmp_path):
    from tests.e2e.sync_client import SyncClient

    proxy.strip_request_header("Authorization")
    with pytest.raises(InputError) as caught:
        SyncClient(tmp_path, wordpress, proxy, role="contributor")
    assert caught.value.code == "auth_header_dropped"
    assert len(proxy.stats().requests) <= 4


def test_contributor_post_stays_pending(make_client, site):
    client = make_client(role="contributor")
    article = client.write()
    client.queue(article)
    client.sync()
    local = client.article(article.uuid)
    assert local.server_status == "pending"
    assert site.posts_with_uuid(article.uuid)[0]["status"] == "pending"


def test_missing_category_blocks_contributor(make_client, site):
    client = make_client(role="contributor")
    article = client.write(categories=("Chuyên mục chưa có",))
    client.queue(article)
    client.sync()
    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.REJECTED
    assert local.last_error == "category_missing"
    assert site.all_posts() == []


def test_missing_category_created_by_editor(make_client, site):
    client = make_client(role="editor")
    article = client.write(categories=("Chuyển đổi số",))
    client.queue(article)
    client.sync()
    post = site.posts_with_uuid(article.uuid)[0]
    names = {term["id"]: term["name"]
             for term in site.get("wp/v2/categories", per_page=100)}
    assert [names[term] for term in post["categories"]] == ["Chuyển đổi số"]


def test_no_category_is_not_uncategorized(make_client, site):
    client = make_client()
    article = client.write(categories=("Tin tức", "Thông báo"))
    client.queue(article)
    client.sync()
    post = site.posts_with_uuid(article.uuid)[0]
    names = {term["id"]: term["name"]
             for term in site.get("wp/v2/categories", per_page=100)}
    assert sorted(names[term] for term in post["categories"]) == \
        ["Thông báo", "Tin tức"]


def test_slow_uplink_cut_resumes_once(make_client, proxy, site, tmp_path):
    """A 12 MP phone photo over a 64 kbit/s uplink cut at 60%: it is resized
    before it goes, sent again after the cut, and ends as one media item."""
    source = tmp_path / "dien-thoai.jpg"
    gradient = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    grain = Image.effect_noise((4000, 3000), 120).convert("RGB")
    Image.blend(gradient, grain.filter(ImageFilter.GaussianBlur(0.8)), 0.5).save(
        source, quality=92)
    assert source.stat().st_size > 4_000_000
    client = make_client()
    article = client.write()
    media = client.add_photo(article, source)
    client.queue(article)

    backend = client.accounts.backend_for(client.site)
    upload = backend.upload_media

    def cut_first_upload(file, progress=None):
        backend.upload_media = upload
        proxy.drop_after_request_bytes(int(file.path.stat().st_size * 0.6))
        return upload(file, progress)

    backend.upload_media = cut_first_upload
    client.accounts.backend_for = lambda site: backend
    client.engine = client.new_engine()
    proxy.set_bandwidth(upstream_bps=64_000, downstream_bps=None)
    client.sync()

    prepared = Path(client.store.list_media(article.uuid)[0].prepared_path)
    assert prepared.stat().st_size < source.stat().st_size / 8
    assert len(server_media(site, media.uuid)) == 1
    assert len([e for e in client.events if e.state == "retry"]) == 1
    # 60% of the photo, then all of it, and the small requests around it.
    assert proxy.stats().bytes_upstream < 1.8 * prepared.stat().st_size


def test_create_after_lost_create_adopts_post(make_client, site, wordpress):
    """A create that the site finished after the client gave up, meeting the
    client's next create: the companion plugin refuses the second, and the
    client updates the first instead."""
    client = make_client()
    article = client.write()
    client.queue(article)
    account = wordpress.accounts["author"]
    earlier = site.session.post(
        site.root + "wp/v2/posts", auth=(account.username,
                                         account.application_password),
        json={"title": "Bản tạo trước", "status": "pending",
              "meta": {"tinxa_uuid": article.uuid}}, timeout=30)
    earlier.raise_for_status()

    client.sync()
    posts = site.posts_with_uuid(article.uuid)
    assert [post["id"] for post in posts] == [earlier.json()["id"]]
    assert posts[0]["title"]["raw"] == article.title
    assert client.article(article.uuid).server_id == earlier.json()["id"]


def test_upload_after_lost_upload_adopts_media(make_client, site, tmp_path,
                                               wordpress):
    client = make_client()
    article = client.write()
    media = client.add_photo(article, photo(tmp_path / "anh.jpg"))
    client.queue(article)
    account = wordpress.accounts["author"]
    earlier = site.session.post(
        site.root + "wp/v2/media", params={"meta[tinxa_uuid]": media.uuid},
        auth=(account.username, account.application_password),
        headers={"Content-Type": "image/jpeg",
                 "Content-Disposition": 'attachment; filename="anh.jpg"'},
        data=(tmp_path / "anh.jpg").read_bytes(), timeout=30)
    earlier.raise_for_status()

    client.sync()
    assert [item["id"] for item in server_media(site, media.uuid)] == \
        [earlier.json()["id"]]
    assert client.store.list_media(article.uuid)[0].server_id == \
        earlier.json()["id"]


def test_deleted_category_is_read_again(make_client, site, wordpress):
    """A category deleted and made again on the site after sign-in: the old
    id is dropped, so TinXa reads the list again and files the post right."""
    client = make_client()
    admin = wordpress.accounts["administrator"]
    auth = (admin.username, admin.application_password)
    old_id = wordpress.categories["Thông báo"]
    site.session.delete(site.root + f"wp/v2/categories/{old_id}",
                        params={"force": "true"}, auth=auth,
                        timeout=30).raise_for_status()
    made = site.session.post(site.root + "wp/v2/categories", auth=auth,
                             json={"name": "Thông báo"}, timeout=30).json()
    article = client.write(categories=("Thông báo",))
    client.queue(article)
    client.sync()
    posts = site.posts_with_uuid(article.uuid)
    assert len(posts) == 1
    assert posts[0]["categories"] == [made["id"]]
    assert client.article(article.uuid).local_status is LocalStatus.SENT


def test_deleted_category_keeps_post_id(make_client, site, wordpress):
    client = make_client()
    admin = wordpress.accounts["administrator"]
    old_id = wordpress.categories["Hỏi đáp"]
    site.session.delete(site.root + f"wp/v2/categories/{old_id}",
                        params={"force": "true"},
                        auth=(admin.username, admin.application_password),
                        timeout=30).raise_for_status()
    article = client.write(categories=("Hỏi đáp",))
    client.queue(article)
    client.sync()
    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.REJECTED
    assert local.last_error == "category_missing"
    assert site.all_posts() == []


@pytest.mark.parametrize("name", ["Kinh tế & xã hội", "An ninh <trật tự>"])
def test_term_with_ampersand_is_reused(make_client, site, name):
    client = make_client(role="editor")
    for number in range(2):
        article = client.write(title=f"Bài {number}", categories=(name,))
        article.tags = [name]
        client.store.save_article(article)
        client.queue(article)
        client.sync()
        assert client.article(article.uuid).local_status is LocalStatus.SENT
    assert len(site.all_posts()) == 2


def test_sign_in_follows_moved_site(wordpress, tmp_path, site):
    """The address typed redirects to the site's real address, on another
    port: TinXa signs in there instead of reporting a wrong password."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Moved(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(301)
            self.send_header("Location", wordpress.base_url + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    old = ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=old.serve_forever, daemon=True).start()
    try:
        from tests.e2e.sync_client import SyncClient

        class OldAddress:
            url = f"http://127.0.0.1:{old.server_address[1]}"

        client = SyncClient(tmp_path, wordpress, OldAddress, role="contributor")
        assert client.site.url == wordpress.base_url
        article = client.write()
        client.queue(article)
        client.sync()
        assert len(site.posts_with_uuid(article.uuid)) == 1
        client.close()
    finally:
        old.shutdown()
        old.server_close()


def test_vietnamese_user_name_is_refused_cleanly(wordpress, proxy, tmp_path):
    from desktop.errors import SignInError
    from desktop.accounts import Accounts
    from desktop.credentials import CredentialStore
    from desktop.http import HttpClient
    from desktop.store import Store

    accounts = Accounts(Store(tmp_path / "db"), CredentialStore(), HttpClient())
    with pytest.raises(SignInError) as caught:
        accounts.sign_in(wordpress.base_url, "Nguyễn Thị Hoa", "mật khẩu sai")
    assert caught.value.code == "wrong_password"


def test_category_deleted_after_check_is_fixed(make_client, site, wordpress):
    """A category deleted after the hourly check of cached ids: WordPress
    drops the stale id, and TinXa reads the list again and corrects the post."""
    client = make_client()
    first = client.write(title="Bài một", categories=("Thông báo",))
    client.queue(first)
    client.sync()
    admin = wordpress.accounts["administrator"]
    auth = (admin.username, admin.application_password)
    old_id = wordpress.categories["Thông báo"]
    site.session.delete(site.root + f"wp/v2/categories/{old_id}",
                        params={"force": "true"}, auth=auth,
                        timeout=30).raise_for_status()
    made = site.session.post(site.root + "wp/v2/categories", auth=auth,
                             json={"name": "Thông báo"}, timeout=30).json()

    second = client.write(title="Bài hai", categories=("Thông báo",))
    client.queue(second)
    client.sync()
    posts = site.posts_with_uuid(second.uuid)
    assert len(posts) == 1
    assert posts[0]["categories"] == [made["id"]]
    assert client.article(second.uuid).local_status is LocalStatus.SENT
