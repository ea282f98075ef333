"""Time to sync one article to a real WordPress on loopback.

Starts a throwaway WordPress, then alternates two measurements:
- sync: TinXa's engine sends one queued article (render, category lookup,
  create, store the result), from queue to "sent";
- baseline: one bare REST request creating a post with the same HTML, on a
  requests session that is already connected, the least any client can do.
Prints key=value figures on the last line.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from desktop.accounts import Accounts  # noqa: E402
from desktop.credentials import CredentialStore  # noqa: E402
from desktop.http import HttpClient  # noqa: E402
from desktop.models import Article, SendAs  # noqa: E402
from desktop.render import article_content_html  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.sync import SyncEngine  # noqa: E402
from tests.fakes import MemoryKeyring  # noqa: E402
from tests.wpserver import WordPressServer  # noqa: E402

ROUNDS = 15
BODY = ("Hội nghị đánh giá **kết quả** thực hiện nhiệm vụ phát triển kinh tế - "
        "xã hội năm 2026 của xã Hòa Thắng. ") * 60


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as folder:
        server = WordPressServer(Path(folder) / "wordpress")
        try:
            info = server.start()
            measure(info, Path(folder))
        finally:
            server.stop()


def measure(info, folder: Path) -> None:
    account = info.accounts["contributor"]
    store = Store(folder / "tinxa.sqlite3")
    http = HttpClient()
    accounts = Accounts(store, CredentialStore(), http)
    site = accounts.sign_in(info.base_url, account.username,
                            account.application_password)
    engine = SyncEngine(store, accounts.backend_for)
    session = http.session
    auth = (account.username, account.application_password)

    sync_s, baseline_s = [], []
    for number in range(ROUNDS):
        article = store.save_article(Article(
            title=f"Hội nghị tổng kết số {number}", lead="Sa pô", body=BODY,
            categories=["Tin tức"], author="Nguyễn Thị Hoa", source="UBND xã"))
        store.queue_article(article.uuid, site.id, SendAs.REVIEW)
        started = time.perf_counter()
        assert engine.run_once(site.id) == 1
        sync_s.append(time.perf_counter() - started)

        started = time.perf_counter()
        response = session.post(f"{info.rest_url}wp/v2/posts", auth=auth, json={
            "title": f"Bản so sánh {number}", "excerpt": "Sa pô",
            "content": article_content_html(article), "status": "pending",
            "categories": [info.categories["Tin tức"]]}, timeout=30)
        response.raise_for_status()
        baseline_s.append(time.perf_counter() - started)

    sync = statistics.median(sync_s)
    baseline = statistics.median(baseline_s)
    print(f"rounds={ROUNDS} body_chars={len(BODY)} sync_one_ms={sync * 1000:.1f} "
          f"bare_create_ms={baseline * 1000:.1f} ratio={sync / baseline:.2f}")


if __name__ == "__main__":
    main()
