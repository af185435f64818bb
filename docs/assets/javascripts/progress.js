/* The progress overview: each task's status from what this device keeps.
 *
 * Enhances the list from hooks/guide/components/templates/progress.html, which without this
 * script is a plain table of contents. A checklist counts the ticks of the items it has now
 * ("checklist:<id>", see checklist.js); the sheet counts preparations (sheetCount). The data is
 * shared by both languages, so the overview is right in either; another tab's change is
 * followed, and so is a page brought back by the back button. Strings come from data-i18n-*. */
(function () {
  "use strict";
  if (!window.guide) return;
  var store = window.guide.store;

  /* How many preparations the sheet `id` holds: one store record per preparation
   * ("preparation:<prepId>", naming its sheet), and the single record of before ("sheet:<id>",
   * until the sheet page moves it into a preparation) as one while it has any answer. */
  function sheetCount(id) {
    var count = 0, old = store.read("sheet:" + id);
    store.keys().forEach(function (key) {
      var value = key.indexOf("preparation:") === 0 && store.read(key);
      if (value && value.sheet === id) count += 1;
    });
    if (old && old.fields && Object.keys(old.fields).some(function (k) { return old.fields[k] !== ""; })) count += 1;
    return count;
  }

  window.guide.component("progress", function (c) {
    var statuses = [].slice.call(c.root.querySelectorAll("[data-progress-status]"));

    function status(el) {
      var id = el.getAttribute("data-progress-checklist");
      if (id === null) {
        var count = sheetCount(el.getAttribute("data-progress-sheet"));
        if (!count) return ["not_started", "", "not-started"];
        return [count === 1 ? "preparations_one" : "preparations_other", { count: count }, "started"];
      }
      var record = store.read("checklist:" + id), ticks = (record && record.items) || {};
      var items = el.getAttribute("data-items").split(" ");
      var done = items.filter(function (item) { return ticks[item] === true; }).length;
      if (!done) return ["not_started", "", "not-started"];
      if (el.hasAttribute("data-self-check")) return ["recognised", { done: done, total: items.length }, "started"];
      if (done === items.length) return ["done", "", "done"];
      return ["partly", { done: done, total: items.length }, "started"];
    }

    function show() {
      statuses.forEach(function (el) {
        var s = status(el);
        el.textContent = c.text(s[0], s[1]);
        el.className = "progress__status progress__status--" + s[2];
        el.hidden = false;
      });
    }

    c.on(window, "storage", function (event) { if (store.changed(event)) show(); });
    c.on(window, "pageshow", show);
    show();
  });
})();
