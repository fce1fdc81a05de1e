// gongbu site script: small, framework-free, optional (every page works without it).
(function () {
  'use strict';

  // Opened from disk (file://), a link to "notes/pod/" shows a folder listing instead of the page.
  // Point relative folder links at their index.html so the site can be browsed without a server.
  if (window.location.protocol === 'file:') {
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === '#' || href.charAt(0) === '/') continue;
      var hashAt = href.indexOf('#');
      var path = hashAt >= 0 ? href.slice(0, hashAt) : href;
      var hash = hashAt >= 0 ? href.slice(hashAt) : '';
      if (path === '' ) continue;
      if (path.charAt(path.length - 1) === '/') links[i].setAttribute('href', path + 'index.html' + hash);
      else if (path === '.' || path === '..') links[i].setAttribute('href', path + '/index.html' + hash);
    }
  }

  // Only the first link to a concept on a page carries its summary; show it on the others too.
  var summaries = {};
  var conceptLinks = document.querySelectorAll('a.concept[data-concept]');
  for (var c = 0; c < conceptLinks.length; c++) {
    var id = conceptLinks[c].getAttribute('data-concept');
    var title = conceptLinks[c].getAttribute('title');
    if (title && !summaries[id]) summaries[id] = title;
  }
  for (c = 0; c < conceptLinks.length; c++) {
    var cid = conceptLinks[c].getAttribute('data-concept');
    if (!conceptLinks[c].getAttribute('title') && summaries[cid]) conceptLinks[c].setAttribute('title', summaries[cid]);
  }

  // A code block's text without the elements the selector names: the messages gongbu puts under
  // an example's lines, and a console's output lines (each holds its own newline).
  function codeText(code, leaveOut) {
    var copy = code.cloneNode(true);
    var drop = copy.querySelectorAll(leaveOut);
    for (var k = 0; k < drop.length; k++) drop[k].parentNode.removeChild(drop[k]);
    var text = copy.textContent;
    return text.charAt(text.length - 1) === '\n' ? text : text + '\n';
  }

  // A manifest example's download link saves that example alone, under its own name; without
  // this script it saves the note's file, which holds all of the note's examples.
  var downloads = document.querySelectorAll('a.download[data-example]');
  for (var d = 0; d < downloads.length; d++) {
    downloads[d].addEventListener('click', function (event) {
      var link = event.currentTarget;
      var code = document.getElementById(link.getAttribute('data-example'));
      if (!code || !window.Blob || !window.URL || !URL.createObjectURL) return;
      var text = codeText(code, '.line-issue');
      event.preventDefault();
      var url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
      var save = document.createElement('a');
      save.href = url;
      save.download = link.getAttribute('data-file-name') || 'example.yaml';
      document.body.appendChild(save);
      save.click();
      document.body.removeChild(save);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
  }

  // Copy buttons on code blocks and manifest examples (hidden until this script shows them).
  // Console output lines are left out, and prompts are drawn by CSS, so only commands are copied.
  var buttons = document.querySelectorAll('.copy-button[data-copy-target]');
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].hidden = false;
    buttons[b].addEventListener('click', function (event) {
      var button = event.currentTarget;
      var code = document.getElementById(button.getAttribute('data-copy-target'));
      if (!code) return;
      var text = codeText(code, '.line-issue, .line.output');
      var label = button.textContent;
      var done = function () {
        button.textContent = button.getAttribute('data-copied') || '✓';
        setTimeout(function () { button.textContent = label; }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else {
        var area = document.createElement('textarea');
        area.value = text;
        document.body.appendChild(area);
        area.select();
        try { document.execCommand('copy'); done(); } catch (e) {}
        document.body.removeChild(area);
      }
    });
  }
})();
