// The overview's trend chart (Chart.js, vendored): reported and resolved per local day.
(function () {
  var data = JSON.parse(document.getElementById("trend-data").textContent);
  var canvas = document.getElementById("trend");
  if (!window.Chart || !canvas) return;
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels.map(function (d) { return d.slice(5); }),
      datasets: [
        { label: data.names[0], data: data.reported, borderColor: "#b71c1c", backgroundColor: "#b71c1c33", fill: true, tension: 0.2, pointRadius: 0 },
        { label: data.names[1], data: data.resolved, borderColor: "#2e7d32", backgroundColor: "#2e7d3222", fill: true, tension: 0.2, pointRadius: 0 }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  canvas.dataset.drawn = "1";
})();
