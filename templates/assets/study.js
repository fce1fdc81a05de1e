// gongbu study page: review the site's cards with the FSRS-5 scheduler, or take a quiz.
// The cards come from study/cards.js (a script, so this works from file://); the schedule lives
// in this browser's localStorage, never in the notes, and can be exported and imported as a file.
(function () {
  'use strict';

  // ---- FSRS-5 (Sources/Study/FSRS.swift has the same formulas and their references) ----
  var W = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621];
  var DECAY = -0.5, FACTOR = 19 / 81, RETENTION = 0.9, AGAIN_DELAY = 600, DAY = 86400;
  function clampD(d) { return Math.min(Math.max(d, 1), 10); }
  function initialDifficulty(g) { return clampD(W[4] - Math.exp(W[5] * (g - 1)) + 1); }
  function nextDifficulty(d, g) {
    var damped = d - W[6] * (g - 3) * (10 - d) / 9;
    return clampD(W[7] * (W[4] - Math.exp(W[5] * 3) + 1) + (1 - W[7]) * damped);
  }
  function retrievability(days, s) { return Math.pow(1 + FACTOR * Math.max(days, 0) / s, DECAY); }
  function interval(s) {
    var days = s / FACTOR * (Math.pow(RETENTION, 1 / DECAY) - 1);
    return Math.min(Math.max(Math.round(days), 1), 36500);
  }
  // A memory is {s, d, last, due, reps, lapses}, times in seconds since 1970.
  function review(m, g, now) {
    if (!m) {
      var s0 = Math.max(W[g - 1], 0.01);
      return { s: s0, d: initialDifficulty(g), last: now, due: g === 1 ? now + AGAIN_DELAY : now + interval(s0) * DAY, reps: 1, lapses: g === 1 ? 1 : 0 };
    }
    var elapsed = (now - m.last) / DAY, s;
    if (elapsed < 1) {
      s = m.s * Math.exp(W[17] * (g - 3 + W[18]));
    } else {
      var r = retrievability(elapsed, m.s);
      if (g === 1) {
        s = Math.min(W[11] * Math.pow(m.d, -W[12]) * (Math.pow(m.s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r)), m.s / Math.exp(W[17] * W[18]));
      } else {
        s = m.s * (1 + Math.exp(W[8]) * (11 - m.d) * Math.pow(m.s, -W[9]) * (Math.exp(W[10] * (1 - r)) - 1) * (g === 2 ? W[15] : 1) * (g === 4 ? W[16] : 1));
      }
    }
    s = Math.max(s, 0.01);
    return {
      s: s, d: nextDifficulty(m.d, g), last: now, due: g === 1 ? now + AGAIN_DELAY : now + interval(s) * DAY,
      reps: m.reps + 1, lapses: m.lapses + (g === 1 ? 1 : 0)
    };
  }
  window.gongbuFSRS = { review: review, interval: interval, retrievability: retrievability };

  var app = document.getElementById('study-app');
  if (!app || !window.gongbuCards) return;
  var L = app.dataset;
  var noscript = document.getElementById('study-noscript');
  if (noscript) noscript.hidden = true;
  app.hidden = false;

  // ---- The schedule, in localStorage ----
  var key = 'gongbu-study:' + (L.site || '');
  function load() {
    try { var data = JSON.parse(localStorage.getItem(key) || '{}'); return data && data.cards ? data : { version: 1, cards: {} }; }
    catch (e) { return { version: 1, cards: {} }; }
  }
  var schedule = load();
  function save() { try { localStorage.setItem(key, JSON.stringify(schedule)); } catch (e) { /* private mode: this session only */ } }

  // ---- Which cards: all, or a deck named in the address (?tag=…, ?section=…, ?concept=…) ----
  var params = new URLSearchParams(window.location.search);
  var cards = window.gongbuCards.filter(function (c) {
    if (params.get('tag') && c.tags.indexOf(params.get('tag')) < 0) return false;
    if (params.get('concept') && c.concepts.indexOf(params.get('concept')) < 0) return false;
    var section = params.get('section');
    if (section && c.url.indexOf(section + '/') !== 0) return false;
    return true;
  });

  function now() { return Math.floor(Date.now() / 1000); }
  function format(text, values) { return text.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; }); }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  var NEW_PER_DAY = 20;
  function dueCards() {
    var t = now();
    return cards.filter(function (c) { var m = schedule.cards[c.id]; return m && m.due <= t; })
      .sort(function (a, b) { return schedule.cards[a.id].due - schedule.cards[b.id].due; });
  }
  function newCards() { return cards.filter(function (c) { return !schedule.cards[c.id]; }).slice(0, NEW_PER_DAY); }

  var status = element('p', 'study-status');
  var controls = element('div', 'study-controls');
  var stage = element('div', 'study-stage');
  app.appendChild(status);
  app.appendChild(controls);
  app.appendChild(stage);
  app.appendChild(element('p', 'study-keys', L.keys));
  function showStatus() { status.textContent = format(L.due, { due: dueCards().length, 'new': newCards().length }); }

  function button(label, action, className) {
    var b = element('button', className || 'study-button', label);
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
  }
  var importInput = element('input');
  importInput.type = 'file';
  importInput.accept = 'application/json,.json';
  importInput.hidden = true;
  importInput.addEventListener('change', function () {
    var file = importInput.files && importInput.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = JSON.parse(text), count = 0;
      Object.keys(data.cards || {}).forEach(function (id) {
        var mine = schedule.cards[id], theirs = data.cards[id];
        if (!mine || theirs.last > mine.last) { schedule.cards[id] = theirs; count++; }
      });
      save();
      showStatus();
      stage.textContent = format(L.imported, { count: count });
    });
  });
  controls.appendChild(button(L.start, startReview, 'study-button study-start'));
  controls.appendChild(button(L.quiz, startQuiz, 'study-button study-quiz'));
  controls.appendChild(button(L['export'], function () {
    var url = URL.createObjectURL(new Blob([JSON.stringify(schedule, null, 1)], { type: 'application/json' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = 'gongbu-study-schedule.json';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }, 'study-button study-export'));
  controls.appendChild(button(L['import'], function () { importInput.click(); }, 'study-button study-import'));
  controls.appendChild(importInput);
  showStatus();

  function kindLabel(c) { return L['kind' + c.kind.charAt(0).toUpperCase() + c.kind.slice(1)] || c.kind; }
  function cardFace(c) {
    var face = element('div', 'study-face');
    face.appendChild(element('span', 'badge', kindLabel(c)));
    face.appendChild(element('p', 'study-front', c.front));
    if (c.code) { var pre = element('pre', 'study-code'); pre.appendChild(element('code', '', c.code)); face.appendChild(pre); }
    return face;
  }
  function sourceLink(c) {
    var p = element('p', 'study-source', L.source + ': ');
    var a = element('a', '', c.source + ':' + c.line);
    a.href = (L.root || '') + c.url;
    p.appendChild(a);
    return p;
  }

  // ---- Review: space shows the answer, 1–4 grade it ----
  var keyHandler = null;
  document.addEventListener('keydown', function (event) {
    if (!keyHandler || event.target.tagName === 'INPUT' || event.target.tagName === 'TEXTAREA') return;
    if (keyHandler(event)) event.preventDefault();
  });
  function startReview() {
    var queue = dueCards().concat(newCards());
    var total = queue.length, done = 0;
    function next() {
      stage.textContent = '';
      showStatus();
      if (!queue.length) { stage.appendChild(element('p', 'study-done', L.done)); keyHandler = null; return; }
      var c = queue.shift();
      stage.appendChild(element('p', 'study-progress', format(L.progress, { done: done + 1, total: total })));
      stage.appendChild(cardFace(c));
      var answer = element('div', 'study-answer-box');
      answer.hidden = true;
      answer.appendChild(element('p', 'study-answer', c.back));
      answer.appendChild(sourceLink(c));
      var grades = element('div', 'study-grades');
      [L.again, L.hard, L.good, L.easy].forEach(function (label, i) {
        grades.appendChild(button((i + 1) + ' ' + label, function () { grade(i + 1); }, 'study-button study-grade study-grade-' + (i + 1)));
      });
      answer.appendChild(grades);
      var show = button(L.show, reveal, 'study-button study-show');
      stage.appendChild(show);
      stage.appendChild(answer);
      show.focus();
      function reveal() { answer.hidden = false; show.hidden = true; }
      function grade(g) {
        var memory = review(schedule.cards[c.id], g, now());
        schedule.cards[c.id] = memory;
        save();
        done++;
        if (g === 1) queue.push(c);
        next();
      }
      keyHandler = function (event) {
        if (event.key === ' ' && answer.hidden) { reveal(); return true; }
        if (!answer.hidden && /^[1-4]$/.test(event.key)) { grade(+event.key); return true; }
        return false;
      };
    }
    next();
  }

  // ---- Quiz: four choices, the wrong ones from related concepts ----
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) { var j = Math.floor(Math.random() * (i + 1)); var t = list[i]; list[i] = list[j]; list[j] = t; }
    return list;
  }
  function startQuiz() {
    var pool = shuffle(cards.filter(function (c) { return c.distractors && c.distractors.length; })).slice(0, 10);
    var right = 0, asked = 0;
    function next() {
      stage.textContent = '';
      if (!pool.length) { stage.appendChild(element('p', 'study-done', right + '/' + asked)); keyHandler = null; return; }
      var c = pool.shift();
      asked++;
      stage.appendChild(element('p', 'study-progress', L.quizQuestion));
      stage.appendChild(cardFace(c));
      var choices = shuffle([c.back].concat(c.distractors.slice(0, 3)));
      var list = element('ol', 'study-choices');
      var feedback = element('p', 'study-feedback');
      var answered = false;
      choices.forEach(function (choice, i) {
        var item = element('li');
        item.appendChild(button((i + 1) + '. ' + choice, function () { pick(i); }, 'study-button study-choice'));
        list.appendChild(item);
      });
      stage.appendChild(list);
      stage.appendChild(feedback);
      function pick(i) {
        if (answered) return;
        answered = true;
        var ok = choices[i] === c.back;
        if (ok) right++;
        feedback.textContent = ok ? L.right : format(L.wrong, { answer: c.back });
        feedback.className = 'study-feedback ' + (ok ? 'right' : 'wrong');
        stage.appendChild(button(L.next, next, 'study-button study-next'));
      }
      keyHandler = function (event) {
        if (!answered && /^[1-4]$/.test(event.key) && +event.key <= choices.length) { pick(+event.key - 1); return true; }
        if (answered && event.key === 'Enter') { next(); return true; }
        return false;
      };
    }
    next();
  }
})();
