/// The script injected into pages in serve mode only: reloads on changes and shows build errors
/// in an overlay while the last good page stays visible.
enum ReloadScript {
    static let path = "/__gongbu/reload.js"
    static let eventsPath = "/__gongbu/events"
    static let tag = "<script src=\"\(path)\"></script>"

    static let source = #"""
        (function () {
          'use strict';
          var overlay = null;
          function showErrors(list) {
            if (!overlay) {
              overlay = document.createElement('div');
              overlay.id = 'gongbu-error-overlay';
              overlay.setAttribute('role', 'alert');
              overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,24,.92);color:#f5f5f5;' +
                'font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem;overflow:auto;white-space:pre-wrap';
              document.body.appendChild(overlay);
            }
            overlay.textContent = '';
            var title = document.createElement('div');
            title.style.cssText = 'font-size:16px;font-weight:700;color:#ff7b72;margin-bottom:1rem';
            title.textContent = 'gongbu: 빌드 오류 (' + list.length + ') — 파일을 고치면 자동으로 사라집니다. 지금 보이는 페이지는 마지막으로 성공한 빌드입니다.';
            overlay.appendChild(title);
            list.forEach(function (item) {
              var line = document.createElement('div');
              line.className = 'gongbu-error';
              line.textContent = item;
              overlay.appendChild(line);
            });
          }
          function clearErrors() {
            if (overlay) { overlay.remove(); overlay = null; }
          }
          function connect() {
            var source = new EventSource('/__gongbu/events');
            source.addEventListener('reload', function () { window.location.reload(); });
            source.addEventListener('errors', function (event) {
              try { showErrors(JSON.parse(event.data).errors || []); } catch (e) {}
            });
            source.addEventListener('ok', function () {
              var hadErrors = !!overlay;
              clearErrors();
              if (hadErrors) window.location.reload();
            });
          }
          if (window.EventSource) connect();
        })();
        """#
}
