// The dashboard page: draws each card from the page data and applies the date filter to the daily series.
(function () {
  'use strict';
  var charts = window.AutopilotCharts;
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var select = document.getElementById('date-filter');
  var DAY_MS = 86400000;

  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function table(body, columns, rows) {
    var t = document.createElement('table');
    t.className = 'rows';
    var head = t.createTHead().insertRow();
    columns.forEach(function (c) { head.appendChild(charts.text('th', String(c))); });
    var tbody = t.createTBody();
    rows.forEach(function (row) {
      var tr = tbody.insertRow();
      row.forEach(function (v) { tr.appendChild(charts.text('td', v === null ? '' : String(v))); });
    });
    body.appendChild(t);
  }

  function place(section) {
    var col = Number(section.dataset.col), row = Number(section.dataset.row);
    var w = Number(section.dataset.width), h = Number(section.dataset.height);
    if (w > 0 && h > 0 && col >= 0 && row >= 0) {
      section.style.gridColumn = (col + 1) + ' / span ' + w;
      section.style.gridRow = (row + 1) + ' / span ' + h;
    }
  }

  function draw(section, card, days) {
    var key = 'card-' + section.dataset.index;
    var body = section.querySelector('.card-body');
    var windowText = section.querySelector('.window');
    if (card.status !== 'ok') { return; } // empty and refused cards are rendered by the server
    charts.forget(key);
    body.replaceChildren();
    var columns = card.columns || [];
    var rows = card.rows || [];
    // The chart takes the card's height below its heading, leaving room for the SQL and freshness line.
    var height = Math.max(110, section.clientHeight - body.offsetTop - 44);
    if (card.display === 'line' && columns.length === 2) {
      var end = Date.parse(data.as_of + 'T00:00:00Z');
      var start = end - days * DAY_MS;
      windowText.textContent = 'Showing ' + iso(start) + ' to ' + iso(end - DAY_MS) + ' (' + days + ' days)';
      var shown = rows.filter(function (r) { var t = Date.parse(String(r[0]).slice(0, 10) + 'T00:00:00Z'); return t >= start && t < end; });
      if (shown.length === 0) { body.appendChild(charts.text('p', 'No data for this period', 'empty')); return; }
      charts.line(key, body, shown.map(function (r) { return r[0]; }), shown.map(function (r) { return r[1] === null ? null : Number(r[1]); }), height);
    } else if (card.display === 'bar' && columns.length === 2) {
      charts.bars(key, body, rows.map(function (r) { return r[0] === null ? '(none)' : r[0]; }), rows.map(function (r) { return r[1] === null ? null : Number(r[1]); }), height);
    } else if (columns.length === 1 && rows.length === 1) {
      body.appendChild(charts.text('p', charts.number(rows[0][0]), 'scalar'));
    } else {
      table(body, columns, rows);
    }
  }

  function render() {
    var days = Number(select.value);
    document.querySelectorAll('section.card').forEach(function (section) {
      draw(section, data.cards[Number(section.dataset.index)], days);
    });
    document.body.dataset.rendered = String(days);
  }

  document.querySelectorAll('section.card').forEach(place);
  select.addEventListener('change', render);
  render();
})();
