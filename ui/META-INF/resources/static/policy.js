// The rule grid of the policy console: add, copy, move and delete rows, and FEEL checked as one
// types (the server asks the KIE FEEL engine). Saving posts the whole grid; the server checks again.
(function () {
  'use strict';
  var form = document.getElementById('grid-form');
  if (!form) { return; }
  var rows = document.getElementById('rows');
  var feelUrl = form.getAttribute('data-feel');
  var timers = new WeakMap();

  function renumber() {
    Array.prototype.forEach.call(rows.querySelectorAll('tr.grid-row'), function (tr, i) {
      var n = tr.querySelector('td.n');
      if (n) { n.textContent = String(i + 1); }
    });
  }

  function check(input) {
    var kind = input.getAttribute('data-kind');
    if (!kind) { return; }
    var url = feelUrl + '?kind=' + encodeURIComponent(kind) + '&text=' + encodeURIComponent(input.value);
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        var message = input.parentNode.querySelector('.cell-error');
        if (answer.ok) {
          input.removeAttribute('aria-invalid');
          input.parentNode.classList.remove('invalid');
          if (message) { message.textContent = ''; }
        } else {
          input.setAttribute('aria-invalid', 'true');
          input.parentNode.classList.add('invalid');
          if (message) { message.textContent = answer.error || ''; }
        }
      })
      .catch(function () { /* offline: the server checks on save */ });
  }

  form.addEventListener('input', function (e) {
    var input = e.target;
    if (!input.classList || !input.classList.contains('feel')) { return; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { check(input); }, 250));
  });

  function fresh(tr, id) {
    var copy = tr.cloneNode(true);
    copy.querySelector('input.rule-id').value = id;
    return copy;
  }

  function nextId(prefix) {
    var used = {};
    Array.prototype.forEach.call(rows.querySelectorAll('input.rule-id'), function (i) { used[i.value] = true; });
    for (var n = rows.querySelectorAll('tr.grid-row').length + 1; ; n++) {
      var id = prefix + '-r' + n;
      if (!used[id]) { return id; }
    }
  }

  rows.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-act]');
    if (!button) { return; }
    var tr = button.closest('tr');
    var act = button.getAttribute('data-act');
    if (act === 'up' && tr.previousElementSibling) {
      rows.insertBefore(tr, tr.previousElementSibling);
    } else if (act === 'down' && tr.nextElementSibling) {
      rows.insertBefore(tr.nextElementSibling, tr);
    } else if (act === 'copy') {
      rows.insertBefore(fresh(tr, nextId(document.getElementById('add-row').getAttribute('data-prefix'))), tr.nextSibling);
    } else if (act === 'delete') {
      rows.removeChild(tr);
    }
    renumber();
  });

  document.getElementById('add-row').addEventListener('click', function () {
    var template = rows.querySelector('tr.grid-row');
    if (!template) { return; }
    var tr = fresh(template, nextId(this.getAttribute('data-prefix')));
    Array.prototype.forEach.call(tr.querySelectorAll('input.feel'), function (i) {
      i.value = i.getAttribute('data-kind') === 'input' ? '-' : '';
      i.removeAttribute('aria-invalid');
    });
    Array.prototype.forEach.call(tr.querySelectorAll('textarea'), function (t) { t.value = ''; });
    Array.prototype.forEach.call(tr.querySelectorAll('.cell-error'), function (s) { s.textContent = ''; });
    Array.prototype.forEach.call(tr.querySelectorAll('td.invalid'), function (td) { td.classList.remove('invalid'); });
    rows.appendChild(tr);
    renumber();
    tr.querySelector('input.rule-id').focus();
  });
})();
