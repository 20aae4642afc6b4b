(() => {
  const form = document.getElementById('query');
  // The shop and dates are remembered for the tab; the admin key never is.
  const saved = JSON.parse(sessionStorage.getItem('triad-stats') || '{}');
  delete saved.key;
  for (const [name, value] of Object.entries(saved)) if (form.elements[name]) form.elements[name].value = value;
  const pct = v => v == null ? '—' : (v * 100).toFixed(1) + ' %';
  const esc = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const q = Object.fromEntries(new FormData(form));
    const { key, ...remembered } = q;
    sessionStorage.setItem('triad-stats', JSON.stringify(remembered));
    const params = new URLSearchParams();
    if (q.from) params.set('from', q.from);
    if (q.to) params.set('to', q.to);
    const response = await fetch('/admin/v1/shops/' + encodeURIComponent(q.shop) + '/stats?' + params,
      { headers: { Authorization: 'Bearer ' + q.key } });
    const body = await response.json();
    document.getElementById('error').textContent = response.ok ? '' : (body.detail || 'Request failed');
    document.getElementById('report').hidden = !response.ok;
    if (response.ok) show(body);
  });

  function show(r) {
    const cards = [
      ['Impressions', r.funnel.impressions], ['Clicks', r.funnel.clicks + ' · ' + pct(r.funnel.clickRate)],
      ['Adds', r.funnel.adds + ' · ' + pct(r.funnel.addRate)], ['Dismissals', r.funnel.dismissals],
      ['Orders won', r.orders.attributed], ['Revenue won', r.orders.attributedRevenue + ' ' + r.currency],
      ['Conversion uplift', pct(r.uplift.conversion)], ['Revenue per session uplift', pct(r.uplift.revenuePerSession)]];
    document.getElementById('cards').innerHTML = cards.map(([name, value]) =>
      '<div class="card"><span>' + esc(name) + '</span><b>' + esc(value) + '</b></div>').join('');
    chart(r.days);
    const row = (name, g) => '<tr><td>' + name + '</td><td>' + g.sessions + '</td><td>' + g.orders + '</td><td>'
      + pct(g.conversion) + '</td><td>' + esc(g.averageOrderValue ?? '—') + '</td><td>' + esc(g.revenuePerSession ?? '—') + '</td></tr>';
    document.getElementById('groups').innerHTML = '<tr><th>Group</th><th>Sessions</th><th>Orders</th><th>Conversion</th>'
      + '<th>Average order</th><th>Revenue per session</th></tr>' + row('Saw offers', r.exposed) + row('Hold-out', r.holdout);
  }

  function chart(days) {
    const svg = document.getElementById('chart');
    const series = [['impressions', '#adb5bd'], ['adds', '#3b5bdb'], ['attributedOrders', '#2b8a3e']];
    const max = Math.max(1, ...days.flatMap(d => series.map(([k]) => d[k])));
    const width = 900 / Math.max(1, days.length), bar = Math.max(1, width / 4);
    let out = '';
    days.forEach((d, i) => series.forEach(([k, color], j) => {
      const h = 190 * d[k] / max, x = 40 + i * width + j * bar;
      out += '<rect x="' + x + '" y="' + (210 - h) + '" width="' + (bar - 1) + '" height="' + h + '" fill="' + color
        + '"><title>' + d.date + ' ' + k + ': ' + d[k] + '</title></rect>';
    }));
    out += '<line x1="40" y1="210" x2="940" y2="210" stroke="#e4e7ec"/>';
    out += series.map(([k, color], j) => '<text x="' + (40 + j * 150) + '" y="232" font-size="12" fill="' + color + '">■ ' + k + '</text>').join('');
    out += '<text x="4" y="24" font-size="11" fill="#667085">' + max + '</text>';
    svg.innerHTML = out;
  }
})();
