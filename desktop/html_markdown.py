"""Convert HTML and plain text pasted by a clerk into Markdown for an article body.

Pasted HTML comes from Word (mso- styles, lists written as styled paragraphs),
Google Docs (bold and italic only as inline styles), Zalo web and news sites.
nh3 removes everything unsafe first, lxml parses the result, the tree is then
rewritten into the tags Markdown can show, and tree_to_markdown writes the
Markdown dialect that Python-Markdown in render.py reads. Every function
returns NFC.
"""

import re
import secrets
from urllib.parse import quote, urlsplit

import lxml.etree
import lxml.html
import nh3

from desktop.legacy_encodings import decode_legacy, encoding_for_font, fix_mojibake
from desktop.text import nfc

# Tags that survive sanitising. span and font stay only until their styles have
# been turned into <strong>, <em> or decoded text, and are then unwrapped.
_KEPT_TAGS = {
    "a", "b", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em",
    "figcaption", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "li", "ol", "p", "pre", "span", "strong", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
}
# Tags removed together with their content. <form> is not one of them, because
# some sites wrap the whole page in a form. Only its controls are dropped.
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
_CELL_TAGS = ("td", "th")

# Windows puts a "Version:0.9 StartHTML:..." header before clipboard HTML.
_CLIPBOARD_HEADER = re.compile(r"\AVersion:\d[^<]*StartHTML:[^<]*", re.IGNORECASE)
# Zero-width space and byte-order mark are invisible. The soft hyphen is
# removed only after legacy decoding, because its byte 0xAD is "ư" in TCVN3.
_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None})
_SOFT_HYPHEN = "\u00ad"
# A font family or face that names a TCVN3 (".VnTime") or VNI ("VNI-Times") font.
_LEGACY_FONT_HINT = re.compile(
    r"(?:font-family:\s*(?:&quot;|[\"'])?|face=\"\s*)(?:\.vn|vni-)", re.IGNORECASE)


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
    blockquotes, code blocks and images as ![alt](src). An image keeps its src
    (http, https, file, cid, relative, or a data: URL of an image type), and any
    other scheme drops the image. Scripts, styles, event handlers, frames, form
    controls and every other tag are removed. Text in a TCVN3 or VNI font is
    decoded.
    """
    if not html or not html.strip():
        return ""
    html = _CLIPBOARD_HEADER.sub("", html, count=1)
    cleaned = nh3.clean(
        html,
        tags=_KEPT_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=_KEPT_ATTRIBUTES,
        allowed_classes={"p": set(_WORD_CLASS_TAGS)},
        filter_style_properties=_KEPT_STYLE_PROPERTIES,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
    )
    cleaned, data_urls = _set_aside_data_urls(cleaned)
    cleaned = _normalise_whitespace(cleaned)
    if not cleaned.strip():
        return ""

    root = _parse_fragment(cleaned)
    if _LEGACY_FONT_HINT.search(cleaned):
        _decode_legacy_fonts(root)
    _rewrite_pasted_tree(root)
    return _MarkdownWriter(data_urls).write(root)


def tree_to_markdown(root: lxml.html.HtmlElement) -> str:
    """Write Markdown for the content of an HTML tree built from the kept tags.

    The tree must contain only the tags html_to_markdown keeps, without style
    attributes. importers.py builds such trees from Word documents. The tree is
    changed in place: nested emphasis is removed and tables are made rectangular.
    """
    _prepare_tree(root)
    return _MarkdownWriter({}).write(root)


def plain_text_to_markdown(text: str) -> str:
    """Convert pasted plain text to Markdown, one paragraph per non-empty line.

    Each line that is TCVN3, VNI or Windows-1258 text read as Windows-1252
    ("Héi nghÞ") is converted with fix_mojibake. Lines are checked one by one,
    so correct Unicode lines in the same paste are left alone. Markdown marks
    in the text are escaped, so the article shows the text as it was typed.
    NOTE: each legacy line costs about 0.17 ms of detection on the 2-core dev
    machine, so 1.2 MB that is all TCVN3 takes about 3.4 s. Unicode text of
    that size takes 0.1 s.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ")

    paragraphs = []
    for line in text.split("\n"):
        line = line.strip()
        if _could_be_mojibake(line):
            line = fix_mojibake(line)
        line = nfc(line.translate(_INVISIBLE).replace(_SOFT_HYPHEN, "")).strip()
        if line:
            paragraphs.append(escape_line_start(escape_text(line)))
    return "\n\n".join(paragraphs)


# Characters that text read as Windows-1252 or Latin-1 can contain.
_SINGLE_BYTE_READING = frozenset(bytes(range(256)).decode("latin-1")) | frozenset(
    bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


def _could_be_mojibake(line: str) -> bool:
    """Check whether a line could be legacy bytes read as Windows-1252.

    Plain ASCII and lines with a letter no single-byte reading gives ("ư",
    "ộ") are skipped, which saves fix_mojibake's scoring on most lines.
    """
    if line.isascii():
        return False
    return all(char in _SINGLE_BYTE_READING for char in line)


# --- Preparing the sanitised HTML ---------------------------------------------------

# libxml2 stops reading at 256 nested elements and silently drops the rest of
# the input. A tree that reaches _MAX_DEPTH is parsed again with its containers
# flattened, which also bounds the writer's recursion.
_MAX_DEPTH = 200
_CONTAINER_TAGS = ("blockquote", "div", "dl", "dd", "dt", "li", "ol", "ul", "table",
                   "tbody", "thead", "tfoot", "tr", "td", "th", "span", "font",
                   "figcaption", "caption", "pre", "code")
_CONTAINER_END = re.compile(rf"</(?:{'|'.join(_CONTAINER_TAGS)})>", re.IGNORECASE)
_CONTAINER_START = re.compile(rf"<(?:{'|'.join(_CONTAINER_TAGS)})\b[^>]*>",
                              re.IGNORECASE)
_DATA_URL = re.compile(r'src="(data:[^"]*)"')
_PRE_BLOCK = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def _set_aside_data_urls(cleaned: str) -> tuple[str, dict[str, str]]:
    """Replace each data: image src with a short placeholder.

    Returns the HTML and a map from placeholder to URL. Base64 images pasted
    from web pages can be several megabytes, which libxml2 would otherwise copy
    through every step. A data: URL of a type other than an image is dropped.
    The placeholders carry a random token, so a src in the input cannot fake one.
    """
    data_urls: dict[str, str] = {}
    token = secrets.token_hex(8)

    def set_aside(match: re.Match[str]) -> str:
        url = match.group(1)
        if not url[5:].lower().startswith("image/"):
            return 'src=""'
        placeholder = f"#data-url-{token}-{len(data_urls)}"
        data_urls[placeholder] = url
        return f'src="{placeholder}"'

    return _DATA_URL.sub(set_aside, cleaned), data_urls


def _parse_fragment(cleaned: str) -> lxml.html.HtmlElement:
    """Parse sanitised HTML into a <div> root, flattening it if nested too deeply."""
    root = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    if _tree_depth(root) >= _MAX_DEPTH:
        root = lxml.html.fragment_fromstring(_flatten_blocks(cleaned),
                                             create_parent="div")
    return root


def _tree_depth(root: lxml.html.HtmlElement) -> int:
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _flatten_blocks(cleaned: str) -> str:
    """Replace every container tag with a line break, leaving text and inline tags."""
    return _CONTAINER_START.sub("", _CONTAINER_END.sub("<br>", cleaned))


def _normalise_whitespace(cleaned: str) -> str:
    """Turn line breaks and non-breaking spaces into spaces, except inside <pre>."""
    parts = _PRE_BLOCK.split(cleaned)
    for index in range(0, len(parts), 2):
        parts[index] = _LINE_BREAKS.sub(" ", parts[index])
    cleaned = "".join(parts).replace("&nbsp;", " ").replace("\u00a0", " ")
    return cleaned.translate(_INVISIBLE)


# --- Rewriting the tree -------------------------------------------------------------

def _rewrite_pasted_tree(root: lxml.html.HtmlElement) -> None:
    """Rewrite a sanitised paste into the tags that the writer turns into Markdown."""
    _apply_inline_styles(root)
    _convert_word_lists(root)
    for element in list(root.iter("span", "font")):
        element.drop_tag()
    _simplify_blocks(root)
    _repair_list_nesting(root)
    _prepare_tree(root)


def _prepare_tree(root: lxml.html.HtmlElement) -> None:
    _filter_links(root)
    _filter_images(root)
    _simplify_emphasis(root)
    _normalise_tables(root)


def _style_of(element: lxml.html.HtmlElement) -> dict[str, str]:
    """Parse the style attribute that nh3 left on an element into properties.

    Names are lower case, and values keep their case because ".VnTimeH" differs
    from ".VnTime".
    """
    properties = {}
    for declaration in (element.get("style") or "").split(";"):
        name, _, value = declaration.partition(":")
        if value.strip():
            properties[name.strip().lower()] = value.strip()
    return properties


def _font_family(element: lxml.html.HtmlElement) -> str | None:
    """Return the first font family an element sets, or None if it sets none."""
    families = element.get("face") or _style_of(element).get("font-family")
    if not families:
        return None
    return families.split(",")[0].strip().strip("\"'")


def _decode_legacy_fonts(root: lxml.html.HtmlElement) -> None:
    """Decode text whose nearest font family is a TCVN3 or VNI font.

    Word copies text typed in .VnTime or VNI-Times as the Windows-1252 reading
    of its bytes, with the font named in the span's style.
    """
    encodings: dict[lxml.html.HtmlElement, str | None] = {root: None}
    for element in root.iter():
        parent = element.getparent()
        inherited = encodings.get(parent) if parent is not None else None
        family = _font_family(element)
        encoding = inherited if family is None else encoding_for_font(family)
        encodings[element] = encoding
        if encoding and element.text:
            element.text = decode_legacy(element.text, encoding)
        if inherited and element.tail and element is not root:
            element.tail = decode_legacy(element.tail, inherited)


def _apply_inline_styles(root: lxml.html.HtmlElement) -> None:
    """Turn bold and italic set by style into tags, and undo tags a style cancels.

    Google Docs marks bold only as font-weight:700 on spans, and wraps a whole
    paste in <b style="font-weight:normal">, which must not make it all bold.
    """
    for element in list(root.iter()):
        if "style" not in element.attrib:
            continue
        style = _style_of(element)
        del element.attrib["style"]
        word_list = style.get("mso-list", "").lower()
        if "ignore" in word_list:
            _move_word_list_marker(element)
            continue
        if word_list:
            element.set("data-word-list", word_list)
        _apply_emphasis_style(element, style)


def _apply_emphasis_style(element: lxml.html.HtmlElement, style: dict[str, str]) -> None:
    weight = style.get("font-weight", "").lower()
    italic = style.get("font-style", "").lower()
    if element.tag in _BOLD_TAGS and weight in ("normal", "400", "lighter"):
        element.drop_tag()
    elif element.tag in _ITALIC_TAGS and italic == "normal":
        element.drop_tag()
    else:
        if _is_bold_weight(weight) and element.tag not in _BOLD_TAGS:
            _wrap_contents(element, "strong")
        if italic in ("italic", "oblique") and element.tag not in _ITALIC_TAGS:
            _wrap_contents(element, "em")


def _move_word_list_marker(marker: lxml.html.HtmlElement) -> None:
    """Remove Word's typed list marker and store its text on the list paragraph."""
    paragraph = next(
        (parent for parent in marker.iterancestors() if parent.get("data-word-list")),
        None,
    )
    if paragraph is not None and paragraph.get("data-word-marker") is None:
        paragraph.set("data-word-marker", marker.text_content().strip())
    if marker.getparent() is not None:
        marker.drop_tree()


def _is_bold_weight(weight: str) -> bool:
    if weight in ("bold", "bolder"):
        return True
    return weight.isdigit() and int(weight) >= 600


def _move_contents(source: lxml.html.HtmlElement, target: lxml.html.HtmlElement) -> None:
    """Move the text and children of source to the end of target."""
    if source.text:
        if len(target):
            target[-1].tail = (target[-1].tail or "") + source.text
        else:
            target.text = (target.text or "") + source.text
    source.text = None
    for child in list(source):
        target.append(child)


def _wrap_contents(element: lxml.html.HtmlElement, name: str) -> None:
    wrapper = element.makeelement(name, {})
    _move_contents(element, wrapper)
    element.append(wrapper)


def _wrap(element: lxml.html.HtmlElement, name: str) -> lxml.html.HtmlElement:
    """Put element inside a new element, which takes over its tail text."""
    wrapper = element.makeelement(name, {})
    element.addprevious(wrapper)
    wrapper.tail, element.tail = element.tail, None
    wrapper.append(element)
    return wrapper


def _remove_keeping_tail(element: lxml.html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _child_elements(element: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [child for child in element if isinstance(child.tag, str)]


# --- Word lists ---------------------------------------------------------------------

_WORD_LIST_LEVEL = re.compile(r"level(\d+)")
_DECIMAL_MARKER = re.compile(r"^\d{1,9}\.$")
# Markers such as "a)", "II.", "1.1." or "(2)". Word's other markers ("·", "o",
# "§") are bullets drawn in a symbol font.
_NUMBERED_MARKER = re.compile(r"\d|^[(\[]?[A-Za-z]{1,6}[.)\]]$")


def _convert_word_lists(root: lxml.html.HtmlElement) -> None:
    """Rebuild Word's list paragraphs (style "mso-list: l0 level2 lfo1") as lists.

    Word writes each item as a <p> with its typed marker in a span that the style
    step already removed. Items whose marker was "1." become <ol> items, other
    numbered markers ("a)", "II.") are kept as text in a paragraph, and the rest
    become <ul> items.
    """
    grouped: set[lxml.html.HtmlElement] = set()
    for paragraph in list(root.iter("p")):
        if paragraph.get("data-word-list") is None or paragraph in grouped:
            continue
        group = _consecutive_list_paragraphs(paragraph)
        grouped.update(group)
        _build_nested_list(group)


def _consecutive_list_paragraphs(
    first: lxml.html.HtmlElement,
) -> list[lxml.html.HtmlElement]:
    group = [first]
    current = first
    while not (current.tail or "").strip():
        following = current.getnext()
        if following is None or following.tag != "p":
            break
        if following.get("data-word-list") is None:
            break
        group.append(following)
        current = following
    return group


def _build_nested_list(paragraphs: list[lxml.html.HtmlElement]) -> None:
    container = paragraphs[0].makeelement("div", {})
    paragraphs[0].addprevious(container)
    stack: list[tuple[int, lxml.html.HtmlElement]] = []  # (level, list), outer first
    for paragraph in paragraphs:
        marker = paragraph.get("data-word-marker", "")
        level_match = _WORD_LIST_LEVEL.search(paragraph.get("data-word-list", ""))
        level = int(level_match.group(1)) if level_match else 1
        numbered = bool(_NUMBERED_MARKER.search(marker))
        if numbered and not _DECIMAL_MARKER.match(marker):
            stack.clear()
            paragraph.text = f"{marker} {paragraph.text or ''}"
            container.append(paragraph)
            continue

        while stack and stack[-1][0] > level:
            stack.pop()
        if not stack or stack[-1][0] < level:
            new_list = container.makeelement("ol" if numbered else "ul", {})
            if stack and len(stack[-1][1]):
                stack[-1][1][-1].append(new_list)
            else:
                container.append(new_list)
            stack.append((level, new_list))

        item = container.makeelement("li", {})
        _move_contents(paragraph, item)
        stack[-1][1].append(item)
        paragraph.getparent().remove(paragraph)
    container.drop_tag()


# --- Blocks, links and images ---------------------------------------------------------

def _simplify_blocks(root: lxml.html.HtmlElement) -> None:
    """Map Word's classed paragraphs and other containers onto Markdown blocks.

    A <div> that holds blocks is unwrapped and one that holds only inline content
    becomes a paragraph, so the deep div nesting of web pages adds no depth.
    """
    for paragraph in list(root.iter("p")):
        classes = (paragraph.get("class") or "").split()
        paragraph.attrib.pop("class", None)
        name = _WORD_CLASS_TAGS.get(classes[0], "p") if classes else "p"
        if name == "blockquote":
            _wrap(paragraph, "blockquote")
        else:
            paragraph.tag = name

    for element in list(root.iter("dt", "dd")):
        element.tag = "p"
    for element in list(root.iter("dl")):
        element.drop_tag()
    for caption in list(root.iter("caption")):
        table = next(caption.iterancestors("table"), None)
        caption.tag = "p"
        if table is not None:
            caption.tail = None
            table.addprevious(caption)

    # Children come before their parents in the reversed list, so inner divs
    # are already paragraphs when their parent is checked.
    for div in reversed(list(root.iter("div"))):
        if div is root:
            continue
        if any(child.tag in _BLOCK_TAGS for child in div):
            div.drop_tag()
        else:
            div.tag = "p"


def _repair_list_nesting(root: lxml.html.HtmlElement) -> None:
    """Move a list placed directly in another list into the item before it.

    Google Docs writes nested lists that way. A nested list with no item before
    it has its items moved up to the outer list. A single paragraph in an item is unwrapped, because the blank lines around
    it make Python-Markdown nest the following items wrongly.
    """
    for inner in list(root.iter("ul", "ol")):
        parent = inner.getparent()
        if parent is None or parent.tag not in ("ul", "ol"):
            continue
        previous = inner.getprevious()
        while previous is not None and previous.tag != "li":
            previous = previous.getprevious()
        if previous is None:
            inner.drop_tag()
        else:
            inner.tail = None
            previous.append(inner)

    for item in list(root.iter("li")):
        paragraphs = [child for child in item if child.tag == "p"]
        if len(paragraphs) == 1:
            paragraphs[0].drop_tag()


def _filter_links(root: lxml.html.HtmlElement) -> None:
    """Keep absolute http, https and mailto links and unwrap every other <a>.

    Anchors, relative links and other schemes leave their text behind. Spaces
    and brackets in the address are percent-encoded so Markdown reads it whole.
    """
    for link in list(root.iter("a")):
        href = _clean_url(link.get("href") or "")
        if not href or _url_scheme(href) not in _LINK_SCHEMES:
            link.drop_tag()
        else:
            link.attrib.clear()
            link.set("href", href)


def _filter_images(root: lxml.html.HtmlElement) -> None:
    """Drop images without a usable src and clean up the src of the rest."""
    for image in list(root.iter("img")):
        src = _clean_url(image.get("src") or "")
        scheme = _url_scheme(src)
        if not src or (scheme and scheme not in _URL_SCHEMES):
            _remove_keeping_tail(image)
            continue
        alt = " ".join((image.get("alt") or "").split())
        image.attrib.clear()
        image.set("src", src)
        image.set("alt", alt)


def _clean_url(url: str) -> str:
    url = "".join(c for c in url.strip() if c >= " ")
    return quote(url, safe="/:?#[]@!$&'*+,;=%~")


def _url_scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return "invalid"


def _simplify_emphasis(root: lxml.html.HtmlElement) -> None:
    """Remove emphasis that Markdown cannot nest and merge adjacent emphasis.

    Word splits one bold phrase into several <b>, which would give "**a****b**".
    Bold inside a heading is dropped because headings are bold already.
    """
    for tags in (_BOLD_TAGS, _ITALIC_TAGS):
        for element in list(root.iter(*tags)):
            if next(element.iterancestors(*tags), None) is not None:
                element.drop_tag()
    for element in list(root.iter(*_BOLD_TAGS)):
        if next(element.iterancestors(*_HEADING_TAGS), None) is not None:
            element.drop_tag()

    for tags in (_BOLD_TAGS, _ITALIC_TAGS):
        for element in list(root.iter(*tags)):
            if element.getparent() is not None:
                _merge_following_siblings(element, tags)


def _merge_following_siblings(element: lxml.html.HtmlElement, tags: tuple[str, ...]) -> None:
    """Merge the same-kind siblings that follow element with only spaces between."""
    following = element.getnext()
    while (following is not None and following.tag in tags
           and not (element.tail or "").strip()):
        spaces = element.tail or ""
        element.tail = None
        if len(element):
            element[-1].tail = (element[-1].tail or "") + spaces
        else:
            element.text = (element.text or "") + spaces
        _move_contents(following, element)
        element.tail = following.tail
        following.getparent().remove(following)
        following = element.getnext()


# --- Tables -----------------------------------------------------------------------

def _normalise_tables(root: lxml.html.HtmlElement) -> None:
    """Shape tables so that each becomes a rectangular Markdown table.

    Nested tables are flattened to lines of text, one-column tables (boxes on
    news pages) are unwrapped, and rows are padded where a cell spans rows.
    """
    # Inner tables come after their outer table in document order, so the
    # reversed list handles them first.
    for table in reversed(list(root.iter("table"))):
        if next(table.iterancestors(*_CELL_TAGS), None) is not None:
            _flatten_table(table)
            continue
        rows = list(table.iter("tr"))
        if all(len(_cells(row)) <= 1 for row in rows):
            _unwrap_table(table)
            continue
        _fill_row_spans(rows)
        # The first row becomes the header, which is shown bold already.
        for bold in list(rows[0].iter(*_BOLD_TAGS)) if rows else []:
            bold.drop_tag()


def _cells(row: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [child for child in row if child.tag in _CELL_TAGS]


def _flatten_table(table: lxml.html.HtmlElement) -> None:
    for row in table.iter("tr"):
        texts = [" ".join(cell.text_content().split()) for cell in _cells(row)]
        line = table.makeelement("p", {})
        line.text = " – ".join(text for text in texts if text)
        table.addprevious(line)
    table.drop_tree()


def _unwrap_table(table: lxml.html.HtmlElement) -> None:
    for element in list(table.iter("tbody", "thead", "tfoot", "tr")):
        element.drop_tag()
    for cell in list(table.iter(*_CELL_TAGS)):
        if any(child.tag in _BLOCK_TAGS for child in cell):
            cell.drop_tag()
        else:
            cell.tag = "p"
            cell.attrib.clear()
    table.drop_tag()


def _fill_row_spans(rows: list[lxml.html.HtmlElement]) -> None:
    """Insert an empty cell below each cell with rowspan, for every row it spans."""
    pending: dict[int, int] = {}  # column index to the rows it still covers
    for row in rows:
        cells = _cells(row)
        column = position = 0
        while position < len(cells) or any(col >= column for col in pending):
            if pending.get(column, 0) > 0:
                pending[column] -= 1
                filler = row.makeelement("td", {})
                if position < len(cells):
                    cells[position].addprevious(filler)
                else:
                    row.append(filler)
                column += 1
                continue
            if position >= len(cells):
                break
            cell = cells[position]
            height, width = _span(cell, "rowspan"), _span(cell, "colspan")
            if height > 1:
                for offset in range(width):
                    pending[column + offset] = height - 1
            column += width
            position += 1
        pending = {col: left for col, left in pending.items() if left > 0}


def _span(cell: lxml.html.HtmlElement, attribute: str) -> int:
    value = (cell.get(attribute) or "1").strip()
    return max(1, min(int(value), 100)) if value.isdigit() else 1


# --- Writing Markdown -----------------------------------------------------------------

# Marks a <br> while inline Markdown is assembled. lxml text cannot contain
# NUL, so the marker never comes from the input.
_BREAK = "\x00"
_WHITESPACE = re.compile(r"\s+")
_EDGE_SPACES = re.compile(r"^([\s\x00]*)(.*?)([\s\x00]*)$", re.DOTALL)
_BREAKS_IN_CELL = re.compile(r"\s*\x00[\s\x00]*")
# A block that the writer made from a list. Paragraph text never matches,
# because escape_line_start escapes the same marks.
_LIST_BLOCK = re.compile(r"^(?:- |\d+\. )")
_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
_LIST_TAGS = ("ul", "ol")
_WRITER_BLOCK_TAGS = _BLOCK_TAGS | {
    "li", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "dd", "dt",
}


class _MarkdownWriter:
    """Markdown writer for a rewritten tree, in the dialect Python-Markdown reads.

    Nested list items are indented by four spaces, because Python-Markdown
    ignores nesting by less. Two <br> in a row end a paragraph, as on pages
    and in Zalo messages that use them between paragraphs.
    """

    def __init__(self, data_urls: dict[str, str]) -> None:
        self.data_urls = data_urls  # placeholder src to the data: URL it replaced

    def write(self, root: lxml.html.HtmlElement) -> str:
        markdown = "\n\n".join(self._blocks(root))
        return nfc(markdown.replace(_SOFT_HYPHEN, ""))

    # Blocks

    def _blocks(self, container: lxml.html.HtmlElement) -> list[str]:
        """Return the Markdown blocks for the content of container, in order."""
        blocks: list[str] = []
        inline: list[str] = []
        if container.text:
            inline.append(self._text(container.text))
        for child in container:
            if child.tag in _WRITER_BLOCK_TAGS:
                blocks.extend(_paragraphs("".join(inline)))
                inline.clear()
                blocks.extend(self._block(child))
            elif isinstance(child.tag, str):
                inline.append(self._inline_element(child))
            if child.tail:
                inline.append(self._text(child.tail))
        blocks.extend(_paragraphs("".join(inline)))
        return blocks

    def _block(self, element: lxml.html.HtmlElement) -> list[str]:
        tag = element.tag
        if tag in _HEADING_LEVELS:
            text = _WHITESPACE.sub(" ", self._inline(element).replace(_BREAK, " "))
            text = text.strip()
            return [f"{'#' * _HEADING_LEVELS[tag]} {text}"] if text else []
        if tag in _LIST_TAGS:
            markdown = self._list(element)
            return [markdown] if markdown else []
        if tag == "table":
            markdown = self._table(element)
            return [markdown] if markdown else []
        if tag == "blockquote":
            return self._blockquote(element)
        if tag == "pre":
            return _code_block(element.text_content())
        if tag == "hr":
            return ["---"]
        return self._blocks(element)

    def _blockquote(self, element: lxml.html.HtmlElement) -> list[str]:
        inner = "\n\n".join(self._blocks(element))
        if not inner:
            return []
        lines = [f"> {line}" if line else ">" for line in inner.split("\n")]
        return ["\n".join(lines)]

    def _list(self, element: lxml.html.HtmlElement) -> str:
        ordered = element.tag == "ol"
        parts: list[str] = []
        number = 0
        for child in element:
            if not isinstance(child.tag, str):
                continue
            blocks = self._blocks(child) if child.tag == "li" else self._block(child)
            if not blocks:
                continue
            number += 1
            marker = f"{number}. " if ordered else "- "
            item, loose = _list_item(marker, blocks)
            # A loose item needs a blank line after it, or Python-Markdown reads
            # the next item as part of its last paragraph.
            parts.append(item + ("\n\n" if loose else "\n"))
        return "".join(parts).rstrip("\n")

    def _table(self, table: lxml.html.HtmlElement) -> str:
        grid: list[list[str]] = []
        for row in table.iter("tr"):
            cells: list[str] = []
            for cell in row:
                if cell.tag in _CELL_TAGS:
                    cells.append(self._cell(cell))
                    cells.extend([""] * (_span(cell, "colspan") - 1))
            grid.append(cells)
        width = max((len(cells) for cells in grid), default=0)
        if width == 0:
            return ""

        lines = []
        for index, cells in enumerate(grid):
            cells = cells + [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
            if index == 0:
                lines.append("|" + " --- |" * width)
        return "\n".join(lines)

    def _cell(self, cell: lxml.html.HtmlElement) -> str:
        text = self._inline(cell).strip(" \x00")
        text = _BREAKS_IN_CELL.sub("<br>", _WHITESPACE.sub(" ", text))
        return text.replace("|", "\\|")

    # Inline content

    def _inline(self, element: lxml.html.HtmlElement) -> str:
        """Return the Markdown for the content of element read as one run of text."""
        parts = []
        if element.text:
            parts.append(self._text(element.text))
        for child in element:
            if isinstance(child.tag, str):
                parts.append(self._inline_element(child))
            if child.tail:
                parts.append(self._text(child.tail))
        return "".join(parts)

    def _inline_element(self, element: lxml.html.HtmlElement) -> str:
        tag = element.tag
        if tag == "br":
            return _BREAK
        if tag == "img":
            return self._image(element)
        if tag in _BOLD_TAGS:
            return _emphasise(self._inline(element), "**")
        if tag in _ITALIC_TAGS:
            return _emphasise(self._inline(element), "*")
        if tag == "a":
            return _link(self._inline(element), element.get("href", ""))
        if tag in ("code", "pre"):
            return _code_span(element.text_content())
        if tag in _WRITER_BLOCK_TAGS:
            # A block inside a heading or table cell: one line of its own.
            return f"{_BREAK}{self._inline(element)}{_BREAK}"
        return self._inline(element)

    def _image(self, image: lxml.html.HtmlElement) -> str:
        src = image.get("src", "")
        src = self.data_urls.get(src, src)
        alt = escape_text(" ".join(image.get("alt", "").split()))
        return f"![{alt}]({src})"

    @staticmethod
    def _text(text: str) -> str:
        return escape_text(_WHITESPACE.sub(" ", text))


def _paragraphs(inline: str) -> list[str]:
    """Split assembled inline Markdown into paragraphs at double line breaks.

    Lines are stripped, a single break becomes a Markdown hard break, and each
    line start is escaped so that text never turns into a list or heading.
    """
    if not inline.strip(" \x00"):
        return []
    paragraphs = []
    lines: list[str] = []
    for line in inline.split(_BREAK) + [""]:
        line = line.strip()
        if line:
            lines.append(escape_line_start(line))
        elif lines:
            paragraphs.append("  \n".join(lines))
            lines = []
    return paragraphs


def _list_item(marker: str, blocks: list[str]) -> tuple[str, bool]:
    """Return one list item with its continuation lines indented, and its looseness.

    An item is loose when it has more than one block besides nested lists.
    """
    loose = sum(1 for block in blocks if not _LIST_BLOCK.match(block)) > 1
    body = blocks[0]
    for block in blocks[1:]:
        tight = not loose and _LIST_BLOCK.match(block)
        body += ("\n" if tight else "\n\n") + block
    first, *rest = body.split("\n")
    indented = [f"    {line}" if line else "" for line in rest]
    return "\n".join([marker + first, *indented]), loose


def _emphasise(content: str, mark: str) -> str:
    """Wrap content in mark, keeping its edge spaces and breaks outside the marks."""
    lead, core, trail = _EDGE_SPACES.match(content).groups()
    if not core:
        return content
    return f"{lead}{mark}{core}{mark}{trail}"


def _link(content: str, href: str) -> str:
    lead, core, trail = _EDGE_SPACES.match(content).groups()
    if not core or not href:
        return content
    return f"{lead}[{core}]({href}){trail}"


def _code_span(code: str) -> str:
    code = _WHITESPACE.sub(" ", code).strip()
    if not code:
        return ""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if longest else ""
    return f"{fence}{padding}{code}{padding}{fence}"


def _code_block(code: str) -> list[str]:
    code = code.strip("\n")
    if not code.strip():
        return []
    longest = max((len(run) for run in re.findall(r"`{3,}", code)), default=2)
    fence = "`" * (longest + 1)
    return [f"{fence}\n{code}\n{fence}"]
