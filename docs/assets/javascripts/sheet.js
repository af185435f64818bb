/* The conversation-preparation sheet: one preparation per conversation, kept on this device
 * while the reader types.
 *
 * Opt-in per form: <form class="sheet" data-sheet="<sheet id>">, rendered by the build
 * (hooks/guide/components/sheet.py). The form works and prints without this script; the script
 * keeps each preparation through guide.store under "preparation:<id>" as {sheet, client, date,
 * created, updated, fields: {<section id>: text}}, lists them (by date, newest first), opens the
 * one the address names (#prep=<id>, also in the language switcher's link, so the other language
 * opens the same one), keeps the print-only copy of every answer up to date (a textarea cannot
 * print what it hides behind its scrollbar) and shows the buttons. Section ids are the same in
 * both languages; stored ids this page does not know (a section renamed or removed since) stay
 * in storage untouched. The answers of the single sheet of earlier versions ("sheet:<sheet id>")
 * become the first preparation: copied, read back, and only then removed.
 *
 * Another tab may change the same preparation. Its change comes into every field that has no
 * unsaved text of its own; where both tabs changed one field, the reader chooses which text
 * stays. No save ever overwrites a stored answer this tab has not seen. */
(function () {
  "use strict";
  if (!window.guide) return;
  var store = window.guide.store;
  var SAVE_DELAY_MS = 300;
  var KIND = "preparation:", CLIENT = "_client", DATE = "_date";
  var ISO_DATE = /^\d{4}-\d\d-\d\d$/;
  /* Paper (sheet.css): handwriting lines 7 mm apart, typed text on 5 mm, about 45 characters
   * to a column's line. */
  var TYPED_LINES_PER_LINE = 7 / 5, CHARS_PER_LINE = 45;

  window.guide.component("sheet", function (c) {
    var root = c.root, sheetId = c.id, key = null;
    var lang = document.documentElement.lang || "";
    var locale = lang === "en" ? "en-GB" : lang || undefined;
    var total = Number(root.getAttribute("data-sheet-total"));
    // Maps without a prototype: `in` sees only the ids in them.
    var fields = Object.create(null);    // field id -> its input or textarea
    var seen = Object.create(null);      // field id -> the stored text the field started from
    var pending = Object.create(null);   // field id -> text typed here and not saved yet
    var conflicts = Object.create(null); // field id -> the box asking which text stays
    var timer = null, deleted = null;
    var unwritten = null; // {key, record}: the earlier single sheet's copy, when storage was full
    var status = c.part("status"), notice = c.part("notice"), list = c.part("list"), undo = c.part("undo");
    var idle = status.textContent;

    [].forEach.call(root.querySelectorAll("[data-field]"), function (field) {
      fields[field.getAttribute("data-field")] = field;
    });

    /* The notice for `name` ("memory", "full", "corrupt", "missing"), or none. */
    function tell(name) {
      notice.textContent = name ? c.text(name) : "";
      notice.setAttribute("data-sheet-notice", name || "");
      notice.hidden = !name;
    }

    function textOf(map, id) { return id in map ? map[id] : ""; }

    function dateText(date) {
      return ISO_DATE.test(date) ? new Date(date + "T12:00").toLocaleDateString(locale,
        { day: "numeric", month: "long", year: "numeric" }) : date;
    }

    /* A record's answers with its client and date, as the form's fields hold them. */
    function answers(record) {
      var map = Object.create(null);
      if (!record) return map;
      Object.keys(record.fields).forEach(function (id) { map[id] = record.fields[id]; });
      if (record.client) map[CLIENT] = record.client;
      if (record.date) map[DATE] = record.date;
      return map;
    }

    function record(map, created) {
      var kept = Object.create(null);
      Object.keys(map).forEach(function (id) { if (id !== CLIENT && id !== DATE) kept[id] = map[id]; });
      return { sheet: sheetId, client: textOf(map, CLIENT), date: textOf(map, DATE), created: created,
        updated: Date.now(), fields: kept };
    }

    function read(k) {
      return store.read(k) || (unwritten && unwritten.key === k ? unwritten.record : null);
    }

    /* Every preparation of this sheet on the device, by date, newest first. */
    function preparations() {
      var keys = store.keys();
      if (unwritten && keys.indexOf(unwritten.key) < 0) keys.push(unwritten.key);
      return keys.filter(function (k) { return k.indexOf(KIND) === 0; }).map(function (k) {
        var value = read(k);
        return value && (!value.sheet || value.sheet === sheetId) && { key: k, id: k.slice(KIND.length), record: value };
      }).filter(Boolean).sort(function (a, b) {
        var x = when(a.record), y = when(b.record);
        return x < y ? 1 : x > y ? -1 : 0;
      });
    }

    function when(value) {
      return (ISO_DATE.test(value.date || "") ? value.date : new Date(value.created || 0).toISOString()) +
        String(value.updated || 0);
    }

    function name(value) {
      return (value.client || c.text("no-client")) + ", " + (dateText(value.date) || c.text("no-date"));
    }

    function filled(value) {
      return Object.keys(value.fields).filter(function (id) {
        return fields[id] && fields[id].tagName === "TEXTAREA" && value.fields[id].trim() !== "";
      }).length;
    }

    /* The list, from `all` when just read (a year of preparations takes some milliseconds). */
    function renderList(all) {
      all = all || preparations();
      list.textContent = "";
      all.forEach(function (p) {
        var item = document.createElement("li"), link = document.createElement("a"), about = document.createElement("span");
        link.href = "#prep=" + p.id;
        link.textContent = name(p.record);
        item.setAttribute("data-sheet-item", p.id);
        about.textContent = " " + [c.text("filled", { done: filled(p.record), total: total }),
          c.text("changed", { date: dateText(new Date(p.record.updated || 0).toISOString().slice(0, 10)) })]
          .concat(p.key === key ? [c.text("open-now")] : []).join(" · ");
        if (p.key === key) link.setAttribute("aria-current", "true");
        item.appendChild(link);
        item.appendChild(about);
        list.appendChild(item);
      });
      c.part("preps").hidden = !all.length;
      c.part("next").hidden = c.part("delete").hidden = !key;
      return all;
    }

    /* The stored answers of the open preparation (none when damaged, with a notice). */
    function stored() {
      if (!key) return Object.create(null);
      var value = read(key);
      if (store.damaged(key)) tell("corrupt");
      return answers(value);
    }

    function put(id, text) {
      var field = fields[id];
      // A date from the single sheet of earlier versions may be any text: it stays visible.
      if (id === DATE) field.type = text && !ISO_DATE.test(text) ? "text" : "date";
      if (field.value !== text) field.value = text;
      var copy = root.querySelector('[data-print-for="' + id + '"]');
      if (copy) copy.textContent = id === DATE ? dateText(text) : text;
      var fit = root.querySelector('[data-fit-for="' + id + '"]');
      if (fit) fit.hidden = fits(text, Number(copy.getAttribute("data-lines")));
    }

    /* Whether typed `text` stays within the space `lines` handwriting lines take on paper. */
    function fits(text, lines) {
      var needed = text.split("\n").reduce(function (n, line) {
        return n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE));
      }, 0);
      return !text || needed <= Math.floor(lines * TYPED_LINES_PER_LINE);
    }

    /* Asks the reader which text stays in field `id`: theirs (another tab's) or what is typed. */
    function conflict(id, theirs) {
      var box = conflicts[id];
      if (!box) {
        box = conflicts[id] = document.createElement("div");
        box.className = "sheet__conflict";
        box.setAttribute("role", "alert");
        box.setAttribute("data-sheet-conflict", id);
        box.innerHTML = "<p></p><p class=sheet__theirs></p><button type=button class=md-button data-sheet-keep>" +
          "</button> <button type=button class=md-button></button>";
        box.children[0].textContent = c.text("conflict");
        box.children[2].textContent = c.text("keep-mine");
        box.children[3].textContent = c.text("take-theirs");
        fields[id].parentNode.insertBefore(box, fields[id].nextSibling);
        status.textContent = c.text("unsaved");
      }
      box.children[1].textContent = theirs || c.text("empty");
    }

    function drop(id) {
      if (id in conflicts) conflicts[id].remove();
      delete conflicts[id];
    }

    /* The reader's choice: keep what is typed here (saved over theirs), or take theirs. */
    function resolve(id, keepMine) {
      var theirs = textOf(stored(), id);
      drop(id);
      seen[id] = theirs;
      if (!keepMine) {
        delete pending[id];
        put(id, theirs);
      }
      fields[id].focus();
      save();
    }

    /* Brings in what is stored now: into every field without unsaved text of its own; a field
     * whose unsaved text meets a newer stored answer asks the reader. */
    function sync() {
      var now = stored();
      Object.keys(fields).forEach(function (id) {
        var theirs = textOf(now, id);
        if (!(id in pending)) {
          seen[id] = theirs;
          put(id, theirs);
        } else if (theirs === pending[id]) {
          seen[id] = theirs;
          delete pending[id];
          drop(id);
        } else if (theirs !== seen[id]) {
          conflict(id, theirs);
        }
      });
    }

    /* Writes this tab's changes over the latest stored record, so that another tab's answers to
     * other fields, and ids this page does not know, are kept. The first answer typed into an
     * empty page makes a preparation. */
    function save() {
      clearTimeout(timer);
      if (!key && !Object.keys(pending).some(function (id) { return pending[id] !== ""; })) return;
      if (!key) show(newId(), true);
      var before = read(key), merged = answers(before), written = [];
      Object.keys(pending).forEach(function (id) {
        var theirs = textOf(merged, id);
        if (theirs !== seen[id] && theirs !== pending[id]) conflict(id, theirs);
        if (id in conflicts) return; // the reader chooses first
        if (pending[id] === "") delete merged[id];
        else merged[id] = pending[id];
        written.push(id);
      });
      if (!written.length) {
        // Nothing to write: the reader took the other tab's text, which is stored.
        if (!Object.keys(conflicts).length && status.textContent === c.text("unsaved")) status.textContent = idle;
        return;
      }
      var kept = store.write(key, record(merged, before && before.created || Date.now()));
      if (store.problem() === "memory") kept = false;
      if (!kept) {
        // What is typed stays on screen, and unsaved: the next save tries again.
        tell(store.problem());
        status.hidden = true;
        return;
      }
      written.forEach(function (id) {
        seen[id] = pending[id];
        delete pending[id];
      });
      if (unwritten && unwritten.key === key) unwritten = null;
      if (notice.getAttribute("data-sheet-notice") === "full") tell("");
      status.hidden = false;
      var time = new Date().toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
      status.textContent = Object.keys(conflicts).length ? c.text("unsaved") : c.text("saved", { time: time });
      renderList();
    }

    function newId() {
      return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 6);
    }

    /* Makes `id` the open preparation: the address names it, and so does the link to the other
     * language. `fresh`: it has nothing stored yet (the fields keep what is typed). */
    function show(id, fresh, all) {
      key = id ? KIND + id : null;
      // An address naming a heading (a link into the sheet) keeps it.
      if (!location.hash || /^#prep=/.test(location.hash)) {
        history.replaceState(history.state, "", id ? "#prep=" + id : location.pathname + location.search);
      }
      [].forEach.call(document.querySelectorAll("a[data-locale-switch]"), function (link) {
        link.hash = id ? "prep=" + id : "";
      });
      if (!fresh) {
        pending = Object.create(null);
        Object.keys(conflicts).forEach(drop);
        sync();
        status.textContent = idle;
      }
      renderList(all);
    }

    /* Opens preparation `id` after saving what is typed in the open one. */
    function open(id) {
      save();
      tell("");
      show(id);
    }

    /* A new preparation: blank, or with `from`'s client and answers except those filled in
     * after the conversation. */
    function create(from) {
      save();
      var map = answers(from && read(from));
      delete map[DATE];
      [].forEach.call(root.querySelectorAll(".sheet__group--after [data-field]"), function (field) {
        delete map[field.getAttribute("data-field")];
      });
      var id = newId();
      if (!store.write(KIND + id, record(map, Date.now()))) tell(store.problem());
      show(id);
      fields[from ? DATE : CLIENT].focus();
    }

    /* Deletes the open preparation; the reader can undo it until the next delete. */
    function remove() {
      save();
      var value = read(key) || record(Object.create(null), Date.now());
      deleted = { key: key, record: value };
      store.remove(key);
      if (unwritten && unwritten.key === key) unwritten = null;
      var rest = preparations();
      show(rest.length ? rest[0].id : null);
      c.part("undo-text").textContent = c.text("deleted", { name: name(value) });
      undo.hidden = c.part("restore").hidden = false;
      c.part("restore").focus();
    }

    function restore() {
      if (!store.write(deleted.key, deleted.record)) return tell(store.problem());
      open(deleted.key.slice(KIND.length));
      c.part("undo-text").textContent = c.text("restored", { name: name(deleted.record) });
      c.part("restore").hidden = true;
      deleted = null;
      fields[CLIENT].focus();
    }

    /* The single sheet of earlier versions becomes a preparation, untouched; the old record is
     * removed only once the copy reads back the same. */
    function migrate() {
      var old = store.read(c.key);
      if (store.damaged(c.key)) tell("corrupt");
      if (!old) return;
      var to = KIND + "v1-" + (old.updated || 0).toString(36), copy = record(old.fields, old.updated || Date.now());
      copy.updated = copy.created;
      if (!store.read(to) && !store.write(to, copy)) {
        unwritten = { key: to, record: copy }; // shown, and written with the next save
        return;
      }
      if (flat(answers(store.read(to))) === flat(old.fields)) store.remove(c.key);
    }

    function flat(map) {
      return JSON.stringify(Object.keys(map).sort().filter(function (id) { return map[id]; })
        .map(function (id) { return [id, map[id]]; }));
    }

    /* The preparation the address names, else the last one changed, else an empty page. */
    function fromAddress(tellMissing, all) {
      var wanted = /^#prep=([a-z0-9][a-z0-9-]*)$/.exec(location.hash);
      all = all || preparations();
      // A damaged one opens too: it says so, and what is typed replaces it.
      var found = wanted && (store.damaged(KIND + wanted[1]) || all.some(function (p) { return p.id === wanted[1]; }));
      if (wanted && !found && tellMissing) tell("missing");
      var latest = all.slice().sort(function (a, b) { return (b.record.updated || 0) - (a.record.updated || 0); })[0];
      return found ? wanted[1] : latest ? latest.id : null;
    }

    c.on(root, "input", function (event) {
      var id = event.target.getAttribute("data-field");
      if (!id || fields[id] !== event.target) return;
      pending[id] = event.target.value;
      put(id, event.target.value);
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    c.on(root, "change", save);
    /* The form has no server to go to: Enter in a header field must not reload the page. */
    c.on(root, "submit", function (event) { event.preventDefault(); });
    c.on(root, "click", function (event) {
      var target = event.target.closest("button");
      if (!target) return;
      if (target.hasAttribute("data-sheet-print")) {
        save();
        window.print();
      } else if (target.hasAttribute("data-sheet-new")) {
        create(null);
      } else if (target.hasAttribute("data-sheet-next")) {
        create(key);
      } else if (target.hasAttribute("data-sheet-delete")) {
        remove();
      } else if (target.hasAttribute("data-sheet-restore")) {
        restore();
      } else if (target.parentNode.hasAttribute("data-sheet-conflict")) {
        resolve(target.parentNode.getAttribute("data-sheet-conflict"), target.hasAttribute("data-sheet-keep"));
      }
    });
    c.on(window, "hashchange", function () {
      if (!/^#prep=/.test(location.hash)) return; // a link to a heading
      var id = fromAddress(true);
      if (KIND + id !== key) open(id);
    });
    c.on(window, "pagehide", save);
    /* Another tab, or this one back from the back/forward cache: answers may have changed. */
    c.on(window, "pageshow", function () { sync(); renderList(); });
    c.on(window, "storage", function (event) {
      if (key && store.changed(event, key)) sync();
      // An empty page takes up what another tab began, unless something is typed here.
      if (!key && !Object.keys(pending).length && fromAddress()) show(fromAddress());
      else if (store.changed(event)) renderList();
    });

    document.documentElement.style.setProperty("--sheet-footer", JSON.stringify(c.part("footer").textContent));
    migrate();
    var all = preparations();
    show(fromAddress(true, all), false, all);
    c.part("print").hidden = false;
    c.part("no-script").hidden = true;
    status.hidden = false;
    if (store.problem() === "memory") {
      tell("memory");
      status.hidden = true;
    }
  });
})();
