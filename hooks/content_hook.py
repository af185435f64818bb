"""MkDocs adapter for the content model: checks every page before anything is rendered, checks
where each page places its components and the anchors that front-matter texts link to, and
tells readers of an outdated translation that the Dutch page is newer.

The rules live in `guide.content` (one page, across pages) and `guide.components.place` (the
placeholders); this module feeds them the files and turns their problems into a failed build.
"""

from __future__ import annotations

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import get_files

import page_parts
from guide.bilingual import locales
from guide.components import place
from guide.content import checks, consistency, frontmatter, inline, source, translations

log = get_plugin_logger("content")

# The translations that are not current (English source path -> state), for the notices of this
# build. `mkdocs serve` keeps this module loaded: the Dutch build fills it afresh.
_not_current: dict[str, str] = {}
# This language build's links to anchors in front-matter texts, as (page, field path, link,
# the file linked to, anchor), checked once every page is built.
_anchor_links: list[tuple] = []


def _fail(problems: list[str], where: str = "The content") -> None:
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    raise PluginError(f"{where} has {count}:\n" + "\n".join(problems))


@event_priority(20)  # first: other hooks read front matter only after it passed
def on_pre_build(config):
    # Before MkDocs empties site_dir: a page that fails leaves the last good site as it was.
    # The files are gathered here the way the build gathers them next, both languages still in.
    _anchor_links.clear()  # a new language build, or a rebuild of `mkdocs serve` after a failed one
    if page_parts.locale(config) != locales.DEFAULT.code:
        return  # both languages' files were checked in the first (Dutch) build
    docs = checks.docs_folder(config.docs_dir)
    texts, unreadable = {}, []
    for file in get_files(config).documentation_pages():
        try:
            texts[file.src_uri] = source.decode(file.content_bytes, f"{docs}/{file.src_uri}")
        except source.SourceError as error:
            unreadable.append(str(error))
    if unreadable:
        _fail(unreadable, "The content")
    pages = [checks.check_page(uri, text, docs_dir=docs) for uri, text in texts.items()]
    problems = [p for page in pages for p in page.problems]
    if not any(p.severity == "error" for p in problems):
        problems += consistency.check_pages(pages)
    for warning in (p for p in problems if p.severity == "warning"):
        log.warning(str(warning))
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        _fail(errors)
    _not_current.clear()
    for page in pages:
        if locales.locale_of(page.src_uri) != locales.DEFAULT.code:
            state = translations.status(texts.get(locales.source_of(page.src_uri), ""), page.data)
            if state != translations.CURRENT:
                _not_current[page.src_uri] = state
                log.info(f"{page.file}: translation {translations.LABELS[state]} (make translations)")


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri not in _not_current:  # a Dutch page, or a current translation
        return markdown
    dutch = locales.source_of(page.file.src_uri)
    here = posixpath.dirname(locales.page_path(dutch, page_parts.locale(config)))
    link = locales.relative(locales.page_path(dutch, locales.DEFAULT.code) or ".", here)
    return translations.with_notice(markdown, page_parts.locale(config), link)


def on_page_content(html, page, config, files):
    # A link's anchor can only be checked once every page is built. MkDocs does that for the
    # body's links; those of front-matter texts are noted here and checked in on_post_build,
    # so that the message can name the text's line and field, which MkDocs' own cannot.
    for path, text in consistency.inline_texts(page.meta):
        for target in inline.link_targets(text):
            linked, _, anchor = target.partition("#")
            if not anchor or "://" in linked or linked.startswith(("/", "mailto:")):
                continue
            file = _file(files, page, linked) if linked else page.file
            if file is not None:
                _anchor_links.append((page, path, target, file, anchor))
    return html


def on_post_build(config):
    level = config.validation.links.anchors  # the body's links are held to the same level
    docs = checks.docs_folder(config.docs_dir)
    fronts = {}
    for page, path, target, file, anchor in _anchor_links:
        anchors = file.page.present_anchor_ids if file.page is not None else None
        if anchors is None or anchor in anchors:  # not a page, or not rendered: MkDocs skips it too
            continue
        if page.file not in fronts:  # its lines, now that one is needed
            fronts[page.file] = checks.check_page(page.file.src_uri, page.file.content_string).front
        where = "this page" if file == page.file else f"{docs}/{file.src_uri}"
        log.log(level, f"{docs}/{page.file.src_uri}:{fronts[page.file].line(path)}: {frontmatter.format_path(path)}: "
                       f"links to '{target}', but {where} has no anchor '#{anchor}'")
    _anchor_links.clear()


def _file(files, page, path: str):
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    # In the English build a link to `x.md` means the English page `x.en.md`.
    for candidate in (locales.translation_of(locales.source_of(target), locales.locale_of(page.file.src_uri)), target):
        found = files.get_file_from_path(candidate)
        if found is not None:
            return found
    return None


@event_priority(-40)  # after the search plugin (0), before the components are placed (-50)
def on_page_context(context, page, config, nav):
    placeholders, lookalikes = place.find(page.content or "")
    declared = [("checklist", c["id"]) for c in page.meta.get("checklists") or []]
    if page.meta.get("sheet"):
        declared.append(("sheet", page.meta["sheet"]["id"]))
    if page.meta.get("glance"):
        declared.append(("glance", None))
    wrong = lookalikes + place.problems(placeholders, declared)
    missing = place.unplaced(placeholders, declared)
    if not wrong and not missing:
        return context
    file = f"{checks.docs_folder(config.docs_dir)}/{page.file.src_uri}"
    text = page.file.content_string
    found = [(place.source_line(text, p.kind, p.id, p.occurrence) or 1, "body", p.message) for p in wrong]
    front = checks.check_page(page.file.src_uri, text).front  # its lines, now that one is needed
    for key in missing:
        path = {"sheet": ("sheet", "id"), "glance": ("glance",)}.get(key[0]) or (
            "checklists", [c["id"] for c in page.meta["checklists"]].index(key[1]), "id")
        field, wanted, typo = frontmatter.format_path(path), place.placeholder_text(key), place.misspelt(text, key)
        if typo:
            found.append((typo[0], "body", f"{typo[1]} places nothing: write {wanted} "
                          f"to place {place.component_name(key)} ({field} in the front matter)"))
        else:
            found.append((front.line(path), field, f"is not placed in the page: add a line {wanted} to the body"))
    _fail([f"{file}:{line}: {field}: {message}" for line, field, message in sorted(found)], "The page")
