"""Import Word documents (.docx) as article drafts: a title guess, a Markdown body
and the images, extracted to files.

python-docx opens the package and gives the parts. The body XML is walked
directly, because python-docx skips tracked insertions, field hyperlinks and
images. Runs set in a TCVN3 or VNI font are decoded according to that font.
The result is built as an HTML tree and written by tree_to_markdown, so pasted
HTML and imported documents give the same Markdown.
"""

import hashlib
import logging
import os
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import docx
import lxml.etree
import lxml.html
import olefile
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from desktop.errors import InputError
from desktop.html_markdown import tree_to_markdown
from desktop.legacy_encodings import decode_legacy, encoding_for_font
from desktop.text import nfc

log = logging.getLogger(__name__)

# NOTE: judgement limits, not measured ones. A clerk's .docx with photos is
# rarely over 50 MB, and the expanded parts all sit in memory while converting.
MAX_DOCX_BYTES = 200 * 1024 * 1024
MAX_EXPANDED_BYTES = 1024 * 1024 * 1024
# The text part alone: a 100-page report's document.xml is a few MB, while a
# 94 KB crafted file can expand to 20 MB of text that takes minutes to
# convert and gigabytes of memory to parse.
MAX_DOCUMENT_XML_BYTES = 16 * 1024 * 1024

# Warning codes in ImportedDocument.warnings.
LEGACY_FONT_CONVERTED = "legacy_font_converted"  # proofread the converted text
TRACKED_CHANGES_ACCEPTED = "tracked_changes_accepted"  # insertions kept, deletions dropped
IMAGE_LINKED = "image_linked"  # an image links to a file outside the document
IMAGE_MISSING = "image_missing"  # an image refers to a part that is not in the file
IMAGE_NOT_WEB_FORMAT = "image_not_web_format"  # EMF, WMF or TIFF, which browsers cannot show
DRAWING_SKIPPED = "drawing_skipped"  # a chart, SmartArt or shape without a picture
FOOTNOTES_SKIPPED = "footnotes_skipped"  # footnote and endnote text is not imported
EQUATION_AS_TEXT = "equation_as_text"  # an equation was kept as its plain text

_WEB_IMAGE_TYPES = {".png", ".jpg", ".gif", ".bmp", ".webp", ".svg"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# First bytes of files that clerks save as .doc or .docx by mistake.
_KNOWN_SIGNATURES = {
    b"%PDF": "pdf",
    b"{\\rtf": "rtf",
    b"\xff\xd8\xff": "jpeg",
    b"\x89PNG": "png",
    b"<": "html",
}

_V = "urn:schemas-microsoft-com:vml"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R_EMBED = qn("r:embed")
_R_LINK = qn("r:link")
_R_ID = qn("r:id")
_W_VAL = qn("w:val")

# Elements whose children belong to the paragraph as if they were direct ones.
_TRANSPARENT = {qn("w:smartTag"), qn("w:customXml"), qn("w:dir"), qn("w:bdo")}
_INSERTED = {qn("w:ins"), qn("w:moveTo")}
_DELETED = {qn("w:del"), qn("w:moveFrom")}
_FALSE_VALUES = {"0", "false", "off", "none"}
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$")
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
_DECIMAL_MARKER = re.compile(r"^\d+\.$")
_MAX_LIST_NUMBER = 99_999

# A title guess from a bold line is only taken from the first few paragraphs,
# and only if it is short. NOTE: both numbers are judgement calls.
_TITLE_SEARCH_PARAGRAPHS = 5
_TITLE_MAX_CHARS = 200


@dataclass(frozen=True)
class ImportedImage:
    """An image extracted from the document into the media folder."""

    path: Path
    alt: str  # the picture's description in Word, or "" if it has none


@dataclass
class ImportedDocument:
    """A Word document converted to an article draft."""

    title: str  # the first heading or first short bold line, or ""
    markdown: str
    images: list[ImportedImage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # codes listed at the top


def import_docx(path: Path, media_dir: Path) -> ImportedDocument:
    """Convert a .docx file to an article draft, writing its images into media_dir.

    Headings, bold, italic, lists, tables, hyperlinks and images are kept in
    document order. Images become ![alt](file name) references to files in
    media_dir, named by a hash of their content, so a second import of the same
    document writes the same names. The title paragraph is left out of the body
    when it is the document's first block, because the article shows its title
    separately. Raises InputError with one of the codes docx_not_found,
    docx_unreadable, docx_too_large, docx_is_old_word, docx_encrypted,
    docx_not_word, docx_damaged, docx_empty or media_write_failed.
    """
    document = _open_document(Path(path))
    body = document.element.find(qn("w:body"))
    if body is None:
        raise InputError("docx_damaged", "word/document.xml has no w:body", path=str(path))
    converter = _DocxConverter(document, _MediaWriter(Path(media_dir)))
    try:
        root = converter.convert(body)
    except (KeyError, ValueError, lxml.etree.LxmlError) as error:
        raise InputError("docx_damaged", str(error), path=str(path)) from error

    markdown = tree_to_markdown(root)
    images = converter.media.images
    if not markdown and not converter.title and not images:
        raise InputError("docx_empty", path=str(path))
    log.info("imported %s: %d characters, %d images, warnings %s",
             path, len(markdown), len(images), converter.warnings or "none")
    return ImportedDocument(converter.title, markdown, images, converter.warnings)


# --- Opening the file ---------------------------------------------------------------

def _open_document(path: Path) -> docx.document.Document:
    """Check that path is a readable .docx of a sane size and open it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(8)
    except FileNotFoundError as error:
        raise InputError("docx_not_found", str(error), path=str(path)) from error
    except IsADirectoryError as error:
        raise InputError("docx_not_found", str(error), path=str(path)) from error
    except OSError as error:
        raise InputError("docx_unreadable", str(error), path=str(path)) from error

    if size == 0:
        # Windows Explorer's "New > Microsoft Word Document" creates an empty file.
        raise InputError("docx_empty", "the file has 0 bytes", path=str(path))
    if size > MAX_DOCX_BYTES:
        raise InputError("docx_too_large", f"{size} bytes", path=str(path),
                         size=size, limit=MAX_DOCX_BYTES)
    if head.startswith(_OLE_MAGIC):
        raise _ole_file_error(path)
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            # A zip whose end was cut off, as a broken download or copy leaves it.
            raise InputError("docx_damaged", "incomplete zip package", path=str(path))
        detected = next((kind for magic, kind in _KNOWN_SIGNATURES.items()
                         if head.lstrip().startswith(magic)), "unknown")
        raise InputError("docx_not_word", f"not a zip package ({detected})",
                         path=str(path), detected=detected)

    _check_package(path)
    try:
        return docx.Document(str(path))
    except ValueError as error:
        # python-docx opened a package whose main part is not a .docx body,
        # such as a macro-enabled .docm or a .dotx template.
        raise InputError("docx_not_word", str(error), path=str(path),
                         detected="other_office") from error
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, zlib.error, EOFError,
            OSError, lxml.etree.LxmlError) as error:
        # zipfile raises zlib.error and EOFError for damaged compressed parts.
        raise InputError("docx_damaged", str(error), path=str(path)) from error
    except Exception as error:
        # python-docx 1.2 also raises AttributeError or TypeError for XML that
        # parses but does not match the schema, such as a damaged .rels part.
        log.warning("python-docx could not open %s", path, exc_info=True)
        raise InputError("docx_damaged", repr(error), path=str(path)) from error


def _ole_file_error(path: Path) -> InputError:
    """Classify an OLE2 compound file: an encrypted .docx, a .doc or something else.

    Word saves a password-protected .docx as an OLE2 file with the streams
    EncryptionInfo and EncryptedPackage, and a Word 97-2003 .doc has a
    WordDocument stream.
    """
    try:
        with olefile.OleFileIO(str(path)) as ole:
            encrypted = ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage")
            old_word = ole.exists("WordDocument")
    except (OSError, ValueError) as error:
        # olefile raises OSError for a damaged header and other errors for
        # damaged sector chains.
        return InputError("docx_damaged", str(error), path=str(path))
    if encrypted:
        return InputError("docx_encrypted", path=str(path))
    if old_word:
        return InputError("docx_is_old_word", path=str(path))
    return InputError("docx_not_word", "an OLE2 file that is not Word",
                      path=str(path), detected="ole")


def _check_package(path: Path) -> None:
    """Raise InputError unless path is a zip with a Word body of a sane expanded size.

    The declared sizes bound what zipfile will expand, so a small file that
    would expand to gigabytes is rejected before python-docx reads it.
    """
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError("docx_damaged", str(error), path=str(path)) from error

    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise InputError("docx_not_word", "no [Content_Types].xml",
                         path=str(path), detected="zip")
    if not any(name.startswith("word/") for name in names):
        detected = "xlsx" if any(n.startswith("xl/") for n in names) else (
            "pptx" if any(n.startswith("ppt/") for n in names) else "zip")
        raise InputError("docx_not_word", "no word/ part", path=str(path),
                         detected=detected)

    text_size = sum(entry.file_size for entry in entries
                    if entry.filename == "word/document.xml")
    if text_size > MAX_DOCUMENT_XML_BYTES:
        raise InputError("docx_too_large", f"{text_size} bytes of text",
                         path=str(path), size=text_size,
                         limit=MAX_DOCUMENT_XML_BYTES)
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_EXPANDED_BYTES:
        raise InputError("docx_too_large", f"{expanded} bytes expanded",
                         path=str(path), size=expanded, limit=MAX_EXPANDED_BYTES)


# --- Styles -------------------------------------------------------------------------

@dataclass(frozen=True)
class _RunFormat:
    """The formatting of a run that the import keeps."""

    bold: bool = False
    italic: bool = False
    caps: bool = False
    hidden: bool = False
    encoding: str | None = None  # legacy encoding of the run's font


@dataclass(frozen=True)
class _ParagraphStyle:
    """Heading level, numbering and run properties from a paragraph's style chain."""

    heading_level: int  # 1-6, or 0 for body text
    numbering: tuple[str, int] | None  # (numId, ilvl) that the style sets
    run_properties: tuple[lxml.etree._Element, ...]  # rPr elements, nearest first


class _StyleSheet:
    """Style lookups with inheritance (basedOn) and document defaults, cached."""

    def __init__(self, document: docx.document.Document) -> None:
        styles = _part_element(document, RELATIONSHIP_TYPE.STYLES)
        if styles is None:
            styles = lxml.etree.Element(qn("w:styles"))
        self._styles = {style.get(qn("w:styleId")): style
                        for style in styles.iter(qn("w:style"))}
        self._default_paragraph = next(
            (style_id for style_id, style in self._styles.items()
             if style.get(qn("w:type")) == "paragraph"
             and style.get(qn("w:default")) in ("1", "true", "on")),
            None,
        )
        default_rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._default_run = (default_rpr,) if default_rpr is not None else ()
        self._paragraph_cache: dict[str | None, _ParagraphStyle] = {}
        self._format_cache: dict[tuple, _RunFormat] = {}

    def _chain(self, style_id: str | None) -> list[lxml.etree._Element]:
        """Return the style and the styles it is based on, nearest first."""
        chain = []
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(_W_VAL) if based_on is not None else None
        return chain

    def paragraph_style(self, style_id: str | None) -> _ParagraphStyle:
        style_id = style_id or self._default_paragraph
        if style_id not in self._paragraph_cache:
            self._paragraph_cache[style_id] = self._read_paragraph_style(style_id)
        return self._paragraph_cache[style_id]

    def _read_paragraph_style(self, style_id: str | None) -> _ParagraphStyle:
        chain = self._chain(style_id)
        level = 0
        numbering = None
        for style in chain:
            name_element = style.find(qn("w:name"))
            name = (name_element.get(_W_VAL) or "").lower() if name_element is not None else ""
            match = _HEADING_STYLE.match(name)
            if not level and match:
                level = int(match.group(1))
            elif not level and name in ("title", "subtitle"):
                level = 1 if name == "title" else 2
            outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if not level and outline is not None and (outline.get(_W_VAL) or "").isdigit():
                outline_level = int(outline.get(_W_VAL))
                level = outline_level + 1 if outline_level < 9 else 0
            if numbering is None:
                numbering = _numbering_of(style.find(qn("w:pPr")), default_level=0)

        run_properties = tuple(
            rpr for rpr in (style.find(qn("w:rPr")) for style in chain) if rpr is not None
        )
        return _ParagraphStyle(min(level, 6), numbering, run_properties)

    def run_format(self, run_pr: lxml.etree._Element | None,
                   paragraph: _ParagraphStyle) -> _RunFormat:
        """Resolve a run's formatting through its own, character and paragraph styles."""
        char_style = None
        if run_pr is not None:
            style_element = run_pr.find(qn("w:rStyle"))
            char_style = style_element.get(_W_VAL) if style_element is not None else None
        key = (lxml.etree.tostring(run_pr) if run_pr is not None else b"", char_style,
               paragraph.run_properties)
        if key not in self._format_cache:
            levels = [run_pr] if run_pr is not None else []
            levels += [rpr for rpr in (style.find(qn("w:rPr"))
                                       for style in self._chain(char_style)) if rpr is not None]
            levels += list(paragraph.run_properties) + list(self._default_run)
            self._format_cache[key] = _RunFormat(
                bold=_toggle(levels, "w:b"),
                italic=_toggle(levels, "w:i"),
                caps=_toggle(levels, "w:caps"),
                hidden=_toggle(levels, "w:vanish"),
                encoding=_font_encoding(levels),
            )
        return self._format_cache[key]


def _part_element(document: docx.document.Document,
                  relationship_type: str) -> lxml.etree._Element | None:
    """Return the XML of the document's part of a relationship type, or None.

    None stands for a missing part, and for one whose damaged content type made
    python-docx load it as a plain Part without XML. The import then goes on
    without the styles or numbering.
    """
    try:
        part = document.part.part_related_by(relationship_type)
    except KeyError:
        return None
    element = getattr(part, "element", None)
    return element if isinstance(element, lxml.etree._Element) else None


def _toggle(levels: list[lxml.etree._Element], tag: str) -> bool:
    """Return the nearest explicit value of an on/off property such as w:b."""
    for rpr in levels:
        element = rpr.find(qn(tag))
        if element is not None:
            return (element.get(_W_VAL) or "true").lower() not in _FALSE_VALUES
    return False


def _font_encoding(levels: list[lxml.etree._Element]) -> str | None:
    """Return the legacy encoding of the nearest font that a run's levels set.

    The hAnsi font draws characters 0x80-0xFF, where TCVN3 and VNI put their
    letters, so it decides before the ascii font. A theme font is never legacy.
    """
    for rpr in levels:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            continue
        for attribute in ("w:hAnsi", "w:ascii"):
            name = fonts.get(qn(attribute))
            if name:
                return encoding_for_font(name)
            if fonts.get(qn(attribute + "Theme")):
                return None
    return None


def _numbering_of(ppr: lxml.etree._Element | None,
                  default_level: int) -> tuple[str, int] | None:
    """Return (numId, ilvl) from a pPr's numPr, or None if it sets no numbering."""
    if ppr is None:
        return None
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    level = num_pr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    level_value = level.get(_W_VAL) if level is not None else None
    return (num_id.get(_W_VAL) or "0",
            int(level_value) if level_value and level_value.isdigit() else default_level)


# --- Numbering ----------------------------------------------------------------------

@dataclass(frozen=True)
class _ListMarker:
    """The marker of one numbered paragraph and the kind of list it belongs in."""

    kind: str  # "ul", "ol", "text" (marker kept as text) or "none"
    level: int
    text: str  # the marker as Word draws it, such as "1.", "a)" or "•"


class _Numbering:
    """Numbering definitions and the running counters of each list."""

    def __init__(self, document: docx.document.Document) -> None:
        self._nums: dict[str, lxml.etree._Element] = {}
        self._abstracts: dict[str, lxml.etree._Element] = {}
        self._counters: dict[str, list[int | None]] = {}
        element = _part_element(document, RELATIONSHIP_TYPE.NUMBERING)
        if element is None:
            return
        for num in element.iter(qn("w:num")):
            self._nums[num.get(qn("w:numId"))] = num
        for abstract in element.iter(qn("w:abstractNum")):
            self._abstracts[abstract.get(qn("w:abstractNumId"))] = abstract

    def marker(self, num_id: str, level: int) -> _ListMarker:
        """Advance the counter of the list for one paragraph and return its marker."""
        num = self._nums.get(num_id)
        if num_id == "0" or num is None:
            return _ListMarker("none", level, "")
        level = max(0, min(level, 8))
        definitions = [self._level(num, index) for index in range(9)]
        counters = self._counters.setdefault(num_id, [None] * 9)
        current = counters[level]
        counters[level] = _start_of(definitions[level], num, level) if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None

        definition = definitions[level]
        number_format = _attribute(definition, "w:numFmt") or "decimal"
        template = _attribute(definition, "w:lvlText") or ""
        if number_format == "none":
            return _ListMarker("none", level, "")
        if number_format == "bullet":
            return _ListMarker("ul", level, "•")

        text = _fill_marker(template, counters, definitions)
        simple = template == f"%{level + 1}." and number_format == "decimal"
        kind = "ol" if simple and _DECIMAL_MARKER.match(text) else "text"
        return _ListMarker(kind, level, text)

    def _level(self, num: lxml.etree._Element, level: int) -> lxml.etree._Element | None:
        """Return the w:lvl for a level, taking a num's override before its abstract."""
        for override in num.iter(qn("w:lvlOverride")):
            if override.get(qn("w:ilvl")) == str(level):
                replacement = override.find(qn("w:lvl"))
                if replacement is not None:
                    return replacement
        abstract_id = num.find(qn("w:abstractNumId"))
        abstract = self._abstracts.get(abstract_id.get(_W_VAL)) if abstract_id is not None else None
        if abstract is None:
            return None
        return next((lvl for lvl in abstract.iter(qn("w:lvl"))
                     if lvl.get(qn("w:ilvl")) == str(level)), None)


def _attribute(definition: lxml.etree._Element | None, tag: str) -> str | None:
    if definition is None:
        return None
    element = definition.find(qn(tag))
    return element.get(_W_VAL) if element is not None else None


def _start_of(definition: lxml.etree._Element | None, num: lxml.etree._Element,
              level: int) -> int:
    for override in num.iter(qn("w:lvlOverride")):
        start = override.find(qn("w:startOverride"))
        if override.get(qn("w:ilvl")) == str(level) and start is not None:
            return _start_value(start.get(_W_VAL))
    return _start_value(_attribute(definition, "w:start"))


def _int_or(value: str | None, default: int) -> int:
    return int(value) if value and value.lstrip("-").isdigit() else default


def _start_value(value: str | None) -> int:
    # A damaged or crafted w:start must not make a marker of millions of letters.
    return max(0, min(_int_or(value, 1), _MAX_LIST_NUMBER))


def _fill_marker(template: str, counters: list[int | None],
                 definitions: list[lxml.etree._Element | None]) -> str:
    """Replace %1 to %9 in a lvlText with each level's counter in its format."""
    def number(match: re.Match[str]) -> str:
        level = int(match.group(1)) - 1
        value = counters[level] or 1
        return _format_number(value, _attribute(definitions[level], "w:numFmt") or "decimal")

    return re.sub(r"%([1-9])", number, template).strip()


def _format_number(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, remainder = divmod(value - 1, 26)
            letters = chr(ord("a") + remainder) + letters
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        result += numeral * count
    return result


# --- Images -------------------------------------------------------------------------

class _MediaWriter:
    """Image writer that stores each distinct image once, named by a hash of its bytes."""

    def __init__(self, media_dir: Path) -> None:
        self.media_dir = media_dir
        self.images: list[ImportedImage] = []
        self._written: dict[str, str] = {}  # digest to file name

    def save(self, blob: bytes, extension: str, alt: str) -> str:
        """Write blob into the media folder unless it is there, and return its file name."""
        digest = hashlib.sha256(blob).hexdigest()
        if digest in self._written:
            return self._written[digest]

        name = f"{digest[:16]}{extension}"
        target = self.media_dir / name
        try:
            self.media_dir.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                _write_atomically(target, blob)
        except OSError as error:
            raise InputError("media_write_failed", str(error), path=str(target)) from error
        self._written[digest] = name
        self.images.append(ImportedImage(target, alt))
        return name


def _write_atomically(target: Path, blob: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(blob)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _image_extension(partname: str) -> str:
    extension = os.path.splitext(partname)[1].lower()
    return {".jpeg": ".jpg", ".jpe": ".jpg", ".tif": ".tiff"}.get(extension, extension)


# --- Converting the body ---------------------------------------------------------------

@dataclass
class _Segment:
    """A piece of a paragraph's inline content before it becomes HTML."""

    text: str = ""
    format: _RunFormat = _RunFormat()
    href: str | None = None
    image: tuple[str, str] | None = None  # (file name, alt text)
    is_break: bool = False


@dataclass
class _Field:
    """A complex field (fldChar begin ... end) that is being read."""

    instruction: str = ""
    in_result: bool = False


class _DocxConverter:
    """Converter from a document body to an HTML tree, with a title guess and warnings."""

    def __init__(self, document: docx.document.Document, media: _MediaWriter) -> None:
        self.document = document
        self.part = document.part
        self.styles = _StyleSheet(document)
        self.numbering = _Numbering(document)
        self.media = media
        self.title = ""
        self.warnings: list[str] = []
        self._fields: list[_Field] = []
        self._text_boxes: list[lxml.etree._Element] = []

    def warn(self, code: str) -> None:
        if code not in self.warnings:
            self.warnings.append(code)

    def convert(self, body: lxml.etree._Element) -> lxml.html.HtmlElement:
        root = lxml.html.Element("div")
        self._convert_blocks(body, root, in_cell=False)
        self._take_title(root)
        return root

    # Blocks

    def _convert_blocks(self, container: lxml.etree._Element,
                        target: lxml.html.HtmlElement, in_cell: bool) -> None:
        lists = _ListStack(target)
        for child in _block_children(container):
            if child.tag == qn("w:p"):
                self._paragraph(child, target, lists, in_cell)
            elif child.tag == qn("w:tbl"):
                lists.close()
                target.append(self._table(child))

    def _paragraph(self, paragraph: lxml.etree._Element, target: lxml.html.HtmlElement,
                   lists: "_ListStack", in_cell: bool) -> None:
        ppr = paragraph.find(qn("w:pPr"))
        style_element = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = self.styles.paragraph_style(
            style_element.get(_W_VAL) if style_element is not None else None)
        numbering = _numbering_of(ppr, default_level=0) or style.numbering
        marker = self.numbering.marker(*numbering) if numbering else None

        segments = self._inline_segments(paragraph, style)
        text_boxes, self._text_boxes = self._text_boxes, []
        if _has_content(segments):
            self._place_paragraph(segments, style, marker, target, lists, in_cell)
        for box in text_boxes:
            self._convert_blocks(box, target, in_cell)

    def _place_paragraph(self, segments: list[_Segment], style: _ParagraphStyle,
                         marker: _ListMarker | None, target: lxml.html.HtmlElement,
                         lists: "_ListStack", in_cell: bool) -> None:
        if style.heading_level:
            lists.close()
            element = lxml.html.Element(f"h{style.heading_level}")
            if marker is not None and marker.kind in ("ol", "text"):
                element.text = marker.text + " "
            _append_segments(element, segments)
            target.append(element)
            return

        if marker is None or marker.kind == "none":
            lists.close()
            element = lxml.html.Element("p")
        elif in_cell or marker.kind == "text" or not lists.accepts(marker):
            lists.close()
            element = lxml.html.Element("p")
            prefix = "-" if marker.kind == "ul" else marker.text
            element.text = prefix + " "
        else:
            element = lists.add_item(marker)
        _append_segments(element, segments)
        if element.getparent() is None:
            target.append(element)

    def _table(self, table: lxml.etree._Element) -> lxml.html.HtmlElement:
        element = lxml.html.Element("table")
        for row in table.iter(qn("w:tr")):
            if _nearest_table(row) is not table:
                continue
            row_element = lxml.etree.SubElement(element, "tr")
            for cell in _row_cells(row):
                cell_element = lxml.etree.SubElement(row_element, "td")
                span = _cell_span(cell)
                if span > 1:
                    cell_element.set("colspan", str(span))
                if not _continues_vertical_merge(cell):
                    self._convert_blocks(cell, cell_element, in_cell=True)
        return element

    # Inline content

    def _inline_segments(self, paragraph: lxml.etree._Element,
                         style: _ParagraphStyle) -> list[_Segment]:
        segments: list[_Segment] = []
        self._walk_inline(paragraph, style, None, segments)
        return _decode_segments(_merge_segments(segments), self)

    def _walk_inline(self, element: lxml.etree._Element, style: _ParagraphStyle,
                     href: str | None, segments: list[_Segment]) -> None:
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                self._run(child, style, href, segments)
            elif tag == qn("w:hyperlink"):
                self._walk_inline(child, style, self._hyperlink_target(child) or href, segments)
            elif tag == qn("w:fldSimple"):
                target = _field_hyperlink(child.get(qn("w:instr")) or "")
                self._walk_inline(child, style, target or href, segments)
            elif tag in _TRANSPARENT:
                self._walk_inline(child, style, href, segments)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._walk_inline(content, style, href, segments)
            elif tag in _INSERTED:
                self.warn(TRACKED_CHANGES_ACCEPTED)
                self._walk_inline(child, style, href, segments)
            elif tag in _DELETED:
                self.warn(TRACKED_CHANGES_ACCEPTED)
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self._walk_inline(choice, style, href, segments)
            elif tag in (qn("m:oMath"), qn("m:oMathPara")):
                self.warn(EQUATION_AS_TEXT)
                text = "".join(child.itertext())
                segments.append(_Segment(text=text, href=href))

    def _run(self, run: lxml.etree._Element, style: _ParagraphStyle,
             href: str | None, segments: list[_Segment]) -> None:
        run_format = self.styles.run_format(run.find(qn("w:rPr")), style)
        if run_format.hidden:
            return
        for child in run:
            self._run_child(child, run_format, href, segments)

    def _run_child(self, child: lxml.etree._Element, run_format: _RunFormat,
                   href: str | None, segments: list[_Segment]) -> None:
        tag = child.tag
        link = href or self._field_href()
        if tag == qn("w:t"):
            if not self._in_field_instruction():
                segments.append(_Segment(text=child.text or "", format=run_format, href=link))
        elif tag in (qn("w:tab"), qn("w:ptab")):
            segments.append(_Segment(text=" ", format=run_format, href=link))
        elif tag == qn("w:noBreakHyphen"):
            segments.append(_Segment(text="-", format=run_format, href=link))
        elif tag == qn("w:cr") or (
                tag == qn("w:br") and child.get(qn("w:type")) in (None, "textWrapping")):
            segments.append(_Segment(is_break=True))
        elif tag == qn("w:fldChar"):
            self._field_char(child.get(qn("w:fldCharType")))
        elif tag == qn("w:instrText") and self._fields:
            self._fields[-1].instruction += child.text or ""
        elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")):
            self._drawing(child, link, segments)
        elif tag == f"{{{_MC}}}AlternateContent":
            choice = child.find(f"{{{_MC}}}Choice")
            for inner in choice if choice is not None else ():
                self._run_child(inner, run_format, href, segments)
        elif tag in (qn("w:footnoteReference"), qn("w:endnoteReference")):
            self.warn(FOOTNOTES_SKIPPED)

    def _hyperlink_target(self, hyperlink: lxml.etree._Element) -> str | None:
        """Return the external address of a w:hyperlink, or None for an anchor."""
        relationship_id = hyperlink.get(_R_ID)
        if not relationship_id:
            return None
        relationship = self.part.rels.get(relationship_id)
        if relationship is None or not relationship.is_external:
            return None
        return relationship.target_ref

    # Fields

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            self._fields[-1].in_result = True
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _in_field_instruction(self) -> bool:
        return any(not current.in_result for current in self._fields)

    def _field_href(self) -> str | None:
        for current in reversed(self._fields):
            target = _field_hyperlink(current.instruction)
            if target:
                return target
        return None

    # Drawings

    def _drawing(self, drawing: lxml.etree._Element, href: str | None,
                 segments: list[_Segment]) -> None:
        """Extract the pictures of a drawing, and queue its text boxes as blocks."""
        alt = _drawing_alt(drawing)
        # Pictures inside a text box are found when the box is converted.
        blips = _outside_text_boxes(drawing, qn("a:blip"))
        references = [(blip.get(_R_EMBED), blip.get(_R_LINK)) for blip in blips]
        references += [(data.get(_R_ID), None)
                       for data in _outside_text_boxes(drawing, f"{{{_V}}}imagedata")]
        boxes = _outside_text_boxes(drawing, qn("w:txbxContent"))
        self._text_boxes.extend(boxes)
        if not references and not boxes:
            self.warn(DRAWING_SKIPPED)

        for embedded, linked in references:
            name = self._save_image(embedded, linked, alt)
            if name:
                segments.append(_Segment(image=(name, alt), href=href))

    def _save_image(self, embedded: str | None, linked: str | None, alt: str) -> str | None:
        relationship = self.part.rels.get(embedded) if embedded else None
        if linked or (relationship is not None and relationship.is_external):
            self.warn(IMAGE_LINKED)
            return None
        if not embedded:
            return None
        part = self.part.related_parts.get(embedded)
        blob = getattr(part, "blob", None)
        if not blob or not str(getattr(part, "content_type", "")).startswith("image/"):
            self.warn(IMAGE_MISSING)
            return None
        extension = _image_extension(str(part.partname))
        if extension not in _WEB_IMAGE_TYPES:
            self.warn(IMAGE_NOT_WEB_FORMAT)
        return self.media.save(blob, extension, alt)

    # Title

    def _take_title(self, root: lxml.html.HtmlElement) -> None:
        """Guess the title, and remove its paragraph if it opens the document."""
        blocks = [child for child in root if _block_text(child)]
        heading = next((block for block in blocks if block.tag in _HEADINGS), None)
        candidate = heading
        if candidate is None:
            candidate = next((block for block in blocks[:_TITLE_SEARCH_PARAGRAPHS]
                              if _is_bold_line(block)), None)
        if candidate is None:
            return
        self.title = " ".join(nfc(_block_text(candidate)).split())
        if blocks and candidate is blocks[0]:
            root.remove(candidate)


_HEADINGS = {f"h{level}" for level in range(1, 7)}


def _block_children(container: lxml.etree._Element) -> list[lxml.etree._Element]:
    """Return the paragraphs and tables of a body or cell, looking into content controls."""
    blocks = []
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            blocks.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                blocks.extend(_block_children(content))
        elif child.tag in _TRANSPARENT or child.tag in _INSERTED:
            blocks.extend(_block_children(child))
    return blocks


def _nearest_table(element: lxml.etree._Element) -> lxml.etree._Element | None:
    return next(element.iterancestors(qn("w:tbl")), None)


def _row_cells(row: lxml.etree._Element) -> list[lxml.etree._Element]:
    cells = []
    for child in row:
        if child.tag == qn("w:tc"):
            cells.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            cells.extend(content.findall(qn("w:tc")) if content is not None else [])
    return cells


def _cell_span(cell: lxml.etree._Element) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return max(1, min(_int_or(span.get(_W_VAL) if span is not None else None, 1), 63))


def _continues_vertical_merge(cell: lxml.etree._Element) -> bool:
    """Check whether a cell continues a vertically merged cell above it."""
    merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(_W_VAL) in (None, "continue")


def _field_hyperlink(instruction: str) -> str | None:
    match = _HYPERLINK_FIELD.match(instruction)
    return match.group(1) if match else None


def _outside_text_boxes(drawing: lxml.etree._Element, tag: str) -> list[lxml.etree._Element]:
    """Return the elements with tag in drawing that no text box inside drawing contains."""
    return [element for element in drawing.iter(tag)
            if not _inside_text_box(element, drawing)]


def _inside_text_box(element: lxml.etree._Element, drawing: lxml.etree._Element) -> bool:
    ancestor = element.getparent()
    while ancestor is not None and ancestor is not drawing:
        if ancestor.tag == qn("w:txbxContent"):
            return True
        ancestor = ancestor.getparent()
    return False


def _drawing_alt(drawing: lxml.etree._Element) -> str:
    """Return a drawing's description (Word's alt text), falling back to its title."""
    for properties in drawing.iter(qn("wp:docPr"), qn("pic:cNvPr")):
        description = properties.get("descr") or properties.get("title")
        if description and description.strip():
            return " ".join(description.split())
    for shape in drawing.iter(f"{{{_V}}}shape"):
        description = shape.get("alt")
        if description and description.strip():
            return " ".join(description.split())
    return ""


def _has_content(segments: list[_Segment]) -> bool:
    return any(segment.image or segment.text.strip() for segment in segments)


def _merge_segments(segments: list[_Segment]) -> list[_Segment]:
    """Join neighbouring text with the same formatting and link.

    Word splits text into runs at every editing session, and a VNI letter can
    be split between runs, so decoding must see the joined text.
    """
    merged: list[_Segment] = []
    for segment in segments:
        previous = merged[-1] if merged else None
        if (previous is not None and segment.text and previous.text
                and not previous.image and not segment.image
                and previous.format == segment.format and previous.href == segment.href):
            previous.text += segment.text
        else:
            merged.append(segment)
    return merged


def _decode_segments(segments: list[_Segment], converter: _DocxConverter) -> list[_Segment]:
    for segment in segments:
        if segment.text and segment.format.encoding:
            decoded = decode_legacy(segment.text, segment.format.encoding)
            if decoded != segment.text:
                converter.warn(LEGACY_FONT_CONVERTED)
            segment.text = decoded
        if segment.format.caps:
            segment.text = segment.text.upper()
    return segments


def _append_segments(element: lxml.html.HtmlElement, segments: list[_Segment]) -> None:
    """Append segments to element as text, <strong>, <em>, <a>, <img> and <br>."""
    for href, group in groupby(segments, key=lambda segment: segment.href):
        container = element
        if href:
            container = lxml.etree.SubElement(element, "a", href=href)
        for segment in group:
            _append_segment(container, segment)


def _append_segment(container: lxml.html.HtmlElement, segment: _Segment) -> None:
    if segment.is_break:
        lxml.etree.SubElement(container, "br")
        return
    if segment.image:
        name, alt = segment.image
        lxml.etree.SubElement(container, "img", src=name, alt=alt)
        return
    target = container
    if segment.format.bold:
        target = lxml.etree.SubElement(target, "strong")
    if segment.format.italic:
        target = lxml.etree.SubElement(target, "em")
    _append_text(target, segment.text)


def _append_text(element: lxml.html.HtmlElement, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _block_text(block: lxml.html.HtmlElement) -> str:
    return "".join(block.itertext()).strip()


def _is_bold_line(block: lxml.html.HtmlElement) -> bool:
    """Check whether a paragraph is short and all of its text is bold."""
    if block.tag != "p" or len(_block_text(block)) > _TITLE_MAX_CHARS:
        return False
    if (block.text or "").strip():
        return False
    for child in block:
        if child.tag != "strong" and "".join(child.itertext()).strip():
            return False
        if (child.tail or "").strip():
            return False
    return True


class _ListStack:
    """The open lists around the current paragraph, outermost first.

    Word stores a list as flat paragraphs with a level each. This rebuilds the
    nesting: a deeper level opens a list inside the last item, and a shallower
    one closes lists until its level is on top.
    """

    def __init__(self, container: lxml.html.HtmlElement) -> None:
        self.container = container
        self.stack: list[tuple[int, str, lxml.html.HtmlElement]] = []  # level, kind, list

    def close(self) -> None:
        self.stack.clear()

    def accepts(self, marker: _ListMarker) -> bool:
        """Check that an ordered item's Word number equals its Markdown number.

        Markdown numbers each list from 1, so an item Word numbers otherwise
        (a list that continues after a paragraph) is kept as text instead.
        """
        if marker.kind != "ol":
            return True
        number = int(marker.text.rstrip("."))
        current = self._list_at(marker.level, marker.kind)
        expected = 1 if current is None else len(current) + 1
        return number == expected

    def add_item(self, marker: _ListMarker) -> lxml.html.HtmlElement:
        while self.stack and self.stack[-1][0] > marker.level:
            self.stack.pop()
        if self.stack and self.stack[-1][0] == marker.level and self.stack[-1][1] != marker.kind:
            self.stack.pop()
        if not self.stack or self.stack[-1][0] < marker.level:
            new_list = lxml.html.Element(marker.kind)
            parent_list = self.stack[-1][2] if self.stack else None
            if parent_list is not None and len(parent_list):
                parent_list[-1].append(new_list)
            else:
                self.container.append(new_list)
            self.stack.append((marker.level, marker.kind, new_list))
        return lxml.etree.SubElement(self.stack[-1][2], "li")

    def _list_at(self, level: int, kind: str) -> lxml.html.HtmlElement | None:
        for stack_level, stack_kind, element in self.stack:
            if stack_level == level:
                return element if stack_kind == kind else None
        return None
