// Progressive enhancement of the kiosk pages; every page works without this script.
(function () {
  'use strict';
  var body = document.body;

  // Type-ahead: official names from /api/search/suggest fill the search box's datalist.
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q || !list) { return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (names) {
            list.textContent = '';
            names.forEach(function (name) {
              var option = document.createElement('option');
              option.value = name;
              list.appendChild(option);
            });
          })
          .catch(function () { /* type-ahead is a convenience */ });
      }, 200);
    });
  });

  // Idle timeout: on a shared screen, return home and forget the visitor after a quiet period,
  // with a warning a little before. Any touch, key or scroll counts as activity.
  var idle = parseInt(body.dataset.idle || '0', 10);
  if (idle > 0 && body.dataset.home !== 'true') {
    var warning = document.getElementById('idle-warning');
    var warnAfter = Math.max(idle - 20, Math.floor(idle * 0.8)) * 1000;
    var warnTimer, leaveTimer;
    var reset = function () {
      clearTimeout(warnTimer);
      clearTimeout(leaveTimer);
      if (warning) { warning.hidden = true; }
      warnTimer = setTimeout(function () { if (warning) { warning.hidden = false; } }, warnAfter);
      leaveTimer = setTimeout(function () { window.location.href = '/?idle=1'; }, idle * 1000);
    };
    ['click', 'keydown', 'touchstart', 'scroll', 'input'].forEach(function (type) {
      window.addEventListener(type, reset, { passive: true });
    });
    var stay = document.getElementById('idle-stay');
    if (stay) { stay.addEventListener('click', reset); }
    reset();
  }
})();
