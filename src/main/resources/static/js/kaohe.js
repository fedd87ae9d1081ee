/*
 * Kaohe page scripts: charts (ECharts, served by the app), the evaluation progress poll and small
 * behaviours of the pages. The Content-Security-Policy allows no inline script or event handler, so
 * pages only mark elements (data-chart, class submit-on-change, #run-form) and this file binds them.
 */
window.Kaohe = (function () {
  'use strict';

  /** Stacked bars: cadres of each department by final grade. */
  function gradeChart(elementId, data) {
    var el = document.getElementById(elementId);
    if (!el || !window.echarts) { return; }
    var chart = echarts.init(el);
    var colors = ['#1d7a46', '#4f8fba', '#b7791f', '#b42318'];
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: data.gradeLabels },
      grid: { left: 40, right: 20, bottom: 80 },
      xAxis: { type: 'category', data: data.departments, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.gradeLabels.map(function (label, i) {
        return { name: label, type: 'bar', stack: 'grades', data: data.counts[i], itemStyle: { color: colors[i % colors.length] } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  /** Waterfall: each part floats from the running total; the last bar is the score. */
  function waterfall(elementId, data) {
    var el = document.getElementById(elementId);
    if (!el || !window.echarts) { return; }
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 50, right: 20, bottom: 40 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', stack: 'w', data: data.bases, itemStyle: { color: 'transparent' }, tooltip: { show: false } },
        { name: data.riseLabel, type: 'bar', stack: 'w', itemStyle: { color: '#1d7a46' },
          // the last bar is the score itself, not an addition: another colour
          data: data.rises.map(function (v, i) { return i === data.rises.length - 1 ? { value: v, itemStyle: { color: '#4f8fba' } } : v; }),
          label: { show: true, position: 'top', formatter: function (p) { return p.value > 0 ? p.value : ''; } } },
        { name: data.fallLabel, type: 'bar', stack: 'w', data: data.falls, itemStyle: { color: '#b42318' },
          label: { show: true, position: 'bottom', formatter: function (p) { return p.value > 0 ? '-' + p.value : ''; } } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  /** Polls a JSON status URL until the job is done, moving a progress bar; then goes to doneUrl. */
  function pollJob(statusUrl, bar, text, onDone) {
    function tick() {
      fetch(statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.style.width = Math.round((s.progress || 0) * 100) + '%';
          text.textContent = s.message || '';
          if (s.state === 'DONE' || s.state === 'FAILED' || s.state === 'CANCELLED') { onDone(s); } else { setTimeout(tick, 700); }
        })
        .catch(function () { setTimeout(tick, 2000); });
    }
    tick();
  }

  /** The evaluation form: started in the background, its progress polled until done. */
  function bindRunForm(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      document.getElementById('run-button').disabled = true;
      document.getElementById('run-progress').hidden = false;
      fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          var cancel = document.getElementById('run-cancel');
          cancel.hidden = false;
          cancel.onclick = function () {
            // the form's CSRF token goes along; the server stops the run at its next check
            fetch(job.statusUrl + '/cancel', { method: 'POST', body: new FormData(form), credentials: 'same-origin',
              headers: { 'Accept': 'application/json' } });
          };
          pollJob(job.statusUrl, document.getElementById('run-bar'), document.getElementById('run-message'),
            function (s) {
              cancel.hidden = true;
              if (s.state === 'DONE') { window.location = s.resultUrl; } else { document.getElementById('run-button').disabled = false; }
            });
        });
    });
  }

  function bindPage() {
    document.querySelectorAll('select.submit-on-change').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
    var grades = document.getElementById('grade-chart');
    if (grades && grades.dataset.chart) { gradeChart('grade-chart', JSON.parse(grades.dataset.chart)); }
    var wf = document.getElementById('waterfall');
    if (wf && wf.dataset.chart) {
      var data = JSON.parse(wf.dataset.chart);
      data.riseLabel = wf.dataset.riseLabel;
      data.fallLabel = wf.dataset.fallLabel;
      waterfall('waterfall', data);
    }
    var runForm = document.getElementById('run-form');
    if (runForm) { bindRunForm(runForm); }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', bindPage); } else { bindPage(); }

  return { gradeChart: gradeChart, waterfall: waterfall, pollJob: pollJob };
})();
