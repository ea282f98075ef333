"""TinXa's core wired to the real test WordPress through the fault proxy,
with a clock the tests move forward so retries never wait in real time."""

from dataclasses import dataclass, field
from pathlib import Path

from desktop.accounts import Accounts
from desktop.credentials import CredentialStore
from desktop.http import HttpClient
from desktop.models import Article, Media, SendAs, Site
from desktop.store import Store
from desktop.sync import SyncEngine, SyncEvent
from tests.faultproxy import FaultProxy
from tests.wpserver import WordPressInfo


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class SyncClient:
    """One clerk's TinXa without the window: store, engine and site account."""

    folder: Path
    info: WordPressInfo
    proxy: FaultProxy
    role: str = "author"
    read_timeout: float = 10.0
    events: list[SyncEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.clock = Clock()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.folder / "tinxa.sqlite3")
        self.http = HttpClient(connect_timeout=5.0, read_timeout=self.read_timeout)
        self.accounts = Accounts(self.store, CredentialStore(), self.http)
        account = self.info.accounts[self.role]
        self.site = self.accounts.sign_in(self.proxy.url, account.username,
                                          account.application_password)
        self.engine = self.new_engine()

    def new_engine(self) -> SyncEngine:
        """Start an engine as a restarted app would, on the same store."""
        engine = SyncEngine(self.store, self.accounts.backend_for,
                            on_event=self.events.append, clock=self.clock,
                            media_dir=self.folder / "media")
        engine.recover()
        return engine

    def write(self, title: str = "Hội nghị tổng kết năm 2026", body: str = "",
              categories: tuple[str, ...] = ("Tin tức",)) -> Article:
        return self.store.save_article(Article(
            title=title, lead="Sa pô của bài.", categories=list(categories),
            body=body or "Hội nghị đánh giá **kết quả** năm 2026.",
            author="Nguyễn Thị Hoa", source="UBND xã"))

    def add_photo(self, article: Article, path: Path, cover: bool = False) -> Media:
        media = self.store.add_media(Media(
            article_uuid=article.uuid, source_path=str(path), file_name=path.name,
            alt_text="Quang cảnh hội nghị", is_cover=cover))
        article = self.store.get_article(article.uuid)
        article.body += f"\n\n![Quang cảnh hội nghị]({media.reference})"
        self.store.save_article(article)
        return media

    def queue(self, article: Article, send_as: SendAs = SendAs.REVIEW) -> None:
        self.store.queue_article(article.uuid, self.site.id, send_as)

    def sync(self, max_rounds: int = 40) -> int:
        """Run the engine until nothing is due, jumping over every backoff;
        return the number of rounds it took."""
        for rounds in range(1, max_rounds + 1):
            self.clock.now += 3600
            self.engine.run_once(self.site.id)
            waiting = [op for op in self.store.waiting_operations()
                       if op.state == "ready"]
            if not waiting and self.site.id not in self.engine.needs_sign_in:
                return rounds
        raise AssertionError(f"still waiting after {max_rounds} rounds: "
                             f"{self.store.waiting_operations()}")

    def article(self, uuid: str) -> Article:
        return self.store.get_article(uuid)

    def close(self) -> None:
        self.http.close()
        self.store.close()
