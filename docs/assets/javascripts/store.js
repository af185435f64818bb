/* guideStore: what the guide keeps on the reader's own device (checklist ticks, sheet answers).
 *
 * Nothing is ever sent anywhere. Keys are scoped with "samenwerken:v1:" so that the My data page
 * can list and export exactly what is ours. Storage can be blocked, full or hold corrupt data:
 * every call then falls back to memory for this page view and reports it, and no call throws.
 * Ids in keys come from the content model (checklist ids, sheet ids), which are the same in
 * both languages, so progress is shared between the Dutch and English pages. */
(function () {
  "use strict";
  if (window.guideStore) return;

  var PREFIX = "samenwerken:v1:";
  var memory = {};
  var state = { persistent: true, corrupt: [] };

  function storage() {
    try {
      var s = window.localStorage;
      var probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  /* The stored object for `key`, or null. Corrupt JSON counts as nothing stored. */
  function read(key) {
    var full = PREFIX + key;
    if (Object.prototype.hasOwnProperty.call(memory, full)) return memory[full];
    var s = storage();
    if (!s) { state.persistent = false; return null; }
    var raw = s.getItem(full);
    if (raw === null) return null;
    try {
      var value = JSON.parse(raw);
      return value && typeof value === "object" ? value : null;
    } catch (e) {
      if (state.corrupt.indexOf(key) < 0) state.corrupt.push(key);
      return null;
    }
  }

  /* Saves `value`; true when it is kept on the device, false when only in memory. */
  function write(key, value) {
    var full = PREFIX + key;
    var s = storage();
    if (s) {
      try {
        s.setItem(full, JSON.stringify(value));
        delete memory[full];
        return true;
      } catch (e) { /* full: fall through to memory */ }
    }
    memory[full] = value;
    state.persistent = false;
    return false;
  }

  function remove(key) {
    var full = PREFIX + key;
    delete memory[full];
    var s = storage();
    if (s) { try { s.removeItem(full); } catch (e) { /* nothing to do */ } }
  }

  /* Every key of ours (without the prefix), from the device and from memory. */
  function keys() {
    var found = {};
    var s = storage();
    if (s) {
      for (var i = 0; i < s.length; i++) {
        var k = s.key(i);
        if (k && k.indexOf(PREFIX) === 0 && k !== PREFIX + "probe") found[k.slice(PREFIX.length)] = true;
      }
    }
    Object.keys(memory).forEach(function (k) { found[k.slice(PREFIX.length)] = true; });
    return Object.keys(found).sort();
  }

  /* Calls fn(value) when another tab changes `key` (null when it was removed). */
  function subscribe(key, fn) {
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key === PREFIX + key) fn(read(key));
    });
  }

  window.guideStore = {
    read: read,
    write: write,
    remove: remove,
    keys: keys,
    subscribe: subscribe,
    /* False once storage has failed during this page view: show "not kept" notices. */
    persistent: function () { if (!storage()) state.persistent = false; return state.persistent; },
    /* Keys whose stored data could not be read (and will be overwritten on the next save). */
    corrupt: function () { return state.corrupt.slice(); },
  };
})();
