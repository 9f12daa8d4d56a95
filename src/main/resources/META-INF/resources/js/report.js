// Report tables (templates/ReportPages): a "Vis detaljer" checkbox that shows or hides the detail columns (remembered
// per report in localStorage), the title column kept in view beside the reference, and sorting by a column heading
// (numbers by their exact data-value, text the Danish way) within each section, the totals rows staying where they are.
// Without JavaScript every column is shown and the rows keep the report's order.
(function () {
  'use strict';

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      // private mode: the choice lasts until the page is left
    }
  }

  function details(box, table, index) {
    var count = box.getAttribute('data-details');
    if (!count) {
      return;
    }
    var key = 'gevinstspor.rapport.' + box.getAttribute('data-report') + '.detaljer';
    var names = Array.prototype.map.call(table.querySelectorAll('thead th.detail'), function (th) {
      return th.textContent.trim();
    });
    var p = document.createElement('p');
    p.className = 'details-toggle no-print';
    var input = document.createElement('input');
    input.type = 'checkbox';
    input.id = 'vis-detaljer-' + index;
    var label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = 'Vis detaljer (' + count + ' kolonner mere: ' + names.join(', ') + ')';
    p.appendChild(input);
    p.appendChild(label);
    box.insertBefore(p, box.firstChild);
    var sections = table.querySelectorAll('tr.section > th');
    var all = sections.length ? sections[0].colSpan : 0;
    function apply() {
      table.classList.toggle('hide-details', !input.checked);
      Array.prototype.forEach.call(sections, function (th) {
        th.colSpan = input.checked ? all : all - Number(count);
      });
      stickTitle(table);
    }
    input.checked = stored(key) === 'ja';
    input.addEventListener('change', function () {
      store(key, input.checked ? 'ja' : 'nej');
      apply();
    });
    apply();
  }

  // The title column stays in view beside the reference while the table scrolls sideways.
  function stickTitle(table) {
    var first = table.querySelector('thead th[data-column="0"]');
    var second = table.querySelector('thead th[data-column="1"]');
    if (!first || !second || second.getAttribute('data-heading') !== 'Titel') {
      return;
    }
    table.style.setProperty('--row-head-width', first.getBoundingClientRect().width + 'px');
    table.classList.add('sticky-title');
  }

  function sortKey(cell, numeric) {
    if (!cell) {
      return null;
    }
    if (numeric) {
      var value = cell.getAttribute('data-value');
      return value === null || value === '' ? null : Number(value);
    }
    var text = cell.textContent.trim();
    return text === '' ? null : text;
  }

  function compare(a, b, numeric) {
    if (numeric) {
      return a < b ? -1 : a > b ? 1 : 0;
    }
    return a.localeCompare(b, 'da', { numeric: true, sensitivity: 'base' });
  }

  function sortBy(table, th) {
    var column = Number(th.getAttribute('data-column'));
    var numeric = th.classList.contains('amount');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.querySelectorAll('thead th[aria-sort]'), function (other) {
      other.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var rows = Array.prototype.filter.call(body.rows, function (tr) {
        return !tr.classList.contains('section') && !tr.classList.contains('totals');
      });
      var keyed = rows.map(function (tr, i) {
        return { row: tr, key: sortKey(tr.cells[column], numeric), order: i };
      });
      keyed.sort(function (x, y) {
        if (x.key === null || y.key === null) { // empty cells last, whichever the direction
          return x.key === y.key ? x.order - y.order : x.key === null ? 1 : -1;
        }
        var c = compare(x.key, y.key, numeric);
        return c !== 0 ? (ascending ? c : -c) : x.order - y.order;
      });
      var totals = body.querySelector('tr.totals');
      keyed.forEach(function (k) {
        body.insertBefore(k.row, totals);
      });
    });
  }

  function sorting(table) {
    Array.prototype.forEach.call(table.querySelectorAll('thead th[data-column]'), function (th) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener('click', function () {
        sortBy(table, th);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.report-table'), function (box, index) {
    var table = box.querySelector('table.report');
    if (!table) {
      return;
    }
    sorting(table);
    details(box, table, index);
    stickTitle(table);
    window.addEventListener('resize', function () {
      stickTitle(table);
    });
  });
}());
