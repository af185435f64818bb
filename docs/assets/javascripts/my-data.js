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
  /* What the list counts per kind: the part of the record, and which entries count. */
  function answered(text) { return text.trim() !== ""; }
  var COUNTS = {
    sheet: ["fields", answered],
    preparation: ["fields", answered],
    checklist: ["items", function (ticked) { return ticked === true; }],
  };

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  window.guide.component("my-data", function (c) {
    var root = c.root;
    var titles = JSON.parse(root.getAttribute("data-my-data-titles") || "{}");
    var format = root.getAttribute("data-my-data-format");
    var version = Number(root.getAttribute("data-my-data-version"));
    var list = c.part("list"), empty = c.part("empty"), message = c.part("message");
    var lang = document.documentElement.lang || undefined;

    function say(name, values) { message.textContent = c.text(name, values); }

    function kindOf(key) { return key.split(":")[0]; }

    /* A preparation is named as the reader knows it: by client and date. */
    function title(key, value) {
      if (kindOf(key) === "preparation" && isObject(value)) {
        var date = /^\d{4}-\d\d-\d\d$/.test(value.date || "") ? new Date(value.date + "T12:00")
          .toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" }) : value.date;
        return c.text("kind-preparation", { name: [value.client, date].filter(Boolean).join(", ") || c.text("unnamed") });
      }
      if (has(titles, key)) return titles[key];
      return c.text("kind-" + (has(COUNTS, kindOf(key)) ? kindOf(key) : "other"), { id: key.slice(key.indexOf(":") + 1) });
    }

    function describe(key, value) {
      var parts = [title(key, value)], count = has(COUNTS, kindOf(key)) && COUNTS[kindOf(key)];
      if (count) {
        var map = value[count[0]];
        var n = Object.keys(map).filter(function (id) { return count[1](map[id]); }).length;
        parts.push(c.text(count[0] + (n === 1 ? "-one" : "-other"), { count: n }));
      }
      if (typeof value.updated === "number") {
        var date = new Date(value.updated).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
        parts.push(c.text("updated", { date: date }));
      }
      return parts[0] + (parts.length > 1 ? ": " + parts.slice(1).join(", ") : "");
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

    function render() {
      var data = ourData(), keys = Object.keys(data);
      list.textContent = "";
      keys.forEach(function (key) {
        var item = document.createElement("li");
        item.setAttribute("data-my-data-item", key);
        item.textContent = describe(key, data[key]);
        list.appendChild(item);
      });
      list.hidden = !keys.length;
      empty.hidden = keys.length > 0;
      showUse(data);
      return data;
    }

    /* What the guide's records take of the site's storage quota (5 Mi UTF-16 units, 2 bytes each). */
    function showUse(data) {
      var used = c.part("used"), units = Object.keys(data).reduce(function (n, key) {
        return n + key.length + JSON.stringify(data[key]).length + 15; // 15: the "samenwerken:v1:" prefix
      }, 0);
      used.textContent = c.text("used", { size: Math.max(1, Math.round(units * 2 / 1000)).toLocaleString(lang) });
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
        return say("import-full");
      }
      render();
      say("imported", { list: keys.map(named).join(", ") });
      if (store.problem() === "memory") message.textContent += " " + c.text("memory");
    }

    function importFile(file) {
      if (file.size > MAX_FILE_BYTES) return say("too-large");
      var reader = new FileReader();
      c.on(reader, "load", function () {
        var found = check(String(reader.result));
        if (Array.isArray(found)) say(found[0], found[1]);
        else restore(found.data);
      });
      c.on(reader, "error", function () { say("not-json"); });
      reader.readAsText(file);
    }

    function deleteAll() {
      if (!window.confirm(c.text("confirm-delete"))) return;
      var left = store.keys().filter(function (key) { return !store.remove(key); });
      render();
      if (left.length) say("delete-failed", { list: left.map(title).join(", ") });
      else say("deleted");
    }

    c.on(root, "click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-my-data-export")) exportData();
      else if (button.hasAttribute("data-my-data-delete")) deleteAll();
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
