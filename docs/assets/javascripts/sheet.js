/* The conversation-preparation sheet: answers kept on this device while the reader types.
 *
 * Opt-in per form: <form class="sheet" data-sheet="<sheet id>">, rendered by the build
 * (hooks/guide/components/sheet.py). The form works and prints without this script; the script
 * adds autosave through guide.store under "sheet:<sheet id>" as {fields: {<field id>: text},
 * updated}, keeps the print-only copy of every answer up to date (a textarea cannot print what
 * it hides behind its scrollbar) and shows the print and clear buttons. Field ids are section
 * ids, the same in both languages, so Dutch and English share the answers; stored ids this page
 * does not know (a section renamed or removed since) stay in storage untouched.
 *
 * Another tab may change the same answers. Its change comes into every field that has no
 * unsaved text of its own; where both tabs changed one field, the reader chooses which text
 * stays. No save ever overwrites a stored answer this tab has not seen. */
(function () {
  "use strict";
  if (!window.guide) return;
  var store = window.guide.store;
  var SAVE_DELAY_MS = 300;

  window.guide.component("sheet", function (c) {
    var root = c.root, key = c.key;
    // Maps without a prototype: `in` sees only the ids in them.
    var fields = Object.create(null);    // field id -> its input or textarea
    var seen = Object.create(null);      // field id -> the stored text the field started from
    var pending = Object.create(null);   // field id -> text typed here and not saved yet
    var conflicts = Object.create(null); // field id -> the box asking which text stays
    var timer = null;
    var status = c.part("status"), notice = c.part("notice"), idle = status.textContent;

    [].forEach.call(root.querySelectorAll("[data-field]"), function (field) {
      fields[field.getAttribute("data-field")] = field;
    });

    /* The notice for `name` ("memory", "full", "corrupt"), or none; its name is its state. */
    function tell(name) {
      notice.textContent = name ? c.text(name) : "";
      notice.setAttribute("data-sheet-notice", name || "");
      notice.hidden = !name;
    }

    function textOf(map, id) { return id in map ? map[id] : ""; }

    /* The stored answers by field id (none when the record is damaged, with a notice). */
    function stored() {
      var record = store.read(key);
      if (store.damaged(key)) tell("corrupt");
      return record ? record.fields : Object.create(null);
    }

    function put(id, text) {
      if (fields[id].value !== text) fields[id].value = text;
      var copy = root.querySelector('[data-print-for="' + id + '"]');
      if (copy) copy.textContent = text;
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
     * other fields, and ids this page does not know, are kept. */
    function save() {
      clearTimeout(timer);
      var merged = stored(), written = [];
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
      var kept = Object.keys(merged).length ? store.write(key, { fields: merged, updated: Date.now() })
        : store.remove(key);
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
      if (notice.getAttribute("data-sheet-notice") === "full") tell("");
      status.hidden = false;
      var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined,
        { hour: "2-digit", minute: "2-digit" });
      status.textContent = Object.keys(conflicts).length ? c.text("unsaved") : c.text("saved", { time: time });
    }

    function clearAnswers() {
      if (!window.confirm(c.text("confirm-clear"))) return;
      clearTimeout(timer);
      pending = Object.create(null);
      store.remove(key);
      Object.keys(fields).forEach(function (id) {
        drop(id);
        seen[id] = "";
        put(id, "");
      });
      status.textContent = c.text("cleared");
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
      } else if (target.hasAttribute("data-sheet-clear")) {
        clearAnswers();
      } else if (target.parentNode.hasAttribute("data-sheet-conflict")) {
        resolve(target.parentNode.getAttribute("data-sheet-conflict"), target.hasAttribute("data-sheet-keep"));
      }
    });
    c.on(window, "pagehide", save);
    /* Another tab, or this one back from the back/forward cache: answers may have changed. */
    c.on(window, "pageshow", sync);
    c.on(window, "storage", function (event) { if (store.changed(event, key)) sync(); });

    sync();
    c.part("print").hidden = false;
    c.part("clear").hidden = false;
    c.part("no-script").hidden = true;
    status.hidden = false;
    if (store.problem() === "memory") {
      tell("memory");
      status.hidden = true;
    }
  });
})();
