"""Turn an article's Markdown into the HTML that is previewed and published."""

import html

import markdown
import nh3

from desktop.models import Article

# Python-Markdown's "extra" minus fenced code, which news articles do not
# need and which loads Pygments (about 50 ms) when it is installed.
_EXTENSIONS = ["abbr", "attr_list", "def_list", "footnotes", "tables",
               "sane_lists"]

# Tags a news article may carry; anything else (scripts, styles, forms, event
# handler attributes) is removed by nh3 before preview or upload.
_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "abbr": {"title"},
}


_WEB_SCHEMES = {"http", "https", "mailto", "tel"}


def markdown_to_html(text: str, local_files: bool = False) -> str:
    """Render Markdown to sanitised HTML; ``local_files`` also keeps file: links,
    for the preview of photos that are not uploaded yet."""
    raw = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    schemes = _WEB_SCHEMES | {"file"} if local_files else _WEB_SCHEMES
    return nh3.clean(raw, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                     url_schemes=schemes)


def article_content_html(article: Article) -> str:
    """Render the body, then the author and source line the law requires."""
    parts = [markdown_to_html(article.body)]
    byline = byline_html(article)
    if byline:
        parts.append(byline)
    return "\n".join(parts)


def byline_html(article: Article) -> str:
    """Return a paragraph naming the author and the source, or "" if neither
    is set."""
    fields = []
    if article.author:
        fields.append(f"<strong>{html.escape(article.author)}</strong>")
    if article.source:
        fields.append(f"Nguồn: {html.escape(article.source)}")
    if not fields:
        return ""
    return f'<p class="tinxa-byline">{" – ".join(fields)}</p>'
