"""Convert HTML and plain text pasted by a clerk into Markdown for an article body.

Pasted HTML comes from Word (mso- styles, lists written as styled paragraphs),
Google Docs (bold and italic only as inline styles), Zalo web and news sites.
nh3 removes everything unsafe first, BeautifulSoup then rewrites what Markdown
cannot show, and markdownify writes the Markdown. Every function returns NFC.
"""

import logging
import re
from urllib.parse import quote, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import MarkdownConverter

from desktop.legacy_encodings import decode_legacy, encoding_for_font, fix_mojibake
from desktop.text import nfc

log = logging.getLogger(__name__)

# Tags that survive sanitising. span and font stay only until their styles have
# been turned into <strong>, <em> or decoded text, and are then unwrapped.
_KEPT_TAGS = {
    "a", "b", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em",
    "figcaption", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "li", "ol", "p", "pre", "span", "strong", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
}
# Tags removed together with their content. A <form> is not among them: some
# sites wrap the whole page in one, so only its controls are dropped.
_DROPPED_WITH_CONTENT = {
    "applet", "audio", "button", "canvas", "embed", "frame", "frameset", "head",
    "iframe", "map", "math", "noembed", "noframes", "noscript", "object",
    "script", "select", "style", "svg", "template", "textarea", "title", "video",
    "xml",
}
_KEPT_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "font": {"face"},
    "*": {"style"},
}
# Word marks titles and quotes with paragraph classes instead of tags.
_WORD_CLASSES = {"p": {"MsoTitle", "MsoSubtitle", "MsoQuote", "MsoIntenseQuote"}}
_WORD_CLASS_TAGS = {
    "MsoTitle": "h1",
    "MsoSubtitle": "h2",
    "MsoQuote": "blockquote",
    "MsoIntenseQuote": "blockquote",
}
_KEPT_STYLE_PROPERTIES = {"font-weight", "font-style", "font-family", "mso-list"}
# Schemes nh3 lets through in href and src. Links are narrowed further to
# _LINK_SCHEMES, and images keep the rest so the caller can fetch or upload them.
_URL_SCHEMES = {"http", "https", "mailto", "data", "file", "cid"}
_LINK_SCHEMES = {"http", "https", "mailto"}

_BLOCK_TAGS = {
    "blockquote", "div", "dl", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "ol", "p", "pre", "table", "ul",
}
_BOLD_TAGS = ("b", "strong")
_ITALIC_TAGS = ("i", "em")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Windows puts a "Version:0.9 StartHTML:..." header before clipboard HTML.
_CLIPBOARD_HEADER = re.compile(r"\AVersion:\d[^<]*StartHTML:[^<]*", re.IGNORECASE)
# Zero-width space, byte-order mark and soft hyphen carry nothing a reader sees.
_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None, "\u00ad": None})


# --- Escaping -------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Text at the start of a line that Markdown would read as a heading, quote, list
# item or rule. Python-Markdown accepts a backslash before each of these marks.
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-+](?=\s|-*$)|\d{1,9}(?=[.)](?:\s|$)))")


def escape_text(text: str) -> str:
    """Escape the characters that Markdown reads as inline markup in plain text.

    "<" before a letter and "&" before an entity name become entities, because
    Python-Markdown has no backslash escape for them.
    """
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    return _TAG_LIKE.sub("&lt;", text)


def escape_line_start(line: str) -> str:
    """Escape a mark at the start of line that would make it a block construct.

    "1. Mục tiêu" stays a paragraph instead of a list that Python-Markdown would
    renumber from 1, and "- Đồng chí" keeps its dash.
    """
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    indent, mark = match.groups()
    if mark[0].isdigit():
        return f"{indent}{mark}\\{line[match.end():]}"
    return f"{indent}\\{line[match.start(2):]}"


# --- Public API -------------------------------------------------------------------

def html_to_markdown(html: str) -> str:
    """Convert pasted HTML to Markdown with only the constructs an article keeps.

    Kept: headings, bold, italic, nested lists, http/https/mailto links, tables,
    blockquotes, code blocks and images as ![alt](src) with their src unchanged
    (except javascript: and other unknown schemes, which drop the image). Scripts,
    styles, event handlers, frames, form controls and every other tag are removed.
    Text in a TCVN3 or VNI font is decoded. Input nested too deeply for the
    converter falls back to its plain text, one paragraph per line.
    """
    if not html or not html.strip():
        return ""
    html = _CLIPBOARD_HEADER.sub("", html, count=1)
    cleaned = nh3.clean(
        html,
        tags=_KEPT_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=_KEPT_ATTRIBUTES,
        allowed_classes=_WORD_CLASSES,
        filter_style_properties=_KEPT_STYLE_PROPERTIES,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
    )
    soup = BeautifulSoup(cleaned, "html.parser")
    try:
        _rewrite_for_markdown(soup)
        markdown = _ArticleConverter().convert_soup(soup)
    except RecursionError:
        log.warning("pasted HTML of %d characters is nested too deeply, "
                    "keeping its text only", len(html))
        return plain_text_to_markdown(soup.get_text("\n"))
    return _tidy_markdown(markdown)


def plain_text_to_markdown(text: str) -> str:
    """Convert pasted plain text to Markdown, one paragraph per non-empty line.

    Each line that is TCVN3, VNI or Windows-1258 text read as Windows-1252
    ("Héi nghÞ") is converted with fix_mojibake. Lines are checked one by one,
    so correct Unicode lines in the same paste are left alone. Markdown marks
    in the text are escaped, so the article shows the text as it was typed.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).replace("\u00a0", " ").replace("\t", " ")

    paragraphs = []
    for line in text.split("\n"):
        line = nfc(fix_mojibake(line.strip()))
        if line:
            paragraphs.append(escape_line_start(escape_text(line)))
    return "\n\n".join(paragraphs)


# --- Rewriting the tree -------------------------------------------------------------

def _rewrite_for_markdown(soup: BeautifulSoup) -> None:
    """Rewrite the sanitised tree into the tags that markdownify turns into Markdown."""
    _decode_legacy_fonts(soup)
    _apply_inline_styles(soup)
    _convert_word_lists(soup)
    for tag in soup.find_all(["span", "font"]):
        tag.unwrap()
    _simplify_blocks(soup)
    _filter_links(soup)
    _filter_images(soup)
    _simplify_emphasis(soup)
    _normalise_tables(soup)
    _clean_text(soup)
    _number_ordered_items(soup)


def _style_of(tag: Tag) -> dict[str, str]:
    """Parse the style attribute that nh3 left on a tag into lower-case properties."""
    properties = {}
    for declaration in tag.get("style", "").split(";"):
        name, _, value = declaration.partition(":")
        if value.strip():
            properties[name.strip().lower()] = value.strip().lower()
    return properties


def _font_encoding(tag: Tag) -> str | None:
    """Return the legacy encoding of the first font family a tag sets, or None."""
    family = tag.get("face") or tag.get("style") and _style_of(tag).get("font-family")
    if not family:
        return None
    first = family.split(",")[0].strip().strip("\"'")
    return encoding_for_font(first) if first else None


def _decode_legacy_fonts(soup: BeautifulSoup) -> None:
    """Decode text whose nearest font family is a TCVN3 or VNI font.

    Word copies text typed in .VnTime or VNI-Times as the Windows-1252 reading
    of its bytes, with the font named in the span's style.
    """
    encodings: dict[int, str | None] = {}
    for string in list(soup.find_all(string=True)):
        encoding = None
        for parent in string.parents:
            key = id(parent)
            if key not in encodings:
                has_font = parent.get("face") or "font-family" in parent.get("style", "")
                encodings[key] = _font_encoding(parent) if has_font else ""
            if encodings[key] != "":
                encoding = encodings[key]
                break
        if encoding:
            string.replace_with(decode_legacy(str(string), encoding))


def _apply_inline_styles(soup: BeautifulSoup) -> None:
    """Turn bold and italic set by style into tags, and undo tags a style cancels.

    Google Docs marks bold only as font-weight:700 on spans, and wraps a whole
    paste in <b style="font-weight:normal">, which must not make it all bold.
    """
    for tag in soup.find_all(style=True):
        style = _style_of(tag)
        del tag["style"]
        if "ignore" in style.get("mso-list", ""):
            _move_word_list_marker(tag)
            continue
        if style.get("mso-list"):
            tag["data-word-list"] = style["mso-list"]

        weight = style.get("font-weight", "")
        italic = style.get("font-style", "")
        if tag.name in _BOLD_TAGS and weight in ("normal", "400", "lighter"):
            tag.unwrap()
        elif tag.name in _ITALIC_TAGS and italic == "normal":
            tag.unwrap()
        else:
            if _is_bold_weight(weight) and tag.name not in _BOLD_TAGS:
                _wrap_contents(soup, tag, "strong")
            if italic in ("italic", "oblique") and tag.name not in _ITALIC_TAGS:
                _wrap_contents(soup, tag, "em")


def _move_word_list_marker(marker: Tag) -> None:
    """Remove Word's typed list marker and store its text on the list paragraph."""
    paragraph = marker.find_parent(attrs={"data-word-list": True})
    if paragraph is not None and "data-word-marker" not in paragraph.attrs:
        text = marker.get_text().replace("\u00a0", " ").strip()
        paragraph["data-word-marker"] = text
    marker.decompose()


def _is_bold_weight(weight: str) -> bool:
    if weight in ("bold", "bolder"):
        return True
    return weight.isdigit() and int(weight) >= 600


def _wrap_contents(soup: BeautifulSoup, tag: Tag, name: str) -> None:
    wrapper = soup.new_tag(name)
    for child in list(tag.contents):
        wrapper.append(child.extract())
    tag.append(wrapper)


# --- Word lists ---------------------------------------------------------------------

_WORD_LIST_LEVEL = re.compile(r"level(\d+)")
_DECIMAL_MARKER = re.compile(r"^\d{1,9}\.$")
# Markers such as "a)", "II.", "1.1." or "(2)". Word's other markers ("·", "o",
# "§") are bullets drawn in a symbol font.
_NUMBERED_MARKER = re.compile(r"\d|^[(\[]?[A-Za-z]{1,6}[.)\]]$")


def _convert_word_lists(soup: BeautifulSoup) -> None:
    """Rebuild Word's list paragraphs (style "mso-list: l0 level2 lfo1") as lists.

    Word writes each item as a <p> with its typed marker in a span that the style
    step already removed. Items whose marker was "1." become <ol> items, other
    numbered markers ("a)", "II.") are kept as text in a paragraph, and the rest
    become <ul> items.
    """
    items = soup.find_all(attrs={"data-word-list": True})
    grouped: set[int] = set()
    for item in items:
        if id(item) in grouped or item.name != "p":
            continue
        group = _consecutive_list_paragraphs(item)
        grouped.update(id(paragraph) for paragraph in group)
        _build_nested_list(soup, group)


def _consecutive_list_paragraphs(first: Tag) -> list[Tag]:
    group = [first]
    sibling = first.next_sibling
    while sibling is not None:
        if isinstance(sibling, Tag):
            if sibling.name != "p" or not sibling.get("data-word-list"):
                break
            group.append(sibling)
        elif str(sibling).strip():
            break
        sibling = sibling.next_sibling
    return group


def _build_nested_list(soup: BeautifulSoup, paragraphs: list[Tag]) -> None:
    root = soup.new_tag("div")
    paragraphs[0].insert_before(root)
    stack: list[tuple[int, Tag]] = []  # (level, list tag), outermost first
    for paragraph in paragraphs:
        marker = paragraph.get("data-word-marker", "").strip()
        level_match = _WORD_LIST_LEVEL.search(paragraph["data-word-list"])
        level = int(level_match.group(1)) if level_match else 1
        numbered = bool(_NUMBERED_MARKER.search(marker))
        if numbered and not _DECIMAL_MARKER.match(marker):
            stack.clear()
            paragraph.insert(0, NavigableString(marker + " "))
            root.append(paragraph.extract())
            continue

        kind = "ol" if numbered else "ul"
        while stack and stack[-1][0] > level:
            stack.pop()
        if not stack or stack[-1][0] < level:
            new_list = soup.new_tag(kind)
            parent = stack[-1][1].find_all("li", recursive=False)[-1:] if stack else []
            (parent[0] if parent else root).append(new_list)
            stack.append((level, new_list))

        item = soup.new_tag("li")
        for child in list(paragraph.contents):
            item.append(child.extract())
        stack[-1][1].append(item)
        paragraph.decompose()
    root.unwrap()


# --- Blocks, links and images ---------------------------------------------------------

def _simplify_blocks(soup: BeautifulSoup) -> None:
    """Map Word's classed paragraphs and other containers onto Markdown blocks.

    A <div> that holds blocks is unwrapped and one that holds only inline content
    becomes a paragraph, so the deep div nesting of web pages adds no depth.
    """
    for paragraph in soup.find_all("p", class_=True):
        name = _WORD_CLASS_TAGS.get(paragraph["class"][0], "p")
        if name == "blockquote":
            paragraph.wrap(soup.new_tag("blockquote"))
        else:
            paragraph.name = name
        del paragraph["class"]

    for tag in soup.find_all(["dt", "dd"]):
        tag.name = "p"
    for tag in soup.find_all("dl"):
        tag.unwrap()
    for caption in soup.find_all("caption"):
        table = caption.find_parent("table")
        caption.name = "p"
        if table is not None:
            table.insert_before(caption.extract())

    # Children come before their parents in the reversed list, so a parent sees
    # its inner divs already turned into paragraphs.
    for div in reversed(soup.find_all("div")):
        if any(child.name in _BLOCK_TAGS for child in div.find_all(recursive=False)):
            div.unwrap()
        else:
            div.name = "p"


def _filter_links(soup: BeautifulSoup) -> None:
    """Keep absolute http, https and mailto links and unwrap every other <a>.

    Anchors, relative links and other schemes leave their text behind. Spaces
    and brackets in the address are percent-encoded so Markdown reads it whole.
    """
    for link in soup.find_all("a"):
        href = _clean_url(link.get("href", ""))
        if not href or _url_scheme(href) not in _LINK_SCHEMES:
            link.unwrap()
        else:
            link.attrs = {"href": href}


def _filter_images(soup: BeautifulSoup) -> None:
    """Drop images without a usable src and clean up the src of the rest.

    A src may be absolute (http, https, file, cid), relative, or a data: URL with
    an image type, because the caller decides whether to fetch, embed or upload it.
    """
    for image in soup.find_all("img"):
        src = _clean_url(image.get("src", ""))
        scheme = _url_scheme(src)
        if scheme == "data" and not src[5:].lower().startswith("image/"):
            src = ""
        if not src or (scheme and scheme not in _URL_SCHEMES):
            image.decompose()
            continue
        alt = " ".join(image.get("alt", "").split())
        image.attrs = {"src": src, "alt": alt}


def _clean_url(url: str) -> str:
    url = "".join(c for c in url.strip() if c >= " ")
    if url.lower().startswith("data:"):
        return url  # already percent-encoded or base64, and may be very long
    return quote(url, safe="/:?#[]@!$&'*+,;=%~")


def _url_scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return "invalid"


def _simplify_emphasis(soup: BeautifulSoup) -> None:
    """Remove emphasis that Markdown cannot nest and merge adjacent emphasis.

    Word splits one bold phrase into several <b>, which would give "**a****b**".
    Bold inside a heading is dropped because headings are bold already.
    """
    for tags in (_BOLD_TAGS, _ITALIC_TAGS):
        for tag in soup.find_all(tags):
            if tag.find_parent(tags) is not None:
                tag.unwrap()
    for tag in soup.find_all(_BOLD_TAGS):
        if tag.find_parent(_HEADING_TAGS) is not None:
            tag.unwrap()

    for tags in (_BOLD_TAGS, _ITALIC_TAGS):
        for tag in soup.find_all(tags):
            if tag.parent is None:
                continue  # already merged into the tag before it
            following = tag.next_sibling
            while isinstance(following, Tag) and following.name in tags:
                for child in list(following.contents):
                    tag.append(child.extract())
                following.decompose()
                following = tag.next_sibling


# --- Tables -----------------------------------------------------------------------

def _normalise_tables(soup: BeautifulSoup) -> None:
    """Shape tables so that each becomes a rectangular Markdown table.

    Nested tables are flattened to lines of text, one-column tables (boxes on
    news pages) are unwrapped, rows are padded where a cell spans rows, and the
    paragraphs of one cell are joined with <br>.
    """
    for table in reversed(soup.find_all("table")):
        if table.find_parent(["td", "th"]) is not None:
            _flatten_table(soup, table)
            continue
        rows = table.find_all("tr")
        if all(len(_cells(row)) <= 1 for row in rows):
            _unwrap_table(table)
            continue
        _fill_row_spans(soup, rows)
        for cell in table.find_all(["td", "th"]):
            _join_cell_blocks(soup, cell)


def _cells(row: Tag) -> list[Tag]:
    return row.find_all(["td", "th"], recursive=False)


def _flatten_table(soup: BeautifulSoup, table: Tag) -> None:
    for row in table.find_all("tr"):
        texts = [cell.get_text(" ", strip=True) for cell in _cells(row)]
        line = soup.new_tag("p")
        line.string = " – ".join(text for text in texts if text)
        table.insert_before(line)
    table.decompose()


def _unwrap_table(table: Tag) -> None:
    for tag in table.find_all(["tbody", "thead", "tfoot", "tr", "td", "th"]):
        tag.name = "div" if tag.name in ("td", "th") else tag.name
        if tag.name != "div":
            tag.unwrap()
    for cell in table.find_all("div", recursive=False):
        cell.name = "p" if not cell.find(_BLOCK_TAGS) else cell.name
        if cell.name == "div":
            cell.unwrap()
    table.unwrap()


def _fill_row_spans(soup: BeautifulSoup, rows: list[Tag]) -> None:
    """Insert an empty cell below each cell with rowspan, for every row it spans."""
    pending: dict[int, int] = {}  # column index to rows still covered
    for row in rows:
        column = 0
        cells = _cells(row)
        position = 0
        while position < len(cells) or any(col >= column for col in pending):
            if pending.get(column, 0) > 0:
                pending[column] -= 1
                filler = soup.new_tag("td")
                if position < len(cells):
                    cells[position].insert_before(filler)
                else:
                    row.append(filler)
                column += 1
                continue
            if position >= len(cells):
                break
            cell = cells[position]
            span = _span(cell, "rowspan")
            width = _span(cell, "colspan")
            if span > 1:
                for offset in range(width):
                    pending[column + offset] = span - 1
            column += width
            position += 1
        pending = {col: left for col, left in pending.items() if left > 0}


def _span(cell: Tag, attribute: str) -> int:
    value = str(cell.get(attribute, "1")).strip()
    return max(1, min(int(value), 100)) if value.isdigit() else 1


def _join_cell_blocks(soup: BeautifulSoup, cell: Tag) -> None:
    blocks = [child for child in cell.find_all(recursive=False)
              if child.name in _BLOCK_TAGS]
    for block in blocks[:-1]:
        if block.get_text(strip=True) or block.find("img"):
            block.insert_after(soup.new_tag("br"))


# --- Text ---------------------------------------------------------------------------

def _clean_text(soup: BeautifulSoup) -> None:
    """Replace non-breaking spaces and drop invisible characters in text nodes."""
    for string in list(soup.find_all(string=True)):
        text = str(string)
        cleaned = text.translate(_INVISIBLE).replace("\u00a0", " ")
        if cleaned != text:
            string.replace_with(cleaned)
    soup.smooth()


def _number_ordered_items(soup: BeautifulSoup) -> None:
    """Store each <ol> item's number, so the converter need not count siblings."""
    for ordered in soup.find_all("ol"):
        for number, item in enumerate(ordered.find_all("li", recursive=False), 1):
            item["data-number"] = str(number)


# --- Markdown output -------------------------------------------------------------------

class _ArticleConverter(MarkdownConverter):
    """markdownify set up for the Python-Markdown dialect that render.py reads.

    Nested list items are indented by four spaces, because Python-Markdown
    ignores nesting by less. Escapes are limited to those Python-Markdown
    undoes, and images are kept inside headings and table cells.
    """

    def __init__(self) -> None:
        super().__init__(heading_style="ATX", bullets="-", strong_em_symbol="*",
                         table_infer_header=True, newline_style="spaces")

    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = escape_line_start(escape_text(text))
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", "\\|")
        return text

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "td" in parent_tags or "th" in parent_tags:
            return "<br>"
        return super().convert_br(el, text, parent_tags)

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = escape_text(el.get("alt", ""))
        return f"![{alt}]({el.get('src', '')})"

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = (text or "").strip()
        if not text:
            return "\n"
        if el.parent is not None and el.parent.name == "ol":
            marker = f"{el.get('data-number', '1')}. "
        else:
            marker = "- "
        lines = text.split("\n")
        indented = [f"    {line}" if line else "" for line in lines[1:]]
        return marker + "\n".join([lines[0], *indented]) + "\n"


_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING_SPACE_BEFORE_BLANK = re.compile(r"[ \t]+(?=\n\n|\Z)")


def _tidy_markdown(markdown: str) -> str:
    """Collapse blank-line runs and drop trailing spaces that are not line breaks."""
    markdown = _BLANK_RUNS.sub("\n\n", markdown.strip())
    markdown = _TRAILING_SPACE_BEFORE_BLANK.sub("", markdown)
    return nfc(markdown)
