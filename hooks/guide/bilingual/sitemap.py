"""sitemap.xml with hreflang alternates for every page, x-default pointing at Dutch.

Two files are written: the root sitemap lists every page of every language; `en/sitemap.xml`
lists the English pages (a sitemap may only list URLs below its own folder). The theme also
fetches the sitemap next to each alternate link, so both must exist.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from guide.bilingual.locales import DEFAULT, alternates

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\n'
    '        xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def render(source_uris: list[str], site_url: str, locales: tuple[str, ...]) -> str:
    """A sitemap listing each page in `locales`, each entry with all its alternates."""
    out = [HEADER]
    for source in sorted(source_uris):
        versions = alternates(source, site_url)
        links = [
            f"    <xhtml:link rel=\"alternate\" hreflang=\"{v.locale}\" href={quoteattr(v.href)}/>\n"
            for v in versions
        ]
        default = next(v for v in versions if v.locale == DEFAULT.code)
        links.append(
            f"    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href={quoteattr(default.href)}/>\n"
        )
        for version in versions:
            if version.locale in locales:
                out.append(f"  <url>\n    <loc>{escape(version.href)}</loc>\n{''.join(links)}  </url>\n")
    out.append("</urlset>\n")
    return "".join(out)
