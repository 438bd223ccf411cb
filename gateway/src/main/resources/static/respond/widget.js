// CX Hub survey widget: opens a hosted survey in an overlay on a customer's website or in
// an in-app web view, passing the page context (URL and journey stage) along.
//
//   <script src="https://feedback.example.com/respond/widget.js" data-cx-token="TOKEN"
//           data-cx-stage="checkout" data-cx-label="Votre avis" defer></script>
//
// The script adds a button; `CxHub.open()` (and `CxHub.close()`) open the survey from code.
// The distribution should use the website_widget or in_app channel: only those pages may be
// shown inside another site.
(function () {
  var script = document.currentScript;
  if (!script || window.CxHub) return;
  var origin = new URL(script.src).origin;
  var token = script.getAttribute('data-cx-token');
  if (!token) return;
  var stage = script.getAttribute('data-cx-stage') || '';
  var lang = (document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
  var label = script.getAttribute('data-cx-label') || (lang === 'fr' ? 'Votre avis' : 'Feedback');
  var closeLabel = lang === 'fr' ? 'Fermer' : 'Close';
  var overlay = null;
  var opener = null;

  function style(el, css) { for (var k in css) el.style[k] = css[k]; return el; }

  function open() {
    if (overlay) return;
    opener = document.activeElement;
    var src = origin + '/s/' + encodeURIComponent(token) + '?embed=1&lang=' + encodeURIComponent(lang)
      + '&ctx.url=' + encodeURIComponent(location.href.slice(0, 500))
      + (stage ? '&ctx.stage=' + encodeURIComponent(stage) : '');
    overlay = style(document.createElement('div'), {
      position: 'fixed', inset: '0', background: 'rgba(0,0,0,.45)', zIndex: '2147483646',
      display: 'flex', alignItems: 'flex-end', justifyContent: 'center'
    });
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', label);
    var panel = style(document.createElement('div'), {
      position: 'relative', width: '100%', maxWidth: '28rem', height: 'min(90vh, 42rem)', background: '#fff',
      borderRadius: '12px 12px 0 0', overflow: 'hidden', boxShadow: '0 -4px 24px rgba(0,0,0,.25)'
    });
    var close = style(document.createElement('button'), {
      position: 'absolute', top: '.4rem', right: '.4rem', width: '44px', height: '44px', border: '0',
      borderRadius: '22px', background: '#1f2328', color: '#fff', fontSize: '1.4rem', cursor: 'pointer'
    });
    close.type = 'button';
    close.textContent = '\u00d7';
    close.setAttribute('aria-label', closeLabel);
    close.addEventListener('click', closeWidget);
    var frame = style(document.createElement('iframe'), { width: '100%', height: '100%', border: '0' });
    frame.src = src;
    frame.title = label;
    panel.appendChild(frame);
    panel.appendChild(close);
    overlay.appendChild(panel);
    overlay.addEventListener('click', function (e) { if (e.target === overlay) closeWidget(); });
    document.addEventListener('keydown', onKey);
    document.body.appendChild(overlay);
    close.focus();
  }

  function onKey(e) { if (e.key === 'Escape') closeWidget(); }

  function closeWidget() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    document.removeEventListener('keydown', onKey);
    if (opener && opener.focus) opener.focus();
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin || !e.data) return;
    if (e.data.type === 'cx-hub:answered') setTimeout(closeWidget, 4000);
    if (e.data.type === 'cx-hub:close') closeWidget();
  });

  if (script.getAttribute('data-cx-button') !== 'false') {
    var button = style(document.createElement('button'), {
      position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483645', padding: '.75rem 1.1rem',
      border: '0', borderRadius: '24px', background: script.getAttribute('data-cx-color') || '#1d4ed8',
      color: '#fff', font: '600 16px system-ui, sans-serif', cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,.3)'
    });
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', open);
    var add = function () { document.body.appendChild(button); };
    if (document.body) add(); else document.addEventListener('DOMContentLoaded', add);
  }

  window.CxHub = { open: open, close: closeWidget };
})();
