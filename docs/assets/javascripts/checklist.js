/* Checklists: keeps ticks on this device, shows progress, and lets the reader start over.
 *
 * Enhances the HTML from hooks/guide/templates/checklist.html, which works without this script.
 * Ticks are kept through guideStore under "checklist:<id>" as {items: {<item id>: true},
 * updated: <ms>}; the boxes show them and progress is counted from the boxes. Ids, not positions
 * or texts, so ticks survive rebuilt, reordered and translated pages; ids this page no longer
 * shows are kept, so an item that comes back is still ticked. Strings come from data-i18n-*. */
(function () {
  "use strict";

  // Without store.js the boxes still work, for this page view only.
  var store = window.guideStore || {
    read: function () { return null; }, write: function () { return false; },
    remove: function () {}, subscribe: function () {}, persistent: function () { return false; },
  };
  var loaders = [];

  /* The ticks in a stored value; anything malformed counts as no ticks at all. */
  function ticks(value) {
    var items = value && value.items;
    return items && typeof items === "object" && !Array.isArray(items) ? Object.assign({}, items) : {};
  }

  function format(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function init(root) {
    if (root.hasAttribute("data-checklist-ready")) return;
    root.setAttribute("data-checklist-ready", "");
    var key = "checklist:" + root.getAttribute("data-checklist");
    var boxes = [].slice.call(root.querySelectorAll("input[data-item]"));
    var part = function (name) { return root.querySelector("[data-checklist-" + name + "]"); };
    var progress = part("progress"), reset = part("reset"), undo = part("undo"), notice = part("notice");
    var saved = {};      // every stored tick, also for items this page no longer has
    var beforeReset = null;

    function idOf(box) { return box.getAttribute("data-item"); }

    function show(values) {
      saved = values;
      boxes.forEach(function (box) { box.checked = saved[idOf(box)] === true; });
      update();
    }

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      var total = boxes.length;
      var text = format(root.dataset["i18n" + (done === total ? "Complete" : "Progress")],
        { done: done, total: total });
      // Rewriting the same text could make a screen reader announce it again.
      if (progress.textContent !== text) progress.textContent = text;
      reset.disabled = done === 0;
    }

    function checkStorage() {
      if (!store.persistent()) notice.hidden = false;
    }

    function save() {
      store.write(key, { items: saved, updated: Date.now() });
      checkStorage();
    }

    function setUndo(values) {
      beforeReset = values;
      undo.hidden = values === null;
    }

    function load() {
      setUndo(null);
      show(ticks(store.read(key)));
    }

    // One listener for the whole checklist: ticks arrive as "change", buttons as "click".
    function handle(event) {
      var target = event.target;
      if (event.type === "change" && target.hasAttribute("data-item")) {
        // The click stands whatever storage does: it is saved, or kept in memory with a notice.
        if (target.checked) saved[idOf(target)] = true;
        else delete saved[idOf(target)];
        setUndo(null);
        save();
        update();
      } else if (event.type === "click" && target === reset) {
        var previous = saved;
        store.remove(key);
        show({});
        setUndo(previous);
        progress.textContent = root.dataset.i18nCleared || "";
        undo.focus();  // the reset button is now disabled; keep the focus on something useful
      } else if (event.type === "click" && target === undo) {
        show(beforeReset);
        setUndo(null);
        save();
        reset.focus();
      }
    }

    root.addEventListener("change", handle);
    root.addEventListener("click", handle);
    // Another tab ticked or reset this checklist: follow it.
    store.subscribe(key, function (value) { setUndo(null); show(ticks(value)); });
    loaders.push(load);
    load();
    part("controls").hidden = false;
    checkStorage();
  }

  function start() {
    [].forEach.call(document.querySelectorAll("[data-checklist]"), init);
  }

  // Back/forward navigation brings the page back from memory, or reloads it and then lets the
  // browser restore the boxes as they were: after either, show what is stored now (this or
  // another tab may have changed it since).
  window.addEventListener("pageshow", function () { loaders.forEach(function (load) { load(); }); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
