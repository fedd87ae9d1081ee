/*
 * The signals page's charts (ECharts, served by the app). The page carries the data in data-chart
 * attributes (the Content-Security-Policy allows no inline script) and its labels in data-* attributes.
 */
(function () {
  'use strict';

  function chartOf(id) {
    var el = document.getElementById(id);
    if (!el || !el.dataset.chart || !window.echarts) { return null; }
    var chart = echarts.init(el);
    window.addEventListener('resize', function () { chart.resize(); });
    return { chart: chart, data: JSON.parse(el.dataset.chart), labels: el.dataset };
  }

  /** Each flag: this department's (or cadre's) value beside the city's and the threshold. */
  function position() {
    var c = chartOf('signal-position-chart');
    if (!c) { return; }
    c.chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [c.labels.valueLabel, c.labels.cityLabel, c.labels.thresholdLabel] },
      grid: { left: 220, right: 30, top: 30, bottom: 20 },
      yAxis: { type: 'category', data: c.data.map(function (f) { return f.name; }), inverse: true },
      xAxis: { type: 'value' },
      series: [
        { name: c.labels.valueLabel, type: 'bar', data: c.data.map(function (f) { return f.value; }), itemStyle: { color: '#b42318' } },
        { name: c.labels.cityLabel, type: 'bar', data: c.data.map(function (f) { return f.city; }), itemStyle: { color: '#4f8fba' } },
        { name: c.labels.thresholdLabel, type: 'scatter', symbol: 'diamond', symbolSize: 12,
          data: c.data.map(function (f) { return f.threshold; }), itemStyle: { color: '#333' } }
      ]
    });
  }

  /** Each department's votes, as shares stacked to 1, and the city's last. */
  function votes() {
    var c = chartOf('signal-votes-chart');
    if (!c) { return; }
    var colors = ['#1d7a46', '#4f8fba', '#b7791f', '#b42318'];
    c.chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: c.data.votes },
      grid: { left: 40, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: c.data.departments, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', max: 1 },
      series: c.data.votes.map(function (label, i) {
        return { name: label, type: 'bar', stack: 'votes', itemStyle: { color: colors[i] },
          data: c.data.shares.map(function (d) { return d[i]; }) };
      })
    });
  }

  /**
   * Each cadre: share of 好 votes (x) against the leader's rating (y), one series per department; in a
   * large city the cadres counted in cells instead ([share, rating, cadres], data-counted="true"), one
   * series, each point sized by its count.
   */
  function ratings() {
    var c = chartOf('signal-ratings-chart');
    if (!c) { return; }
    var names = Object.keys(c.data);
    var counted = c.labels.counted === 'true';
    var most = 1;
    if (counted) {
      names.forEach(function (name) { c.data[name].forEach(function (p) { most = Math.max(most, p[2]); }); });
    }
    c.chart.setOption({
      tooltip: { trigger: 'item', formatter: counted ? function (p) {
        return p.value[0] + ' · ' + p.value[1] + ' · ' + c.labels.countLabel + ' ' + p.value[2];
      } : undefined },
      legend: { data: names, type: 'scroll' },
      grid: { left: 50, right: 20, bottom: 40 },
      xAxis: { type: 'value', name: c.labels.xLabel, min: 0, max: 1 },
      yAxis: { type: 'value', name: c.labels.yLabel, scale: true },
      series: names.map(function (name) {
        return { name: name, type: 'scatter', data: c.data[name],
          symbolSize: counted ? function (v) { return 4 + 20 * Math.sqrt(v[2] / most); } : 10 };
      })
    });
  }

  document.addEventListener('DOMContentLoaded', function () { position(); votes(); ratings(); });
}());
