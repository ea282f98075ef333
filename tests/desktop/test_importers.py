"""Tests for importing Word documents as article drafts.

The .docx files are built here with python-docx. The XML that python-docx has
no API for (numbering levels, hyperlinks, fields, tracked changes, text boxes)
is written as Word writes it.
"""

import hashlib
import io
import random
import struct
import time
import unicodedata
import zipfile
from pathlib import Path

import docx
import msoffcrypto
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from PIL import Image

from desktop.errors import ErrorKind, InputError
from desktop.importers import (
    EQUATION_AS_TEXT,
    IMAGE_LINKED,
    IMAGE_NOT_WEB_FORMAT,
    LEGACY_FONT_CONVERTED,
    TRACKED_CHANGES_ACCEPTED,
    ImportedDocument,
    import_docx,
)
from desktop.legacy_encodings import TCVN3_TABLE, TCVN3_UPPER_TABLE, VNI_TABLE
from desktop.render import markdown_to_html
from desktop.text import nfc

SENTENCE = "Hội nghị đã thảo luận và thống nhất các chỉ tiêu."


# --- Building documents ----------------------------------------------------------------

def legacy_text(text: str, table: dict) -> str:
    """Spell text in a legacy byte table, as Word stores text set in that font."""
    inverse: dict[str, str] = {}
    for key, letter in sorted(table.items(), reverse=True):
        inverse[letter] = chr(key) if isinstance(key, int) else key
    return "".join(inverse.get(char, char) for char in nfc(text))


def image_bytes(color: str, image_format: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, image_format)
    return buffer.getvalue()


def add_run(paragraph, text: str, font: str | None = None, **formatting):
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
        fonts = run._r.rPr.rFonts
        fonts.set(qn("w:hAnsi"), font)
    for name, value in formatting.items():
        setattr(run.font, name, value)
    return run


def add_image(paragraph, data: bytes, description: str = "") -> None:
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(data))
    if description:
        run._r.find(".//" + qn("wp:docPr")).set("descr", description)


def add_hyperlink(paragraph, text: str, url: str) -> None:
    relationship_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK,
                                               is_external=True)
    hyperlink = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{relationship_id}">'
        f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{text}</w:t></w:r>'
        "</w:hyperlink>"
    )
    paragraph._p.append(hyperlink)


def add_numbering(document, number_id: int, levels: list[tuple[str, str]]) -> str:
    """Add a list definition with one (numFmt, lvlText) per level and return its numId."""
    numbering = document.part.numbering_part.element
    level_xml = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for index, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number_id}">{level_xml}'
        "</w:abstractNum>"
    )
    numbering.insert(0, abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{number_id}">'
        f'<w:abstractNumId w:val="{number_id}"/></w:num>'
    ))
    return str(number_id)


def add_list_paragraph(document, text: str, number_id: str, level: int):
    paragraph = document.add_paragraph(text, style="List Paragraph")
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
        f'<w:numId w:val="{number_id}"/></w:numPr>'
    ))
    return paragraph


def save(document, folder: Path, name: str = "bai.docx") -> Path:
    path = folder / name
    document.save(path)
    return path


def import_into(tmp_path: Path, path: Path) -> ImportedDocument:
    return import_docx(path, tmp_path / "media")


def write_compound_file(path: Path, stream_name: str, data: bytes) -> None:
    """Write an OLE2 compound file with one stream, as Word 97-2003 files are.

    Version 3 layout with 512-byte sectors: sector 0 contains the FAT, sector 1
    the directory, and the stream (at least 4096 bytes, so it is not in the
    mini stream) follows.
    """
    data = data.ljust(4096, b"\0")
    data_sectors = -(-len(data) // 512)
    end_of_chain, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD

    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108

    fat = [fat_sector, end_of_chain] + list(range(3, 2 + data_sectors)) + [end_of_chain]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, free, child) + bytes(16 + 4 + 16)
                + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1, end_of_chain, 0)
    directory += entry(stream_name, 2, free, 2, len(data))
    directory += bytes(128 * 2)
    path.write_bytes(header + struct.pack("<128I", *fat) + directory
                     + data.ljust(data_sectors * 512, b"\0"))


# --- The reference document ----------------------------------------------------------

RED_PNG = image_bytes("red")
BLUE_JPEG = image_bytes("blue", "JPEG")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[ImportedDocument, Path]:
    """Import a commune report with every construct the importer keeps."""
    folder = tmp_path_factory.mktemp("report")
    document = docx.Document()
    bullets = add_numbering(document, 90, [("bullet", "\uf0b7"), ("bullet", "o")])
    numbers = add_numbering(document, 91, [("decimal", "%1."), ("lowerLetter", "%2)")])

    document.add_heading("Hội nghị tổng kết năm 2026", level=1)
    paragraph = document.add_paragraph()
    add_run(paragraph, "Sáng ngày 14/6/2026", bold=True)
    add_run(paragraph, ", Ủy ban nhân dân xã tổ chức ")
    add_run(paragraph, "hội nghị tổng kết", italic=True)
    add_run(paragraph, ".")

    # Word splits text into runs wherever an edit happened, even mid-word.
    legacy = legacy_text(SENTENCE, TCVN3_TABLE)
    paragraph = document.add_paragraph()
    add_run(paragraph, legacy[:12], font=".VnTime")
    add_run(paragraph, legacy[12:], font=".VnTime")

    add_list_paragraph(document, "Thu ngân sách đạt 105% kế hoạch", bullets, 0)
    add_list_paragraph(document, "Thuế phí: 2,1 tỷ đồng", bullets, 1)
    add_list_paragraph(document, "Xây dựng nông thôn mới", bullets, 0)
    add_list_paragraph(document, "Đánh giá kết quả", numbers, 0)
    add_list_paragraph(document, "Phương hướng năm 2027", numbers, 0)

    document.add_heading("Kết quả cụ thể", level=2)
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate([("STT", "Chỉ tiêu", "Kết quả"),
                                  ("1", "Thu ngân sách", "12,5 tỷ"),
                                  ("2", "Chi | thu", "")]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    table.cell(1, 2).merge(table.cell(2, 2))

    add_image(document.add_paragraph(), RED_PNG, "Quang cảnh hội nghị")
    paragraph = document.add_paragraph("Xem thêm tại ")
    add_hyperlink(paragraph, "Cổng thông tin xã", "https://xa.gov.vn/tin-tuc/2026")
    add_run(paragraph, ".")
    add_image(document.add_paragraph(), BLUE_JPEG, "Đại biểu phát biểu")

    path = save(document, folder)
    return import_docx(path, folder / "media"), folder / "media"


def test_report_title_from_heading(report):
    result, _ = report
    assert result.title == "Hội nghị tổng kết năm 2026"
    assert "Hội nghị tổng kết năm 2026" not in result.markdown


def test_report_markdown(report):
    result, _ = report
    png, jpeg = (image.path.name for image in result.images)
    expected = f"""\
**Sáng ngày 14/6/2026**, Ủy ban nhân dân xã tổ chức *hội nghị tổng kết*.

{SENTENCE}

- Thu ngân sách đạt 105% kế hoạch
    - Thuế phí: 2,1 tỷ đồng
- Xây dựng nông thôn mới

1. Đánh giá kết quả
2. Phương hướng năm 2027

## Kết quả cụ thể

| STT | Chỉ tiêu | Kết quả |
| --- | --- | --- |
| 1 | Thu ngân sách | 12,5 tỷ |
| 2 | Chi \\| thu |  |

![Quang cảnh hội nghị]({png})

Xem thêm tại [Cổng thông tin xã](https://xa.gov.vn/tin-tuc/2026).

![Đại biểu phát biểu]({jpeg})"""
    assert result.markdown == expected


def test_report_renders(report):
    result, _ = report
    html = markdown_to_html(result.markdown)
    assert "<li>Thu ngân sách đạt 105% kế hoạch<ul>" in html
    assert "<th>Chỉ tiêu</th>" in html
    assert '<a href="https://xa.gov.vn/tin-tuc/2026"' in html
    assert 'alt="Quang cảnh hội nghị"' in html


def test_report_images_in_order(report):
    result, media_dir = report
    assert [image.alt for image in result.images] == ["Quang cảnh hội nghị",
                                                      "Đại biểu phát biểu"]
    png, jpeg = result.images
    assert png.path.parent == media_dir
    assert png.path.suffix == ".png"
    assert jpeg.path.suffix == ".jpg"
    assert png.path.read_bytes() == RED_PNG
    assert jpeg.path.read_bytes() == BLUE_JPEG


def test_report_warns_about_legacy_font(report):
    result, _ = report
    assert result.warnings == [LEGACY_FONT_CONVERTED]


def test_report_output_is_nfc(report):
    result, _ = report
    assert unicodedata.is_normalized("NFC", result.markdown)
    assert unicodedata.is_normalized("NFC", result.title)


def test_image_names_are_stable(tmp_path):
    document = docx.Document()
    add_image(document.add_paragraph(), RED_PNG, "Ảnh")
    add_image(document.add_paragraph(), RED_PNG, "Ảnh lặp lại")
    path = save(document, tmp_path)

    first = import_docx(path, tmp_path / "one")
    second = import_docx(path, tmp_path / "two")

    assert [image.path.name for image in first.images] == \
        [image.path.name for image in second.images]
    assert len(first.images) == 1
    name = first.images[0].path.name
    assert first.markdown == f"![Ảnh]({name})\n\n![Ảnh lặp lại]({name})"
    assert list((tmp_path / "one").iterdir()) == [tmp_path / "one" / name]


# --- Legacy fonts and Unicode forms -----------------------------------------------------

def test_vni_letter_split_across_runs(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    encoded = legacy_text("Hội nghị tổng kết", VNI_TABLE)
    # "Ho" + the mark byte of "ộ" in the next run: decoding each run alone fails.
    cut = encoded.index("o") + 1
    add_run(paragraph, encoded[:cut], font="VNI-Times")
    add_run(paragraph, encoded[cut:], font="VNI-Times")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.title == ""
    assert result.markdown == "Hội nghị tổng kết"


def test_vntimeh_run_is_upper_case(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_run(paragraph, legacy_text("HỘI NGHỊ", TCVN3_UPPER_TABLE), font=".VnTimeH")
    add_run(paragraph, " tổng kết")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "HỘI NGHỊ tổng kết"


def test_legacy_font_from_paragraph_style(tmp_path):
    document = docx.Document()
    style = document.styles.add_style("Van ban cu", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = ".VnArial"
    style.element.rPr.rFonts.set(qn("w:hAnsi"), ".VnArial")
    document.add_paragraph(legacy_text(SENTENCE, TCVN3_TABLE), style=style)
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == SENTENCE
    assert LEGACY_FONT_CONVERTED in result.warnings


def test_combining_marks_become_nfc(tmp_path):
    # Text converted from Windows-1258 keeps the tone as a combining mark.
    document = docx.Document()
    document.add_paragraph(unicodedata.normalize("NFD", "Đảng bộ xã Hòa Thắng"))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Đảng bộ xã Hòa Thắng"
    assert unicodedata.is_normalized("NFC", result.markdown)


def test_unicode_font_not_decoded(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_run(paragraph, "Cà phê Đắk Lắk", font="Times New Roman")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Cà phê Đắk Lắk"
    assert result.warnings == []


# --- Formatting --------------------------------------------------------------------------

def test_hidden_text_skipped_and_caps_applied(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_run(paragraph, "thông báo", all_caps=True)
    add_run(paragraph, " ghi chú ẩn", hidden=True)
    add_run(paragraph, " số 12")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "THÔNG BÁO số 12"


def test_markdown_characters_escaped(tmp_path):
    document = docx.Document()
    document.add_paragraph("1. Mục tiêu *chính* [dự thảo] <b>")
    document.add_paragraph("- Đồng chí Nguyễn Văn A")
    result = import_into(tmp_path, save(document, tmp_path))
    html = markdown_to_html(result.markdown)
    assert "<p>1. Mục tiêu *chính* [dự thảo] &lt;b&gt;</p>" in html
    assert "<p>- Đồng chí Nguyễn Văn A</p>" in html


def test_line_break_kept(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Nơi nhận:")
    paragraph.add_run().add_break()
    paragraph.add_run("- UBND huyện")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Nơi nhận:  \n\\- UBND huyện"


def test_title_from_short_bold_line(tmp_path):
    document = docx.Document()
    add_run(document.add_paragraph(), "Xã tổ chức Lễ ra quân hè 2026", bold=True)
    document.add_paragraph("Sáng 1/6, Đoàn xã tổ chức lễ ra quân.")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.title == "Xã tổ chức Lễ ra quân hè 2026"
    assert result.markdown == "Sáng 1/6, Đoàn xã tổ chức lễ ra quân."


def test_title_empty_without_heading_or_bold(tmp_path):
    document = docx.Document()
    document.add_paragraph("Sáng 1/6, Đoàn xã tổ chức lễ ra quân.")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.title == ""
    assert result.markdown == "Sáng 1/6, Đoàn xã tổ chức lễ ra quân."


def test_title_kept_in_body_when_not_first(tmp_path):
    document = docx.Document()
    document.add_paragraph("Thứ Tư, ngày 14 tháng 6 năm 2026")
    document.add_heading("Lịch tiếp công dân", level=2)
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.title == "Lịch tiếp công dân"
    assert result.markdown == "Thứ Tư, ngày 14 tháng 6 năm 2026\n\n## Lịch tiếp công dân"


# --- Lists ---------------------------------------------------------------------------------

def test_lettered_sublist_kept_as_text(tmp_path):
    document = docx.Document()
    numbers = add_numbering(document, 92, [("decimal", "%1."), ("lowerLetter", "%2)")])
    add_list_paragraph(document, "Nhiệm vụ", numbers, 0)
    add_list_paragraph(document, "Giữ vững an ninh", numbers, 1)
    add_list_paragraph(document, "Phát triển kinh tế", numbers, 1)
    add_list_paragraph(document, "Giải pháp", numbers, 0)
    result = import_into(tmp_path, save(document, tmp_path))
    expected = ("1. Nhiệm vụ\n\na) Giữ vững an ninh\n\nb) Phát triển kinh tế"
                "\n\n2\\. Giải pháp")
    assert result.markdown == expected
    html = markdown_to_html(result.markdown)
    assert "<p>2. Giải pháp</p>" in html


def test_numbering_continues_after_paragraph(tmp_path):
    document = docx.Document()
    numbers = add_numbering(document, 93, [("decimal", "%1.")])
    add_list_paragraph(document, "Một", numbers, 0)
    add_list_paragraph(document, "Hai", numbers, 0)
    document.add_paragraph("Ghi chú giữa danh sách.")
    add_list_paragraph(document, "Ba", numbers, 0)
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "1. Một\n2. Hai\n\nGhi chú giữa danh sách.\n\n3\\. Ba"


def test_roman_numbered_heading(tmp_path):
    document = docx.Document()
    numbers = add_numbering(document, 94, [("upperRoman", "%1.")])
    for text in ("Kết quả", "Phương hướng"):
        heading = document.add_heading(text, level=2)
        heading._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{numbers}"/></w:numPr>'
        ))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.title == "I. Kết quả"
    assert result.markdown == "## II. Phương hướng"


def test_list_in_table_cell(tmp_path):
    document = docx.Document()
    bullets = add_numbering(document, 95, [("bullet", "\uf0b7")])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Thôn"
    table.cell(0, 1).text = "Việc"
    table.cell(1, 0).text = "Đông"
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "Làm đường"
    for paragraph in (cell.paragraphs[0], cell.add_paragraph("Nạo vét kênh")):
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{bullets}"/></w:numPr>'
        ))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == (
        "| Thôn | Việc |\n| --- | --- |\n| Đông | - Làm đường<br>- Nạo vét kênh |"
    )


def test_horizontal_merge_pads_row(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    top = table.cell(0, 0).merge(table.cell(0, 1))
    top.text = "Thôn Đông"
    table.cell(0, 2).text = "Tổng"
    for column, value in enumerate(("120", "5", "125")):
        table.cell(1, column).text = value
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "| Thôn Đông |  | Tổng |\n| --- | --- | --- |\n| 120 | 5 | 125 |"


# --- Word XML without a python-docx API -----------------------------------------------------

def paragraph_from_xml(document, inner_xml: str) -> None:
    paragraph = parse_xml(
        f'<w:p {nsdecls("w", "r", "wp", "a", "pic", "m")} '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"{inner_xml}</w:p>"
    )
    document.element.body.insert(len(document.element.body) - 1, paragraph)


def test_tracked_changes_accepted(tmp_path):
    document = docx.Document()
    paragraph_from_xml(document, (
        "<w:r><w:t>Kinh phí </w:t></w:r>"
        '<w:del w:id="1" w:author="A" w:date="2026-06-01T00:00:00Z">'
        "<w:r><w:delText>200 triệu</w:delText></w:r></w:del>"
        '<w:ins w:id="2" w:author="A" w:date="2026-06-01T00:00:00Z">'
        "<w:r><w:t>250 triệu</w:t></w:r></w:ins>"
        "<w:r><w:t> đồng</w:t></w:r>"
    ))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Kinh phí 250 triệu đồng"
    assert TRACKED_CHANGES_ACCEPTED in result.warnings


def test_field_hyperlink(tmp_path):
    document = docx.Document()
    paragraph_from_xml(document, (
        "<w:r><w:t xml:space=\"preserve\">Xem </w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://dichvucong.gov.vn/" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>Cổng dịch vụ công</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t xml:space=\"preserve\"> (trang 3)</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Xem [Cổng dịch vụ công](https://dichvucong.gov.vn/) (trang 3)"


def test_text_box_imported_once(tmp_path):
    document = docx.Document()
    box = "<w:txbxContent><w:p><w:r><w:t>Hộp chữ: lịch trực</w:t></w:r></w:p></w:txbxContent>"
    paragraph_from_xml(document, (
        "<w:r><w:t>Trước hộp</w:t></w:r><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    ))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Trước hộp\n\nHộp chữ: lịch trực"


def test_equation_kept_as_text(tmp_path):
    document = docx.Document()
    paragraph_from_xml(document, (
        "<w:r><w:t xml:space=\"preserve\">Diện tích </w:t></w:r>"
        "<m:oMath><m:r><m:t>S=a×b</m:t></m:r></m:oMath>"
    ))
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Diện tích S=a×b"
    assert EQUATION_AS_TEXT in result.warnings


def test_linked_image_warns(tmp_path):
    document = docx.Document()
    add_image(document.add_paragraph("Ảnh: "), RED_PNG, "Ảnh")
    blip = document.element.body.find(".//" + qn("a:blip"))
    relationship_id = document.part.relate_to("file:///C:/anh.png", RELATIONSHIP_TYPE.IMAGE,
                                              is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), relationship_id)
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.markdown == "Ảnh:"
    assert result.images == []
    assert IMAGE_LINKED in result.warnings


def test_tiff_image_warns(tmp_path):
    document = docx.Document()
    add_image(document.add_paragraph(), image_bytes("green", "TIFF"), "Bản quét")
    result = import_into(tmp_path, save(document, tmp_path))
    assert result.images[0].path.suffix == ".tiff"
    assert IMAGE_NOT_WEB_FORMAT in result.warnings


# --- Bad input ------------------------------------------------------------------------------

def raises_code(path: Path, media_dir: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        import_docx(path, media_dir)
    assert caught.value.kind is ErrorKind.INVALID_INPUT
    return caught.value


@pytest.fixture
def valid_docx(tmp_path) -> Path:
    document = docx.Document()
    document.add_heading("Thông báo", level=1)
    document.add_paragraph("Lịch tiếp công dân tháng 6.")
    add_image(document.add_paragraph(), RED_PNG, "Ảnh")
    return save(document, tmp_path, "hop-le.docx")


def test_missing_file(tmp_path):
    error = raises_code(tmp_path / "khong-co.docx", tmp_path / "media")
    assert error.code == "docx_not_found"
    assert error.params["path"] == str(tmp_path / "khong-co.docx")


def test_directory_instead_of_file(tmp_path):
    assert raises_code(tmp_path, tmp_path / "media").code == "docx_not_found"


def test_zero_byte_file_is_empty(tmp_path):
    path = tmp_path / "Tài liệu mới.docx"
    path.write_bytes(b"")
    assert raises_code(path, tmp_path / "media").code == "docx_empty"


def test_document_without_content_is_empty(tmp_path):
    document = docx.Document()
    document.add_paragraph("   ")
    document.add_paragraph("")
    path = save(document, tmp_path)
    assert raises_code(path, tmp_path / "media").code == "docx_empty"


def test_old_binary_doc(tmp_path):
    path = tmp_path / "bao-cao.doc"
    write_compound_file(path, "WordDocument", b"\xec\xa5\xc1\x00" + bytes(600))
    assert raises_code(path, tmp_path / "media").code == "docx_is_old_word"


def test_other_compound_file(tmp_path):
    path = tmp_path / "bang-tinh.docx"
    write_compound_file(path, "Workbook", bytes(600))
    error = raises_code(path, tmp_path / "media")
    assert error.code == "docx_not_word"
    assert error.params["detected"] == "ole"


def test_password_protected_docx(tmp_path, valid_docx):
    encrypted = io.BytesIO()
    with valid_docx.open("rb") as file:
        msoffcrypto.OfficeFile(file).encrypt("matkhau123", encrypted)
    path = tmp_path / "co-mat-khau.docx"
    path.write_bytes(encrypted.getvalue())
    assert raises_code(path, tmp_path / "media").code == "docx_encrypted"


@pytest.mark.parametrize(("content", "detected"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "rtf"),
    (b"<html><body>Tin</body></html>", "html"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    (b"Hoi nghi tong ket", "unknown"),
])
def test_non_docx_files(tmp_path, content, detected):
    path = tmp_path / "tai-lieu.docx"
    path.write_bytes(content)
    error = raises_code(path, tmp_path / "media")
    assert error.code == "docx_not_word"
    assert error.params["detected"] == detected


def test_spreadsheet_renamed_to_docx(tmp_path):
    path = tmp_path / "so-lieu.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    error = raises_code(path, tmp_path / "media")
    assert error.code == "docx_not_word"
    assert error.params["detected"] == "xlsx"


def test_truncated_docx(tmp_path, valid_docx):
    path = tmp_path / "tai-do.docx"
    path.write_bytes(valid_docx.read_bytes()[:3000])
    assert raises_code(path, tmp_path / "media").code == "docx_damaged"


def test_invalid_document_xml(tmp_path, valid_docx):
    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(valid_docx) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(entry, data)
    assert raises_code(path, tmp_path / "media").code == "docx_damaged"


def test_missing_document_part(tmp_path, valid_docx):
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(valid_docx) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            if entry.filename != "word/document.xml":
                target.writestr(entry, source.read(entry))
    assert raises_code(path, tmp_path / "media").code == "docx_damaged"


def test_damaged_bytes_give_input_errors(tmp_path, valid_docx):
    """Flip bytes across a valid file: every result is a document or an InputError."""
    original = valid_docx.read_bytes()
    generator = random.Random(2026)
    outcomes = {"imported": 0, "rejected": 0}
    for attempt in range(60):
        damaged = bytearray(original)
        for _ in range(8):
            damaged[generator.randrange(len(damaged))] = generator.randrange(256)
        path = tmp_path / f"hong-{attempt}.docx"
        path.write_bytes(bytes(damaged))
        try:
            import_docx(path, tmp_path / "media")
            outcomes["imported"] += 1
        except InputError:
            outcomes["rejected"] += 1
    assert outcomes["imported"] + outcomes["rejected"] == 60
    assert outcomes["rejected"] > 0


def test_file_over_size_limit(tmp_path, valid_docx, monkeypatch):
    monkeypatch.setattr("desktop.importers.MAX_DOCX_BYTES", 1000)
    error = raises_code(valid_docx, tmp_path / "media")
    assert error.code == "docx_too_large"
    assert error.params["limit"] == 1000


def test_expanded_size_over_limit(tmp_path, valid_docx, monkeypatch):
    monkeypatch.setattr("desktop.importers.MAX_EXPANDED_BYTES", 5000)
    assert raises_code(valid_docx, tmp_path / "media").code == "docx_too_large"


def test_media_folder_not_writable(tmp_path, valid_docx):
    blocked = tmp_path / "media"
    blocked.write_text("a file where the folder should be")
    assert raises_code(valid_docx, blocked).code == "media_write_failed"


def test_two_thousand_paragraphs(tmp_path):
    document = docx.Document()
    bullets = add_numbering(document, 96, [("bullet", "\uf0b7")])
    document.add_heading("Báo cáo năm 2026", level=1)
    for index in range(2000):
        if index % 20 == 0:
            add_list_paragraph(document, f"Mục {index}", bullets, 0)
        else:
            paragraph = document.add_paragraph(f"Đoạn {index}: ")
            add_run(paragraph, "kết quả", bold=True)
            add_run(paragraph, " thực hiện nhiệm vụ của xã.")
    path = save(document, tmp_path)

    started = time.perf_counter()
    result = import_into(tmp_path, path)
    elapsed = time.perf_counter() - started

    assert result.title == "Báo cáo năm 2026"
    assert result.markdown.count("**kết quả**") == 1900
    lines = result.markdown.split("\n")
    assert sum(1 for line in lines if line.startswith("- Mục ")) == 100
    # NOTE: about 0.5 s on the 2-core development machine. The bound only
    # catches a slip into quadratic time.
    assert elapsed < 10.0


def test_image_hash_names(tmp_path):
    document = docx.Document()
    add_image(document.add_paragraph(), BLUE_JPEG)
    result = import_into(tmp_path, save(document, tmp_path))
    digest = hashlib.sha256(BLUE_JPEG).hexdigest()
    assert result.images[0].path.name == f"{digest[:16]}.jpg"
    assert result.images[0].alt == ""
    assert result.markdown == f"![]({digest[:16]}.jpg)"


def test_huge_list_start_is_bounded(tmp_path):
    document = docx.Document()
    numbers = add_numbering(document, 97, [("upperRoman", "%1.")])
    start = document.part.numbering_part.element.find(".//" + qn("w:start"))
    start.set(qn("w:val"), "999999999999")
    add_list_paragraph(document, "Mục lớn", numbers, 0)

    started = time.perf_counter()
    result = import_into(tmp_path, save(document, tmp_path))

    assert time.perf_counter() - started < 5.0
    assert result.markdown == "99999\\. Mục lớn"
