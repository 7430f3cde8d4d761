// The chart of outcomes per child: Chart.js (vendor/chart.js, loaded by report.html as a
// classic script), one stacked bar per child. Without it the tables below say the same.

const OUTCOMES = [
  ['first', 'Right at the first try', '#2e9d5b'],
  ['hints', 'Right after hints', '#f0b43c'],
  ['notyet', 'Not right yet', '#d9534f'],
  ['skipped', 'Skipped', '#9aa3ad'],
];

let chart = null;

export function drawOutcomeChart(canvas, rows) {
  const Chart = window.Chart;
  if (!Chart) return null;
  const data = {
    labels: rows.map((r) => r.key),
    datasets: OUTCOMES.map(([field, label, color]) => ({ label, data: rows.map((r) => r[field]), backgroundColor: color })),
  };
  canvas.parentElement.style.height = `${Math.max(120, 44 * rows.length + 70)}px`;
  if (chart) {
    chart.data = data;
    chart.update();
    return chart;
  }
  chart = new Chart(canvas, {
    type: 'bar',
    data,
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Problems' } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  // The print layout is narrower than the screen: draw the chart for it.
  window.addEventListener('beforeprint', () => chart.resize());
  window.addEventListener('afterprint', () => chart.resize());
  return chart;
}
