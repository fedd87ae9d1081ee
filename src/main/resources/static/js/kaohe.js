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

  /**
   * An evaluation form: started in the background, its progress polled until done, then the run it
   * made. {@code parts} names the form's button, progress block, bar, message and cancel button; the
   * form names where jobs are polled (data-jobs-url) and where a run is shown (data-results-url).
   * The job is the same JSON the API answers: id, state, progress, message, runId.
   */
  function bindRunForm(form, parts) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      parts.button.disabled = true;
      parts.progress.hidden = false;
      fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          var statusUrl = form.dataset.jobsUrl + '/' + encodeURIComponent(job.id);
          var cancel = parts.cancel;
          if (cancel) {
            cancel.hidden = false;
            cancel.onclick = function () {
              // the form's CSRF token goes along; the server stops the run at its next check
              fetch(statusUrl + '/cancel', { method: 'POST', body: new FormData(form), credentials: 'same-origin',
                headers: { 'Accept': 'application/json' } });
            };
          }
          pollJob(statusUrl, parts.bar, parts.message,
            function (s) {
              if (cancel) { cancel.hidden = true; }
              if (s.state === 'DONE') {
                window.location = form.dataset.resultsUrl + '?run=' + encodeURIComponent(s.runId);
              } else {
                parts.button.disabled = false;
              }
            });
        });
    });
  }

  /** Fills an element with the HTML fragment at its data-url, then runs {@code then} on it. */
  function loadFragment(element, then) {
    fetch(element.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        element.innerHTML = html.trim();
        if (then) { then(element); }
      });
  }

  /**
   * The stale-results notice: fetched for the run a page shows; when the run is out of date, HR's
   * button evaluates again, and what a new run would change is fetched in turn.
   */
  function bindStaleSlot(slot) {
    loadFragment(slot, function () {
      var form = slot.querySelector('form.stale-run-form');
      if (form) {
        bindRunForm(form, { button: form.querySelector('.run-button'), progress: form.querySelector('.run-progress'),
          bar: form.querySelector('.run-bar'), message: form.querySelector('.run-message'), cancel: null });
      }
      var changes = slot.querySelector('.stale-changes');
      if (changes) { loadFragment(changes); }
    });
  }

  /**
   * The rule editor: rows added from each table's template, moved and removed; every input renamed
   * t:FILE:ROW:COLUMN after each change, so the form posts the rows in the order shown; a list cell's
   * check boxes written into its hidden value ("NATIONAL/CITY").
   */
  function bindEditor(form) {
    function renumber(table) {
      var file = table.dataset.file;
      table.querySelectorAll('tbody tr.edit-row').forEach(function (row, i) {
        row.querySelectorAll('[data-col]').forEach(function (input) {
          input.name = 't:' + file + ':' + i + ':' + input.dataset.col;
        });
        var line = row.querySelector('td.line');
        if (line) { line.textContent = String(i + 2); }
      });
    }
    form.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button || button.type !== 'button') { return; }
      var section = button.closest('section');
      var table = section && section.querySelector('table.editor');
      if (!table) { return; }
      var row = button.closest('tr');
      if (button.classList.contains('row-add')) {
        var template = section.querySelector('template.row-template');
        var added = template.content.firstElementChild.cloneNode(true);
        table.querySelector('tbody').appendChild(added);
        renumber(table);
        var first = added.querySelector('input:not([type=hidden]), select');
        if (first) { first.focus(); }
      } else if (button.classList.contains('row-remove')) {
        row.remove();
        renumber(table);
      } else if (button.classList.contains('row-up') && row.previousElementSibling) {
        row.parentNode.insertBefore(row, row.previousElementSibling);
        renumber(table);
      } else if (button.classList.contains('row-down') && row.nextElementSibling) {
        row.parentNode.insertBefore(row.nextElementSibling, row);
        renumber(table);
      }
    });
    bindLiveProblems(form);
    form.addEventListener('change', function (event) {
      if (!event.target.classList.contains('multi-option')) { return; }
      var cell = event.target.closest('.multi');
      var checked = Array.prototype.slice.call(cell.querySelectorAll('input.multi-option:checked'));
      cell.querySelector('input.multi-value').value = checked.map(function (box) { return box.value; }).join('/');
      var summary = cell.querySelector('.multi-summary');
      summary.textContent = checked.length === 0 ? summary.dataset.none
        : checked.map(function (box) { return box.nextElementSibling.textContent; }).join('、');
    });
  }

  /**
   * The editor's cell errors as the leader types: a moment after the last change the form is checked
   * by the server (nothing is saved) and each cell's and row's messages replace the ones shown.
   * An answer to an older state of the form is ignored.
   */
  function bindLiveProblems(form) {
    var timer = null;
    var asked = 0;
    function show(problems) {
      form.querySelectorAll('table.editor .field-error').forEach(function (e) { e.remove(); });
      form.querySelectorAll('table.editor .invalid').forEach(function (e) { e.classList.remove('invalid'); });
      Object.keys(problems.cells).forEach(function (name) {
        var input = form.querySelector('[name="' + name + '"]');
        var cell = input && input.closest('td.cell');
        if (!cell) { return; }
        cell.classList.add('invalid');
        cell.closest('tr').classList.add('invalid');
        problems.cells[name].forEach(function (message) { cell.appendChild(errorDiv(message)); });
      });
      Object.keys(problems.rows).forEach(function (key) {
        var at = key.lastIndexOf(':');
        var table = form.querySelector('table.editor[data-file="' + key.substring(0, at) + '"]');
        var row = table && table.querySelectorAll('tbody tr.edit-row')[Number(key.substring(at + 1))];
        if (!row) { return; }
        row.classList.add('invalid');
        problems.rows[key].forEach(function (message) { row.querySelector('td.row-actions').appendChild(errorDiv(message)); });
      });
    }
    function errorDiv(message) {
      var div = document.createElement('div');
      div.className = 'field-error';
      div.textContent = message;
      return div;
    }
    function check() {
      var mine = ++asked;
      fetch(form.dataset.problemsUrl, { method: 'POST', credentials: 'same-origin',
        headers: { 'Accept': 'application/json' }, body: new URLSearchParams(new FormData(form)) })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (problems) { if (problems && mine === asked) { show(problems); } });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    }
    function typed(event) {
      if (event.target.closest('table.editor')) { later(); }
    }
    form.addEventListener('input', typed);
    form.addEventListener('change', typed);
    form.addEventListener('click', function (event) {
      if (event.target.closest('button.row-add, button.row-remove, button.row-up, button.row-down')) { later(); }
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
    var bookForm = document.getElementById('book-form');
    if (bookForm) { bindEditor(bookForm); }
    var runForm = document.getElementById('run-form');
    if (runForm) {
      bindRunForm(runForm, { button: document.getElementById('run-button'), progress: document.getElementById('run-progress'),
        bar: document.getElementById('run-bar'), message: document.getElementById('run-message'),
        cancel: document.getElementById('run-cancel') });
    }
    document.querySelectorAll('.stale-slot[data-url]').forEach(bindStaleSlot);
    // The annual page's refusal: one form per out-of-date quarter, evaluating it again in place.
    document.querySelectorAll('form.quarter-run-form').forEach(function (form) {
      bindRunForm(form, { button: form.querySelector('.run-button'), progress: form.querySelector('.run-progress'),
        bar: form.querySelector('.run-bar'), message: form.querySelector('.run-message'), cancel: null });
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', bindPage); } else { bindPage(); }

  return { gradeChart: gradeChart, waterfall: waterfall, pollJob: pollJob };
})();
