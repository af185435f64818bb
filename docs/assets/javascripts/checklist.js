/* Checklists: keeps ticks on this device, shows progress, and lets the reader start over.
 *
 * Enhances the HTML from hooks/guide/components/templates/checklist.html, which works without
 * this script. Ticks are kept through guide.store under "checklist:<id>" as {items: {<item id>:
 * true}, updated: <ms>}; the boxes show them and progress is counted from the boxes. Ids, not
 * positions or texts, so ticks survive rebuilt, reordered and translated pages; ids this page no
 * longer shows are kept, so an item that comes back is still ticked. Strings come from data-i18n-*. */
(function () {
  "use strict";
  if (!window.guide) return;
  var store = window.guide.store;

  window.guide.component("checklist", function (c) {
    var key = c.key;
    var boxes = [].slice.call(c.root.querySelectorAll("input[data-item]"));
    var progress = c.part("progress"), reset = c.part("reset"), undo = c.part("undo");
    var notice = c.part("notice"), controls = c.part("controls");
    var next = c.root.querySelector("[data-checklist-next]"); // only when there is a next step
    // A self-check counts the statements the reader recognises: all of them is not "done".
    var ends = c.root.getAttribute("data-checklist-kind") !== "self-check";
    var saved = Object.create(null); // every stored tick, also for items this page no longer has
    var beforeReset = null;

    function idOf(box) { return box.getAttribute("data-item"); }

    /* The notice for `name` ("memory", "full", "corrupt"), or none for "" and null. */
    function tell(name) {
      notice.textContent = name ? c.text(name) : "";
      notice.hidden = !name;
    }

    function show(items) {
      saved = items;
      boxes.forEach(function (box) { box.checked = saved[idOf(box)] === true; });
      update();
    }

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length, complete = done === boxes.length;
      var text = c.text(complete ? "complete" : "progress", { done: done, total: boxes.length });
      // Rewriting the same text could make a screen reader announce it again.
      if (progress.textContent !== text) progress.textContent = text;
      reset.disabled = done === 0;
      // Finished: the list says so at a glance, and shows where to go from here.
      c.root.classList.toggle("checklist--done", complete && ends);
      if (next) next.hidden = !complete;
    }

    /* The click stands whatever storage does: it is saved, or kept on screen with a notice. */
    function save() {
      if (store.write(key, { items: saved, updated: Date.now() })) {
        if (notice.textContent === c.text("full")) tell("");
      } else {
        tell(store.problem());
      }
    }

    function setUndo(values) {
      beforeReset = values;
      undo.hidden = values === null;
    }

    function load() {
      var record = store.read(key);
      setUndo(null);
      show(record ? record.items : Object.create(null));
      tell(store.problem() === "memory" ? "memory" : store.damaged(key) ? "corrupt" : "");
    }

    // One listener for the whole checklist: ticks arrive as "change", buttons as "click".
    function handle(event) {
      var target = event.target;
      if (event.type === "change" && target.hasAttribute("data-item")) {
        if (target.checked) saved[idOf(target)] = true;
        else delete saved[idOf(target)];
        setUndo(null);
        save();
        update();
      } else if (event.type === "click" && target === reset) {
        var previous = saved;
        store.remove(key);
        show(Object.create(null));
        setUndo(previous);
        progress.textContent = c.text("cleared");
        undo.focus(); // the reset button is now disabled; keep the focus on something useful
      } else if (event.type === "click" && target === undo) {
        show(beforeReset);
        setUndo(null);
        save();
        reset.focus();
      }
    }

    c.on(c.root, "change", handle);
    c.on(c.root, "click", handle);
    // Another tab ticked or reset this checklist: follow it. Back/forward navigation brings the
    // page back from memory, or reloads it and lets the browser restore the boxes as they were:
    // after either, show what is stored now.
    c.on(window, "storage", function (event) { if (store.changed(event, key)) load(); });
    c.on(window, "pageshow", load);
    load();
    controls.hidden = false;
  });
})();
