// The full KIE DMN editor (npm @kie-tools/dmn-editor-standalone, served from this application):
// opens a file of a draft and saves the DMN XML it produces back into the draft.
(function () {
  'use strict';
  var host = document.getElementById('kie-editor');
  if (!host || !window.DmnEditor) { return; }
  var version = host.getAttribute('data-version');
  var file = host.getAttribute('data-file');
  var status = document.getElementById('editor-status');
  var csrf = document.querySelector('meta[name="ow-csrf"]');
  var base = '/policy/versions/' + encodeURIComponent(version);
  var content = fetch(base + '/raw?file=' + encodeURIComponent(file), { credentials: 'same-origin' })
    .then(function (r) { return r.text(); });
  var editor = window.DmnEditor.open({
    container: host,
    initialContent: content,
    initialFileNormalizedPosixPathRelativeToTheWorkspaceRoot: file.split('/').pop(),
    readOnly: host.getAttribute('data-read-only') === 'true',
    locale: host.getAttribute('data-locale') === 'en' ? 'en-US' : 'zh-CN'
  });
  window.owDmnEditor = editor;
  var save = document.getElementById('editor-save');
  if (!save) { return; }
  save.addEventListener('click', function () {
    status.textContent = '';
    editor.getContent().then(function (xml) {
      return fetch(base + '/file?file=' + encodeURIComponent(file), { method: 'POST', credentials: 'same-origin',
        body: xml, headers: { 'Accept': 'application/json', 'Content-Type': 'application/xml; charset=UTF-8',
          'X-CSRF-Token': csrf.getAttribute('content') } });
    }).then(function (r) {
      return r.json().then(function (answer) {
        status.textContent = r.ok ? status.getAttribute('data-saved')
          : status.getAttribute('data-failed') + ' ' + (answer.detail || answer.error || r.status);
        status.className = r.ok ? 'ok' : 'bad';
        if (r.ok) { editor.markAsSaved(); }
      });
    }).catch(function (e) {
      status.textContent = status.getAttribute('data-failed') + ' ' + e;
      status.className = 'bad';
    });
  });
})();
