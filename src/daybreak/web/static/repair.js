// daybreak: the Repair dialog (disruptions in, a repaired NEW board out, its moves shown and
// highlighted on the board) and the Conflicts panel (clashes across the project's
// productions). Plain JavaScript over /api/.../repair, /api/.../repairs/{id}, /api/conflicts.

const $ = (sel) => document.querySelector(sel);

const KINDS = {
  unavailable: { label: "Performer unavailable", pick: "cast", dates: true },
  location_lost: { label: "Location lost", pick: "locations", dates: true },
  location_available: { label: "Location available again", pick: "locations", dates: true },
  hiatus: { label: "Hiatus", pick: null, dates: true },
  reshoot: { label: "Reshoot a scene", pick: "scenes", dates: false },
  add_scenes: { label: "Add a scene to the days", pick: "scenes", dates: false },
  cut: { label: "Cut a scene", pick: "scenes", dates: false },
};

const money = (v) =>
  v === null || v === undefined
    ? "–"
    : new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(v);
const signed = (v) => (v > 0 ? `+${money(v)}` : v < 0 ? `−${money(-v)}` : "0");

function escape(text) {
  return String(text ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// app: {state, request, api, toast, loadBoards, loadBoard}
export function wireRepair(app) {
  const repair = { items: [], locations: null, highlight: null, job: null };

  async function pickChoices() {
    const kind = KINDS[$("#repair-kind").value];
    const select = $("#repair-what");
    select.innerHTML = "";
    select.hidden = !kind.pick;
    $("#repair-dates").hidden = !kind.dates;
    if (kind.pick === "cast") {
      for (const c of app.state.cast) select.append(new Option(`${c.board_id ? c.board_id + ". " : ""}${c.name}`, c.id));
    } else if (kind.pick === "locations") {
      if (!repair.locations) repair.locations = await app.request("GET", app.api("/locations"));
      for (const l of repair.locations) select.append(new Option(l.name, l.id));
    } else if (kind.pick === "scenes") {
      const strips = Object.values(app.state.view.strips).filter((s) => s.kind !== "banner");
      for (const s of strips) select.append(new Option(`Sc. ${s.number || "?"} · ${s.set || ""}`, s.id));
    }
  }

  function addItem() {
    const kind = $("#repair-kind").value;
    const spec = KINDS[kind];
    const item = { kind };
    const what = $("#repair-what");
    if (spec.pick) {
      if (!what.value) return app.toast("Pick what the change is about.");
      item.id = what.value;
      item.label = what.selectedOptions[0].textContent;
    }
    if (spec.dates) {
      item.start = $("#repair-start").value;
      item.end = $("#repair-end").value || item.start;
      if (!item.start) return app.toast("Give the first date.");
    }
    repair.items.push(item);
    renderItems();
  }

  function renderItems() {
    const list = $("#repair-list");
    list.innerHTML = "";
    if (!repair.items.length) {
      list.innerHTML = `<li class="note">No change yet: add what happened.</li>`;
      return;
    }
    repair.items.forEach((item, i) => {
      const li = document.createElement("li");
      const dates = item.start ? ` ${item.start}${item.end && item.end !== item.start ? ` → ${item.end}` : ""}` : "";
      li.textContent = `${KINDS[item.kind].label}: ${item.label || ""}${dates} `;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Remove";
      remove.addEventListener("click", () => {
        repair.items.splice(i, 1);
        renderItems();
      });
      li.append(remove);
      list.append(li);
    });
  }

  function body() {
    const out = {};
    for (const item of repair.items) {
      if (item.kind === "hiatus") out.hiatus = { start: item.start, end: item.end };
      else if (KINDS[item.kind].dates) (out[item.kind] ||= []).push({ name: item.id, start: item.start, end: item.end });
      else (out[item.kind] ||= []).push(item.id);
    }
    const seconds = Number($("#repair-time").value);
    if (seconds > 0) out.time_limit = seconds;
    return out;
  }

  async function run() {
    if (!repair.items.length) return app.toast("Add at least one change first.");
    const source = app.state.view.board;
    $("#repair-run").disabled = true;
    $("#repair-result").innerHTML = "";
    try {
      let job = await app.request("POST", app.api(`/boards/${source.id}/repair`), body());
      repair.job = job;
      while (job.status === "queued" || job.status === "running") {
        $("#repair-status").textContent = `Repairing… ${job.elapsed.toFixed(1)} s of ${job.time_limit} s`;
        await new Promise((r) => setTimeout(r, 400));
        job = await app.request("GET", app.api(`/repairs/${job.id}`));
      }
      const status = $("#repair-status");
      status.dataset.status = job.status;
      status.textContent = job.status === "done" ? `Repaired: ${job.message}` : `Repair failed: ${job.message || ""}`;
      renderResult(job);
    } finally {
      $("#repair-run").disabled = false;
    }
  }

  function moveRows(moves, added) {
    const rows = moves.concat(added).map((m) => `<tr data-strip-id="${escape(m.strip_id)}">
      <td class="num">${escape(m.scene)}</td>
      <td>${m.from_day ? `day ${m.from_day} · ${m.from_date || ""}` : "new strip"}</td>
      <td>→</td><td>${m.to_day ? `day ${m.to_day} · ${m.to_date || ""}` : "boneyard"}</td></tr>`);
    return rows.join("") || `<tr><td colspan="4" class="note">No strip moves.</td></tr>`;
  }

  function renderResult(job) {
    const r = job.result;
    const box = $("#repair-result");
    if (!r) {
      box.innerHTML = "";
      return;
    }
    const terms = Object.entries(r.cost_delta)
      .filter(([k]) => k !== "total")
      .map(([k, v]) => `<tr><td>${k.replaceAll("_", " ")}</td><td class="num">${money(r.cost_before[k] ?? 0)}</td>
        <td class="num">${money(r.cost[k] ?? (k === "stability" ? r.stability_cost : 0))}</td>
        <td class="num ${v > 0 ? "worse" : v < 0 ? "better" : ""}">${signed(v)}</td></tr>`)
      .join("");
    const total = r.cost_delta.total;
    const broken = r.violations.length
      ? `<h3>Rules the repair could not keep</h3><ul class="violations">${r.violations.slice(0, 20).map((v) => `<li>${escape(v)}</li>`).join("")}</ul>`
      : "";
    box.innerHTML = `
      <p>${escape(r.disruptions.join("; ") || "no change")} · ${r.frozen_days} shot day(s) kept ·
        <b id="repair-moved" data-moved="${r.moved_scenes}">${r.moved_scenes} scene(s) moved</b>,
        ${r.distance_days} day(s) in all · ${r.added.length} new strip(s) · ${r.dates_shifted} day(s) change date</p>
      <div class="repair-grid">
        <div><h3>What moves</h3><div class="repair-moves"><table id="repair-moves">
          <tr><th>Scene</th><th>From</th><th></th><th>To</th></tr>${moveRows(r.moves, r.added)}</table></div></div>
        <div><h3>Cost (${escape(r.currency)})</h3><table class="repair-cost">
          <tr><th>Term</th><th>Before</th><th>After</th><th>Change</th></tr>${terms}
          <tr class="total"><td>total (with stability)</td><td class="num">${money(r.cost_before.total)}</td>
          <td class="num">${money(r.objective)}</td><td class="num ${total > 0 ? "worse" : "better"}">${signed(total)}</td></tr>
        </table></div>
      </div>${broken}`;
    if (job.new_board_id) {
      const open = document.createElement("button");
      open.type = "button";
      open.className = "primary";
      open.id = "repair-open";
      open.textContent = `Show the new board “${r.board}”`;
      open.addEventListener("click", () => showBoard(job).catch(() => {}));
      box.append(open);
    }
  }

  async function showBoard(job) {
    const r = job.result;
    repair.highlight = {
      boardId: job.new_board_id,
      ids: new Set(r.moves.concat(r.added).map((m) => m.strip_id)),
    };
    $("#repair-dialog").close();
    await app.loadBoards();
    await app.loadBoard(job.new_board_id);
    app.toast(`${r.moved_scenes} moved strip(s) are outlined on “${r.board}”.`);
  }

  function markMoved() {
    document.querySelectorAll(".strip.moved").forEach((el) => el.classList.remove("moved"));
    const h = repair.highlight;
    if (!h || !app.state.view || app.state.view.board.id !== h.boardId) return;
    for (const id of h.ids) {
      const el = document.querySelector(`#board .strip[data-strip-id="${id}"]`);
      if (el) el.classList.add("moved");
    }
  }

  function open() {
    if (!app.state.view) return;
    $("#repair-board").textContent = app.state.view.board.name;
    $("#repair-status").textContent = "";
    delete $("#repair-status").dataset.status;
    $("#repair-result").innerHTML = "";
    renderItems();
    pickChoices().catch(() => {});
    $("#repair-dialog").showModal();
    $("#repair-kind").focus();
  }

  // -- conflicts -------------------------------------------------------------------------
  async function showConflicts() {
    const box = $("#conflicts-body");
    box.textContent = "Looking…";
    $("#conflicts-dialog").showModal();
    const found = await app.request("GET", "/api/conflicts");
    box.dataset.count = found.count;
    if (!found.count) {
      box.innerHTML = `<p>No clash across the project's ${found.productions} production(s): no shared performer or
        location is booked by two boards on the same dates.</p>`;
      return;
    }
    const side = (s) => `${escape(s.production)} <small>(${escape(s.board)})</small><br>
      <small>${escape(s.element)} · ${s.days_to_move} day(s) to move</small>`;
    const rows = found.conflicts.map((c) => `<tr><td>${escape(c.entry)}<br><small>${escape(c.kind)}</small></td>
      <td>${side(c.a)}</td><td>${side(c.b)}</td>
      <td>${c.overlap.map(escape).join(", ")}</td><td class="num">${c.days_to_move}</td></tr>`).join("");
    box.innerHTML = `<p>${found.count} clash(es) on ${found.overlap_days} date(s); ${found.days_to_move} shoot day(s)
      to move in all.</p><table id="conflicts-table"><tr><th>Who / where</th><th>Production A</th><th>Production B</th>
      <th>Dates booked by both</th><th>Days to move</th></tr>${rows}</table>`;
  }

  $("#repair-button").addEventListener("click", open);
  $("#conflicts-button").addEventListener("click", () => showConflicts().catch(() => {}));
  $("#repair-kind").addEventListener("change", () => pickChoices().catch(() => {}));
  $("#repair-add").addEventListener("click", addItem);
  $("#repair-close").addEventListener("click", () => $("#repair-dialog").close());
  $("#repair-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run().catch(() => {});
  });
  $("#repair-start").addEventListener("change", () => {
    if (!$("#repair-end").value || $("#repair-end").value < $("#repair-start").value) $("#repair-end").value = $("#repair-start").value;
  });
  $("#repair-kind").innerHTML = Object.entries(KINDS).map(([k, v]) => `<option value="${k}">${v.label}</option>`).join("");
  document.addEventListener("daybreak:board-rendered", markMoved);
  return { open, showConflicts };
}
