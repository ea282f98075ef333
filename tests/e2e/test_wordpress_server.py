"""End-to-end checks of the test WordPress server and the companion plugin.

They check the server behaviour that TinXa's sync relies on. That is sign-in
with Application Passwords per role, the contributor's publish limit, lookup
by client UUID and the review meta. They also check reset, a web server
outage, and the command line that people use to try the app by hand.
"""

import io
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PIL import Image

from tests.wpserver import (
    CATEGORY_PRESETS,
    ProcessRecord,
    WordPressInfo,
    WordPressServer,
    is_running,
)

pytestmark = pytest.mark.wordpress

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
ROLES = ("administrator", "editor", "author", "contributor")
REQUEST_TIMEOUT = 30


@pytest.fixture
def http() -> Iterator[requests.Session]:
    session = requests.Session()
    # Proxy variables from the environment must not route test requests
    # anywhere but the server on 127.0.0.1.
    session.trust_env = False
    yield session
    session.close()


def credentials(info: WordPressInfo, role: str) -> tuple[str, str]:
    account = info.accounts[role]
    return account.username, account.application_password


def rest_get(http, info, role, path, **params) -> requests.Response:
    auth = credentials(info, role) if role else None
    return http.get(
        info.rest_url + path, params=params, auth=auth, timeout=REQUEST_TIMEOUT
    )


def rest_post(http, info, role, path, body) -> requests.Response:
    return http.post(
        info.rest_url + path,
        json=body,
        auth=credentials(info, role),
        timeout=REQUEST_TIMEOUT,
    )


def create_post(http, info, role, **fields) -> dict:
    response = rest_post(
        http, info, role, "wp/v2/posts", {"title": "Họp dân thôn 3", **fields}
    )
    assert response.status_code == 201, response.text
    return response.json()


def upload_jpeg(http, info, role, filename) -> dict:
    image = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(image, "JPEG")
    response = http.post(
        info.rest_url + "wp/v2/media",
        data=image.getvalue(),
        headers={
            "Content-Type": "image/jpeg",
            "Content-Disposition": f'attachment; filename="{filename}"',
        },
        auth=credentials(info, role),
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 201, response.text
    return response.json()


def sorted_ids(response: requests.Response) -> list[int]:
    assert response.status_code == 200, response.text
    return sorted(item["id"] for item in response.json())


# --- Sign-in ------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_application_password_signs_in(http, wordpress, role):
    account = wordpress.accounts[role]

    response = rest_get(http, wordpress, role, "wp/v2/users/me", context="edit")

    assert response.status_code == 200, response.text
    user = response.json()
    assert user["id"] == account.user_id
    assert user["username"] == account.username
    assert user["name"] == account.display_name
    assert user["roles"] == [role]


def test_contributor_display_name_is_vietnamese(wordpress):
    assert wordpress.accounts["contributor"].display_name == "Nguyễn Thị Hoa"


def test_wrong_application_password_gets_401(http, wordpress):
    response = http.get(
        wordpress.rest_url + "wp/v2/users/me",
        auth=("contributor", "wrong-application-password"),
        timeout=REQUEST_TIMEOUT,
    )

    assert response.status_code == 401
    assert response.json()["code"] == "rest_not_logged_in"


def test_login_password_gets_401_on_rest(http, wordpress):
    admin = wordpress.admin

    response = http.get(
        wordpress.rest_url + "wp/v2/users/me",
        auth=(admin.username, admin.password),
        timeout=REQUEST_TIMEOUT,
    )

    assert response.status_code == 401


# --- Contributor limits ---------------------------------------------------------


def test_contributor_creates_pending_post(http, wordpress):
    created = create_post(http, wordpress, "contributor", status="pending")

    assert created["status"] == "pending"
    assert created["author"] == wordpress.accounts["contributor"].user_id


def test_contributor_cannot_publish(http, wordpress):
    response = rest_post(
        http,
        wordpress,
        "contributor",
        "wp/v2/posts",
        {"title": "Tin mới", "status": "publish"},
    )

    assert response.status_code == 403
    assert response.json()["code"] == "rest_cannot_publish"


def test_contributor_cannot_upload_media(http, wordpress):
    response = http.post(
        wordpress.rest_url + "wp/v2/media",
        data=b"%PDF-1.4\n",
        headers={
            "Content-Type": "application/pdf",
            "Content-Disposition": 'attachment; filename="ke-hoach.pdf"',
        },
        auth=credentials(wordpress, "contributor"),
        timeout=REQUEST_TIMEOUT,
    )

    assert response.status_code == 403


# --- Lookup by client UUID ------------------------------------------------------


def test_client_uuid_finds_pending_post_for_author(http, wordpress):
    client_uuid = str(uuid.uuid4())
    created = create_post(
        http,
        wordpress,
        "contributor",
        status="pending",
        meta={"tinxa_uuid": client_uuid},
    )
    create_post(
        http,
        wordpress,
        "contributor",
        status="draft",
        meta={"tinxa_uuid": str(uuid.uuid4())},
    )

    response = rest_get(
        http,
        wordpress,
        "contributor",
        "wp/v2/posts",
        client_uuid=client_uuid,
        status="any",
    )

    assert sorted_ids(response) == [created["id"]]
    assert created["meta"]["tinxa_uuid"] == client_uuid


def test_client_uuid_of_no_post_finds_nothing(http, wordpress):
    create_post(
        http,
        wordpress,
        "contributor",
        status="pending",
        meta={"tinxa_uuid": str(uuid.uuid4())},
    )

    response = rest_get(
        http,
        wordpress,
        "contributor",
        "wp/v2/posts",
        client_uuid=str(uuid.uuid4()),
        status="any",
    )

    assert sorted_ids(response) == []


def test_client_uuid_accepts_list_in_any_case(http, wordpress):
    first_uuid, second_uuid = str(uuid.uuid4()), str(uuid.uuid4())
    first = create_post(
        http,
        wordpress,
        "author",
        status="draft",
        meta={"tinxa_uuid": first_uuid.upper()},
    )
    second = create_post(
        http, wordpress, "author", status="publish", meta={"tinxa_uuid": second_uuid}
    )

    response = rest_get(
        http,
        wordpress,
        "author",
        "wp/v2/posts",
        client_uuid=f"{first_uuid},{second_uuid.upper()}",
        status="any",
    )

    assert sorted_ids(response) == sorted([first["id"], second["id"]])
    assert first["meta"]["tinxa_uuid"] == first_uuid


def test_client_uuid_does_not_show_others_drafts(http, wordpress):
    client_uuid = str(uuid.uuid4())
    create_post(
        http, wordpress, "editor", status="draft", meta={"tinxa_uuid": client_uuid}
    )

    response = rest_get(
        http,
        wordpress,
        "contributor",
        "wp/v2/posts",
        client_uuid=client_uuid,
        status="any",
    )

    assert sorted_ids(response) == []


def test_client_uuid_rejects_invalid_value(http, wordpress):
    response = rest_get(
        http, wordpress, "author", "wp/v2/posts", client_uuid="bai-viet-1", status="any"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "rest_invalid_param"


def test_tinxa_uuid_meta_rejects_invalid_value(http, wordpress):
    response = rest_post(
        http,
        wordpress,
        "author",
        "wp/v2/posts",
        {"title": "Tin mới", "meta": {"tinxa_uuid": "not a uuid"}},
    )

    assert response.status_code == 400


def test_client_uuid_finds_media(http, wordpress):
    client_uuid = str(uuid.uuid4())
    media = upload_jpeg(http, wordpress, "author", "anh-hop-dan.jpg")
    update = rest_post(
        http,
        wordpress,
        "author",
        f"wp/v2/media/{media['id']}",
        {"meta": {"tinxa_uuid": client_uuid}},
    )
    assert update.status_code == 200, update.text
    upload_jpeg(http, wordpress, "author", "anh-khac.jpg")

    response = rest_get(
        http, wordpress, "author", "wp/v2/media", client_uuid=client_uuid
    )

    assert sorted_ids(response) == [media["id"]]
    assert response.json()[0]["meta"]["tinxa_uuid"] == client_uuid


# --- Review meta ------------------------------------------------------------------


def test_review_meta_round_trips(http, wordpress):
    note = "Sửa lại tít.\nẢnh 2 thiếu chú thích; tỉ lệ <5% là sai, xem %ab."
    created = create_post(http, wordpress, "contributor", status="pending")

    update = rest_post(
        http,
        wordpress,
        "editor",
        f"wp/v2/posts/{created['id']}",
        {"meta": {"tinxa_state": "returned", "tinxa_review_note": note}},
    )
    response = rest_get(
        http, wordpress, "contributor", f"wp/v2/posts/{created['id']}", context="edit"
    )

    assert update.status_code == 200, update.text
    assert response.status_code == 200, response.text
    assert response.json()["meta"]["tinxa_state"] == "returned"
    assert response.json()["meta"]["tinxa_review_note"] == note


def test_review_state_rejects_invalid_value(http, wordpress):
    created = create_post(http, wordpress, "editor", status="draft")

    response = rest_post(
        http,
        wordpress,
        "editor",
        f"wp/v2/posts/{created['id']}",
        {"meta": {"tinxa_state": "Đã duyệt"}},
    )

    assert response.status_code == 400


def test_author_cannot_write_meta_on_others_post(http, wordpress):
    created = create_post(http, wordpress, "editor", status="draft")

    response = rest_post(
        http,
        wordpress,
        "author",
        f"wp/v2/posts/{created['id']}",
        {"meta": {"tinxa_uuid": str(uuid.uuid4()), "tinxa_state": "approved"}},
    )
    stored = rest_get(
        http, wordpress, "editor", f"wp/v2/posts/{created['id']}", context="edit"
    )

    assert response.status_code == 403
    assert stored.json()["meta"]["tinxa_uuid"] == ""
    assert stored.json()["meta"]["tinxa_state"] == ""


# --- Site set-up --------------------------------------------------------------------


def test_info_route_answers_without_sign_in(http, wordpress):
    response = rest_get(http, wordpress, None, "tinxa/v1/info")

    assert response.status_code == 200
    info = response.json()
    assert info["plugin"] == "tinxa-companion"
    assert info["version"] == "1.0"
    assert info["auth_header_received"] is False
    assert info["user_id"] == 0


def test_info_route_sees_auth_header(http, wordpress):
    response = rest_get(http, wordpress, "contributor", "tinxa/v1/info")

    assert response.json()["auth_header_received"] is True
    assert response.json()["user_id"] == wordpress.accounts["contributor"].user_id


def test_preset_categories_exist(http, wordpress):
    response = rest_get(
        http, wordpress, "contributor", "wp/v2/categories", per_page=100
    )

    assert response.status_code == 200, response.text
    by_name = {category["name"]: category["id"] for category in response.json()}
    for name, _ in CATEGORY_PRESETS:
        assert by_name.get(name) == wordpress.categories[name], name


# --- Reset and outages ------------------------------------------------------------


def list_ids_as_admin(http, info, path, **params) -> list[int]:
    return sorted_ids(rest_get(http, info, "administrator", path, **params))


def test_reset_removes_content(http, wordpress, wordpress_server):
    create_post(http, wordpress, "author", status="publish")
    create_post(http, wordpress, "contributor", status="pending")
    create_post(http, wordpress, "editor", status="private")
    trashed = create_post(http, wordpress, "editor", status="draft")
    trash = http.delete(
        wordpress.rest_url + f"wp/v2/posts/{trashed['id']}",
        auth=credentials(wordpress, "editor"),
        timeout=REQUEST_TIMEOUT,
    )
    tag = rest_post(http, wordpress, "author", "wp/v2/tags", {"name": "nông thôn"})
    category = rest_post(
        http, wordpress, "editor", "wp/v2/categories", {"name": "Y tế"}
    )
    upload_jpeg(http, wordpress, "author", "anh-truoc-reset.jpg")
    assert trash.status_code == 200, trash.text
    assert tag.status_code == 201, tag.text
    assert category.status_code == 201, category.text
    assert any(path.is_file() for path in wordpress_server.uploads_dir.rglob("*"))

    wordpress_server.reset()

    assert list_ids_as_admin(http, wordpress, "wp/v2/posts", status="any") == []
    assert list_ids_as_admin(http, wordpress, "wp/v2/posts", status="trash") == []
    assert list_ids_as_admin(http, wordpress, "wp/v2/pages", status="any") == []
    assert list_ids_as_admin(http, wordpress, "wp/v2/media") == []
    assert list_ids_as_admin(http, wordpress, "wp/v2/tags") == []
    categories = rest_get(
        http, wordpress, "administrator", "wp/v2/categories", per_page=100
    )
    names = {category["name"] for category in categories.json()}
    assert names == {"Uncategorized", *wordpress.categories}
    assert list(wordpress_server.uploads_dir.rglob("*")) == []


def test_reset_keeps_accounts_and_ids_grow(http, wordpress, wordpress_server):
    before = create_post(http, wordpress, "author", status="draft")

    wordpress_server.reset()
    after = create_post(http, wordpress, "author", status="draft")

    for role in ROLES:
        response = rest_get(http, wordpress, role, "wp/v2/users/me")
        assert response.status_code == 200, role
    assert after["id"] > before["id"]


def test_stop_http_refuses_then_start_http_returns(http, wordpress, wordpress_server):
    http_processes = [
        record for record in wordpress_server.processes if record.name != "mariadbd"
    ]

    wordpress_server.stop_http()

    assert len(http_processes) == 5
    assert not any(is_running(record) for record in http_processes)
    assert not wordpress_server.http_running
    with pytest.raises(requests.ConnectionError):
        rest_get(http, wordpress, None, "tinxa/v1/info")

    wordpress_server.start_http()

    assert wordpress_server.info.base_url == wordpress.base_url
    assert rest_get(http, wordpress, "author", "wp/v2/users/me").status_code == 200


# --- Command line --------------------------------------------------------------------


def run_command_line(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.wpserver", *arguments],
        cwd=REPOSITORY_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def recorded_processes(directory: Path) -> list[ProcessRecord]:
    records = json.loads((directory / "processes.json").read_text())
    return [ProcessRecord(**fields) for group in records.values() for fields in group]


def test_command_line_start_stop_and_restart(http, tmp_path):
    directory = tmp_path / "wp"

    started = run_command_line("start", "--dir", str(directory))
    try:
        assert started.returncode == 0, started.stderr
        info = WordPressInfo.from_json((directory / "info.json").read_text())
        contributor = info.accounts["contributor"]
        assert info.base_url in started.stdout
        assert contributor.application_password in started.stdout
        assert info.admin.password in started.stdout
        created = create_post(http, info, "contributor", status="pending")
        first_run = recorded_processes(directory)
        assert len(first_run) == 6
        assert all(is_running(record) for record in first_run)

        stopped = run_command_line("stop", "--dir", str(directory))

        assert stopped.returncode == 0, stopped.stderr
        assert not any(is_running(record) for record in first_run)
        with pytest.raises(requests.ConnectionError):
            rest_get(http, info, None, "tinxa/v1/info")

        restarted = run_command_line("start", "--dir", str(directory))

        assert restarted.returncode == 0, restarted.stderr
        kept_post = rest_get(
            http, info, "contributor", f"wp/v2/posts/{created['id']}", context="edit"
        )
        assert kept_post.status_code == 200, kept_post.text
    finally:
        WordPressServer(directory).stop()


def test_second_create_with_uuid_is_refused(http, wordpress):
    uuid = "6f1c2a9e-0b7d-4c55-9e1a-2f4d8c3b7a10"
    body = {"title": "Tin", "status": "pending", "meta": {"tinxa_uuid": uuid}}
    account = wordpress.accounts["author"]
    auth = (account.username, account.application_password)
    first = http.post(wordpress.rest_url + "wp/v2/posts", json=body, auth=auth,
                      timeout=30)
    second = http.post(wordpress.rest_url + "wp/v2/posts", json=body, auth=auth,
                       timeout=30)

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["code"] == "tinxa_duplicate"
    assert second.json()["data"]["id"] == first.json()["id"]
