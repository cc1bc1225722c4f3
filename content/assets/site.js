// Site behaviour, with no third-party code: sortable tables, the models catalogue's
// filters (kept in the URL so a filtered view can be shared), and search with Pagefind.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var siteRoot = here ? here.replace(/assets\/site\.js(\?.*)?$/, "") : "/";

  // Tables sort by the value in each cell's data-sort (a number or an ISO date), not by its text.
  function sortKey(cell) {
    var key = cell.getAttribute("data-sort");
    if (key === null) return { text: cell.textContent.trim().toLowerCase() };
    if (key === "") return { number: -Infinity };
    var n = Number(key);
    return isNaN(n) ? { text: key } : { number: n };
  }
  function compare(a, b) {
    if (a.number !== undefined && b.number !== undefined) return a.number - b.number;
    return String(a.text || a.number).localeCompare(String(b.text || b.number), "vi");
  }
  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(sortKey(r1.cells[index]), sortKey(r2.cells[index]));
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // The catalogue's filters: each <select name="x"> hides rows whose data-x differs.
  function setUpFilters(form) {
    var table = form.parentNode.querySelector("table.data");
    if (!table) {
      var next = form.nextElementSibling;
      while (next && !table) { table = next.querySelector && next.querySelector("table.data"); next = next.nextElementSibling; }
    }
    var selects = form.querySelectorAll("select");
    var count = form.querySelector(".filter-count");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      if (params.has(select.name)) select.value = params.get(select.name);
    });
    function apply() {
      var shown = 0;
      var query = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var visible = true;
        selects.forEach(function (select) {
          if (select.value && row.getAttribute("data-" + select.name) !== select.value) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = "Đang hiển thị " + shown + " mô hình.";
      var search = query.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  // Search: the query is folded (no tone marks, đ→d, lower case), so that "Bến Tre" and
  // "ben tre" are the same query. Pagefind matches "ben" to "Bến" in the index by itself; words
  // with "đ" have a folded copy in the index (see campaign_results/publish/mkdocs_hooks.py).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  var PAGE_SIZE = 10;
  function setUpSearch(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".search-status");
    var list = document.querySelector(".search-results");
    var pagefind = null;
    async function run(query) {
      if (!query.trim()) { status.textContent = ""; list.innerHTML = ""; return; }
      status.textContent = "Đang tìm…";
      if (!pagefind) {
        pagefind = await import(siteRoot + "pagefind/pagefind.js");
        await pagefind.options({ baseUrl: new URL(siteRoot).pathname });
      }
      var search = await pagefind.search(fold(query));
      list.innerHTML = "";
      shown = 0;
      found = search.results;
      await showMore();
      status.textContent = found.length ? "Tìm thấy " + found.length + " trang." : "Không tìm thấy trang nào.";
    }
    // Results are fetched ten at a time: each one is a request, and phones pay for every byte.
    var found = [], shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.textContent = "Xem thêm kết quả";
    more.hidden = true;
    more.addEventListener("click", showMore);
    list.after(more);
    async function showMore() {
      var batch = await Promise.all(found.slice(shown, shown + PAGE_SIZE).map(function (r) { return r.data(); }));
      shown += batch.length;
      more.hidden = shown >= found.length;
      batch.forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = data.meta.title || data.url;
        item.appendChild(link);
        if (data.meta.summary) {
          var summary = document.createElement("div");
          summary.textContent = data.meta.summary;
          item.appendChild(summary);
        }
        list.appendChild(item);
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", window.location.pathname + "?q=" + encodeURIComponent(input.value));
      run(input.value);
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; run(initial); }
  }

  // Every data table offers its data as CSV: the header, then each row, numbers as plain values
  // (the cell's data-sort), text as shown.
  function csvField(text) {
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function tableCsv(table) {
    var lines = [Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return csvField(th.textContent.trim());
    }).join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      lines.push(Array.prototype.map.call(row.cells, function (cell) {
        var number = cell.classList.contains("num") ? cell.getAttribute("data-sort") : null;
        return csvField(number !== null ? number : cell.textContent.trim());
      }).join(","));
    });
    return "\ufeff" + lines.join("\n") + "\n";  // the BOM lets Excel read Vietnamese text
  }
  function addCsvLink(box) {
    var table = box.querySelector("table.data");
    if (!table) return;
    var caption = table.caption ? table.caption.textContent.trim() : "bang";
    var link = document.createElement("a");
    link.className = "csv-download";
    link.textContent = "Tải CSV: " + caption;
    link.href = "#";
    link.download = caption.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") + ".csv";
    link.addEventListener("click", function () {
      link.href = URL.createObjectURL(new Blob([tableCsv(table)], { type: "text/csv;charset=utf-8" }));
    });
    box.after(link);
  }

  document.querySelectorAll(".table-scroll").forEach(addCsvLink);
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("form.filters").forEach(setUpFilters);
  document.querySelectorAll("form.search-form").forEach(setUpSearch);
})();
