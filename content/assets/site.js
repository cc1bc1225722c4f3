// Site behaviour, with no third-party code: sortable tables, long tables whose other rows load
// when asked for, the models catalogue's filters (kept in the URL so a filtered view can be
// shared), and search.
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
  // A long table holds its first rows; the others are in the file named by data-more-rows,
  // loaded the first time the reader asks for all rows, sorts, filters or downloads the table.
  var loading = new WeakMap();
  var notes = new WeakMap();
  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function loadAllRows(table) {
    var url = table.getAttribute("data-more-rows");
    if (!url) return Promise.resolve();
    if (!loading.has(table)) {
      loading.set(table, fetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }).then(function (data) {
        var first = table.tBodies[0].rows.length;
        table.tBodies[0].insertAdjacentHTML("beforeend", data.rows);
        // each cell named by its column, as the page's own rows are, for the phone layout
        var labels = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
          return th.textContent.trim();
        });
        Array.prototype.slice.call(table.tBodies[0].rows, first).forEach(function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) { cell.setAttribute("data-label", labels[i] || ""); });
        });
        table.removeAttribute("data-more-rows");
        if (notes.has(table)) notes.get(table).remove();
      }, function (error) {
        loading.delete(table);  // let the reader try again
        throw error;
      }));
    }
    return loading.get(table);
  }
  function addMoreRowsButton(table) {
    var note = document.createElement("p");
    note.className = "more-rows";
    note.textContent = "Trang đang hiện " + table.tBodies[0].rows.length + " dòng đầu trong " +
      grouped(table.getAttribute("data-total")) + " dòng. ";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Hiện tất cả";
    button.addEventListener("click", function () {
      button.disabled = true;
      button.textContent = "Đang tải…";
      loadAllRows(table).catch(function () {
        button.disabled = false;
        button.textContent = "Không tải được, bấm để thử lại";
      });
    });
    note.appendChild(button);
    notes.set(table, note);
    table.closest(".table-scroll").after(note);
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
        function sort() {  // every row, once loaded; the shown ones if they could not be
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (r1, r2) {
            var c = compare(sortKey(r1.cells[index]), sortKey(r2.cells[index]));
            return ascending ? c : -c;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        }
        loadAllRows(table).then(sort, sort);
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
      var query = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
      var search = query.toString();
      history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      // A filter looks at every row: load the others first.
      (search ? loadAllRows(table) : Promise.resolve()).then(filter, filter);
    }
    function filter() {
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var visible = true;
        selects.forEach(function (select) {
          if (select.value && row.getAttribute("data-" + select.name) !== select.value) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      var total = table.getAttribute("data-more-rows") ? table.getAttribute("data-total") : shown;
      if (count) count.textContent = "Đang hiển thị " + grouped(shown) +
        (total !== shown ? " trong " + grouped(total) : "") + " mô hình.";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  // Search, over the index written by campaign_results/render/search_index.py. The query is
  // folded like the index (no tone marks, đ→d, lower case), so "Bến Tre" and "ben tre" are the
  // same query. Each word is looked up in the vocabulary file of its first two letters; only the
  // postings of the query's words, then the titles of the results on screen, are downloaded.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  var INDEX = siteRoot + "chi-muc-tim-kiem/";
  var COMPLETIONS = 10;  // a word being typed matches at most this many words, the most frequent
  var TITLE_WEIGHT = 3;  // a word of the page's title counts three times a word of its text
  var HELP_PENALTY = 1000;  // a help page comes after every other page
  var RERANK = 30;        // results looked at again by their titles
  var EXACT_BONUS = 2;    // a word of the title written as typed, tone marks and all
  var PHRASE_BONUS = 3;   // the query's words side by side in the title, in the order typed
  var EXCERPT_BEFORE = 40, EXCERPT_LENGTH = 140;  // characters of text around the first match
  var PAGE_SIZE = 10;     // results shown at a time
  var indexFiles = {};
  function indexFile(path) {
    if (!indexFiles[path]) {
      indexFiles[path] = fetch(INDEX + path).then(function (response) {
        if (!response.ok) throw new Error(INDEX + path + ": " + response.status);
        return /\.json$/.test(path) ? response.json() : response.text();
      });
    }
    return indexFiles[path];
  }
  // Postings: base-36 numbers "gap * 2 + in title", separated by commas.
  function decode(postings, into) {
    var page = -1;
    postings.split(",").forEach(function (token) {
      var value = parseInt(token, 36);
      page += Math.floor(value / 2);
      into.set(page, Math.max(into.get(page) || 0, value % 2));
    });
    return into;
  }
  function pageCount(entry) {
    return typeof entry === "number" ? entry : entry.split(",").length;
  }
  // The pages holding a word (page number → 1 if in its title); a word being typed also matches
  // the longer words it begins.
  async function pagesWith(word, typing) {
    var info = await indexFile("thong-tin.json");
    var prefix = word.slice(0, 2);
    var vocabulary = info.prefixes.indexOf(prefix) >= 0 ? await indexFile("tu-dien/" + prefix + ".json") : {};
    var has = Object.prototype.hasOwnProperty;
    var matches = has.call(vocabulary, word) ? [word] : !typing || word.length < 2 ? [] :
      Object.keys(vocabulary).filter(function (w) { return w.indexOf(word) === 0; })
        .sort(function (a, b) { return pageCount(vocabulary[b]) - pageCount(vocabulary[a]); })
        .slice(0, COMPLETIONS);
    var lists = await Promise.all(matches.map(function (w) {
      var entry = vocabulary[w];
      return typeof entry === "string" ? entry : indexFile("tu/" + w + ".txt");
    }));
    var pages = new Map();
    lists.forEach(function (postings) { decode(postings, pages); });
    return pages;
  }
  // Page numbers holding every word of the query, best first: words in the title count more;
  // the help pages (after info.help_from) come after every other page; equal scores keep the
  // index's order (section pages, provinces and peak days, then documents and models).
  async function findPages(words) {
    if (!words.length) return [];
    var info = await indexFile("thong-tin.json");
    var each = await Promise.all(words.map(function (w, i) { return pagesWith(w, i === words.length - 1); }));
    each.sort(function (a, b) { return a.size - b.size; });
    var scored = [];
    each[0].forEach(function (inTitle, page) {
      var score = 0;
      for (var i = 0; i < each.length; i += 1) {
        if (!each[i].has(page)) return;
        score += each[i].get(page) ? TITLE_WEIGHT : 1;
      }
      if (page >= info.help_from) score -= HELP_PENALTY;
      scored.push([score, page]);
    });
    scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return scored;
  }
  async function describe(page) {
    var info = await indexFile("thong-tin.json");
    var shard = await indexFile("trang/" + Math.floor(page / info.pages_per_shard) + ".json");
    var entry = shard[page % info.pages_per_shard];
    return { url: siteRoot + entry[0], title: entry[1], summary: entry[2], text: entry[3] || "" };
  }
  // The words of a text, each with its folded form and its form as written (lower case, NFC).
  var WORD = /[0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036f]+/g;
  function tokens(text) {
    var found = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      found.push({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]),
                   written: match[0].normalize("NFC").toLowerCase() });
    }
    return found;
  }
  // The query, read once: each word folded and as typed; the last one may be still being typed.
  function readQuery(text) {
    var typed = tokens(text), seen = {}, words = [];
    typed.forEach(function (t) {
      if (!seen[t.folded]) {
        seen[t.folded] = true;
        words.push({ folded: t.folded, written: t.written, marked: t.written !== t.folded });
      }
    });
    return words;
  }
  // Whether a word of a text is the query's i-th word: folded, or, when it was typed with tone
  // marks, as typed; the last word may be the start of a longer one, unless ``whole``.
  function matches(token, query, i, whole) {
    var q = query[i], typing = !whole && i === query.length - 1;
    var mine = q.marked ? token.written : token.folded, word = q.marked ? q.written : q.folded;
    return mine === word || (typing && mine.indexOf(word) === 0);
  }
  // A closer look at the best results, by their titles: each query word written as typed (with
  // its tone marks: "Tĩnh" is not "Tỉnh") counts, and the query's words in the order typed, side
  // by side, count more.
  function titleBonus(title, query) {
    var words = tokens(title), bonus = 0;
    query.forEach(function (q) {
      if (q.marked && words.some(function (t) { return t.written === q.written; })) bonus += EXACT_BONUS;
    });
    if (phraseAt(words, query)) bonus += PHRASE_BONUS;
    return bonus;
  }
  // The first place where the query's words stand side by side, in the order typed.
  function phraseAt(words, query) {
    if (query.length < 2) return null;
    for (var i = 0; i + query.length <= words.length; i += 1) {
      if (query.every(function (q, k) { return matches(words[i + k], query, k); })) return words[i];
    }
    return null;
  }
  async function rankBest(scored, query) {
    var best = scored.slice(0, RERANK);
    var described = await Promise.all(best.map(function (pair) { return describe(pair[1]); }));
    var ranked = best.map(function (pair, i) {
      return { score: pair[0] + titleBonus(described[i].title, query), page: pair[1], order: i, data: described[i] };
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return ranked.concat(scored.slice(RERANK).map(function (pair) { return { page: pair[1] }; }));
  }
  // Text with the query's words marked (<mark>), as DOM nodes: record text never becomes HTML.
  // A word still being typed marks the longer words it begins only where the text does not hold
  // the word itself ("ben tre" marks "Tre", not also "trên").
  function highlighted(text, query) {
    var fragment = document.createDocumentFragment(), at = 0, words = tokens(text), last = query.length - 1;
    var whole = words.some(function (t) { return matches(t, query, last, true); });
    words.forEach(function (t) {
      if (!query.some(function (q, i) { return matches(t, query, i, whole); })) return;
      fragment.appendChild(document.createTextNode(text.slice(at, t.start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(t.start, t.end);
      fragment.appendChild(mark);
      at = t.end;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }
  // What to show under a result: its summary, unless its text holds more of the query's words;
  // then the part of its text around the first word that matched.
  function excerpt(data, query) {
    function hits(text) {
      var words = {}, first = null;
      tokens(text || "").forEach(function (t) {
        query.forEach(function (q, i) {
          if (matches(t, query, i)) { words[i] = true; first = first || t; }
        });
      });
      return { count: Object.keys(words).length, first: first };
    }
    var inSummary = hits(data.summary), inText = hits(data.text);
    if (inText.count > inSummary.count) {
      var text = data.text, at = (phraseAt(tokens(text), query) || inText.first).start;
      var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - EXCERPT_BEFORE)));
      var end = text.indexOf(" ", Math.min(text.length, at + EXCERPT_LENGTH));
      return (start > 0 ? "…" : "") + text.slice(start, end < 0 ? undefined : end).trim() + (end < 0 ? "" : "…");
    }
    return data.summary;
  }
  function setUpSearch(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".search-status");
    var list = document.querySelector(".search-results");
    if (!status || !list) return;  // a search box elsewhere (the 404 page): the form opens the search page
    var query = [];
    async function run(text) {
      query = readQuery(text);
      if (!query.length) { status.textContent = ""; list.innerHTML = ""; return; }
      status.textContent = "Đang tìm…";
      try {
        found = await rankBest(await findPages(query.map(function (q) { return q.folded; })), query);
      } catch (error) {
        status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại.";
        return;
      }
      list.innerHTML = "";
      shown = 0;
      await showMore();
      status.textContent = found.length ? "Tìm thấy " + found.length + " trang." : "Không tìm thấy trang nào.";
    }
    // Titles and summaries are fetched for ten results at a time: phones pay for every byte.
    var found = [], shown = 0;
    var more = document.createElement("button");
    more.type = "button";
    more.textContent = "Xem thêm kết quả";
    more.hidden = true;
    more.addEventListener("click", showMore);
    list.after(more);
    async function showMore() {
      var batch = await Promise.all(found.slice(shown, shown + PAGE_SIZE).map(function (result) {
        return result.data || describe(result.page);
      }));
      shown += batch.length;
      more.hidden = shown >= found.length;
      batch.forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.url;
        link.appendChild(highlighted(data.title || data.url, query));
        item.appendChild(link);
        var words = excerpt(data, query);
        if (words) {
          var summary = document.createElement("div");
          summary.className = "search-excerpt";
          summary.appendChild(highlighted(words, query));
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
  // CSV injection (OWASP): a spreadsheet reads a text cell that begins with = + - @, a tab or a
  // carriage return as a formula, so such a cell gets a leading single quote. Text cells only:
  // a number, even -5, is written as it is. The same rule is FORMULA_PREFIXES / neutralised in
  // campaign_results/export.py, for the bulk downloads; change both together.
  var FORMULA_START = /^[=+\-@\t\r]/;
  function csvField(value, isNumber) {
    var text = !isNumber && FORMULA_START.test(value) ? "'" + value : value;
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  // A table whose rows share one source says it once, under the table (data-source); its CSV
  // keeps it on every row.
  function tableCsv(table) {
    var source = table.getAttribute("data-source");
    var header = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return csvField(th.textContent.trim(), false);
    });
    var lines = [header.concat(source ? ["Nguồn"] : []).join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      lines.push(Array.prototype.map.call(row.cells, function (cell) {
        var number = cell.classList.contains("num") ? cell.getAttribute("data-sort") : null;
        return number !== null ? csvField(number, true) : csvField(cell.textContent.trim(), false);
      }).concat(source ? [csvField(source, false)] : []).join(","));
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
    link.addEventListener("click", function (event) {
      if (table.hasAttribute("data-more-rows")) {  // the file holds every row: load them, then download
        event.preventDefault();
        loadAllRows(table).then(function () { link.click(); });
        return;
      }
      link.href = URL.createObjectURL(new Blob([tableCsv(table)], { type: "text/csv;charset=utf-8" }));
    });
    box.after(link);
  }

  document.querySelectorAll(".table-scroll").forEach(addCsvLink);
  document.querySelectorAll("table[data-more-rows]").forEach(addMoreRowsButton);
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("form.filters").forEach(setUpFilters);
  document.querySelectorAll("form.search-form").forEach(setUpSearch);
})();
