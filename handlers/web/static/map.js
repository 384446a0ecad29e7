// The dashboard map: aggregated heat buckets (leaflet.heat) and at most a few hundred markers,
// fetched for the visible box and zoom whenever the view changes. With no tile URL configured the
// map draws on a plain background with a scale bar.
(function () {
  var el = document.getElementById("map");
  var note = document.getElementById("map-note");
  var map = L.map(el, { preferCanvas: true, zoomControl: true }).setView([35, 105], 4);
  L.control.scale({ imperial: false }).addTo(map);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution || "" }).addTo(map);
  }
  var colours = { new: "#1565c0", accepted: "#6a1b9a", in_progress: "#ef6c00", transferred: "#00838f",
                  resolved: "#2e7d32", closed: "#616161" };
  var heat = L.heatLayer([], { radius: 22, blur: 18, maxZoom: 17, minOpacity: 0.35 }).addTo(map);
  var markers = L.layerGroup().addTo(map);
  var filters = new URLSearchParams(window.location.search);
  var first = true, pending = null;

  function load() {
    var q = new URLSearchParams(filters);
    if (!first) {
      var b = map.getBounds();
      q.set("bbox", [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(function (v) {
        return Math.max(-180, Math.min(180, v)).toFixed(5); }).join(","));
      q.set("zoom", map.getZoom());
    }
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(el.dataset.api + "?" + q.toString(), { credentials: "same-origin", signal: pending.signal })
      .then(function (r) {
        return r.json().then(function (data) { if (!r.ok) throw data; return data; });
      })
      .then(function (data) { draw(data); })
      .catch(function (e) { failed(e); });
  }

  // A refusal ({"error": …}: the session ended, the role was revoked) or a fault says so under the
  // map, in the page's language; the map was left as it was, silently, as if nothing had been found.
  function failed(e) {
    if (e && e.name === "AbortError") return; // a newer view's request replaced this one
    note.textContent = (e && typeof e.error === "string") ? e.error : note.dataset.failed;
    note.classList.add("error");
    el.dataset.ready = "error";
  }

  function draw(data) {
    if (first) {
      first = false;
      if (data.extent) {
        var e = data.extent;
        map.fitBounds([[e[0], e[1]], [e[2], e[3]]], { padding: [30, 30], maxZoom: 15 });
        load(); // the view's own buckets and markers (moveend may not fire when the view is unchanged)
        return;
      }
    }
    heat.setLatLngs(data.heat.map(function (h) { return [h[0], h[1], h[2]]; }));
    markers.clearLayers();
    data.markers.forEach(function (m) {
      var c = colours[m.status] || "#9e9e9e";
      var dot = L.circleMarker([m.lat, m.lon], {
        radius: m.highlight ? 8 : 5, color: m.highlight ? "#d50000" : "#fff", weight: m.highlight ? 3 : 1,
        fillColor: c, fillOpacity: 0.9, className: "case-marker" + (m.highlight ? " urgent-open" : "") });
      dot.bindPopup('<a href="cases/' + m.number + '">' + m.number + "</a>");
      markers.addLayer(dot);
    });
    el.dataset.markers = String(data.markers.length);
    el.dataset.heat = String(data.heat.length);
    el.dataset.urgent = String(data.markers.filter(function (m) { return m.highlight; }).length);
    var text = data.truncated ? note.dataset.truncated.replace("{shown}", data.markers.length)
                              : note.dataset.located;
    note.textContent = text.replace("{located}", data.located);
    note.classList.remove("error");
    el.dataset.ready = "1";
  }

  map.on("moveend", load);
  load();
})();
