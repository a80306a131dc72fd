// The memo page: one sparkline per KPI tile from the memo's daily series (both windows).
(function () {
  'use strict';
  var charts = window.AutopilotCharts;
  var data = JSON.parse(document.getElementById('page-data').textContent);

  document.querySelectorAll('.sparkline[data-index]').forEach(function (el) {
    var kpi = data.kpis[Number(el.dataset.index)];
    var points = ((data.series || {})[kpi.metric_name] || []).slice().sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    if (points.length === 0) {
      el.appendChild(charts.text('p', 'No daily series', 'empty'));
      return;
    }
    charts.sparkline('kpi-' + el.dataset.index, el, points.map(function (p) { return p.date; }), points.map(function (p) { return p.value === null ? null : Number(p.value); }));
  });
  document.body.dataset.rendered = 'memo';
})();
