import unicodedata

import pytest
from PIL import Image

from desktop.checklist import (
    BLOCKING_CODES, FIELD_ORDER, PROBLEM_CODES, WARNING_CODES, Problem,
    check_article,
)
from desktop.models import Article, Media, MediaKind

TITLE = "Hội nghị tổng kết công tác năm 2025 của xã Hòa Thắng"
LEAD = "Sáng 14/1, UBND xã tổ chức hội nghị tổng kết công tác năm 2025."
BODY = (
    "Dự hội nghị có đại diện các thôn và đoàn thể.\n\n"
    "Toàn văn [Kế hoạch 45/KH-UBND](https://hoathang.gov.vn/ke-hoach-45) "
    "đã đăng trên trang.\n"
)


def ready_article(**changes) -> Article:
    fields = dict(title=TITLE, lead=LEAD, body=BODY, categories=["Tin tức"],
                  author="Nguyễn Thị Lan", source="Văn phòng UBND xã")
    fields.update(changes)
    return Article(**fields)


def photo(tmp_path, name="hoi-truong.jpg", size=(40, 30), **fields) -> Media:
    path = tmp_path / name
    Image.new("RGB", size, "white").save(path)
    fields.setdefault("alt_text", "Hội trường UBND xã trong buổi hội nghị")
    return Media(article_uuid="a", source_path=str(path), file_name=name,
                 **fields)


def with_body(body: str, **changes) -> Article:
    return ready_article(body=body, **changes)


def found(problems: list[Problem], code: str) -> list[Problem]:
    return [item for item in problems if item.code == code]


def the_one(problems: list[Problem], code: str) -> Problem:
    matches = found(problems, code)
    assert len(matches) == 1, problems
    return matches[0]


# --- A complete article -------------------------------------------------------

def test_ready_article_has_no_problems(tmp_path):
    image = photo(tmp_path)
    body = BODY + f"\n![Hội trường UBND xã]({image.reference})\n"
    assert check_article(ready_article(body=body), [image]) == []


def test_blocking_flag_follows_codes():
    problems = check_article(Article(body="[x](www.a.vn) [tại đây](https://a.vn)"),
                             [])
    assert problems
    for item in problems:
        assert item.blocking == (item.code in BLOCKING_CODES)


def test_every_code_is_listed(tmp_path):
    missing = photo(tmp_path, name="mat.jpg", alt_text="")
    (tmp_path / "mat.jpg").unlink()
    large = photo(tmp_path, name="lon.jpg")
    body = (f"![]({missing.reference}) ![Ảnh lớn]({large.reference}) "
            "![IMG_1.jpg](anh.jpg) ![x](media:khong-co) [](https://a.vn) "
            "[xem](www.a.vn) [a](https://) [b](ftp://a.vn) [d][e] ] "
            "[https://a.vn](https://a.vn) Ðoàn\n\n[f](https://a.vn")
    article = Article(title=unicodedata.normalize("NFD", "Hòa") * 100,
                      body=body)
    problems = check_article(article, [missing, large], max_pixels=10)
    # An empty title, which cannot also be too long.
    problems += check_article(Article(), [])
    codes = {item.code for item in problems}
    assert codes == PROBLEM_CODES
    assert not BLOCKING_CODES & WARNING_CODES


def test_problems_sorted_blocking_first():
    article = ready_article(title="", lead="", author="",
                            body="[tại đây](https://hoathang.gov.vn)")
    problems = check_article(article, [])
    assert [item.code for item in problems] == [
        "title_missing", "author_missing", "lead_missing", "link_text_vague"]


def test_every_field_is_known():
    article = Article(title="Ð" * 300, body="![](media:x) [a](", categories=[])
    for item in check_article(article, []):
        assert item.field in FIELD_ORDER


# --- Required fields ----------------------------------------------------------

@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_title_missing_blocks(title):
    problem = the_one(check_article(ready_article(title=title), []),
                      "title_missing")
    assert problem.field == "title"
    assert problem.blocking


def test_title_too_long_warns():
    title = "Thông báo " + "lịch tiếp công dân " * 12
    problem = the_one(check_article(ready_article(title=title), []),
                      "title_too_long")
    assert problem.field == "title"
    assert not problem.blocking
    assert problem.params == {"length": len(title.strip()), "max_length": 200}


def test_title_at_limit_passes():
    title = "Đ" * 200
    assert check_article(ready_article(title=title), []) == []


def test_title_limit_is_a_parameter():
    problems = check_article(ready_article(), [], max_title_length=10)
    assert the_one(problems, "title_too_long").params["max_length"] == 10


def test_lead_missing_warns():
    problem = the_one(check_article(ready_article(lead=" "), []), "lead_missing")
    assert problem.field == "lead"
    assert not problem.blocking


@pytest.mark.parametrize("categories", [[], [""], ["  "]])
def test_category_missing_blocks(categories):
    problem = the_one(check_article(ready_article(categories=categories), []),
                      "category_missing")
    assert problem.field == "categories"
    assert problem.blocking


@pytest.mark.parametrize("field", ["author", "source"])
def test_attribution_missing_blocks(field):
    problem = the_one(check_article(ready_article(**{field: " "}), []),
                      f"{field}_missing")
    assert problem.field == field
    assert problem.blocking


# --- Text forms ---------------------------------------------------------------

@pytest.mark.parametrize("field", ["title", "lead", "author", "source", "body"])
def test_lookalike_eth_warns(field):
    text = "Ðại hội Ðoàn thanh niên xã"
    problem = the_one(check_article(ready_article(**{field: text}), []),
                      "lookalike_eth")
    assert problem.field == field
    assert not problem.blocking
    assert problem.params == {"count": 2, "position": 0}


def test_real_eth_in_foreign_name_passes():
    article = ready_article(author="Guðrún Jónsdóttir")
    assert check_article(article, []) == []


def test_nfd_title_warns_with_position():
    title = unicodedata.normalize("NFD", "Xã Hòa Thắng")
    problem = the_one(check_article(ready_article(title=title), []), "not_nfc")
    assert problem.field == "title"
    assert not problem.blocking
    assert problem.params["position"] == title.index("\u0303")  # the ã


def test_nfd_body_warns():
    body = unicodedata.normalize("NFD", BODY)
    problem = the_one(check_article(with_body(body), []), "not_nfc")
    assert problem.field == "body"


# --- Images in the body -------------------------------------------------------

def test_image_alt_missing_blocks(tmp_path):
    image = photo(tmp_path)
    body = f"Ảnh hội nghị:\n\n![]({image.reference})"
    problem = the_one(check_article(with_body(body), [image]),
                      "image_alt_missing")
    assert problem.field == "body"
    assert problem.blocking
    assert problem.params == {"file_name": "hoi-truong.jpg",
                              "position": body.index("![")}


@pytest.mark.parametrize("alt", [" ", "**", "\\ "])
def test_image_alt_blank_blocks(tmp_path, alt):
    image = photo(tmp_path)
    body = f"![{alt}]({image.reference})"
    assert found(check_article(with_body(body), [image]), "image_alt_missing")


def test_web_image_needs_alt():
    body = "![](https://hoathang.gov.vn/anh/hoi-nghi.jpg)"
    problem = the_one(check_article(with_body(body), []), "image_alt_missing")
    assert problem.params["file_name"] == "https://hoathang.gov.vn/anh/hoi-nghi.jpg"


def test_web_image_with_alt_passes():
    body = "![Cổng UBND xã](https://hoathang.gov.vn/anh/cong.jpg)"
    assert check_article(with_body(body), []) == []


def test_image_alt_file_name_warns(tmp_path):
    image = photo(tmp_path)
    problem = the_one(
        check_article(with_body(f"![IMG_2034.JPG]({image.reference})"), [image]),
        "image_alt_file_name")
    assert not problem.blocking
    assert problem.params["text"] == "IMG_2034.JPG"


@pytest.mark.parametrize("target", [
    "file:///C:/Users/VanPhong/Pictures/hoi-nghi.jpg",
    "data:image/png;base64,iVBORw0KGgo=",
    "cid:image001.png@01D9",
    "hoi-nghi.jpg",
    "",
    "https://",
])
def test_image_target_invalid_blocks(target):
    body = f"![Hội nghị tổng kết]({target})"
    problem = the_one(check_article(with_body(body), []), "image_target_invalid")
    assert problem.blocking
    assert problem.params == {"target": target, "position": 0}


def test_image_reference_unknown_blocks():
    body = "![Hội trường](media:6f1c0000-0000-0000-0000-000000000000)"
    problem = the_one(check_article(with_body(body), []), "media_unknown")
    assert problem.field == "body"
    assert problem.blocking
    assert problem.params["target"] == "media:6f1c0000-0000-0000-0000-000000000000"


def test_image_inside_code_is_skipped():
    body = "Cú pháp ảnh: `![](anh.jpg)`\n\n```\n![](anh.jpg)\n[xem](www)\n```\n"
    assert check_article(with_body(body), []) == []


# --- Photo and file records ---------------------------------------------------

def test_media_alt_missing_blocks(tmp_path):
    image = photo(tmp_path, alt_text=" ")
    body = f"Ảnh:\n![Hội trường]({image.reference})"
    problem = the_one(check_article(with_body(body), [image]),
                      "media_alt_missing")
    assert problem.field == "media"
    assert problem.blocking
    assert problem.params == {"file_name": "hoi-truong.jpg", "uuid": image.uuid,
                              "position": body.index(image.reference)}


def test_cover_alt_missing_blocks(tmp_path):
    cover = photo(tmp_path, alt_text="", is_cover=True)
    problem = the_one(check_article(ready_article(), [cover]), "media_alt_missing")
    assert "position" not in problem.params


def test_unused_photo_is_skipped(tmp_path):
    unused = photo(tmp_path, alt_text="")
    (tmp_path / "hoi-truong.jpg").unlink()
    assert check_article(ready_article(), [unused]) == []


def test_media_file_missing_blocks(tmp_path):
    image = photo(tmp_path)
    (tmp_path / "hoi-truong.jpg").unlink()
    body = f"![Hội trường]({image.reference})"
    problem = the_one(check_article(with_body(body), [image]),
                      "media_file_missing")
    assert problem.field == "media"
    assert problem.blocking
    assert problem.params["file_name"] == "hoi-truong.jpg"


def test_web_copy_replaces_missing_source(tmp_path):
    image = photo(tmp_path, name="goc.jpg")
    image.prepared_path = str(tmp_path / "web.jpg")
    Image.new("RGB", (16, 12)).save(image.prepared_path)
    (tmp_path / "goc.jpg").unlink()
    body = f"![Hội trường]({image.reference})"
    assert check_article(with_body(body), [image]) == []


def test_uploaded_media_needs_no_file(tmp_path):
    image = photo(tmp_path, server_id=71,
                  server_url="https://hoathang.gov.vn/anh.jpg")
    (tmp_path / "hoi-truong.jpg").unlink()
    body = f"![Hội trường]({image.reference})"
    assert check_article(with_body(body), [image]) == []


def test_attachment_file_missing_blocks(tmp_path):
    attachment = Media(article_uuid="a", source_path=str(tmp_path / "kh.pdf"),
                       file_name="Kế hoạch 45.pdf", kind=MediaKind.ATTACHMENT)
    problem = the_one(check_article(ready_article(), [attachment]),
                      "media_file_missing")
    assert problem.params["file_name"] == "Kế hoạch 45.pdf"


def test_attachment_link_passes(tmp_path):
    path = tmp_path / "kh.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    attachment = Media(article_uuid="a", source_path=str(path),
                       file_name="kh.pdf", kind=MediaKind.ATTACHMENT)
    body = f"Tải [Kế hoạch 45/KH-UBND]({attachment.reference})"
    assert check_article(with_body(body), [attachment]) == []


def test_link_to_unknown_media_blocks():
    body = "Xem [Kế hoạch 45](media:mat-tich)"
    problem = the_one(check_article(with_body(body), []), "media_unknown")
    assert problem.params == {"target": "media:mat-tich", "position": 4}


def test_oversized_pixels_warns(tmp_path):
    image = photo(tmp_path, size=(40, 30))
    body = f"![Hội trường]({image.reference})"
    problem = the_one(check_article(with_body(body), [image], max_pixels=1000),
                      "image_oversized")
    assert problem.field == "media"
    assert not problem.blocking
    assert problem.params["file_name"] == "hoi-truong.jpg"
    assert problem.params["megapixels"] == 0
    assert problem.params["megabytes"] == 0


def test_unreadable_image_omits_pixels(tmp_path):
    path = tmp_path / "hong.jpg"
    path.write_bytes(b"not a photo" * 10)
    image = Media(article_uuid="a", source_path=str(path), file_name="hong.jpg",
                  alt_text="Ảnh hỏng")
    body = f"![Ảnh hỏng]({image.reference})"
    problems = check_article(with_body(body), [image], max_image_bytes=10)
    assert "megapixels" not in the_one(problems, "image_oversized").params


def test_oversized_bytes_warns(tmp_path):
    image = photo(tmp_path)
    size = (tmp_path / "hoi-truong.jpg").stat().st_size
    body = f"![Hội trường]({image.reference})"
    problems = check_article(with_body(body), [image], max_image_bytes=size - 1)
    assert the_one(problems, "image_oversized").params["uuid"] == image.uuid


def test_image_within_limits_passes(tmp_path):
    image = photo(tmp_path, size=(40, 30))
    size = (tmp_path / "hoi-truong.jpg").stat().st_size
    body = f"![Hội trường]({image.reference})"
    problems = check_article(with_body(body), [image], max_pixels=1200,
                             max_image_bytes=size)
    assert problems == []


# --- Link targets -------------------------------------------------------------

@pytest.mark.parametrize("target", [
    "https://hoathang.gov.vn/thong-bao",
    "http://127.0.0.1:8080/van-ban",
    "<https://hoathang.gov.vn/thong bao>".replace(" ", "%20"),
    "https://vi.wikipedia.org/wiki/Huế_(thành_phố)",
    'https://hoathang.gov.vn "Trang của xã"',
    "mailto:vanphong@hoathang.gov.vn",
    "tel:02343888999",
])
def test_valid_link_passes(target):
    body = f"Liên hệ [Văn phòng UBND xã]({target}) trong giờ hành chính."
    assert check_article(with_body(body), []) == []


@pytest.mark.parametrize("target", ["", "<>", "https://", "http://", "mailto:"])
def test_link_target_missing_blocks(target):
    body = f"Chi tiết trong [Kế hoạch 45]({target})."
    problem = the_one(check_article(with_body(body), []), "link_target_missing")
    assert problem.blocking
    assert problem.params == {"text": "Kế hoạch 45",
                              "position": body.index("[")}


@pytest.mark.parametrize("target", [
    "C:\\Users\\VanPhong\\Documents\\ke-hoach.docx",
    "file:///home/vanphong/ke-hoach.pdf",
    "ke-hoach-45.pdf",
    "javascript:alert(1)",
    "ftp://hoathang.gov.vn/ke-hoach.pdf",
    "http://hoathang gov vn",
    "#muc-2",
])
def test_link_target_invalid_blocks(target):
    body = f"Chi tiết trong [Kế hoạch 45]({target})."
    problem = the_one(check_article(with_body(body), []), "link_target_invalid")
    assert problem.blocking
    assert problem.params["target"] == target


@pytest.mark.parametrize("target", ["www.hoathang.gov.vn",
                                    "hoathang.gov.vn/thong-bao"])
def test_link_without_scheme_blocks(target):
    body = f"Đọc trên [trang của xã]({target})."
    problem = the_one(check_article(with_body(body), []), "link_scheme_missing")
    assert problem.blocking
    assert problem.params == {"text": "trang của xã", "target": target,
                              "position": body.index("[")}


def test_link_unclosed_blocks():
    body = "Đọc [Kế hoạch 45](https://hoathang.gov.vn/kh-45 trên trang.\n"
    problem = the_one(check_article(with_body(body), []), "link_unclosed")
    assert problem.blocking
    assert problem.params["position"] == 4
    assert problem.params["excerpt"].startswith("[Kế hoạch 45](https://")


@pytest.mark.parametrize("body", [
    "Đọc [Kế hoạch](https://hoathang.gov.vn\nvà [Quyết định](https://a.vn/qd).",
    "Đọc [Kế hoạch](https://hoathang.gov.vn và [Quyết định](https://a.vn/qd).",
])
def test_link_unclosed_keeps_next_link(body):
    problems = check_article(with_body(body), [])
    assert [item.code for item in problems] == ["link_unclosed"]


def test_link_target_across_lines_blocks():
    body = "Đọc [Kế hoạch](https://hoathang.gov.vn\nkh-45) trên trang."
    problem = the_one(check_article(with_body(body), []), "link_target_invalid")
    assert problem.params["target"] == "https://hoathang.gov.vn\nkh-45"


# --- Brackets and references ----------------------------------------------------

@pytest.mark.parametrize("body, position", [
    ("Danh sách [chưa đóng của thôn Đông", 10),
    ("Thôn Đông] có 120 hộ", 9),
    ("[Kế hoạch\n\nsố 45](https://hoathang.gov.vn)", 0),
])
def test_unmatched_bracket_warns(body, position):
    problems = check_article(with_body(body), [])
    problem = found(problems, "bracket_unmatched")[0]
    assert not problem.blocking
    assert problem.params["position"] == position


@pytest.mark.parametrize("body", [
    "Theo Điều 3 [được sửa đổi] của quy chế.",
    "Ký hiệu \\[45\\] và \\] đứng riêng.",
    "Mã `[` trong câu.",
])
def test_plain_brackets_pass(body):
    assert check_article(with_body(body), []) == []


def test_reference_link_is_checked():
    body = ("Xem [tại đây][kh].\n\n"
            "[kh]: https://hoathang.gov.vn/kh-45\n")
    problems = check_article(with_body(body), [])
    assert [item.code for item in problems] == ["link_text_vague"]
    assert problems[0].params["target"] == "https://hoathang.gov.vn/kh-45"


def test_shortcut_reference_uses_definition():
    body = "Xem [Kế hoạch 45].\n\n[kế hoạch 45]: www.hoathang.gov.vn\n"
    problem = the_one(check_article(with_body(body), []), "link_scheme_missing")
    assert problem.params["position"] == 4


def test_undefined_reference_warns():
    body = "Theo [Kế hoạch 45][kh] của UBND xã."
    problem = the_one(check_article(with_body(body), []),
                      "link_reference_undefined")
    assert not problem.blocking
    assert problem.params == {"text": "Kế hoạch 45", "label": "kh",
                              "position": 5}


# --- Link texts ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ở đây", "Tại đây", "tai day", "TẠI ĐÂY.", "click here", "Click here!",
    "xem", "Xem thêm…", "link", "Bấm vào đây", "**tại đây**",
    unicodedata.normalize("NFD", "tại đây"),
])
def test_vague_link_text_warns(text):
    body = f"Nội dung kế hoạch [{text}](https://hoathang.gov.vn/kh-45)."
    problem = the_one(check_article(with_body(body), []), "link_text_vague")
    assert problem.field == "body"
    assert not problem.blocking
    assert problem.params["target"] == "https://hoathang.gov.vn/kh-45"


@pytest.mark.parametrize("text", [
    "Kế hoạch 45/KH-UBND", "xem lịch tiếp dân", "Đây là thông báo", "Linh",
])
def test_meaningful_link_text_passes(text):
    body = f"[{text}](https://hoathang.gov.vn/kh-45)"
    assert check_article(with_body(body), []) == []


@pytest.mark.parametrize("body", [
    "[https://hoathang.gov.vn/kh-45](https://hoathang.gov.vn/kh-45)",
    "[www.hoathang.gov.vn](https://www.hoathang.gov.vn)",
    "Trang của xã: <https://hoathang.gov.vn>",
])
def test_url_as_link_text_warns(body):
    problem = the_one(check_article(with_body(body), []), "link_text_url")
    assert not problem.blocking
    assert problem.field == "body"


def test_link_text_missing_warns():
    body = "Trang [](https://hoathang.gov.vn)"
    problem = the_one(check_article(with_body(body), []), "link_text_missing")
    assert not problem.blocking
    assert problem.params == {"target": "https://hoathang.gov.vn",
                              "position": 6}


def test_image_link_uses_alt_as_text(tmp_path):
    image = photo(tmp_path)
    body = f"[![Sơ đồ tổ chức UBND xã]({image.reference})](https://hoathang.gov.vn)"
    assert check_article(with_body(body), [image]) == []


def test_many_problems_keep_text_order():
    body = "[tại đây](https://a.vn) và [xem](https://b.vn)"
    positions = [item.params["position"]
                 for item in check_article(with_body(body), [])]
    assert positions == [0, body.index("[xem]")]
