/* frontwatch map page.
 * Every piece of text that comes from articles (titles, sentences, outlet names, place
 * names) is inserted with textContent or text nodes, never as markup; links are made only
 * from http(s) URLs. */
"use strict";

(function () {
  const COLOURS = { "Taliban": "#c0392b", "Afghan government": "#2471a3", "contested": "#f39c12",
                    "besieged": "#8e44ad", "unknown": "#95a5a6" };
  const FALLBACK = ["#16a085", "#2c3e50", "#e84393", "#27ae60", "#7f8c8d", "#d35400"];  // no orange early: contested is orange
  const CLUSTER_ABOVE = 150;      // markers: plain below this, clustered when denser
  const LABELS_UP_TO = 15;        // names always shown beside markers when there are few places; else on hover
  const RECENT_DAYS = 7;          // the panel lists the changes of the week up to the day
  const SVG = "http://www.w3.org/2000/svg";

  const state = { days: [], day: null, places: [], tallies: [], timeline: [], layer: null,
                  map: null, colourOf: new Map(), controlRequest: 0 };

  // ---------- small DOM helpers (text only) ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function safeHref(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url, window.location.href);
      return (parsed.protocol === "http:" || parsed.protocol === "https:") ? parsed.href : null;
    } catch (e) { return null; }
  }

  function link(url, label) {
    const href = safeHref(url);
    if (!href) return el("span", { class: "muted" }, label);
    return el("a", { href: href, rel: "noopener noreferrer nofollow", target: "_blank" }, label);
  }

  async function getJSON(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(path + ": " + response.status);
    return response.json();
  }

  // ---------- colours ----------
  function colour(label) {
    if (!label) return COLOURS.unknown;
    if (COLOURS[label]) return COLOURS[label];
    if (!state.colourOf.has(label)) state.colourOf.set(label, FALLBACK[state.colourOf.size % FALLBACK.length]);
    return state.colourOf.get(label);
  }

  function statusOf(place) {
    return place.state === "held" ? (place.controller || "unknown") : place.state;
  }

  function renderLegend(labels) {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    for (const label of labels) {
      const item = el("li", {}, label);
      item.style.setProperty("--colour", colour(label));
      legend.append(item);
    }
  }

  // ---------- days ----------
  function dayList(first, last) {
    const out = [];
    if (!first || !last) return out;
    for (let d = new Date(first + "T00:00:00Z"); d <= new Date(last + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
      out.push(d.toISOString().slice(0, 10));
    }
    return out;
  }

  function shiftDay(day, n) {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  // ---------- map ----------
  function initMap(config) {
    const map = L.map("map", { keyboard: true, worldCopyJump: true, zoomSnap: 0.25 });
    if (config.tile_url) {
      L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "", maxZoom: 18 }).addTo(map);
    }
    map.attributionControl.setPrefix(false);
    state.map = map;
    const located = mainCountryPlaces(state.places.filter((p) => p.lat !== null && p.lon !== null));
    map.invalidateSize();
    if (located.length) {
      map.fitBounds(L.latLngBounds(located.map((p) => [p.lat, p.lon])).pad(0.1), { maxZoom: 9 });
    } else {
      map.setView([20, 0], 2);
    }
  }

  // The map opens on the country most places are in; a capital abroad named once
  // (a statement from Washington) would otherwise shrink the front to a dot.
  function mainCountryPlaces(located) {
    const counts = new Map();
    for (const p of located) counts.set(p.country, (counts.get(p.country) || 0) + 1);
    const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    return main ? located.filter((p) => p.country === main[0]) : located;
  }

  function markerFor(place) {
    const status = statusOf(place);
    const dot = el("div", { class: "place-dot state-" + place.state + (place.uncertain ? " uncertain" : "") });
    dot.style.setProperty("--colour", colour(status));
    dot.dataset.placeKey = place.place_key;
    dot.dataset.placeName = place.place_name;
    dot.dataset.state = place.state;
    dot.dataset.status = status;
    dot.dataset.colour = colour(status);
    const icon = L.divIcon({ html: dot, className: "place-marker", iconSize: [18, 18] });
    const title = place.place_name + ": " + (place.state === "held" ? "held by " + status : status);
    const marker = L.marker([place.lat, place.lon], { icon: icon, title: title, alt: title, keyboard: true });
    marker.on("click", () => showPlace(place));
    marker.on("keypress", (e) => { if (e.originalEvent.key === "Enter") showPlace(place); });
    // Leaflet inserts a string tooltip as markup: give it an element holding text.
    marker.bindTooltip(el("span", {}, place.place_name),
                       { permanent: state.places.length <= LABELS_UP_TO, direction: "right",
                         offset: [8, 0], className: "place-label" });
    return marker;
  }

  function renderMarkers(places) {
    if (state.layer) state.map.removeLayer(state.layer);
    const located = places.filter((p) => p.lat !== null && p.lon !== null);
    state.layer = located.length > CLUSTER_ABOVE ? L.markerClusterGroup({ disableClusteringAtZoom: 10 }) : L.layerGroup();
    for (const place of located) state.layer.addLayer(markerFor(place));
    state.layer.addTo(state.map);
    renderLegend([...new Set(places.map(statusOf))].sort());
  }

  // ---------- the day ----------
  async function setDay(day) {
    state.day = day;
    const index = state.days.indexOf(day);
    document.getElementById("day-slider").value = String(index);
    document.getElementById("day-label").textContent = day || "no dated events";
    if (day) history.replaceState(null, "", "#" + day);
    drawCursor();
    if (!day) return;
    const request = ++state.controlRequest;
    const control = await getJSON("/api/control", { date: day });
    if (request !== state.controlRequest) return;   // a later day was asked meanwhile
    renderMarkers(control.places);
    if (!state.pinned) await showRecent(day);
    if (request === state.controlRequest) document.body.dataset.shownDay = day;
  }

  async function showRecent(day) {
    const events = await getJSON("/api/events", { from: shiftDay(day, 1 - RECENT_DAYS), to: day, undated: "false", limit: 100 });
    if (state.pinned || day !== state.day) return;   // a place or event was opened meanwhile
    const title = document.getElementById("panel-title");
    title.textContent = "Events in the week to " + day;
    const body = document.getElementById("panel-body");
    body.replaceChildren(eventList(events.items, "No dated event in that week."));
  }

  function eventList(events, emptyText) {
    if (!events.length) return el("p", { class: "muted" }, emptyText);
    const list = el("ul", { class: "events" });
    for (const e of events) {
      const label = [e.date || "undated", e.kind, e.place_name || "somewhere", e.new_controller ? "(" + e.new_controller + ")" : ""].join(" ");
      const button = el("button", { type: "button", class: "event-button" }, label);
      button.addEventListener("click", () => showEvent(e.id));
      list.append(el("li", {}, button, " ", el("span", { class: "muted" }, "confidence " + e.confidence.toFixed(2))));
    }
    return list;
  }

  async function showPlace(place) {
    state.pinned = true;
    const [history, events] = await Promise.all([
      getJSON("/api/control/places/" + encodeURIComponent(place.place_key)).catch(() => ({ states: [] })),
      getJSON("/api/events", { place: place.place_name, limit: 200 })]);
    document.getElementById("panel-title").textContent = place.place_name;
    const body = document.getElementById("panel-body");
    const where = [place.admin2, place.admin1, place.country].filter(Boolean).join(", ");
    const states = el("ul", {});
    for (const s of history.states) {
      const who = s.state === "held" ? "held by " + (s.controller || "unknown") : s.state + (s.controller ? " by " + s.controller : "");
      states.append(el("li", {}, s.date_from + ": " + who + (s.uncertain ? " (uncertain)" : "")));
    }
    body.replaceChildren(el("p", { class: "muted" }, where), backButton(),
                         el("h3", {}, "Control"), states,
                         el("h3", {}, "Events"), eventList(events.items, "No events."));
  }

  function backButton() {
    const button = el("button", { type: "button" }, "Back to the week's events");
    button.addEventListener("click", () => { state.pinned = false; showRecent(state.day); });
    return button;
  }

  function highlighted(sentence, spans) {
    const node = el("p", { class: "sentence" });
    let at = 0;
    for (const [start, end] of spans || []) {
      if (start > at) node.append(document.createTextNode(sentence.slice(at, start)));
      node.append(el("mark", {}, sentence.slice(start, end)));
      at = end;
    }
    node.append(document.createTextNode(sentence.slice(at)));
    return node;
  }

  function sourceItem(source) {
    const article = source.article || {};
    const item = el("li", { class: "source " + source.role });
    item.append(el("div", {},
      el("span", { class: "badge" }, source.role === "denial" ? "denial" : "report"), " ",
      el("strong", { class: "outlet" }, source.outlet || article.outlet || "unknown outlet"), " ",
      el("span", { class: "muted" }, (source.published || "").slice(0, 10)),
      source.attributed_to ? el("span", { class: "muted" }, " · according to " + source.attributed_to) : null));
    if (article.title) item.append(el("div", { class: "title" }, article.title));
    item.append(highlighted(source.sentence || "", source.highlights));
    const links = el("div", { class: "links" }, link(source.url, "source"), " · ",
                     link("/api/articles/" + source.article_id, "stored text"));
    item.append(links);
    if (source.copies && source.copies.length) {
      const copies = el("ul", { class: "copies" });
      for (const copy of source.copies) {
        copies.append(el("li", {}, link(copy.url || "/api/articles/" + copy.article_id,
                                         (copy.outlet || "copy") + (copy.title ? ": " + copy.title : "")),
                         copy.kind ? el("span", { class: "muted" }, " (" + copy.kind + ")") : null));
      }
      item.append(el("div", { class: "muted" }, "Copies of this story:"), copies);
    }
    return item;
  }

  async function showEvent(id) {
    state.pinned = true;
    const e = await getJSON("/api/events/" + encodeURIComponent(id));
    document.getElementById("panel-title").textContent = e.kind + " · " + (e.place_name || "somewhere") + " · " + (e.date || "undated");
    const facts = el("dl", { class: "facts" });
    const fact = (k, v) => { if (v !== null && v !== undefined && v !== "") facts.append(el("dt", {}, k), el("dd", {}, String(v))); };
    fact("type", [e.event_type, e.sub_event_type].filter(Boolean).join(" / "));
    fact("actors", [e.actor1, e.actor2].filter(Boolean).join(" vs "));
    fact("now held by", e.new_controller);
    fact("fatalities", e.fatalities);
    fact("factuality", e.factuality + (e.attributed_to.length ? " (" + e.attributed_to.join(", ") + ")" : ""));
    fact("confidence", e.confidence.toFixed(2));
    fact("sources", e.n_articles + " articles, " + e.n_independent + " independent");
    if (e.disputed || e.conflicts.length) fact("disputed", e.conflicts.join("; ") || "yes");
    const sources = el("ul", { class: "sources" });
    for (const s of e.sources.concat(e.denials)) sources.append(sourceItem(s));
    document.getElementById("panel-body").replaceChildren(backButton(), facts, el("h3", {}, "What the sources say"), sources);
  }

  // ---------- timeline chart (plain SVG) ----------
  function chartGeometry() {
    const svg = document.getElementById("timeline-chart");
    const box = svg.getBoundingClientRect();
    return { svg: svg, width: Math.max(box.width, 200), height: Math.max(box.height, 80), left: 34, right: 10, top: 8, bottom: 18 };
  }

  function xOf(g, index) {
    const n = Math.max(state.days.length - 1, 1);
    return g.left + (g.width - g.left - g.right) * index / n;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  function drawTimeline() {
    const perDay = new Map();
    for (const r of state.timeline) perDay.set(r.date, (perDay.get(r.date) || 0) + r.events);
    const category = document.getElementById("tally-category").value;
    const series = new Map();
    for (const r of state.tallies) {
      if (r.category !== category) continue;
      if (!series.has(r.status)) series.set(r.status, new Map());
      series.get(r.status).set(r.date, r.places);
    }
    renderTimelineLegend([...series.keys()].sort());   // before measuring: it may take a line
    const g = chartGeometry();
    const svg = g.svg;
    svg.replaceChildren();
    svg.setAttribute("viewBox", "0 0 " + g.width + " " + g.height);
    if (!state.days.length) return;
    const plotH = g.height - g.top - g.bottom;
    const maxY = Math.max(1, ...perDay.values(), ...[...series.values()].flatMap((m) => [...m.values()]));
    const y = (v) => g.top + plotH - plotH * v / maxY;
    const barW = Math.max(2, (g.width - g.left - g.right) / state.days.length * 0.7);
    state.days.forEach((day, i) => {
      const n = perDay.get(day) || 0;
      if (n) {
        const bar = svgEl("rect", { x: xOf(g, i) - barW / 2, y: y(n), width: barW, height: g.top + plotH - y(n), fill: "#b2babb" });
        bar.append(svgEl("title", {}));
        bar.firstChild.textContent = day + ": " + n + " events";
        svg.append(bar);
      }
    });
    for (const [status, counts] of series) {
      const points = state.days.map((day, i) => xOf(g, i) + "," + y(counts.get(day) || 0)).join(" ");
      const line = svgEl("polyline", { points: points, fill: "none", stroke: colour(status), "stroke-width": 2 });
      line.append(svgEl("title", {}));
      line.firstChild.textContent = status;
      svg.append(line);
    }
    const axis = svgEl("text", { x: 2, y: g.top + 8 });
    axis.textContent = String(maxY);
    svg.append(axis);
    for (const i of [0, state.days.length - 1]) {
      const label = svgEl("text", { x: xOf(g, i), y: g.height - 4, "text-anchor": i ? "end" : "start" });
      label.textContent = state.days[i];
      svg.append(label);
    }
    const cursor = svgEl("line", { id: "timeline-cursor", y1: g.top, y2: g.top + plotH, stroke: "#22303c", "stroke-width": 2 });
    svg.append(cursor);
    drawCursor();
  }

  function renderTimelineLegend(statuses) {
    const legend = document.getElementById("timeline-legend");
    const bars = el("li", { class: "bars" }, "events a day");
    bars.style.setProperty("--colour", "#b2babb");
    legend.replaceChildren(bars);
    for (const status of statuses) {
      const item = el("li", {}, status);
      item.style.setProperty("--colour", colour(status));
      legend.append(item);
    }
  }

  function drawCursor() {
    const cursor = document.getElementById("timeline-cursor");
    if (!cursor || !state.day) return;
    const x = xOf(chartGeometry(), state.days.indexOf(state.day));
    cursor.setAttribute("x1", x);
    cursor.setAttribute("x2", x);
  }

  function chartClick(event) {
    const g = chartGeometry();
    const box = g.svg.getBoundingClientRect();
    const x = (event.clientX - box.left) * g.width / box.width;
    const n = Math.max(state.days.length - 1, 1);
    const index = Math.round((x - g.left) / (g.width - g.left - g.right) * n);
    const clamped = Math.min(Math.max(index, 0), state.days.length - 1);
    if (state.days[clamped]) setDay(state.days[clamped]);
  }

  function fillCategories() {
    const select = document.getElementById("tally-category");
    const counts = new Map();
    for (const r of state.tallies) counts.set(r.category, Math.max(counts.get(r.category) || 0, r.places));
    const categories = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    select.replaceChildren(...categories.map((c) => el("option", { value: c }, c)));
    const preferred = categories.includes("provincial capitals") ? "provincial capitals" : categories[0];
    if (preferred) select.value = preferred;
  }

  // The day is kept in the address (#2021-08-10), so a view can be bookmarked or sent.
  function dayFromHash() {
    const day = decodeURIComponent(window.location.hash.slice(1));
    return state.days.includes(day) ? day : null;
  }

  // ---------- start ----------
  function wireControls() {
    const slider = document.getElementById("day-slider");
    slider.max = String(Math.max(state.days.length - 1, 0));
    slider.addEventListener("input", () => setDay(state.days[Number(slider.value)]));
    const step = (n) => {
      const i = Math.min(Math.max(state.days.indexOf(state.day) + n, 0), state.days.length - 1);
      if (state.days[i]) setDay(state.days[i]);
    };
    document.getElementById("prev-day").addEventListener("click", () => step(-1));
    document.getElementById("next-day").addEventListener("click", () => step(1));
    document.getElementById("tally-category").addEventListener("change", drawTimeline);
    document.getElementById("timeline-chart").addEventListener("click", chartClick);
    window.addEventListener("resize", drawTimeline);
  }

  async function start() {
    const [config, summary, places] = await Promise.all([getJSON("/api/config"), getJSON("/api/summary"), getJSON("/api/places")]);
    state.places = places.items;
    state.days = dayList(summary.first_day, summary.last_day);
    const [tallies, timeline] = await Promise.all([getJSON("/api/tallies"), getJSON("/api/timeline")]);
    state.tallies = tallies.rows;
    state.timeline = timeline.rows;
    initMap(config);
    wireControls();
    fillCategories();
    drawTimeline();
    await setDay(dayFromHash() || state.days[state.days.length - 1] || null);
    window.addEventListener("hashchange", () => { const day = dayFromHash(); if (day && day !== state.day) setDay(day); });
    document.body.dataset.ready = "true";
  }

  start().catch((error) => {
    document.getElementById("panel-title").textContent = "Could not load the data";
    document.getElementById("panel-body").replaceChildren(el("p", {}, String(error)));
  });
})();
