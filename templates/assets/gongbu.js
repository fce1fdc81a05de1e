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
})();
