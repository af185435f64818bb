"""The blank conversation-preparation sheet as an A4 PDF, for people who write by hand, and a
PDF form for people who type in their PDF reader.

Same sheet as on the page (guide/sheet.py), laid out for paper: title, client and date lines,
then every group and section with its heading, prompt, example and ruled writing lines, in two
columns so that it fits on one page. Over each section's lines lies a multi-line text field
named by the section id. Only installed system fonts are used (Liberation Sans, else DejaVu
Sans): a build downloads nothing. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup

from guide.bilingual import locales
from guide.bilingual.strings import strings
from guide.build import cache
from guide.components.render import render as render_template
from guide.components.sheet import CLIENT_FIELD, DATE_FIELD, Sheet
from guide.content import inline


def site_path(sheet: Sheet, locale: str) -> str:
    """Where the blank PDF goes in the built site: `downloads/gespreksvoorbereiding.pdf`,
    `en/downloads/conversation-preparation.pdf`. Named after its title in that language, so
    that the file is recognisable once downloaded."""
    ascii_title = unicodedata.normalize("NFKD", sheet.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or sheet.id
    return f"{locales.locale_root(locale)}downloads/{slug}.pdf"


# Spacing of the writing lines, most generous first: wide-ruled paper is 8.7 mm, and below
# about 7 mm handwriting gets cramped. The sheet gets the widest that fits on one page.
LINE_GAPS_MM = (8.8, 7.8, 7.0)
MAX_PAGES = 2
# Tagged for screen readers, title shown as its name; the writing spaces are form fields.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_forms": True}


class SheetTooLong(ValueError):
    """The sheet does not fit on two A4 pages even with the tightest ruling."""


def html(sheet: Sheet, locale: str, site_name: str, page_url: str, line_gap_mm: float = LINE_GAPS_MM[0]) -> str:
    """The print document; links in prompts become plain text, as paper cannot follow them.
    Every writing space is also a form field, named by its section id (and `_client`, `_date`,
    as on the page), so that the PDF can be filled in on screen as well as by hand."""
    number = iter(range(1, len(sheet.sections) + 1))
    groups = [
        {
            "title": g.title,
            "after": g.after,
            "sections": [
                {
                    "id": s.id,
                    "number": next(number),
                    "heading": s.heading,
                    "prompt": Markup(_without_links(s.prompt)),
                    "example": Markup(_without_links(s.example)) if s.example else None,
                    "lines": s.lines,
                    "main": s.main,
                }
                for s in g.sections
            ],
        }
        for g in sheet.groups
    ]
    t = strings(locale, "sheet")
    return render_template("sheet_print.html", compact=False, sheet=sheet, groups=groups, locale=locale, t=t,
                           footer=t["footer"].format(site=site_name), page_url=page_url, line_gap=f"{line_gap_mm}mm",
                           client_field=CLIENT_FIELD, date_field=DATE_FIELD)


def _without_links(text: str) -> str:
    return re.sub(r"</?a\b[^>]*>", "", inline.render(text))


def render(sheet: Sheet, locale: str, site_name: str, page_url: str) -> bytes:
    """The blank sheet as PDF bytes: one page with the widest ruling that fits, otherwise two
    pages with the widest ruling. Each layout takes WeasyPrint some hundredths of a second:
    builds go through `cache_key` and a `guide.build.cache.Cache` instead of calling this each time."""
    import weasyprint  # slow to import; only builds that make a PDF pay for it
    from weasyprint.text.fonts import FontConfiguration

    layouts: dict[float, object] = {}
    fonts = FontConfiguration()  # the layouts share the fonts they find, instead of each finding them again

    def layout(gap: float):
        if gap not in layouts:
            document = weasyprint.HTML(string=html(sheet, locale, site_name, page_url, gap))
            layouts[gap] = document.render(font_config=fonts, **PDF_OPTIONS)
        return layouts[gap]

    # Tighter ruling never takes more pages, so the widest that fits one page is found by halving
    # the choices: two layouts of the three, not up to three.
    low, high, fits = 0, len(LINE_GAPS_MM) - 1, None
    while low <= high:
        middle = (low + high) // 2
        if len(layout(LINE_GAPS_MM[middle]).pages) == 1:
            fits, high = middle, middle - 1
        else:
            low = middle + 1
    if fits is not None:
        return layout(LINE_GAPS_MM[fits]).write_pdf(**PDF_OPTIONS)
    widest = layout(LINE_GAPS_MM[0])
    if len(widest.pages) <= MAX_PAGES:
        return widest.write_pdf(**PDF_OPTIONS)
    raise SheetTooLong(
        f"sheet '{sheet.id}' ({locale}) needs {len(widest.pages)} A4 pages; at most {MAX_PAGES} fit a "
        "printer and a clipboard: use fewer sections, fewer lines or shorter prompts"
    )


def renderer() -> tuple[str, ...]:
    """What stands for the code that makes a PDF: this module (how the ruling is chosen) and the
    renderer's packages. Read once per build, not once per PDF: asking for package versions
    takes milliseconds each."""
    return cache.made_by(__file__, "weasyprint", "pydyf", "tinycss2", "fonttools")


def cache_key(sheet: Sheet, locale: str, site_name: str, page_url: str, made_by: tuple[str, ...]) -> str:
    """Names everything `render` makes its PDF from: the print document (the sheet's text, the
    template and its CSS) and `made_by` (`renderer()`). The PDF holds no dates, so equal keys
    mean equal bytes."""
    return cache.key(html(sheet, locale, site_name, page_url), *made_by)


def is_whole(data: bytes) -> bool:
    """A PDF that was written to its end (a cached one can be cut short by a full disk)."""
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
