/*
 * Charts of /public/figures. The data and every label come from the page's
 * <script type="application/json" id="figures-data"> (rendered from the message files);
 * this file holds no text a person reads. Each chart's numbers are also in the table beneath it.
 */
(function () {
  'use strict';
  var source = document.getElementById('figures-data');
  if (!source || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colors = {
    registered: '#6c757d',
    recognized: '#8b1a1a',
    typical: '#d4a017',
    cumulative: '#8b1a1a'
  };
  var LABEL_MAX = 28;

  function shortLabel(label) {
    var text = String(label);
    return text.length > LABEL_MAX ? text.slice(0, LABEL_MAX - 1) + '\u2026' : text;
  }

  function dataset(series, type) {
    var color = colors[series.key] || '#0d6efd';
    return {
      label: series.label,
      data: series.data,
      backgroundColor: color,
      borderColor: color,
      borderWidth: type === 'line' ? 2 : 0,
      tension: 0.2,
      spanGaps: true
    };
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var chart = data.charts[canvas.getAttribute('data-chart')];
    if (!chart) {
      return;
    }
    var valueAxis = { beginAtZero: true, ticks: { precision: 0 } };
    var categoryAxis = {
      ticks: {
        autoSkip: !chart.horizontal,
        callback: function (value) {
          return shortLabel(this.getLabelForValue(value));
        }
      }
    };
    new Chart(canvas, {
      type: chart.type,
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series) { return dataset(series, chart.type); })
      },
      options: {
        locale: data.locale,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: chart.horizontal ? 'y' : 'x',
        scales: chart.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
})();
