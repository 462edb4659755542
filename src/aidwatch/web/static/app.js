// aidwatch pages: plotly charts from figure JSON in data attributes, the
// link between evidence marks and fact cards, and the span picker for a
// missed fact. Loaded from this origin only (the CSP allows nothing else).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll(".chart[data-figure]")) {
    if (window.Plotly) {
      const figure = JSON.parse(el.dataset.figure);
      window.Plotly.newPlot(el, figure.data, figure.layout, { responsive: true, displaylogo: false });
    }
  }

  // Hovering or clicking a fact lights up its evidence, and the reverse.
  const marks = [...document.querySelectorAll("mark.evidence")];
  const light = (id, on) => {
    for (const m of marks) {
      if (m.dataset.facts.split(" ").includes(String(id))) m.classList.toggle("lit", on);
    }
    const card = document.getElementById("fact-" + id);
    if (card) card.classList.toggle("lit", on);
  };
  for (const card of document.querySelectorAll("section.fact")) {
    card.addEventListener("mouseenter", () => light(card.dataset.fact, true));
    card.addEventListener("mouseleave", () => light(card.dataset.fact, false));
  }
  for (const m of marks) {
    m.addEventListener("click", () => {
      const first = m.dataset.facts.split(" ")[0];
      const card = document.getElementById("fact-" + first);
      if (card) card.scrollIntoView({ behavior: "smooth", block: "center" });
    });
    m.addEventListener("mouseenter", () => m.dataset.facts.split(" ").forEach((id) => light(id, true)));
    m.addEventListener("mouseleave", () => m.dataset.facts.split(" ").forEach((id) => light(id, false)));
  }

  // Come from a record: its facts outlined, their sentences lit, the first in view.
  const ofRecord = [...document.querySelectorAll("section.fact.of-record")];
  for (const card of ofRecord) {
    for (const m of marks) {
      if (m.dataset.facts.split(" ").includes(card.dataset.fact)) m.classList.add("of-record");
    }
  }
  if (ofRecord.length) ofRecord[0].scrollIntoView({ block: "center" });

  // A selection in the article text → character offsets into the article.
  const text = document.getElementById("article-text");
  const start = document.getElementById("add-start");
  if (!text || !start) return;
  const end = document.getElementById("add-end");
  const shown = document.getElementById("add-span");
  const submit = document.getElementById("add-submit");
  const offset = (node, within) => {
    const segment = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest("[data-start]");
    if (!segment || !text.contains(segment)) return null;
    return Number(segment.dataset.start) + within;
  };
  document.addEventListener("selectionchange", () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    const a = offset(range.startContainer, range.startOffset);
    const b = offset(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return;
    start.value = a;
    end.value = b;
    shown.textContent = sel.toString();
    submit.disabled = false;
  });
});
