"""Randomised fault runs: articles with photos sent through a proxy that drops
connections, answers 5xx and 429, and swallows answers to requests the server
completed. After each run every article is on the site exactly once, with
each photo exactly once, and says what the local copy says.

Seeds are fixed, so a failing run repeats: the assertion names its seed.
"""

import random

import pytest
from PIL import Image

from desktop.models import LocalStatus
from tests.e2e.sync_client import SyncClient

pytestmark = pytest.mark.wordpress

RUNS = 200
BATCHES = 8


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photos")
    paths = []
    for number, color in enumerate(("red", "green", "blue")):
        path = folder / f"anh-{number}.jpg"
        Image.new("RGB", (320, 240), color).save(path)
        paths.append(path)
    return paths


def arm_faults(proxy, rng: random.Random) -> str:
    """Arm a random mix of faults; return a description for failure messages."""
    plan = []
    drop = rng.choice((0.0, 0.0, 0.15, 0.3))
    if drop:
        proxy.set_random_drops(drop, seed=rng.randrange(10**6), max_bytes=3000)
        plan.append(f"random drops {drop}")
    if rng.random() < 0.4:
        status = rng.choice((500, 502, 503, 429))
        count = rng.randint(1, 3)
        headers = {"Retry-After": "30"} if status in (429, 503) else None
        proxy.respond_with(status, b"busy", headers=headers, requests=count)
        plan.append(f"{count} x {status}")
    if rng.random() < 0.4:
        count = rng.randint(1, 3)
        proxy.replace_response(504, b"Gateway Timeout", requests=count)
        plan.append(f"{count} x 504 after completion")
    if rng.random() < 0.3:
        cut = rng.randint(0, 400)
        proxy.drop_after_response_bytes(cut)
        plan.append(f"cut response at {cut}")
    return ", ".join(plan) or "no faults"


def check_site(site, client, articles, context: str) -> None:
    posts = site.all_posts()
    media_total = 0
    assert len(posts) == len(articles), context
    for article in articles:
        local = client.article(article.uuid)
        assert local.local_status is LocalStatus.SENT, context
        found = site.posts_with_uuid(article.uuid)
        assert len(found) == 1, context
        post = found[0]
        assert post["id"] == local.server_id, context
        assert post["title"]["raw"] == local.title, context
        assert post["excerpt"]["raw"] == local.lead, context
        for item in client.store.list_media(article.uuid):
            uploaded = site.get("wp/v2/media", client_uuid=item.uuid,
                                context="edit")
            assert len(uploaded) == 1, context
            assert item.server_url in post["content"]["raw"], context
            media_total += 1
    all_media = site.get("wp/v2/media", per_page=100, context="edit")
    assert len(all_media) == media_total, context


@pytest.mark.parametrize("batch", range(BATCHES))
def test_fault_runs(batch, wordpress, wordpress_server, proxy, site, photos,
                    tmp_path):
    retries = 0
    for seed in range(batch, RUNS, BATCHES):
        wordpress_server.reset()
        proxy.clear_faults()
        proxy.set_random_drops(0.0)
        rng = random.Random(seed)
        client = SyncClient(tmp_path / f"run{seed}", wordpress, proxy)
        try:
            articles = []
            for number in range(rng.randint(1, 2)):
                article = client.write(title=f"Bài {seed}-{number}: Hội nghị")
                for path in rng.sample(photos, rng.randint(0, 2)):
                    client.add_photo(article, path)
                client.queue(article)
                articles.append(article)
            plan = arm_faults(proxy, rng)
            client.sync(max_rounds=80)
            proxy.clear_faults()
            proxy.set_random_drops(0.0)
            client.sync()
            check_site(site, client, articles, f"seed {seed}: {plan}")
            retries += sum(event.state == "retry" for event in client.events)
        finally:
            client.close()
    # The faults must have bitten, or the runs above proved nothing.
    assert retries > 0
