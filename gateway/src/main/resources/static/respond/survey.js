// CX Hub hosted survey page, progressive layer: the page works without this module (plain
// form post, server-rendered thank-you). With it: inline validation that mirrors the
// server's, a progress bar, character counters, sending without a reload, kiosk reset.
const form = document.getElementById('survey');
const MAX_TEXT = 5000;

function format(template, ...args) {
  return args.reduce((text, arg, i) => text.replace(`{${i}}`, String(arg)), template);
}

function kioskAndEmbed(root) {
  const next = root.querySelector('[data-kiosk-reset]');
  if (next) {
    setTimeout(() => location.replace(next.getAttribute('data-kiosk-reset')), 8000);
  }
  if (document.body.classList.contains('embed') && root.querySelector('#done') && window.parent !== window) {
    window.parent.postMessage({ type: 'cx-hub:answered' }, '*');
  }
}

// inside the widget's overlay, Escape closes it as it does on the host page
if (document.body.classList.contains('embed') && window.parent !== window) {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') window.parent.postMessage({ type: 'cx-hub:close' }, '*');
  });
}

// a kiosk page restored from the back/forward cache would show the previous answers
window.addEventListener('pageshow', (event) => {
  if (event.persisted && form && form.dataset.kiosk === 'true') location.reload();
});

if (!form) {
  kioskAndEmbed(document);
} else {
  const msg = (name) => form.dataset[`msg${name}`];
  const questions = [...form.querySelectorAll('.q')];
  const button = form.querySelector('#send');
  const progress = document.getElementById('progress');
  const bar = document.getElementById('progress-bar');
  const progressText = document.getElementById('progress-text');
  let sending = false;

  form.noValidate = true;
  progress.hidden = false;

  const inputs = (q) => [...q.querySelectorAll('input, textarea')];
  const answered = (q) => inputs(q).some((i) => (i.type === 'radio' || i.type === 'checkbox') ? i.checked : i.value.trim() !== '');

  function problem(q) {
    if (q.dataset.required === 'true' && !answered(q)) return msg('Required');
    const area = q.querySelector('textarea');
    if (area && [...area.value].length > MAX_TEXT) return msg('Long');
    return '';
  }

  function show(q, text) {
    const error = q.querySelector('.error');
    error.textContent = text || '';
    const target = q.tagName === 'FIELDSET' ? q : q.querySelector('textarea');
    if (text) target.setAttribute('aria-invalid', 'true'); else target.removeAttribute('aria-invalid');
  }

  function updateProgress() {
    const done = questions.filter(answered).length;
    bar.value = done;
    progressText.textContent = format(msg('Progress'), done, questions.length);
  }

  function updateCounter(area) {
    const counter = document.getElementById(`${area.id}-count`);
    if (counter) counter.textContent = format(msg('Counter'), [...area.value].length, MAX_TEXT);
  }

  form.querySelectorAll('textarea').forEach((area) => {
    updateCounter(area);
    area.addEventListener('input', () => updateCounter(area));
  });

  form.addEventListener('change', (event) => {
    const q = event.target.closest('.q');
    if (q && q.querySelector('.error').textContent) show(q, problem(q));
    updateProgress();
  });
  form.addEventListener('input', (event) => {
    const q = event.target.closest('.q');
    if (q && q.querySelector('.error').textContent) show(q, problem(q));
    updateProgress();
  });
  updateProgress();

  function focusFirstInvalid() {
    const first = questions.find((q) => q.querySelector('.error').textContent);
    if (first) {
      first.scrollIntoView({ block: 'center' });
      (first.querySelector('input, textarea') || first).focus({ preventScroll: true });
    }
  }

  function showSummary(text) {
    let box = document.getElementById('summary');
    if (!box) {
      box = document.createElement('div');
      box.id = 'summary';
      box.className = 'summary';
      box.setAttribute('role', 'alert');
      box.tabIndex = -1;
      form.before(box);
    }
    box.textContent = '';
    const p = document.createElement('p');
    p.textContent = text;
    box.append(p);
    box.focus();
  }

  async function swapTo(url) {
    const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const main = document.getElementById('main');
    main.replaceChildren(...[...page.getElementById('main').childNodes].map((n) => document.importNode(n, true)));
    document.title = page.title;
    history.replaceState(null, '', url);
    const done = document.getElementById('done');
    if (done) done.focus();
    kioskAndEmbed(document);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    let invalid = false;
    for (const q of questions) {
      const text = problem(q);
      show(q, text);
      invalid = invalid || Boolean(text);
    }
    if (invalid) {
      focusFirstInvalid();
      return;
    }
    sending = true;
    const label = button.textContent;
    button.disabled = true;
    button.textContent = msg('Sending');
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      });
      const body = await response.json();
      if (body.next) {
        await swapTo(body.next);
        return;
      }
      if (body.errors) {
        for (const q of questions) show(q, body.errors[q.id.slice(2)] || '');
        if (body.errors['']) showSummary(body.errors['']);
        focusFirstInvalid();
      } else if (body.error) {
        showSummary(body.error);
      }
    } catch (e) {
      // no answer from the server (offline, proxy): fall back to the plain form post,
      // with the same idempotency key, so nothing is stored twice
      form.submit();
      return;
    }
    sending = false;
    button.disabled = false;
    button.textContent = label;
  });
}
