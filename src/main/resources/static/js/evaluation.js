/* Results page: start an evaluation in the background and follow its progress to the results. */
(function () {
  'use strict';
  var form = document.getElementById('run-form');
  if (!form) { return; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('run-button').disabled = true;
    document.getElementById('run-progress').hidden = false;
    var headers = { 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: headers })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        Kaohe.pollJob(job.statusUrl, document.getElementById('run-bar'), document.getElementById('run-message'),
          function (s) {
            if (s.state === 'DONE') { window.location = s.resultUrl; } else { document.getElementById('run-button').disabled = false; }
          });
      });
  });
})();
