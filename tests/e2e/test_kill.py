"""kill -9 at every point of a send, then a restart: nothing lost, nothing
sent twice. The sync runs in a real separate process that kills itself."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop.models import LocalStatus
from tests.e2e.sync_client import SyncClient

pytestmark = pytest.mark.wordpress

ROOT = Path(__file__).resolve().parents[2]


def run_driver(client: SyncClient, kill_at: int) -> subprocess.CompletedProcess:
    account = client.info.accounts[client.role]
    return subprocess.run(
        [sys.executable, "-m", "tests.e2e.kill_driver", str(client.folder),
         client.site.url, account.username, str(kill_at)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TINXA_TEST_PASSWORD": account.application_password})


def prepare(client: SyncClient, tmp_path: Path):
    article = client.write(title="Bài gửi lúc mất điện")
    for name, color in (("mot.jpg", "red"), ("hai.jpg", "blue")):
        path = tmp_path / name
        Image.new("RGB", (400, 300), color).save(path)
        client.add_photo(article, path)
    client.queue(article)
    return client.article(article.uuid)


def test_points_are_counted(make_client, tmp_path):
    client = make_client()
    prepare(client, tmp_path)
    done = run_driver(client, -1)
    assert done.returncode == 0, done.stderr
    # Two uploads and one create, each with a point before and after, plus
    # the store's record of the finished send.
    assert "points=8 waiting=0" in done.stdout


@pytest.mark.parametrize("kill_at", range(8))
def test_kill_then_restart(kill_at, make_client, site, tmp_path):
    client = make_client()
    article = prepare(client, tmp_path)
    killed = run_driver(client, kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    resumed = run_driver(client, -1)
    assert resumed.returncode == 0, resumed.stderr
    assert "waiting=0" in resumed.stdout
    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.SENT
    assert local.body == article.body
    posts = site.posts_with_uuid(article.uuid)
    assert len(posts) == 1
    assert len(site.all_posts()) == 1
    media = site.get("wp/v2/media", per_page=100, context="edit")
    assert len(media) == 2
    for item in client.store.list_media(article.uuid):
        assert item.server_url in posts[0]["content"]["raw"]


def test_offline_kill_keeps_article_queued(make_client, proxy, site, tmp_path):
    client = make_client()
    article = prepare(client, tmp_path)
    proxy.down()
    killed = run_driver(client, 0)
    assert killed.returncode == -signal.SIGKILL

    local = client.article(article.uuid)
    assert local.local_status is LocalStatus.QUEUED
    assert local.title == article.title
    assert local.body == article.body
    assert local.server_id is None
    assert local.server_status == ""
    assert client.store.count_waiting() == 1
    proxy.up()
    assert site.all_posts() == []
