/* Import page: when the period is left empty, fill it from the chosen zip's, workbook's or folder's name. */
(function () {
  'use strict';
  var period = document.getElementById('import-period');
  var hint = document.getElementById('import-period-hint');
  if (!period) { return; }
  // The same forms the server reads (Period.findIn): 2026-Q3, 2026Q3, 2026年第三季度.
  var pattern = /(^|[^0-9])([0-9]{4})(?:\s*[-_ ]?\s*[Qq]([1-4])|年第?([1-4一二三四])季度)(?![0-9])/;
  var chinese = '一二三四';

  function periodIn(name) {
    var m = pattern.exec(name || '');
    if (!m) { return null; }
    var q = m[3] || m[4];
    var n = chinese.indexOf(q) >= 0 ? chinese.indexOf(q) + 1 : Number(q);
    return m[2] + '-Q' + n;
  }

  function fromFiles(input) {
    if (period.value) { return; }
    for (var i = 0; i < input.files.length; i++) {
      var file = input.files[i];
      var found = periodIn(file.webkitRelativePath) || periodIn(file.name);
      if (found) {
        period.value = found;
        if (hint && hint.dataset.derived) { hint.textContent = hint.dataset.derived.replace('{0}', found); }
        return;
      }
    }
  }

  ['import-files', 'import-folder'].forEach(function (id) {
    var input = document.getElementById(id);
    if (input) { input.addEventListener('change', function () { fromFiles(input); }); }
  });
})();
