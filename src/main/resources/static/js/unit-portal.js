/*
 * The unit head's pages (no inline scripts: CSP script-src 'self').
 *  - forms marked data-dvk-once are sent once (a second click while the page loads does nothing);
 *  - the "previous year's model" choice shows only for a continuing model;
 *  - [data-dvk-upload]: drag and drop or a file input; type and size checked here before sending
 *    (the server checks again), then sent with XMLHttpRequest (session cookie + CSRF header) with
 *    a progress bar; the new file is added to the page's attachment list. Without JavaScript the
 *    upload form posts normally and the server redirects back.
 * Every text comes from the page (data-msg-* attributes, rendered from the message files).
 */
(function () {
  'use strict';

  function onceForms() {
    document.querySelectorAll('form[data-dvk-once]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (form.dataset.sent === '1') {
          event.preventDefault();
          return;
        }
        form.dataset.sent = '1';
      });
    });
  }

  function continuation() {
    document.querySelectorAll('[data-dvk-continuation]').forEach(function (box) {
      var previous = box.querySelector('[data-dvk-previous]');
      var radios = box.querySelectorAll('input[type=radio][name=continuing]');
      if (!previous || radios.length === 0) {
        return;
      }
      function update() {
        var checked = box.querySelector('input[type=radio][name=continuing]:checked');
        previous.hidden = !(checked && checked.value === 'true');
      }
      radios.forEach(function (radio) { radio.addEventListener('change', update); });
      update();
    });
  }

  function extensionOf(name) {
    var dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.substring(dot).toLowerCase();
  }

  function upload(box) {
    var form = box.querySelector('form');
    var input = box.querySelector('input[type=file]');
    var status = box.querySelector('[data-dvk-upload-status]');
    var progress = box.querySelector('.progress');
    var bar = progress ? progress.querySelector('.progress-bar') : null;
    var maxBytes = parseInt(box.dataset.maxBytes, 10);
    var accepted = (box.dataset.accept || '').split(',').filter(Boolean);
    var msg = box.dataset;

    function say(text, ok) {
      var line = document.createElement('div');
      line.className = ok ? 'text-success' : 'text-danger';
      line.textContent = text;
      status.appendChild(line);
    }

    function setProgress(percent) {
      if (!progress) {
        return;
      }
      progress.hidden = false;
      progress.setAttribute('aria-valuenow', String(percent));
      bar.style.width = percent + '%';
    }

    /** The type and size check that runs before anything is sent. */
    function problem(file) {
      if (file.size === 0) {
        return msg.msgEmpty;
      }
      if (accepted.length > 0 && accepted.indexOf(extensionOf(file.name)) < 0) {
        return msg.msgBadType;
      }
      if (file.size > maxBytes) {
        return msg.msgTooLarge;
      }
      return null;
    }

    function addToList(file) {
      var list = document.querySelector('[data-dvk-attachment-list]');
      if (!list) {
        return;
      }
      var empty = document.querySelector('[data-dvk-attachments-empty]');
      if (empty) {
        empty.hidden = true;
      }
      var item = document.createElement('li');
      item.className = 'mb-1';
      var link = document.createElement('a');
      link.href = file.url;
      var size = document.createElement('span');
      size.className = 'text-muted small';
      size.textContent = ' (' + msg.msgKb.replace('{0}', file.sizeKb) + ')';
      if (list.dataset.evidence === 'true') {
        var check = document.createElement('input');
        check.type = 'checkbox';
        check.className = 'form-check-input me-1';
        check.name = 'attachmentIds';
        check.value = String(file.id);
        check.id = 'attachment-' + file.id;
        check.checked = true;
        var label = document.createElement('label');
        label.className = 'form-check-label';
        label.htmlFor = check.id;
        label.textContent = file.fileName;
        link.className = 'small ms-1';
        link.textContent = msg.msgDownload;
        item.append(check, label, ' ', link, size);
      } else {
        link.textContent = file.fileName;
        item.append(link, size);
      }
      list.appendChild(item);
    }

    function send(files) {
      var queue = Array.prototype.slice.call(files);
      function next() {
        var file = queue.shift();
        if (!file) {
          return;
        }
        var refused = problem(file);
        if (refused) {
          say(file.name + ': ' + refused, false);
          next();
          return;
        }
        var data = new FormData();
        data.append('file', file);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', box.dataset.url);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
        xhr.setRequestHeader(box.dataset.csrfHeader, box.dataset.csrfToken);
        xhr.upload.addEventListener('progress', function (event) {
          if (event.lengthComputable) {
            setProgress(Math.round(event.loaded * 100 / event.total));
          }
        });
        xhr.addEventListener('load', function () {
          var body = null;
          try {
            body = JSON.parse(xhr.responseText);
          } catch (ignored) {
            body = null;
          }
          if (xhr.status === 201 && body) {
            setProgress(100);
            say(file.name + ': ' + msg.msgDone, true);
            addToList(body);
          } else if (xhr.status === 413) {
            say(file.name + ': ' + msg.msgTooLarge, false);
          } else {
            say(file.name + ': ' + (body && body.message ? body.message : msg.msgFailed), false);
          }
          next();
        });
        xhr.addEventListener('error', function () {
          say(file.name + ': ' + msg.msgFailed, false);
          next();
        });
        setProgress(0);
        say(file.name + ': ' + msg.msgUploading, true);
        xhr.send(data);
      }
      next();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!input.files || input.files.length === 0) {
        say(msg.msgNoFile, false);
        return;
      }
      status.textContent = '';
      send(input.files);
      input.value = '';
    });
    input.addEventListener('change', function () {
      status.textContent = '';
      Array.prototype.forEach.call(input.files, function (file) {
        var refused = problem(file);
        if (refused) {
          say(file.name + ': ' + refused, false);
        }
      });
    });
    ['dragenter', 'dragover'].forEach(function (type) {
      box.addEventListener(type, function (event) {
        event.preventDefault();
        box.classList.add('border-primary', 'bg-light');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      box.addEventListener(type, function (event) {
        event.preventDefault();
        box.classList.remove('border-primary', 'bg-light');
      });
    });
    box.addEventListener('drop', function (event) {
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        status.textContent = '';
        send(event.dataTransfer.files);
      }
    });
  }

  function start() {
    onceForms();
    continuation();
    document.querySelectorAll('[data-dvk-upload]').forEach(upload);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
