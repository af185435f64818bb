/* The components' shared base: `guide.store`, what the guide keeps on the reader's own device
 * (checklist ticks, preparations: a conversation's sheet answers), and `guide.component`, which starts a component on each of
 * its roots once and keeps its errors to itself.
 *
 * Nothing is ever sent anywhere. Keys are "samenwerken:v1:<kind>:<id>", written here only, so
 * that the My data page can list and export exactly what is ours; ids come from the content
 * model and are the same in both languages, so progress is shared between them. Storage can be
 * blocked (reading throws: everything lives in memory for this page view), full (writes fail,
 * reads still work) or hold damaged data (reported, then overwritten by the next save); no call
 * throws once storage can be reached, and a write says whether it was kept. */
(function () {
  "use strict";
  if (window.guide) return;

  var PREFIX = "samenwerken:v1:";
  var KEY = /^([a-z]+):([a-z0-9][a-z0-9-]*)$/;
  /* What each kind of record holds, for every component and for export and import alike: a map
   * of entries under `part`, each passing `entry`, the time of the last change, and the fields
   * named in `also`, each of its type. A preparation is one conversation's sheet answers. */
  function isText(v) { return typeof v === "string"; }
  var KINDS = {
    checklist: { part: "items", entry: function (v) { return typeof v === "boolean"; } },
    sheet: { part: "fields", entry: isText },
    preparation: { part: "fields", entry: isText,
      also: { sheet: "string", client: "string", date: "string", created: "number" } },
  };
  var memory = Object.create(null); // only when storage is blocked
  var damaged = Object.create(null);
  var problem = null; // null, "memory" (blocked: kept in memory only) or "full"

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  function storage() {
    try {
      if (window.localStorage) return window.localStorage;
    } catch (e) { /* blocked */ }
    problem = "memory";
    return null;
  }

  /* `value` as `key`'s kind keeps it: known entries only, in maps without a prototype (so that
   * an id like "__proto__" or "constructor" is just an id). Null when it is not such a record,
   * or, when `strict` (an import's test), when any entry would be left out. */
  function clean(key, value, strict) {
    var match = KEY.exec(key), kind = match && KINDS[match[1]], whole = true;
    if (!match || !isObject(value)) return null;
    if (!has(KINDS, match[1])) return value; /* another kind (a later version's): kept as it is */
    if (!isObject(value[kind.part])) return null;
    var result = {}, map = result[kind.part] = Object.create(null);
    Object.keys(value[kind.part]).forEach(function (id) {
      if (kind.entry(value[kind.part][id])) map[id] = value[kind.part][id];
      else whole = false;
    });
    if (typeof value.updated === "number") result.updated = value.updated;
    Object.keys(kind.also || {}).forEach(function (name) {
      if (typeof value[name] === kind.also[name]) result[name] = value[name];
      else if (has(value, name)) whole = false;
    });
    return whole || !strict ? result : null;
  }

  /* The stored record for `key`, cleaned; null when there is none or it is damaged. */
  function read(key) {
    delete damaged[key];
    if (has(memory, key)) return memory[key];
    var s = storage(), raw = s && s.getItem(PREFIX + key);
    if (!raw) return null;
    var value;
    try { value = clean(key, JSON.parse(raw)); } catch (e) { value = null; }
    if (value === null) damaged[key] = true;
    return value;
  }

  /* Saves `value`; true when it is kept on the device. */
  function write(key, value) {
    var s = storage();
    if (!s) { memory[key] = value; return false; }
    try {
      s.setItem(PREFIX + key, JSON.stringify(value));
    } catch (e) {
      problem = "full";
      return false;
    }
    if (problem === "full") problem = null;
    return true;
  }

  /* Removes `key`; true when nothing of it is left on the device. */
  function remove(key) {
    delete memory[key];
    var s = storage();
    if (!s) return true;
    s.removeItem(PREFIX + key);
    return s.getItem(PREFIX + key) === null;
  }

  /* Every key of ours (without the prefix), from the device and from memory, sorted. */
  function keys() {
    var found = Object.keys(memory), s = storage();
    for (var i = 0; s && i < s.length; i++) {
      var k = s.key(i);
      if (k.indexOf(PREFIX) === 0 && found.indexOf(k.slice(PREFIX.length)) < 0) found.push(k.slice(PREFIX.length));
    }
    return found.sort();
  }

  /* Whether a "storage" event (another tab's change) concerns `key`, or any key of ours. */
  function changed(event, key) {
    return event.key === null || (key ? event.key === PREFIX + key : event.key.indexOf(PREFIX) === 0);
  }

  /* Starts `init(c)` once on every element with a data-<name> attribute. `c` has the root, its
   * id, its storage key ("<name>:<id>": a component's name is its kind), part(x) (the element [data-<name>-x]; when it is missing, that is logged and the
   * component stops), text(x, values) (data-i18n-x with {placeholders} filled) and on(target,
   * type, fn). An error is logged with the component's name and id and stops that component or
   * that handler only. The scripts are deferred (overrides/main.html): the page is all there. */
  var MISSING = {};
  function component(name, init) {
    [].forEach.call(document.querySelectorAll("[data-" + name + "]"), function (root) {
      if (root.hasAttribute("data-" + name + "-ready")) return;
      root.setAttribute("data-" + name + "-ready", "");
      var id = root.getAttribute("data-" + name), where = name + (id ? " '" + id + "'" : "") + ": ";
      function contained(fn) {
        return function () {
          try { return fn.apply(this, arguments); } catch (e) {
            if (e !== MISSING) console.error(where + e.message, e);
          }
        };
      }
      contained(init)({
        root: root,
        id: id,
        key: name + ":" + id,
        part: function (part) {
          var found = root.querySelector("[data-" + name + "-" + part + "]");
          if (found) return found;
          console.error(where + "missing [data-" + name + "-" + part + "]"); // the markup's fault: no stack
          throw MISSING;
        },
        text: function (text, values) {
          return (root.getAttribute("data-i18n-" + text) || "").replace(/\{(\w+)\}/g, function (all, k) {
            return values && k in values ? values[k] : all;
          });
        },
        on: function (target, type, fn) { target.addEventListener(type, contained(fn)); },
      });
    });
  }

  window.guide = {
    store: {
      read: read,
      write: write,
      remove: remove,
      keys: keys,
      changed: changed,
      clean: clean,
      has: has,
      /* Whether the last read of `key` found stored data it could not use. */
      damaged: function (key) { return has(damaged, key); },
      /* Why the device does not keep what is written: null, "memory" (storage is blocked, so
       * it is kept for this page view only) or "full" (the last write failed). */
      problem: function () { storage(); return problem; },
    },
    component: component,
  };
})();
