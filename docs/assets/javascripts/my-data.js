/* My data: shows what the guide keeps on this device, and exports, restores or deletes it.
 *
 * Opt-in: <div data-my-data>, rendered by the build (hooks/guide/components/my_data.py).
 * Everything goes through guide.store, so only the guide's own keys are listed, exported or
 * deleted. An export is {"format": "samenwerken-met-klanten", "version": 1, "exported": <ISO
 * date>, "data": {"<key>": <stored value>}}, each value as guide.store.clean keeps it, which is
 * what an import accepts: every export restores. A file is restored only when all of it
 * is valid and all of it could be written: otherwise nothing changes, and the message says why. */
(function () {
  "use strict";
  if (!window.guide) return;
  var store = window.guide.store, has = store.has;

  /* A full storage quota (5 Mi UTF-16 units in Chromium, Firefox and Safari) exports to at most
   * 15.7 MB of UTF-8: anything larger is not an export of ours. */
  var MAX_FILE_BYTES = 20 * 1024 * 1024;
  /* How the list shows each kind of record: one entry per kind, a function of the record's id,
   * its value, the build's {key, title, href} for its key (undefined when the build does not
   * know it) and the component. It returns the record's name, the link to its place, what it
   * holds, and optionally `at`: the key of the place in the guide whose position it takes in
   * the list (its own by default). */
  function answered(text) { return text.trim() !== ""; }
  function counted(kind, part, counts) {
    return function (id, value, place, c) {
      var map = value[part], n = Object.keys(map).filter(function (k) { return counts(map[k]); }).length;
      return {
        name: place ? place.title : c.text("kind-" + kind, { id: id }),
        href: place && place.href,
        details: [c.text(part + (n === 1 ? "-one" : "-other"), { count: n })],
      };
    };
  }
  var KINDS = {
    checklist: counted("checklist", "items", function (ticked) { return ticked === true; }),
    sheet: counted("sheet", "fields", answered),
    /* A preparation is named as the reader knows it, by client and date, and listed at its sheet. */
    preparation: function (id, value, place, c) {
      var shown = counted("preparation", "fields", answered)(id, value, place, c);
      var date = /^\d{4}-\d\d-\d\d$/.test(value.date || "") ? new Date(value.date + "T12:00")
        .toLocaleDateString(c.text("date-locale") || undefined, { day: "numeric", month: "long", year: "numeric" })
        : value.date;
      shown.name = c.text("kind-preparation", { name: [value.client, date].filter(Boolean).join(", ") || c.text("unnamed") });
      shown.href = place && place.href + "#prep=" + encodeURIComponent(id);
      shown.at = "sheet:" + value.sheet;
      return shown;
    },
  };

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  window.guide.component("my-data", function (c) {
    var root = c.root;
    var places = JSON.parse(root.getAttribute("data-my-data-places") || "[]");
    var format = root.getAttribute("data-my-data-format");
    var version = Number(root.getAttribute("data-my-data-version"));
    var list = c.part("list"), empty = c.part("empty"), message = c.part("message"), error = c.part("error");
    var exportButton = c.part("export"), deleteButton = c.part("delete");
    var dates = c.text("date-locale") || undefined;
    var placeOf = Object.create(null), position = Object.create(null);
    places.forEach(function (place, n) { placeOf[place.key] = place; position[place.key] = n; });

    /* What went right goes to the status line, what went wrong to the alert: each empties the other. */
    function say(name, values) { error.textContent = ""; message.textContent = c.text(name, values); }
    function fail(name, values) { message.textContent = ""; error.textContent = c.text(name, values); }

    /* The record under `key` as the list shows it: {name, href, at, details}. */
    function entry(key, value) {
      var kind = key.split(":")[0], id = key.slice(key.indexOf(":") + 1);
      /* A preparation has no place of its own: it lives on its sheet's page. */
      var place = placeOf[key] || (kind === "preparation" ? placeOf["sheet:" + value.sheet] : undefined);
      var shown = has(KINDS, kind) ? KINDS[kind](id, value, place, c)
        : { name: c.text("kind-other", { id: id }), details: [] };
      if (typeof value.updated === "number") {
        var date = new Date(value.updated).toLocaleDateString(dates, { day: "numeric", month: "long", year: "numeric" });
        shown.details = shown.details.concat(c.text("updated", { date: date }));
      }
      shown.at = has(position, shown.at || key) ? position[shown.at || key] : places.length;
      return shown;
    }

    /* A record's name: `value` when it is not stored yet (an import), else what is stored. */
    function title(key, value) {
      value = value || store.read(key);
      return value ? entry(key, value).name : key;
    }

    /* Everything of ours that can be read, as an export holds it. */
    function ourData() {
      var data = Object.create(null);
      store.keys().forEach(function (key) {
        var value = store.read(key);
        if (value !== null) data[key] = value;
      });
      return data;
    }

    /* The list in guide order (records the build does not know last, by key), each with its
     * own delete button; the buttons that need data are off without it. */
    function render() {
      var data = ourData(), keys = Object.keys(data), focused = document.activeElement;
      var refocus = list.contains(focused) && focused.getAttribute("data-my-data-remove");
      var entries = keys.map(function (key) { return [key, entry(key, data[key])]; });
      entries.sort(function (x, y) { return x[1].at - y[1].at || (x[0] < y[0] ? -1 : 1); });
      list.textContent = "";
      entries.forEach(function (pair) {
        var key = pair[0], shown = pair[1];
        var item = document.createElement("li"), what = document.createElement("span");
        var name = document.createElement(shown.href ? "a" : "span"), remove = document.createElement("button");
        item.setAttribute("data-my-data-item", key);
        what.setAttribute("data-my-data-what", "");
        name.textContent = shown.name;
        if (shown.href) name.href = shown.href;
        what.appendChild(name);
        if (shown.details.length) what.appendChild(document.createTextNode(": " + shown.details.join(", ")));
        remove.type = "button";
        remove.className = "my-data__remove";
        remove.textContent = c.text("remove");
        remove.setAttribute("aria-label", c.text("remove-label", { title: shown.name }));
        remove.setAttribute("data-my-data-remove", key);
        item.appendChild(what);
        item.appendChild(remove);
        list.appendChild(item);
      });
      list.hidden = !keys.length;
      empty.hidden = keys.length > 0;
      exportButton.disabled = deleteButton.disabled = !keys.length;
      /* A re-render (another tab's change) must not drop the keyboard's place. */
      if (refocus && removeButton(refocus)) removeButton(refocus).focus();
      showUse(data);
      return data;
    }

    /* What the guide's records take of the site's storage quota (5 Mi UTF-16 units, 2 bytes each). */
    function showUse(data) {
      var used = c.part("used"), units = Object.keys(data).reduce(function (n, key) {
        return n + key.length + JSON.stringify(data[key]).length + 15; // 15: the "samenwerken:v1:" prefix
      }, 0);
      used.textContent = c.text("used", { size: Math.max(1, Math.round(units * 2 / 1000)).toLocaleString(dates) });
      used.hidden = !units;
    }

    function exportData() {
      var file = c.text("file-name", { date: new Date().toISOString().slice(0, 10) });
      var body = JSON.stringify({ format: format, version: version, exported: new Date().toISOString(), data: render() },
        null, 2);
      var url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = file;
      document.body.appendChild(link);
      link.click();
      link.remove();
      /* Some browsers start the download after this task: let go of the file a little later. */
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      say("exported", { file: file });
    }

    /* An export file's data, or the problem with it as [message name, values]. */
    function check(raw) {
      var parsed;
      try { parsed = JSON.parse(raw); } catch (e) { return ["not-json"]; }
      if (!isObject(parsed) || parsed.format !== format) return ["wrong-format"];
      if (parsed.version !== version) return ["wrong-version", { version: String(parsed.version) }];
      if (!isObject(parsed.data)) return ["bad-data", { key: "data" }];
      var bad = Object.keys(parsed.data).filter(function (key) { return store.clean(key, parsed.data[key], true) === null; })[0];
      if (bad !== undefined) return ["bad-data", { key: bad }];
      if (!Object.keys(parsed.data).length) return ["import-empty"];
      return { data: parsed.data };
    }

    /* Writes every entry of `data`, or, when one cannot be kept (full storage), none. */
    function restore(data) {
      var keys = Object.keys(data), before = Object.create(null);
      var replaced = keys.filter(function (key) { return (before[key] = store.read(key)) !== null; });
      function named(key) { return title(key, data[key]); }
      if (replaced.length && !window.confirm(c.text("confirm-import", { list: replaced.map(named).join(", ") }))) {
        return say("import-cancelled");
      }
      var written = [], full = false;
      keys.forEach(function (key) {
        if (full) return;
        written.push(key);
        full = !store.write(key, store.clean(key, data[key])) && store.problem() === "full";
      });
      if (full) {
        written.forEach(function (key) {
          if (before[key] === null) store.remove(key);
          else store.write(key, before[key]);
        });
        render();
        return fail("import-full");
      }
      render();
      say("imported", { list: keys.map(named).join(", ") });
      if (store.problem() === "memory") message.textContent += " " + c.text("memory");
    }

    function importFile(file) {
      if (file.size > MAX_FILE_BYTES) return fail("too-large");
      var reader = new FileReader();
      c.on(reader, "load", function () {
        var found = check(String(reader.result));
        if (Array.isArray(found)) fail(found[0], found[1]);
        else restore(found.data);
      });
      c.on(reader, "error", function () { fail("not-json"); });
      reader.readAsText(file);
    }

    function deleteAll() {
      if (!window.confirm(c.text("confirm-delete"))) return;
      var left = store.keys().filter(function (key) { return !store.remove(key); });
      render();
      if (left.length) return fail("delete-failed", { list: left.map(function (key) { return title(key); }).join(", ") });
      say("deleted");
      message.focus(); /* the button the keyboard was on is off now */
    }

    function removeButtons() { return [].slice.call(list.querySelectorAll("[data-my-data-remove]")); }

    function removeButton(key) {
      return removeButtons().filter(function (b) { return b.getAttribute("data-my-data-remove") === key; })[0];
    }

    /* One record, after confirmation; the keyboard goes on at the delete button that takes its
     * place in the list (the one before it when it was the last), or at the message. */
    function removeOne(key) {
      var name = title(key), at = removeButtons().indexOf(removeButton(key));
      if (!window.confirm(c.text("confirm-remove", { title: name }))) return;
      var gone = store.remove(key);
      render();
      if (!gone) return fail("remove-failed", { title: name });
      say("removed", { title: name });
      var buttons = removeButtons();
      (buttons[Math.min(at, buttons.length - 1)] || message).focus();
    }

    c.on(root, "click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-my-data-export")) exportData();
      else if (button.hasAttribute("data-my-data-delete")) deleteAll();
      else if (button.hasAttribute("data-my-data-remove")) removeOne(button.getAttribute("data-my-data-remove"));
    });
    c.on(root, "change", function (event) {
      if (!event.target.hasAttribute("data-my-data-import") || !event.target.files.length) return;
      importFile(event.target.files[0]);
      event.target.value = ""; /* choosing the same file again must import again */
    });
    /* Another tab, or this one back from the back/forward cache, may have changed the data. */
    c.on(window, "storage", function (event) { if (store.changed(event)) render(); });
    c.on(window, "pageshow", render);

    c.part("no-script").hidden = true;
    c.part("actions").hidden = false;
    render();
    if (store.problem() === "memory") say("memory");
  });
})();
