// gongbu site search: the same Korean-aware matching as `gongbu search`, in the browser.
// Reads the sharded index the build writes to search/ (meta first, then only the shards a
// query needs). No framework, no network beyond this site.
(function () {
  'use strict';

  var input = document.getElementById('search-input');
  var panel = document.getElementById('search-results');
  if (!input || !panel) return;
  var root = input.getAttribute('data-search-root') || './';
  var ui = {
    concepts: input.getAttribute('data-label-concepts') || 'Concepts',
    notes: input.getAttribute('data-label-notes') || 'Notes',
    none: input.getAttribute('data-label-none') || 'No results',
    fuzzy: input.getAttribute('data-label-fuzzy') || '~',
    offline: input.getAttribute('data-label-offline') || 'Search needs a web server'
  };

  var meta = null;
  var metaPromise = null;
  var shardCache = {};
  var docCache = {};
  var aliasTable = null;
  var particles = [];

  function fetchJSON(path) {
    return fetch(root + 'search/' + path).then(function (response) {
      if (!response.ok) throw new Error(path + ': ' + response.status);
      return response.json();
    });
  }

  function loadMeta() {
    if (!metaPromise) {
      metaPromise = fetchJSON('meta.json').then(function (data) {
        if (data.format !== 2) throw new Error('meta.json: format ' + data.format);
        meta = data;
        meta.lengths = decodeNumbers(data.lengths).map(function (n) { return n / 2; });
        meta.aloneFiles = Object.create(null);
        data.alone.forEach(function (term, offset) { meta.aloneFiles[term] = data.termShards + offset; });
        particles = data.particles.map(function (p) { return { text: p[0], cond: p[1] }; })
          .sort(function (a, b) { return b.text.length - a.text.length; });
        aliasTable = {};
        data.concepts.forEach(function (c, index) {
          var names = c[3].concat([c[2], c[0]]).concat(titleParts(c[2]));
          names.forEach(function (name) {
            var key = keyOf(name);
            if (key && !(key in aliasTable)) aliasTable[key] = index;
          });
        });
        return data;
      });
    }
    return metaPromise;
  }

  // ---- Text rules (mirroring Sources/Search/SearchText.swift) ----

  function normalize(text) { return text.normalize('NFC').toLowerCase(); }
  function keyOf(text) { return normalize(text).split(/\s+/).filter(Boolean).join(' '); }

  function titleParts(title) {
    var open = title.indexOf('('), close = title.lastIndexOf(')');
    if (open < 0 || close < open) return [];
    return [title.slice(0, open).trim(), title.slice(open + 1, close)];
  }

  var INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

  function choseong(text) {
    var out = '';
    for (var ch of text) {
      var code = ch.codePointAt(0);
      if (code >= 0xAC00 && code <= 0xD7A3) out += INITIALS[Math.floor((code - 0xAC00) / 588)];
      else if (INITIALS.indexOf(ch) >= 0) out += ch;
    }
    return out;
  }

  function isChoseongQuery(text) {
    var saw = false;
    for (var ch of text) {
      if (ch === ' ') continue;
      if (INITIALS.indexOf(ch) < 0) return false;
      saw = true;
    }
    return saw;
  }

  function stemEnglish(word) {
    var n = word.length;
    if (n > 4 && /ies$/.test(word)) return word.slice(0, -3) + 'y';
    if (n > 4 && /sses$/.test(word)) return word.slice(0, -2);
    if (n > 3 && /(xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
    if (n > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function scriptOf(code) {
    if ((code >= 0xAC00 && code <= 0xD7A3) || (code >= 0x3131 && code <= 0x318E)) return 'h';
    if ((code >= 0x61 && code <= 0x7A) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5A) || (code >= 0xC0 && code <= 0x24F)) return 'l';
    return null;
  }

  function runs(text) {
    var out = [], current = '', script = null, glued = false, previousEnd = false;
    for (var ch of text) {
      var next = scriptOf(ch.codePointAt(0));
      if (next !== script) {
        if (script && current) out.push({ script: script, word: current, glued: glued });
        current = '';
        glued = next !== null && previousEnd;
        script = next;
      }
      if (next) current += ch;
      previousEnd = next !== null;
    }
    if (script && current) out.push({ script: script, word: current, glued: glued });
    return out;
  }

  // Final consonant class of a syllable: 'v' vowel, 'r' ㄹ, 'c' other consonant, 'u' not Hangul.
  function finalOf(ch) {
    var code = ch ? ch.codePointAt(0) : 0;
    if (code < 0xAC00 || code > 0xD7A3) return 'u';
    var jong = (code - 0xAC00) % 28;
    return jong === 0 ? 'v' : (jong === 8 ? 'r' : 'c');
  }

  function allows(cond, fin) {
    if (fin === 'u') return true;
    switch (cond) {
      case 'A': return true;
      case 'C': return fin !== 'v';
      case 'V': return fin === 'v';
      case 'R': return fin === 'v' || fin === 'r';
      case 'N': return fin === 'c';
    }
    return false;
  }

  function isParticles(text, fin, depth) {
    if (text === '') return true;
    if (depth === 3) return false;
    for (var i = 0; i < particles.length; i++) {
      var p = particles[i];
      if (text.indexOf(p.text) === 0 && allows(p.cond, fin)) {
        var chars = Array.from(p.text);
        if (isParticles(text.slice(p.text.length), finalOf(chars[chars.length - 1]), depth + 1)) return true;
      }
    }
    return false;
  }

  function stemKorean(word) {
    var chars = Array.from(word);
    for (var cut = 1; cut < chars.length; cut++) {
      if (isParticles(chars.slice(cut).join(''), finalOf(chars[cut - 1]), 0)) return chars.slice(0, cut).join('');
    }
    return word;
  }

  function bigrams(word) {
    var chars = Array.from(word), out = [];
    if (chars.length < 3) return out;
    for (var i = 0; i + 1 < chars.length; i++) out.push({ term: '~' + chars[i] + chars[i + 1], weight: meta.weights.bigram });
    return out;
  }

  function terms(text) {
    var out = [];
    runs(normalize(text)).forEach(function (run) {
      if (run.script === 'l') {
        out.push({ term: stemEnglish(run.word), weight: 1 });
      } else {
        if (run.glued && isParticles(run.word, 'u', 0)) return;
        var stem = stemKorean(run.word);
        out.push({ term: stem, weight: 1 });
        if (stem !== run.word) out.push({ term: run.word, weight: 0.5 });
        out = out.concat(bigrams(stem));
      }
    });
    return out;
  }

  function stripParticles(word) {
    var r = runs(word);
    if (r.length && r[0].script === 'l' && word.indexOf(r[0].word) === 0 && terms(word).length === 1) return r[0].word;
    return stemKorean(word);
  }

  // OSA edit distance, stopping early beyond `limit`.
  function distance(a, b, limit) {
    var s = Array.from(a), t = Array.from(b);
    if (Math.abs(s.length - t.length) > limit) return limit + 1;
    var prev2 = [], prev = [], cur = [];
    for (var j = 0; j <= t.length; j++) prev[j] = j;
    for (var i = 1; i <= s.length; i++) {
      cur = [i];
      var rowMin = i;
      for (j = 1; j <= t.length; j++) {
        var cost = s[i - 1] === t[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) return limit + 1;
      prev2 = prev; prev = cur;
    }
    return prev[t.length];
  }

  // FNV-1a over UTF-8, as IndexFiles.hash does.
  var encoder = new TextEncoder();
  function hash(term) {
    var h = 0x811C9DC5;
    var bytes = encoder.encode(term);
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  function shardFor(term) {
    var own = meta.aloneFiles[term];
    return own !== undefined ? own : hash(term) % meta.termShards;
  }

  // PostingCode (Sources/Search/PostingCode.swift): numbers of five bits a character, low bits
  // first, characters past the 32nd saying more follow.
  var digitValue = {};
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'.split('').forEach(function (c, i) { digitValue[c] = i; });
  function decodeNumbers(code) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < code.length; i++) {
      var digit = digitValue[code[i]];
      value += (digit & 31) * Math.pow(2, shift);
      if (digit >= 32) { shift += 5; } else { out.push(value); value = 0; shift = 0; }
    }
    return out;
  }

  // A term's postings as [document, frequency, document, frequency, …].
  function decodePostings(code) {
    var numbers = decodeNumbers(code), flat = [], d = 0;
    for (var i = 0; i + 1 < numbers.length; i += 2) {
      d = i === 0 ? numbers[0] : d + numbers[i];
      flat.push(d, numbers[i + 1] / 20);
    }
    return flat;
  }

  function loadShards(list) {
    var needed = {};
    list.forEach(function (term) { needed[shardFor(term)] = true; });
    return Promise.all(Object.keys(needed).map(function (n) {
      if (!shardCache[n]) shardCache[n] = fetchJSON('terms-' + n + '.json').then(function (value) { shardCache[n].value = value; return value; });
      return shardCache[n];
    }));
  }

  function postings(term) {
    var shard = shardCache[shardFor(term)];
    if (!shard || !shard.value || typeof shard.value[term] !== 'string' && !Array.isArray(shard.value[term])) return [];
    if (typeof shard.value[term] === 'string') shard.value[term] = decodePostings(shard.value[term]);
    return shard.value[term];
  }

  function loadDocs(documents) {
    var needed = {};
    documents.forEach(function (d) { needed[Math.floor(d / meta.documentsPerShard)] = true; });
    return Promise.all(Object.keys(needed).map(function (n) {
      if (!docCache[n]) docCache[n] = fetchJSON('docs-' + n + '.json').then(function (rows) { docCache[n].value = rows; return rows; });
      return docCache[n];
    }));
  }

  function docInfo(d) {
    var entry = docCache[Math.floor(d / meta.documentsPerShard)];
    var row = entry && entry.value ? entry.value[d % meta.documentsPerShard] : null;
    return row ? { kind: row[0], id: row[1], title: row[2], url: row[3], source: row[4], summary: row[5] } : null;
  }

  function namedConcepts(q) {
    var found = [];
    function add(text) { var i = aliasTable[text]; if (i !== undefined && found.indexOf(i) < 0) found.push(i); }
    add(q);
    var words = q.split(' ');
    if (words.length > 1) {
      var stripped = words.slice();
      stripped[stripped.length - 1] = stripParticles(stripped[stripped.length - 1]);
      add(stripped.join(' '));
    }
    words.forEach(function (w) { add(w); add(stripParticles(w)); add(stemEnglish(w)); });
    return found;
  }

  function fuzzyConcepts(q) {
    var best = [];
    var words = q.split(' ');
    if (q.indexOf(' ') >= 0) words.push(q);
    words.forEach(function (w) {
      if (Array.from(w).length < 3) return;
      var limit = Array.from(w).length <= 5 ? 1 : 2;
      meta.concepts.forEach(function (c, index) {
        c[3].concat([c[0]]).forEach(function (alias) {
          var d = distance(w, keyOf(alias), limit);
          if (d <= limit) best.push({ d: d, c: index });
        });
      });
    });
    best.sort(function (a, b) { return a.d - b.d || a.c - b.c; });
    var seen = {}, out = [];
    best.forEach(function (b) { if (!seen[b.c]) { seen[b.c] = true; out.push(b.c); } });
    return out;
  }

  // The notes' English words, for near spellings (statefull → stateful); fetched when needed.
  var wordsPromise = null;
  function loadWords() {
    if (!wordsPromise) wordsPromise = fetchJSON('words.json').catch(function () { return []; });
    return wordsPromise;
  }

  function isNearSpellingWord(w) { return /^[a-z][a-z0-9]{3,}$/.test(w); }

  // The nearest words of the notes to a query word, at most three (as QueryEngine.nearSpellings).
  function nearSpellings(word, vocabulary) {
    if (!isNearSpellingWord(word)) return [];
    var limit = word.length <= 5 ? 1 : 2, found = [], best = Infinity;
    vocabulary.forEach(function (c) {
      if (c === word || Math.abs(c.length - word.length) > limit) return;
      var d = distance(word, c, limit);
      if (d <= limit) { found.push({ d: d, w: c }); best = Math.min(best, d); }
    });
    return found.filter(function (f) { return f.d === best; }).map(function (f) { return f.w; }).sort().slice(0, 3);
  }

  // An English query word that names no concept and is in at most a couple of documents
  // matched by accident (a typo in one note): near spellings are looked for as well.
  function hasStrayWord(q) {
    return q.split(' ').some(function (w) {
      if (!isNearSpellingWord(w) || aliasTable[w] !== undefined || aliasTable[stemEnglish(w)] !== undefined) return false;
      var count = 0;
      terms(w).forEach(function (t) { count = Math.max(count, postings(t.term).length / 2); });
      return count <= meta.weights.strayLimit;
    });
  }

  function termSearch(q, fuzzy) {
    return (fuzzy ? loadWords() : Promise.resolve([])).then(function (vocabulary) { return scoredSearch(q, fuzzy, vocabulary); });
  }

  // Hits of concepts and notes, best first, and the concepts the query names.
  function scoredSearch(q, fuzzy, vocabulary) {
    var weights = {};
    function add(term, w) { weights[term] = Math.max(weights[term] || 0, w); }
    var named = fuzzy ? fuzzyConcepts(q) : namedConcepts(q);
    if (!fuzzy) terms(q).forEach(function (t) { add(t.term, t.weight); });
    if (fuzzy) {
      q.split(' ').forEach(function (w) {
        nearSpellings(w, vocabulary).forEach(function (near) {
          terms(near).forEach(function (t) { add(t.term, meta.weights.nearSpelling * t.weight); });
        });
      });
    }
    named.forEach(function (i) {
      var c = meta.concepts[i];
      add('@' + c[0], 1);
      c[3].concat(titleParts(c[2])).forEach(function (alias) {
        terms(alias).forEach(function (t) { if (t.term[0] !== '~') add(t.term, meta.weights.aliasExpansion * t.weight); });
      });
    });
    var list = Object.keys(weights);
    return loadShards(list).then(function () {
      var scores = {};
      var total = meta.documentCount, k1 = meta.weights.k1, b = meta.weights.b;
      list.forEach(function (term) {
        var flat = postings(term);
        if (!flat.length) return;
        var count = flat.length / 2;
        var idf = Math.log(1 + (total - count + 0.5) / (count + 0.5));
        for (var i = 0; i + 1 < flat.length; i += 2) {
          var d = flat[i], f = flat[i + 1];
          var norm = k1 * (1 - b + b * meta.lengths[d] / meta.averageLength);
          scores[d] = (scores[d] || 0) + weights[term] * idf * f * (k1 + 1) / (f + norm);
        }
      });
      var namedDocs = named.map(function (i) { return meta.concepts[i][1]; });
      namedDocs.forEach(function (d) { if (!(d in scores)) scores[d] = 0; });
      var hits = Object.keys(scores).map(function (d) { return { d: +d, s: scores[d], fuzzy: fuzzy && namedDocs.indexOf(+d) >= 0 }; });
      hits.sort(function (x, y) {
        var nx = namedDocs.indexOf(x.d), ny = namedDocs.indexOf(y.d);
        if (nx >= 0 && ny >= 0) return nx - ny;
        if (nx >= 0) return -1;
        if (ny >= 0) return 1;
        return y.s - x.s || x.d - y.d;
      });
      return { hits: hits, named: named };
    });
  }

  // The exact results, then the near ones they lack.
  function merged(exact, near) {
    var seen = {};
    exact.hits.forEach(function (h) { seen[h.d] = true; });
    return {
      hits: exact.hits.concat(near.hits.filter(function (h) { return !seen[h.d]; })),
      named: exact.named.concat(near.named.filter(function (i) { return exact.named.indexOf(i) < 0; }))
    };
  }

  // A query naming a concept together with one of its `against:` words (트랜잭션 롤백) is about
  // the other sense: concepts come from its other words alone; notes stay (as in QueryEngine).
  function settingAsideOtherSenses(result, q) {
    var against = result.named.filter(function (i) {
      return (meta.concepts[i][4] || []).some(function (w) { return q.indexOf(w) >= 0; });
    });
    if (!against.length) return Promise.resolve(result);
    var rest = q.split(' ').filter(function (w) {
      var i = aliasTable[w];
      if (i === undefined) i = aliasTable[stripParticles(w)];
      if (i === undefined) i = aliasTable[stemEnglish(w)];
      return i === undefined || against.indexOf(i) < 0;
    });
    var notes = result.hits.filter(function (h) { return meta.kinds[h.d] !== 'c'; });
    var named = result.named.filter(function (i) { return against.indexOf(i) < 0; });
    if (!rest.length) return Promise.resolve({ hits: notes, named: named });
    return termSearch(rest.join(' '), false).then(function (other) {
      var concepts = other.hits.filter(function (h) { return meta.kinds[h.d] === 'c'; });
      return { hits: concepts.concat(notes), named: named };
    });
  }

  function choseongSearch(initials) {
    function score(c) { return c === initials ? 3 : (c.indexOf(initials) === 0 ? 2 : (c.indexOf(initials) >= 0 ? 1 : 0)); }
    var hits = [];
    meta.concepts.forEach(function (c) {
      var best = 0;
      // A name with Latin letters or digits matches whole only through its Hangul part, which
      // is not an exact match: 쿠버네티스 DNS is not ㅋㅂㄴㅌㅅ the way 쿠버네티스 is.
      [c[2]].concat(c[3]).forEach(function (n) {
        var s = score(choseong(n));
        if (s === 3 && /[A-Za-z0-9]/.test(n)) s = 2;
        best = Math.max(best, s);
      });
      if (best > 0) hits.push({ d: c[1], s: best, n: c[2].length });
    });
    return fetchJSON('initials.json').then(function (rows) {
      rows.forEach(function (row) {
        var words = row[1].split(' ');
        var best = score(row[1].replace(/ /g, ''));
        words.forEach(function (w) { best = Math.max(best, score(w)); });
        if (best > 0 && words[0] && words[0].indexOf(initials) === 0) best += 0.5;
        if (best > 0) hits.push({ d: row[0], s: best, n: row[1].length });
      });
      // Ties: the shorter title (by its initials), then the site's order, as gongbu search does.
      hits.sort(function (x, y) { return y.s - x.s || x.n - y.n || x.d - y.d; });
      return hits;
    });
  }

  function search(raw) {
    var q = keyOf(raw);
    if (!q) return Promise.resolve([]);
    return loadMeta().then(function () {
      if (isChoseongQuery(q)) return choseongSearch(q.replace(/ /g, ''));
      return termSearch(q, false).then(function (exact) {
        if (exact.hits.length && !hasStrayWord(q)) return exact;
        return termSearch(q, true).then(function (near) { return merged(exact, near); });
      }).then(function (result) { return settingAsideOtherSenses(result, q); })
        .then(function (result) { return result.hits; });
    });
  }

  // ---- Results panel ----

  var active = -1;
  var sequence = 0;

  function render(hits) {
    var concepts = hits.filter(function (h) { return meta.kinds[h.d] === 'c'; }).slice(0, 6);
    var notes = hits.filter(function (h) { return meta.kinds[h.d] !== 'c'; }).slice(0, 8);
    return loadDocs(concepts.concat(notes).map(function (h) { return h.d; })).then(function () {
      panel.innerHTML = '';
      active = -1;
      if (!concepts.length && !notes.length) {
        var empty = document.createElement('p');
        empty.className = 'search-empty';
        empty.textContent = ui.none;
        panel.appendChild(empty);
      }
      [[ui.concepts, concepts], [ui.notes, notes]].forEach(function (group) {
        if (!group[1].length) return;
        var heading = document.createElement('p');
        heading.className = 'search-group';
        heading.textContent = group[0];
        panel.appendChild(heading);
        group[1].forEach(function (hit) {
          var info = docInfo(hit.d);
          if (!info) return;
          var link = document.createElement('a');
          link.className = 'search-result search-' + info.kind;
          link.href = root + info.url;
          link.setAttribute('role', 'option');
          link.setAttribute('data-id', info.id);
          var title = document.createElement('span');
          title.className = 'search-title';
          title.textContent = info.title + (hit.fuzzy ? ' ' + ui.fuzzy : '');
          link.appendChild(title);
          if (info.summary) {
            var summary = document.createElement('span');
            summary.className = 'search-summary';
            summary.textContent = info.summary;
            link.appendChild(summary);
          }
          panel.appendChild(link);
        });
      });
      panel.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    });
  }

  function update() {
    var mine = ++sequence;
    var value = input.value;
    if (!value.trim()) { panel.hidden = true; input.setAttribute('aria-expanded', 'false'); return; }
    search(value).then(function (hits) {
      if (mine !== sequence) return;
      return render(hits);
    }).catch(function () {
      panel.innerHTML = '';
      var note = document.createElement('p');
      note.className = 'search-empty';
      note.textContent = ui.offline;
      panel.appendChild(note);
      panel.hidden = false;
    });
  }

  function move(step) {
    var items = panel.querySelectorAll('.search-result');
    if (!items.length) return;
    active = (active + step + items.length) % items.length;
    items.forEach(function (item, index) { item.classList.toggle('active', index === active); });
    items[active].scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('input', update);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); move(1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); move(-1); }
    else if (event.key === 'Enter') {
      var items = panel.querySelectorAll('.search-result');
      var target = items[active >= 0 ? active : 0];
      if (target) { event.preventDefault(); window.location.href = target.href; }
    } else if (event.key === 'Escape') { panel.hidden = true; input.blur(); }
  });
  document.addEventListener('keydown', function (event) {
    var tag = (event.target.tagName || '').toLowerCase();
    if (event.key === '/' && tag !== 'input' && tag !== 'textarea' && !event.target.isContentEditable) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  document.addEventListener('click', function (event) {
    if (!panel.contains(event.target) && event.target !== input) panel.hidden = true;
  });
  input.addEventListener('focus', function () { if (input.value.trim()) update(); loadMeta().catch(function () {}); });

  // Expose the matcher for tests of parity with the command line.
  window.gongbuSearch = { search: search, terms: function (t) { return loadMeta().then(function () { return terms(t); }); } };
})();
