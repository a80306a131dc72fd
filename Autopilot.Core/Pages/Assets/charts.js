// Charts for Autopilot's pages, drawn with uPlot (served by the app, /assets/uPlot.iife.min.js).
// Every chart is kept in window.autopilotCharts under its key and its container carries data-points (the number of
// points in the chart library's own data), so what was drawn can be checked against the data it came from.
(function () {
  'use strict';
  var instances = {};
  window.autopilotCharts = instances;
  var DAY = 86400;

  // Room for the widest tick label of the value axis (uPlot calls this with the formatted ticks).
  function axisSize(self, values) {
    var longest = (values || []).reduce(function (n, v) { return Math.max(n, String(v).length); }, 4);
    return Math.ceil(longest * 7.5) + 18;
  }

  function width(el) { return Math.max(160, Math.floor(el.getBoundingClientRect().width || el.clientWidth || 320)); }

  function keep(key, el, chart) {
    if (instances[key]) { instances[key].destroy(); }
    instances[key] = chart;
    el.dataset.points = String(chart.data[1].filter(function (v) { return v !== null && v !== undefined; }).length);
    return chart;
  }

  function forget(key) {
    if (instances[key]) { instances[key].destroy(); delete instances[key]; }
  }

  // A daily series: days are "YYYY-MM-DD" strings, drawn at UTC midnight.
  function line(key, el, days, values, height) {
    var xs = days.map(function (d) { return Date.parse(String(d).slice(0, 10) + 'T00:00:00Z') / 1000; });
    var opts = {
      width: width(el), height: height || 220, tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      scales: { x: { time: true } },
      series: [{}, { label: 'value', stroke: '#2f6fdb', width: 2, fill: 'rgba(47,111,219,0.08)', points: { show: xs.length <= 31 } }],
      axes: [{}, { size: axisSize }],
      legend: { show: false },
    };
    if (xs.length === 1) { opts.scales.x.range = [xs[0] - DAY, xs[0] + DAY]; }
    return keep(key, el, new uPlot(opts, [xs, values], el));
  }

  // Values per label: bars at 0..n-1 with the labels on the axis.
  function bars(key, el, labels, values, height) {
    var xs = labels.map(function (_, i) { return i; });
    var opts = {
      width: width(el), height: height || 220,
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
      series: [{}, { label: 'value', stroke: '#2f6fdb', fill: 'rgba(47,111,219,0.6)', paths: uPlot.paths.bars({ size: [0.7, 80] }), points: { show: false } }],
      axes: [{ splits: function () { return xs; }, values: function (_, splits) { return splits.map(function (i) { return labels[i] === undefined ? '' : String(labels[i]); }); } }, { size: axisSize }],
      legend: { show: false },
    };
    return keep(key, el, new uPlot(opts, [xs, values], el));
  }

  // A small line without axes, legend or cursor (memo KPI tiles).
  function sparkline(key, el, days, values) {
    var xs = days.map(function (d) { return Date.parse(String(d).slice(0, 10) + 'T00:00:00Z') / 1000; });
    var opts = {
      width: width(el), height: 40, legend: { show: false }, cursor: { show: false }, select: { show: false },
      scales: { x: { time: true } },
      series: [{}, { stroke: '#2f6fdb', width: 1.5, points: { show: false } }],
      axes: [{ show: false }, { show: false }],
    };
    return keep(key, el, new uPlot(opts, [xs, values], el));
  }

  function number(value) {
    if (value === null || value === undefined || value === '') { return '—'; }
    var n = Number(value);
    if (!isFinite(n)) { return String(value); }
    return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) < 100 ? 2 : 0 });
  }

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  window.AutopilotCharts = { line: line, bars: bars, sparkline: sparkline, forget: forget, number: number, text: text };
})();
