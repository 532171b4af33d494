// Specialists' pages: a form marked data-dvk-busy shows its progress indicator while the server
// works (an upload being checked, an import being committed) and cannot be sent twice.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-dvk-busy]')) {
      return;
    }
    if (form.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('aria-busy', 'true');
    form.querySelectorAll('[data-dvk-indicator]').forEach(function (indicator) {
      indicator.classList.remove('d-none');
    });
    form.querySelectorAll('button[type="submit"]').forEach(function (button) {
      button.classList.add('disabled');
      button.setAttribute('aria-disabled', 'true');
    });
  });
})();
