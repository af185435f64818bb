"""Every interface string the components show, per language and component, in one place.

Translators edit this file only. Templates get a component's strings as `t`; what a script must
say travels to it in `data-i18n-*` attributes, so the scripts hold no language of their own.
Placeholders in braces ({done}, {time}) are filled in by the template or the script. The
translation notice exists only for translated pages, so only English has it.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, dict[str, str]]] = {
    "nl": {
        "checklist": {
            "read-do": "Lees-en-doelijst",
            "read-do.about": "lees een punt, doe het meteen en vink het dan af.",
            "do-confirm": "Controlelijst",
            "do-confirm.about": "doe eerst je werk, loop daarna de punten langs en vink af wat klopt.",
            "self-check": "Zelftest",
            "self-check.about": "vink alleen aan wat voor jou klopt; onder de lijst lees je wat je uitkomst betekent.",
            "self-check.progress": "Herkend: {done} van {total}",
            "moment": "Wanneer",
            "progress": "Gedaan: {done} van {total}",
            "complete": "Klaar: alle {total} punten zijn gedaan.",
            "reset": "Alle vinkjes weghalen",
            "cleared": "Alle vinkjes zijn weggehaald.",
            "undo": "Ongedaan maken",
            "storage-off": "Je browser bewaart je vinkjes nu niet. Als je deze pagina sluit, zijn ze weg.",
            "full": (
                "Je vinkjes konden niet worden bewaard: de opslag van je browser voor deze site is vol. "
                "Als je deze pagina sluit, zijn je laatste wijzigingen weg."
            ),
            "corrupt": (
                "Je eerder bewaarde vinkjes waren beschadigd en konden niet worden gelezen. "
                "Wat je nu afvinkt, wordt weer gewoon bewaard."
            ),
            "next": "Volgende stap:",
        },
        "glance": {
            "time": "Tijd",
            "when": "Wanneer",
            "need": "Nodig",
            "result": "Resultaat",
            "checklist": "Checklist",
            "checklists": "Checklists",
            "checklist_link": "{title}, {count} punten",
        },
        "progress": {
            "checklist_hint": "Checklist, {count} punten",
            "sheet_hint": "Je voorbereiding op één A4",
            "not_started": "Niet begonnen",
            "partly": "{done} van {total}",
            "done": "Klaar",
            "recognised": "{done} van {total} herkend",
            "preparations_one": "1 voorbereiding",
            "preparations_other": "{count} voorbereidingen",
        },
        "sheet": {
            "client": "Klant",
            "date": "Datum",
            "example": "Bijvoorbeeld:",
            "print": "Afdrukken",
            "pdf": "Lege pdf om in te vullen (A4, {size} kB)",
            "pdf_a4": "Lege pdf om in te vullen (A4)",
            "preps_title": "Je voorbereidingen op dit apparaat",
            "new": "Nieuwe voorbereiding",
            "next": "Volgend gesprek met deze klant",
            "no_client": "Nog geen klant",
            "no_date": "geen datum",
            "filled": "{done} van {total} ingevuld",
            "changed": "gewijzigd op {date}",
            "open_now": "nu open",
            "delete": "Deze voorbereiding verwijderen",
            "deleted": "De voorbereiding ‘{name}’ is verwijderd.",
            "undo": "Ongedaan maken",
            "restored": "De voorbereiding ‘{name}’ is teruggezet.",
            "fit": "Dit past niet meer in de ruimte op papier: de afdruk wordt langer.",
            "missing": "Die voorbereiding staat niet (meer) op dit apparaat.",
            "autosave": "Wat je invult, wordt automatisch op dit apparaat bewaard.",
            "saved": "Bewaard op dit apparaat om {time}.",
            "memory": (
                "Je browser laat deze site niets bewaren. Je antwoorden blijven alleen staan "
                "zolang deze pagina open is: druk ze af voordat je de pagina sluit."
            ),
            "corrupt": (
                "Je eerder bewaarde antwoorden waren beschadigd en konden niet worden gelezen. "
                "Wat je nu invult, wordt weer gewoon bewaard."
            ),
            "no_script": (
                "Zonder JavaScript wordt niets bewaard. Druk je ingevulde gespreksvoorbereiding af via je "
                "browser voordat je de pagina sluit, of download de lege pdf."
            ),
            "footer": "Uit de gids {site}",
            "full": (
                "Je antwoorden konden niet worden bewaard: de opslag van je browser voor deze site is vol. "
                "Ze blijven staan zolang deze pagina open is: druk ze af voordat je de pagina sluit."
            ),
            "conflict": "Dit antwoord is intussen in een ander tabblad veranderd. Daar staat nu:",
            "keep_mine": "Mijn tekst houden",
            "take_theirs": "Die tekst nemen",
            "empty": "(leeg)",
            "unsaved": (
                "Nog niet alles is bewaard: een antwoord is ook in een ander tabblad veranderd. "
                "Kies onder dat antwoord welke tekst blijft."
            ),
        },
        "my_data": {
            "no_script": (
                "Zonder JavaScript kan deze pagina niet laten zien wat er op dit apparaat bewaard "
                "is."
            ),
            "empty": "Op dit apparaat staat nog niets van deze gids.",
            "export": "Exporteren als bestand",
            "import": "Een export terugzetten",
            "import_hint": (
                "Kies een bestand dat je eerder met ‘Exporteren als bestand’ hebt gemaakt. Wat "
                "erin staat, komt in de plaats van wat hier staat; je krijgt eerst de vraag of dat mag."
            ),
            "delete": "Alles wissen",
            "remove": "Wissen",
            "remove_label": "‘{title}’ wissen",
            "confirm_remove": "‘{title}’ wissen van dit apparaat? Dat kun je niet ongedaan maken.",
            "removed": "‘{title}’ is gewist.",
            "remove_failed": "‘{title}’ kon niet worden gewist en staat nog op dit apparaat.",
            "date_locale": "nl-NL",
            "file_name": "samenwerken-met-klanten-{date}.json",
            "kind_sheet": "Gespreksvoorbereiding {id}",
            "kind_preparation": "Gespreksvoorbereiding ({name})",
            "unnamed": "zonder klant of datum",
            "used": "Deze gids gebruikt nu {size} kB van de opslag van je browser voor deze site.",
            "kind_checklist": "Checklist {id}",
            "kind_other": "Gegevens {id}",
            "fields_one": "1 veld ingevuld",
            "fields_other": "{count} velden ingevuld",
            "items_one": "1 punt afgevinkt",
            "items_other": "{count} punten afgevinkt",
            "updated": "bijgewerkt op {date}",
            "exported": "Je export is gedownload als {file}.",
            "imported": "Teruggezet: {list}.",
            "import_empty": "Dit bestand bevat geen gegevens. Er is niets veranderd.",
            "not_json": (
                "Dit bestand kan niet worden gelezen: het is beschadigd of geen export van deze "
                "gids. Er is niets veranderd."
            ),
            "wrong_format": "Dit bestand is geen export van Samenwerken met klanten. Er is niets veranderd.",
            "wrong_version": (
                "Dit bestand komt uit een andere versie van de gids (versie {version}) en kan "
                "niet worden teruggezet. Er is niets veranderd."
            ),
            "bad_data": (
                "Dit bestand is beschadigd: ‘{key}’ heeft niet de verwachte vorm. Er is niets "
                "veranderd."
            ),
            "too_large": "Dit bestand is te groot voor een export van deze gids. Er is niets veranderd.",
            "confirm_delete": (
                "Alles wissen wat deze gids op dit apparaat bewaart? Je afgevinkte punten en je "
                "antwoorden zijn dan weg. Dat kun je niet ongedaan maken."
            ),
            "deleted": "Alles is gewist. Er staat niets meer van deze gids op dit apparaat.",
            "memory": (
                "Je browser laat deze site niets bewaren. Wat hier staat, verdwijnt zodra je deze "
                "pagina sluit."
            ),
            "confirm_import": "Terugzetten vervangt wat nu op dit apparaat staat: {list}. Doorgaan?",
            "import_cancelled": "Je hebt het terugzetten afgebroken. Er is niets veranderd.",
            "import_full": (
                "Dit bestand kon niet worden teruggezet: de opslag van je browser voor deze site "
                "is vol. Er is niets veranderd."
            ),
            "delete_failed": "Niet alles kon worden gewist: {list} staat nog op dit apparaat.",
        },
        # The 404 page (with links to step 1 and the sheet, by their titles); `in_this_language`
        # is what the other language's 404 page links to this language's home with.
        "not_found": {
            "title": "Deze pagina bestaat niet (meer)",
            "text": (
                "Misschien is de pagina verhuisd, of klopt de link niet helemaal. Begin bij de start "
                "van de gids of gebruik de zoekfunctie."
            ),
            "home": "Naar het begin van de gids",
            "or": "Of ga meteen naar:",
            "in_this_language": "Lees deze gids in het Nederlands",
        },
        # Dutch is the source language: no Dutch page is a translation.
        "translation": {},
        # Under the results of a search that found nothing (and before the first word).
        "search": {
            "start_here": "Niet gevonden wat je zoekt? Hier kun je beginnen:",
        },
    },
    "en": {
        "checklist": {
            "read-do": "Read-do checklist",
            "read-do.about": "read an item, do it straight away, then tick it off.",
            "do-confirm": "Do-confirm checklist",
            "do-confirm.about": "do the work first, then go through the items and tick what’s done.",
            "self-check": "Self-check",
            "self-check.about": "tick only what is true for you; below the list you’ll find what your result means.",
            "self-check.progress": "Recognised: {done} of {total}",
            "moment": "When",
            "progress": "{done} of {total} done",
            "complete": "Finished: all {total} items are done.",
            "reset": "Clear all ticks",
            "cleared": "All ticks have been cleared.",
            "undo": "Undo",
            "storage-off": (
                "Your browser isn’t saving your ticks right now. They’ll be gone when you close "
                "this page."
            ),
            "full": (
                "Your ticks could not be saved: this browser’s storage for the site is full. "
                "Your latest changes will be gone when you close this page."
            ),
            "corrupt": (
                "Your previously saved ticks were damaged and couldn’t be read. "
                "Whatever you tick now will be saved as usual."
            ),
            "next": "Next step:",
        },
        "glance": {
            "time": "Time",
            "when": "When",
            "need": "You need",
            "result": "Result",
            "checklist": "Checklist",
            "checklists": "Checklists",
            "checklist_link": "{title}, {count} items",
        },
        "progress": {
            "checklist_hint": "Checklist, {count} items",
            "sheet_hint": "Your preparation on one sheet of A4",
            "not_started": "Not started",
            "partly": "{done} of {total}",
            "done": "Done",
            "recognised": "{done} of {total} recognised",
            "preparations_one": "1 preparation",
            "preparations_other": "{count} preparations",
        },
        "sheet": {
            "client": "Client",
            "date": "Date",
            "example": "For example:",
            "print": "Print",
            "pdf": "Blank fillable PDF (A4, {size} kB)",
            "pdf_a4": "Blank fillable PDF (A4)",
            "preps_title": "Your preparations on this device",
            "new": "New preparation",
            "next": "Next conversation with this client",
            "no_client": "No client yet",
            "no_date": "no date",
            "filled": "{done} of {total} filled in",
            "changed": "changed {date}",
            "open_now": "open now",
            "delete": "Delete this preparation",
            "deleted": "The preparation “{name}” has been deleted.",
            "undo": "Undo",
            "restored": "The preparation “{name}” is back.",
            "fit": "This no longer fits its space on paper: the printout will run longer.",
            "missing": "That preparation isn’t on this device (any more).",
            "autosave": "Whatever you type is saved automatically on this device.",
            "saved": "Saved on this device at {time}.",
            "memory": (
                "Your browser doesn’t let this site save anything. Your answers only stay while "
                "this page is open, so print them before you close it."
            ),
            "corrupt": (
                "Your previously saved answers were damaged and couldn’t be read. Whatever you "
                "type now will be saved as usual."
            ),
            "no_script": (
                "Without JavaScript nothing is saved. Print the sheet from your browser before "
                "you close the page, or download the blank PDF."
            ),
            "footer": "From the guide {site}",
            "full": (
                "Your answers could not be saved: this browser’s storage for the site is full. "
                "They stay on screen while this page is open, so print them before you close it."
            ),
            "conflict": "This answer has been changed in another tab in the meantime. It now reads:",
            "keep_mine": "Keep my text",
            "take_theirs": "Use that text",
            "empty": "(empty)",
            "unsaved": (
                "Not everything is saved yet: an answer was also changed in another tab. "
                "Below that answer, choose which text to keep."
            ),
        },
        "my_data": {
            "no_script": "Without JavaScript this page can’t show what is stored on this device.",
            "empty": "Nothing from this guide is stored on this device yet.",
            "export": "Export to a file",
            "import": "Restore an export",
            "import_hint": (
                "Choose a file you made earlier with “Export to a file”. What it holds takes the "
                "place of what is here; you’ll be asked first."
            ),
            "delete": "Delete everything",
            "remove": "Delete",
            "remove_label": "Delete “{title}”",
            "confirm_remove": "Delete “{title}” from this device? This can’t be undone.",
            "removed": "“{title}” has been deleted.",
            "remove_failed": "“{title}” could not be deleted and is still on this device.",
            "date_locale": "en-GB",
            "file_name": "working-with-clients-{date}.json",
            "kind_sheet": "Sheet {id}",
            "kind_preparation": "Conversation preparation ({name})",
            "unnamed": "no client or date",
            "used": "This guide now uses {size} kB of your browser’s storage for this site.",
            "kind_checklist": "Checklist {id}",
            "kind_other": "Data {id}",
            "fields_one": "1 field filled in",
            "fields_other": "{count} fields filled in",
            "items_one": "1 item ticked",
            "items_other": "{count} items ticked",
            "updated": "updated {date}",
            "exported": "Your export has been downloaded as {file}.",
            "imported": "Restored: {list}.",
            "import_empty": "This file holds no data. Nothing has changed.",
            "not_json": (
                "This file can’t be read: it is damaged or not an export from this guide. Nothing "
                "has changed."
            ),
            "wrong_format": "This file isn’t an export from Working with clients. Nothing has changed.",
            "wrong_version": (
                "This file comes from a different version of the guide (version {version}) and "
                "can’t be restored. Nothing has changed."
            ),
            "bad_data": "This file is damaged: “{key}” doesn’t have the expected shape. Nothing has changed.",
            "too_large": "This file is too large to be an export from this guide. Nothing has changed.",
            "confirm_delete": (
                "Delete everything this guide keeps on this device? Your ticked items and your "
                "answers will be gone. This can’t be undone."
            ),
            "deleted": "Everything has been deleted. Nothing from this guide is left on this device.",
            "memory": (
                "Your browser doesn’t let this site save anything. What you see here will be gone "
                "once you close this page."
            ),
            "confirm_import": "Restoring replaces what is on this device now: {list}. Continue?",
            "import_cancelled": "You cancelled the restore. Nothing has changed.",
            "import_full": (
                "This file could not be restored: this browser’s storage for the site is full. "
                "Nothing has changed."
            ),
            "delete_failed": "Not everything could be deleted: {list} is still on this device.",
        },
        "not_found": {
            "title": "This page does not exist (any more)",
            "text": (
                "The page may have moved, or the link is not quite right. Start at the beginning "
                "of the guide or use search."
            ),
            "home": "Go to the start of the guide",
            "or": "Or go straight to:",
            "in_this_language": "Read this guide in English",
        },
        "translation": {
            "notice_title": "This translation may be behind",
            "notice": "The Dutch version of this page has changed since this translation was last updated.",
            "notice_link": "Read the Dutch page",
            "notice_after": "for the newest text.",
        },
        "search": {
            "start_here": "Can’t find what you’re looking for? These are good places to start:",
        },
    },
}


def strings(locale: str, component: str) -> dict[str, str]:
    """The strings of `component` in `locale`."""
    return STRINGS[locale][component]
