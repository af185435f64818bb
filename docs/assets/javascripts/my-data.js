/* My data: shows what the guide keeps on this device, and exports, restores or deletes it.
 *
 * Opt-in: <div data-my-data>, rendered by the build (hooks/guide/my_data.py). Everything goes
 * through guideStore, so only the guide's own keys are listed, exported or deleted. An export
 * is {"format": "samenwerken-met-klanten", "version": 1, "exported": <ISO date>,
 * "data": {"<key>": <stored value>}}. A file is restored only when all of it is valid: one bad
 * entry and nothing changes, and the message says why. */
(function () {
  "use strict";

  var MAX_FILE_BYTES = 1024 * 1024;
  var KEY = /^([a-z]+):([a-z0-9][a-z0-9-]*)$/;

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  function everyValue(object, test) {
    return Object.keys(object).every(function (k) { return test(object[k]); });
  }

  /* What each kind of stored value must look like (as sheet.js and checklist.js write them), and
   * what it counts. Unknown kinds must at least be objects, which is all guideStore holds. */
  var KINDS = {
    sheet: {
      valid: function (v) {
        return isObject(v) && isObject(v.fields) && everyValue(v.fields, function (t) { return typeof t === "string"; });
      },
      count: function (v) {
        return { unit: "fields", n: Object.keys(v.fields).filter(function (k) { return v.fields[k].trim() !== ""; }).length };
      },
    },
    checklist: {
      valid: function (v) {
        return isObject(v) && isObject(v.items) && everyValue(v.items, function (t) { return typeof t === "boolean"; });
      },
      count: function (v) {
        return { unit: "items", n: Object.keys(v.items).filter(function (k) { return v.items[k]; }).length };
      },
    },
  };

  function kindOf(key) {
    var match = KEY.exec(key);
    return match ? { name: match[1], id: match[2], rules: KINDS[match[1]] || { valid: isObject, count: function () { return null; } } } : null;
  }

  function init(root) {
    if (root.hasAttribute("data-my-data-ready")) return;
    root.setAttribute("data-my-data-ready", "");

    var store = window.guideStore;
    var titles = JSON.parse(root.getAttribute("data-my-data-titles") || "{}");
    var list = root.querySelector("[data-my-data-list]");
    var empty = root.querySelector("[data-my-data-empty]");
    var message = root.querySelector("[data-my-data-message]");
    var lang = document.documentElement.lang || undefined;

    function text(name, values) {
      var result = root.getAttribute("data-i18n-" + name) || "";
      Object.keys(values || {}).forEach(function (k) { result = result.split("{" + k + "}").join(values[k]); });
      return result;
    }

    function say(name, values) { message.textContent = text(name, values); }

    function title(key) {
      var kind = kindOf(key);
      if (titles[key]) return titles[key];
      if (!kind) return key;
      return text("kind-" + (KINDS[kind.name] ? kind.name : "other"), { id: kind.id });
    }

    function describe(key, value) {
      var parts = [title(key)];
      var kind = kindOf(key);
      var counted = kind && kind.rules.valid(value) ? kind.rules.count(value) : null;
      if (counted) parts.push(text(counted.unit + (counted.n === 1 ? "-one" : "-other"), { count: counted.n }));
      if (typeof value.updated === "number") {
        var date = new Date(value.updated).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
        parts.push(text("updated", { date: date }));
      }
      return parts[0] + (parts.length > 1 ? ": " + parts.slice(1).join(", ") : "");
    }

    function ourData() {
      var data = {};
      store.keys().forEach(function (key) {
        var value = store.read(key);
        if (value !== null) data[key] = value;
      });
      return data;
    }

    function render() {
      var data = ourData();
      var keys = Object.keys(data);
      list.textContent = "";
      keys.forEach(function (key) {
        var item = document.createElement("li");
        item.setAttribute("data-my-data-item", key);
        item.textContent = describe(key, data[key]);
        list.appendChild(item);
      });
      list.hidden = !keys.length;
      empty.hidden = keys.length > 0;
      return data;
    }

    function exportData() {
      var today = new Date().toISOString().slice(0, 10);
      var file = text("file-name", { date: today });
      var body = JSON.stringify({
        format: root.getAttribute("data-my-data-format"),
        version: Number(root.getAttribute("data-my-data-version")),
        exported: new Date().toISOString(),
        data: render(),
      }, null, 2);
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

    /* The problem with an export file's text as [message name, values], or null when valid. */
    function problem(raw) {
      var parsed;
      try { parsed = JSON.parse(raw); } catch (e) { return ["not-json"]; }
      if (!isObject(parsed) || parsed.format !== root.getAttribute("data-my-data-format")) return ["wrong-format"];
      if (parsed.version !== Number(root.getAttribute("data-my-data-version"))) {
        return ["wrong-version", { version: String(parsed.version) }];
      }
      if (!isObject(parsed.data)) return ["bad-data", { key: "data" }];
      var bad = Object.keys(parsed.data).filter(function (key) {
        var kind = kindOf(key);
        return !kind || !kind.rules.valid(parsed.data[key]);
      })[0];
      if (bad !== undefined) return ["bad-data", { key: bad }];
      if (!Object.keys(parsed.data).length) return ["import-empty"];
      return null;
    }

    function importFile(file) {
      if (file.size > MAX_FILE_BYTES) { say("too-large"); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var found = problem(String(reader.result));
        if (found) { say(found[0], found[1]); return; }
        var data = JSON.parse(String(reader.result)).data;
        var keys = Object.keys(data);
        var kept = keys.map(function (key) { return store.write(key, data[key]); }).every(Boolean);
        render();
        say("imported", { list: keys.map(title).join(", ") });
        if (!kept) message.textContent += " " + text("memory");
      };
      reader.onerror = function () { say("not-json"); };
      reader.readAsText(file);
    }

    function deleteAll() {
      if (!window.confirm(text("confirm-delete"))) return;
      store.keys().forEach(store.remove);
      render();
      say("deleted");
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-my-data-export")) exportData();
      else if (button.hasAttribute("data-my-data-delete")) deleteAll();
    });
    root.addEventListener("change", function (event) {
      if (!event.target.hasAttribute("data-my-data-import") || !event.target.files.length) return;
      importFile(event.target.files[0]);
      event.target.value = ""; /* choosing the same file again must import again */
    });
    /* Another tab, or this one back from the back/forward cache, may have changed the data. */
    window.addEventListener("storage", render);
    window.addEventListener("pageshow", render);

    root.querySelector("[data-my-data-no-script]").hidden = true;
    root.querySelector("[data-my-data-actions]").hidden = false;
    render();
    if (!store.persistent()) say("memory");
  }

  if (!window.guideStore) return;
  Array.prototype.forEach.call(document.querySelectorAll("[data-my-data]"), init);
})();
