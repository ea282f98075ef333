"""Time to open and search the article list in a store of 20,000 articles.

Builds a throwaway store of generated Vietnamese articles (not timed): titles
from templates, about 300-word bodies drawn from per-topic word lists, a mix
of local statuses, a few waiting sends, and last changes spread over three
years. Then it times, as medians over several rounds:
- the list: Store.list_articles and Library.find with an empty query;
- accent-insensitive searches through Library.find ("dang bo", "benh vien").
  Folded, "dang" also matches "đăng" and "đang", and "vien" matches "viên",
  so each of these finds about a third of the generated articles;
- baselines in the same run: a bare SELECT of every uuid, and a plain LIKE
  scan of title and body, which is neither accent- nor case-insensitive;
- a breakdown of the list: the summary SQL alone, and the same SQL without
  the per-row outbox subqueries;
- one Store.save_article in the full store, as an autosave does it.
Run from the repository root as `.venv/bin/python tests/bench/library.py`.
The goals are a list under 150 ms and a search under 30 ms. The last line
printed is the result as key=value pairs.
"""

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from desktop.library import Library, LibraryQuery, SortOrder  # noqa: E402
from desktop.models import Article, LocalStatus, SendAs  # noqa: E402
from desktop.store import _SUMMARY_COLUMNS, Store  # noqa: E402
from desktop.text import nfc, search_fold  # noqa: E402

ARTICLES = 20_000
BODY_WORDS = 300
ROUNDS = 15
SEED = 2025
LIST_GOAL_MS = 150
SEARCH_GOAL_MS = 30

# Words of every article, in rough order of frequency.
COMMON = (
    "của và các những được trong cho với đã là có người xã năm tại theo về "
    "này để cùng một nhiều đồng chí công tác thực hiện nhân dân địa phương tổ "
    "chức kế hoạch Ủy ban thôn cán bộ kết quả triển khai tuyên truyền nâng cao "
    "chất lượng hiệu quả phát triển kinh tế xã hội trên địa bàn hộ gia đình "
    "tháng đến nay tiếp tục đồng thời bảo đảm quan tâm chỉ đạo phối hợp các "
    "ngành đoàn thể hội viên tham gia đông đảo ý kiến đánh giá nhiệm vụ trọng "
    "tâm thời gian tới"
).split()

# Words that mostly occur in articles on one topic.
TOPICS = {
    "party": "Đảng bộ chi bộ đảng viên nghị quyết đại hội nhiệm kỳ ban chấp "
             "hành bí thư sinh hoạt chuyên đề kết nạp học tập làm theo tư "
             "tưởng đạo đức phong cách",
    "health": "bệnh viện trạm y tế bác sĩ tiêm chủng sốt xuất huyết bệnh nhân "
              "khám bệnh bảo hiểm y tế phòng chống dịch vắc xin sức khỏe "
              "người cao tuổi",
    "farming": "lúa vụ đông xuân nông dân thủy lợi phân bón giống thu hoạch "
               "hợp tác xã năng suất sâu bệnh chăn nuôi gia cầm tiêm phòng",
    "roads": "đường giao thông bê tông cầu nông thôn mới an toàn giao thông "
             "mặt đường thi công nghiệm thu vốn đối ứng hiến đất",
    "schools": "trường học sinh giáo viên năm học khai giảng thi tốt nghiệp "
               "khuyến học mầm non tiểu học trung học cơ sở",
    "security": "công an an ninh trật tự phòng cháy chữa cháy tuần tra ma túy "
                "tội phạm dân quân tự vệ tuyển quân",
    "culture": "lễ hội văn hóa thể thao văn nghệ di tích đình làng giải bóng "
               "đá gia đình văn hóa khu dân cư",
    "services": "thủ tục hành chính một cửa hồ sơ chứng thực tiếp dân dịch vụ "
                "công trực tuyến căn cước đăng ký khai sinh",
    "welfare": "hộ nghèo chính sách người có công trao quà bảo trợ xã hội "
               "nhà tình nghĩa học bổng khó khăn",
}

TITLES = {
    "party": ["Đại hội Đảng bộ xã {place} nhiệm kỳ 2025–2030",
              "Chi bộ thôn {place} sinh hoạt chuyên đề quý {quarter}",
              "Đảng bộ xã {place} kết nạp {count} đảng viên mới"],
    "health": ["Trạm y tế xã {place} tiêm chủng cho {count} trẻ em",
               "Bệnh viện huyện khám bệnh miễn phí tại {place}",
               "Phòng chống sốt xuất huyết ở thôn {place}"],
    "farming": ["Nông dân {place} thu hoạch lúa vụ đông xuân",
                "Hợp tác xã {place} hướng dẫn chăm sóc lúa",
                "Tiêm phòng gia cầm đợt {quarter} tại {place}"],
    "roads": ["Khánh thành đường bê tông thôn {place}",
              "Nghiệm thu cầu dân sinh {place}",
              "Người dân {place} hiến đất làm đường giao thông"],
    "schools": ["Trường tiểu học {place} khai giảng năm học mới",
                "Khen thưởng {count} học sinh giỏi xã {place}",
                "Ấm áp lễ trao học bổng khuyến học ở {place}"],
    "security": ["Công an xã {place} ra quân bảo đảm an ninh trật tự",
                 "Diễn tập phòng cháy chữa cháy tại chợ {place}",
                 "Ủy ban xã {place} tổ chức lễ giao nhận quân"],
    "culture": ["Lễ hội đình làng {place} năm {year}",
                "Giải bóng đá thanh niên xã {place} lần thứ {count}",
                "Âm vang văn nghệ quần chúng thôn {place}"],
    "services": ["Thông báo lịch tiếp dân tháng {month}",
                 "Hướng dẫn đăng ký khai sinh trực tuyến tại {place}",
                 "Ý kiến người dân về thủ tục một cửa xã {place}"],
    "welfare": ["Trao quà cho hộ nghèo thôn {place}",
                "Bàn giao nhà tình nghĩa tại {place}",
                "Ước mơ của em học sinh nghèo ở {place}"],
}

PLACES = ("Tân Lập", "Yên Bình", "Hòa Thắng", "Ấp Bắc", "Đông Hưng", "An Phú",
          "Phước Long", "Quảng Điền", "Ea Kly", "Bình Minh", "Đại Đồng", "Ô Loan",
          "Ứng Hòa", "Cẩm Thủy", "Nghĩa Đàn", "Kim Sơn", "Lạc Thủy", "Vĩnh Tường")
AUTHORS = ("Nguyễn Thị Hoa", "Trần Văn Đức", "Lê Thị Ấn", "Phạm Minh Tuấn",
           "Hoàng Thu Hà", "Đặng Văn Ước", "Bùi Thị Yến", "Võ Quốc Anh")
CATEGORIES = ("Tin tức", "Thông báo", "Văn bản", "Thủ tục hành chính",
              "Phổ biến pháp luật", "Lịch công tác", "Hỏi đáp")
# Local statuses of the generated articles and their shares.
STATUS_WEIGHTS = {
    LocalStatus.SENT: 55, LocalStatus.DRAFT: 28, LocalStatus.QUEUED: 5,
    LocalStatus.CHANGED: 8, LocalStatus.REJECTED: 2, LocalStatus.CONFLICT: 2,
}


def make_body(rng: random.Random, topic: str) -> str:
    """Return about BODY_WORDS words, two in five from the article's topic."""
    topic_words = TOPICS[topic].split()
    other_words = TOPICS[rng.choice(list(TOPICS))].split()
    words = []
    while len(words) < BODY_WORDS:
        sentence = []
        for _ in range(rng.randint(10, 22)):
            roll = rng.random()
            if roll < 0.35:
                pool = topic_words
            elif roll < 0.40:
                pool = other_words
            else:
                pool = COMMON
            # Earlier words in a list are more frequent, as in real text.
            sentence.append(pool[int(len(pool) * rng.random() ** 2)])
        sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
        words.extend(sentence)
        words[-1] += "."
    paragraphs = [" ".join(words[i:i + 60]) for i in range(0, len(words), 60)]
    return "\n\n".join(paragraphs)


def make_lead(rng: random.Random, topic: str) -> str:
    text = " ".join(rng.choice(COMMON + TOPICS[topic].split()) for _ in range(30))
    return text[:1].upper() + text[1:] + "."


def make_article(rng: random.Random) -> Article:
    topic = rng.choice(list(TOPICS))
    title = rng.choice(TITLES[topic]).format(
        place=rng.choice(PLACES), quarter=rng.randint(1, 4),
        count=rng.randint(2, 60), year=rng.randint(2023, 2026),
        month=rng.randint(1, 12))
    return Article(
        title=title,
        lead=make_lead(rng, topic),
        body=make_body(rng, topic),
        author=rng.choice(AUTHORS),
        categories=rng.sample(CATEGORIES, rng.randint(1, 2)),
    )


def fill_store(store: Store, count: int, rng: random.Random) -> None:
    """Write count generated articles and their search rows in one transaction.

    The rows have the form Store.save_article writes (NFC text, folded search
    columns). save_article is not used because it deletes the old search row
    by the unindexed uuid column. That scans the whole search table, so
    saving 20,000 articles one by one took about three minutes.
    """
    articles = [make_article(rng) for _ in range(count)]
    statuses = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()),
                           k=count)
    newest = datetime.now(timezone.utc).replace(microsecond=0)
    for article in articles:
        seconds = rng.randint(0, 3 * 365 * 86400)
        article.updated_at = article.created_at = newest - timedelta(seconds=seconds)

    store._db.execute("BEGIN")
    store._db.executemany(
        """INSERT INTO articles (uuid, title, lead, body, categories, author,
               local_status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(article.uuid, nfc(article.title), nfc(article.lead), nfc(article.body),
          json.dumps(article.categories, ensure_ascii=False), article.author,
          status.value, article.created_at.isoformat(),
          article.updated_at.isoformat())
         for article, status in zip(articles, statuses)])
    store._db.executemany(
        "INSERT INTO article_search (uuid, title, lead, body) VALUES (?, ?, ?, ?)",
        [(article.uuid, search_fold(article.title), search_fold(article.lead),
          search_fold(article.body)) for article in articles])
    store._db.execute(
        """UPDATE articles SET search_rowid = search.rowid
               FROM (SELECT rowid, uuid FROM article_search) AS search
               WHERE search.uuid = articles.uuid""")
    store._db.execute("COMMIT")

    # Waiting sends, so the summaries' outbox lookups find something.
    for article, status in zip(articles, statuses):
        if status is LocalStatus.QUEUED:
            store.queue_article(article.uuid, site_id=1, send_as=SendAs.REVIEW)
    store._db.execute("PRAGMA optimize")


def median_ms(function, rounds: int) -> tuple[float, object]:
    """Time rounds runs of function after one warm-up run.

    Returns the median time in ms and the result of the last run.
    """
    result = function()
    durations = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations), result


def measure(store: Store, rounds: int) -> dict[str, str]:
    library = Library(store)
    db = store._db
    without_outbox = ("SELECT uuid, title, local_status, server_status, "
                      "updated_at, last_error FROM articles ORDER BY updated_at DESC")
    cases = {
        "baseline_select_uuid": lambda: db.execute(
            "SELECT uuid FROM articles").fetchall(),
        "baseline_like_dang_bo": lambda: db.execute(
            "SELECT uuid FROM articles WHERE title LIKE ? OR body LIKE ?",
            ("%Đảng bộ%", "%Đảng bộ%")).fetchall(),
        "summary_sql": lambda: db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles "
            "ORDER BY updated_at DESC").fetchall(),
        "summary_sql_no_outbox": lambda: db.execute(without_outbox).fetchall(),
        "store_list": store.list_articles,
        "library_list": lambda: library.find(LibraryQuery()),
        "library_list_by_title": lambda: library.find(
            LibraryQuery(sort=SortOrder.TITLE)),
        "search_dang_bo": lambda: library.find(LibraryQuery(text="dang bo")),
        "search_benh_vien": lambda: library.find(LibraryQuery(text="benh vien")),
        "search_typing_benh_v": lambda: library.find(LibraryQuery(text="benh v")),
        "search_tan_lap": lambda: library.find(LibraryQuery(text="tan lap")),
    }

    figures: dict[str, str] = {}
    for name, function in cases.items():
        milliseconds, result = median_ms(function, rounds)
        figures[f"{name}_ms"] = f"{milliseconds:.1f}"
        if name.startswith("search_"):
            figures[f"{name}_rows"] = str(len(result))

    # Last, because it writes: an autosave of one article in the full store.
    article = store.get_article(db.execute("SELECT uuid FROM articles").fetchone()[0])

    def save() -> None:
        article.body += " Cập nhật."
        store.save_article(article)

    milliseconds, _ = median_ms(save, rounds)
    figures["save_article_ms"] = f"{milliseconds:.1f}"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES,
                        help="number of generated articles (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help="timed runs of each case (default %(default)s)")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "tinxa.sqlite3")
        started = time.perf_counter()
        fill_store(store, arguments.articles, random.Random(SEED))
        print(f"generated {arguments.articles} articles in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        figures = measure(store, arguments.rounds)
        store.close()

    list_ms = max(float(figures["store_list_ms"]), float(figures["library_list_ms"]))
    search_ms = max(float(figures["search_dang_bo_ms"]),
                    float(figures["search_benh_vien_ms"]))
    figures["list_goal_met"] = str(list_ms < LIST_GOAL_MS).lower()
    figures["search_goal_met"] = str(search_ms < SEARCH_GOAL_MS).lower()
    pairs = {"articles": str(arguments.articles), "rounds": str(arguments.rounds),
             "sqlite": sqlite3.sqlite_version}
    pairs.update(figures)
    print(" ".join(f"{key}={value}" for key, value in pairs.items()))


if __name__ == "__main__":
    main()
