/* The conversation-preparation sheet: answers kept on this device while the reader types.
 *
 * Opt-in per form: <form class="sheet" data-template="<sheet id>">, rendered by the build
 * (hooks/guide/sheet.py). The form works and prints without this script; the script adds
 * autosave through guideStore under "sheet:<sheet id>" as {fields: {<field id>: text}, updated},
 * keeps the print-only copy of every answer up to date (a textarea cannot print what it hides
 * behind its scrollbar) and shows the print and clear buttons. Field ids are section ids, the
 * same in both languages, so Dutch and English share the answers; stored ids this page does not
 * know (a section renamed or removed since) stay in storage untouched. */
(function () {
  "use strict";

  var SAVE_DELAY_MS = 300;

  /* When store.js did not load, answers live in this page view only, like blocked storage. */
  var memoryStore = {
    data: {},
    read: function (key) { return this.data[key] || null; },
    write: function (key, value) { this.data[key] = value; return false; },
    remove: function (key) { delete this.data[key]; },
    subscribe: function () {},
    persistent: function () { return false; },
    corrupt: function () { return []; },
  };

  function init(root) {
    if (root.hasAttribute("data-template-ready")) return;
    root.setAttribute("data-template-ready", "");

    var store = window.guideStore || memoryStore;
    var key = "sheet:" + root.getAttribute("data-template");
    var fields = {};
    var pending = {}; /* field id -> text typed here and not saved yet */
    var timer = null;
    var status = root.querySelector("[data-template-status]");
    var notice = root.querySelector("[data-template-notice]");

    Array.prototype.forEach.call(root.querySelectorAll("[data-field]"), function (field) {
      fields[field.getAttribute("data-field")] = field;
    });

    function text(name) { return root.getAttribute("data-i18n-" + name) || ""; }

    function showNotice(name) {
      notice.textContent = text(name);
      notice.hidden = false;
    }

    /* The stored answers by field id; a record of the wrong shape counts as corrupt. */
    function storedFields() {
      var record = store.read(key);
      if (record === null) return {};
      if (typeof record.fields !== "object" || record.fields === null || Array.isArray(record.fields)) {
        showNotice("corrupt");
        return {};
      }
      return record.fields;
    }

    function mirror(id) {
      var copy = root.querySelector('[data-print-for="' + id + '"]');
      if (copy) copy.textContent = fields[id].value;
    }

    /* Puts stored answers into the fields, except where the reader is typing right now. */
    function show(stored) {
      Object.keys(fields).forEach(function (id) {
        var field = fields[id];
        if (field === document.activeElement || Object.prototype.hasOwnProperty.call(pending, id)) return;
        var value = typeof stored[id] === "string" ? stored[id] : "";
        if (field.value !== value) field.value = value;
        mirror(id);
      });
    }

    /* Writes this tab's changes over the latest stored record, so that another tab's answers to
     * other fields, and ids this page does not know, are kept. */
    function save() {
      clearTimeout(timer);
      timer = null;
      var ids = Object.keys(pending);
      if (!ids.length) return;
      var merged = storedFields();
      ids.forEach(function (id) {
        if (pending[id] === "") delete merged[id];
        else merged[id] = pending[id];
      });
      pending = {};
      var kept;
      if (Object.keys(merged).length) {
        kept = store.write(key, { fields: merged, updated: Date.now() });
      } else {
        store.remove(key);
        kept = store.persistent();
      }
      if (!kept) {
        showNotice("memory");
        status.hidden = true;
        return;
      }
      var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined,
        { hour: "2-digit", minute: "2-digit" });
      status.textContent = text("saved").replace("{time}", time);
    }

    function clearAnswers() {
      if (!window.confirm(text("confirm-clear"))) return;
      clearTimeout(timer);
      timer = null;
      pending = {};
      store.remove(key);
      Object.keys(fields).forEach(function (id) {
        fields[id].value = "";
        mirror(id);
      });
      status.textContent = text("cleared");
    }

    root.addEventListener("input", function (event) {
      var id = event.target.getAttribute && event.target.getAttribute("data-field");
      if (!id || fields[id] !== event.target) return;
      pending[id] = event.target.value;
      mirror(id);
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    root.addEventListener("change", save);
    /* The form has no server to go to: Enter in a header field must not reload the page. */
    root.addEventListener("submit", function (event) { event.preventDefault(); });
    root.addEventListener("click", function (event) {
      var target = event.target.closest && event.target.closest("button");
      if (!target || !root.contains(target)) return;
      if (target.hasAttribute("data-template-print")) {
        save();
        window.print();
      } else if (target.hasAttribute("data-template-clear")) {
        clearAnswers();
      }
    });
    window.addEventListener("pagehide", save);
    /* Back/forward cache: another tab or language may have changed the answers meanwhile. */
    window.addEventListener("pageshow", function () { show(storedFields()); });
    store.subscribe(key, function (record) {
      show(record && record.fields && typeof record.fields === "object" ? record.fields : {});
    });

    show(storedFields());
    Array.prototype.forEach.call(root.querySelectorAll("[data-template-print], [data-template-clear]"),
      function (button) { button.hidden = false; });
    root.querySelector("[data-template-no-script]").hidden = true;
    status.hidden = false;
    if (store.corrupt().indexOf(key) >= 0) showNotice("corrupt");
    if (!store.persistent()) {
      showNotice("memory");
      status.hidden = true;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.sheet[data-template]"), init);
})();
