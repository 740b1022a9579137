// daybreak, during the shoot: the shoot log dialog (mark each day's strips shot, partly
// shot or not shot; add pick-ups and reshoots of earlier scenes), the progress numbers in
// the side panel, and shot marks on the strips of the board.
// Plain JavaScript over /api/productions/{pid}/boards/{bid}/log.

const $ = (sel) => document.querySelector(sel);

const STATUS_LABELS = { "": "—", complete: "Shot", partial: "Partial", not_shot: "Not shot" };

export function eighthsText(n) {
  const sign = n < 0 ? "−" : "";
  const v = Math.abs(n);
  const whole = Math.floor(v / 8);
  const rest = v % 8;
  if (!rest) return `${sign}${whole}`;
  return whole ? `${sign}${whole} ${rest}/8` : `${sign}${rest}/8`;
}

function dateText(iso) {
  if (!iso) return "";
  const d = new Date(`${iso}T12:00:00`);
  return d.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" });
}

function aheadText(days) {
  if (!days) return "on schedule";
  const n = Math.abs(days);
  return `${n} day${n === 1 ? "" : "s"} ${days > 0 ? "ahead" : "behind"}`;
}

// app: {state, request, api, toast} from app.js
export function wireShoot(app) {
  const shoot = {
    log: null, // the board's shoot log (GET .../log)
    day: 1, // the day in the editor
    added: [], // [{scene_id, reshoot}] of the day in the editor
    dirty: false,
  };
  const boardPath = () => app.api(`/boards/${app.state.view.board.id}/log`);

  async function loadLog() {
    if (!app.state.view) return null;
    const boardId = app.state.view.board.id;
    const log = await app.request("GET", boardPath());
    if (!app.state.view || app.state.view.board.id !== boardId) return null;
    shoot.log = log;
    renderSummary();
    markStrips();
    return log;
  }

  // -- the side panel and the board ------------------------------------------------------
  function renderSummary() {
    const box = $("#shoot-summary");
    if (!box || !shoot.log) return;
    const p = shoot.log.progress;
    const total = p.shot_eighths + p.remaining_eighths;
    box.dataset.daysLogged = p.days_logged;
    box.dataset.shotEighths = p.shot_eighths;
    box.dataset.daysAhead = p.days_ahead;
    if (!p.days_logged) {
      box.innerHTML = `<p class="note">No shoot day logged yet (L opens the shoot log).</p>`;
      return;
    }
    const state = p.days_ahead > 0 ? "ahead" : p.days_ahead < 0 ? "behind" : "even";
    box.innerHTML = `
      <div class="shoot-bar" title="Pages shot of the board's pages"><span style="width:${
        total ? Math.min(100, (100 * p.shot_eighths) / total) : 0
      }%"></span></div>
      <table class="counts">
        <tr><td>Days logged</td><td class="num">${p.days_logged} / ${p.days_scheduled}</td></tr>
        <tr><td>Scheduled to date</td><td class="num">${eighthsText(p.scheduled_eighths)} pgs</td></tr>
        <tr><td>Shot to date</td><td class="num" id="shoot-shot">${eighthsText(p.shot_eighths)} pgs</td></tr>
        <tr><td>Still to shoot</td><td class="num">${eighthsText(p.remaining_eighths)} pgs</td></tr>
      </table>
      <p class="shoot-state ${state}" id="shoot-ahead">${aheadText(p.days_ahead)}
        (${p.balance_eighths >= 0 ? "+" : ""}${eighthsText(p.balance_eighths)} pgs)</p>`;
  }

  function markStrips() {
    document.querySelectorAll(".strip[data-shot]").forEach((el) => {
      delete el.dataset.shot;
      el.classList.remove("shot-complete", "shot-partial", "shot-not_shot");
    });
    if (!shoot.log) return;
    for (const day of shoot.log.days) {
      for (const r of day.records) {
        if (r.status === "added") continue;
        const el = document.querySelector(`#board .strip[data-strip-id="${r.scene_id}"]`);
        if (!el) continue;
        el.dataset.shot = r.status;
        el.classList.add(`shot-${r.status}`);
        el.title = `${el.title}\nDay ${day.day}: ${STATUS_LABELS[r.status]}${
          r.status === "partial" ? ` (${r.pages_done} pgs)` : ""
        }`;
      }
    }
  }

  // -- the dialog --------------------------------------------------------------------------
  function strip(id) {
    return app.state.view.strips[id] || { id, number: "?", set: "", pages: "", eighths: 0 };
  }

  function renderDays() {
    const rows = shoot.log.progress.days.reduce((m, r) => m.set(r.day, r), new Map());
    const body = shoot.log.days
      .map((d) => {
        const r = rows.get(d.day);
        const status = d.logged
          ? r && r.shot_eighths >= r.scheduled_eighths
            ? "done"
            : "short"
          : "";
        const cum = r
          ? `<td class="num">${eighthsText(r.cumulative_scheduled_eighths)}</td><td class="num">${eighthsText(r.cumulative_shot_eighths)}</td>`
          : "<td></td><td></td>";
        return `<tr class="${d.day === shoot.day ? "current" : ""} ${status}" data-day="${d.day}">
          <td><button type="button" class="day-pick" data-day="${d.day}"
            aria-label="Day ${d.day}${d.logged ? ", logged" : ""}">${d.day}</button></td>
          <td>${dateText(d.date)}</td><td class="num">${d.scheduled_pages}</td>
          <td class="num">${d.logged ? eighthsText(d.shot_eighths) : ""}${
            d.added_eighths ? ` <small>+${eighthsText(d.added_eighths)}</small>` : ""
          }</td>${cum}<td class="mark">${d.logged ? (status === "done" ? "✓" : "•") : ""}</td></tr>`;
      })
      .join("");
    $("#shoot-days").innerHTML = `<thead><tr><th>Day</th><th>Date</th><th>Sched.</th>
      <th>Shot</th><th>Cum. sched.</th><th>Cum. shot</th><th></th></tr></thead><tbody>${body}</tbody>`;
    const p = shoot.log.progress;
    const line = $("#shoot-progress");
    line.dataset.daysLogged = p.days_logged;
    line.dataset.shotEighths = p.shot_eighths;
    line.textContent = p.days_logged
      ? `${p.days_logged} of ${p.days_scheduled} days logged · scheduled ${eighthsText(
          p.scheduled_eighths,
        )} pgs, shot ${eighthsText(p.shot_eighths)} pgs · ${aheadText(p.days_ahead)} · ${eighthsText(
          p.remaining_eighths,
        )} pgs to shoot`
      : `No day logged yet · ${p.days_scheduled} days scheduled · ${eighthsText(
          p.remaining_eighths,
        )} pgs to shoot`;
  }

  function statusCell(id, record) {
    const status = record ? record.status : "";
    const options = Object.entries(STATUS_LABELS)
      .map(([v, t]) => `<option value="${v}" ${v === status ? "selected" : ""}>${t}</option>`)
      .join("");
    const s = strip(id);
    const done = record && record.status === "partial" ? record.eighths_done : "";
    const label = escape(s.number || "");
    return `<td><select class="shot-status" data-strip-id="${id}" aria-label="Scene ${label} status">${options}</select></td>
      <td><input class="shot-eighths" data-strip-id="${id}" type="number" min="1" max="${Math.max(
        s.eighths - 1,
        1,
      )}" value="${done}" aria-label="Scene ${label} eighths done"
        ${status === "partial" ? "" : "disabled"} placeholder="/8"></td>`;
  }

  function renderEditor() {
    const day = shoot.log.days.find((d) => d.day === shoot.day);
    if (!day) return;
    const records = new Map(day.records.map((r) => [r.scene_id, r]));
    $("#shoot-day-title").textContent = `Day ${day.day}${day.date ? ` — ${dateText(day.date)}` : ""} · ${
      day.scheduled_pages
    } pgs scheduled${day.logged ? " · logged" : ""}`;
    $("#shoot-date").value = day.shot_on || day.date || "";
    $("#shoot-note").value = day.note || "";
    const rows = day.strip_ids
      .filter((id) => strip(id).kind !== "banner")
      .map((id) => {
        const s = strip(id);
        return `<tr data-strip-id="${id}"><td class="num">${escape(s.number || "")}</td>
          <td class="set">${escape(s.set || "")}${s.synopsis ? ` <small>${escape(s.synopsis)}</small>` : ""}</td>
          <td class="num">${s.pages}</td>${statusCell(id, records.get(id))}</tr>`;
      })
      .join("");
    $("#shoot-strips").innerHTML = `<thead><tr><th>Scene</th><th>Set</th><th>Pages</th>
      <th>Status</th><th>Eighths done</th></tr></thead><tbody>${
        rows || `<tr><td colspan="5" class="note">No strips scheduled on this day.</td></tr>`
      }</tbody>`;
    // strips logged on the day but no longer scheduled on it are kept as they were
    shoot.extra = day.records.filter((r) => r.status !== "added" && !day.strip_ids.includes(r.scene_id));
    shoot.added = day.records
      .filter((r) => r.status === "added")
      .map((r) => ({ scene_id: r.scene_id, reshoot: r.reshoot }));
    renderAdded();
    fillAddChoices(day);
    shoot.dirty = false;
    $("#shoot-dirty").hidden = true;
  }

  function renderAdded() {
    const list = $("#shoot-added");
    list.innerHTML = "";
    if (!shoot.added.length) {
      list.innerHTML = `<li class="note">None.</li>`;
      return;
    }
    shoot.added.forEach((a, i) => {
      const s = strip(a.scene_id);
      const li = document.createElement("li");
      li.dataset.stripId = a.scene_id;
      li.textContent = `${a.reshoot ? "Reshoot" : "Pick-up"} of scene ${s.number || "?"} — ${s.set || ""} (${s.pages} pgs) `;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", `Remove scene ${s.number || ""}`);
      remove.addEventListener("click", () => {
        shoot.added.splice(i, 1);
        renderAdded();
        setDirty();
      });
      li.append(remove);
      list.append(li);
    });
  }

  function fillAddChoices(day) {
    const select = $("#shoot-add-scene");
    select.innerHTML = "";
    const here = new Set(day.strip_ids);
    const earlier = shoot.log.days
      .filter((d) => d.day < day.day)
      .flatMap((d) => d.strip_ids.map((id) => [d.day, id]));
    const seen = new Set();
    const group = (label) => {
      const g = document.createElement("optgroup");
      g.label = label;
      select.append(g);
      return g;
    };
    const first = group("Scheduled on earlier days");
    for (const [n, id] of earlier) {
      const s = strip(id);
      if (s.kind === "banner" || seen.has(id)) continue;
      seen.add(id);
      first.append(new Option(`Sc. ${s.number || "?"} · ${s.set || ""} (day ${n})`, id));
    }
    const rest = group("Other scenes");
    for (const [id, s] of Object.entries(app.state.view.strips)) {
      if (s.kind === "banner" || seen.has(id) || here.has(id)) continue;
      rest.append(new Option(`Sc. ${s.number || "?"} · ${s.set || ""}`, id));
    }
  }

  function setDirty() {
    shoot.dirty = true;
    $("#shoot-dirty").hidden = false;
  }

  function entries() {
    const out = [];
    for (const select of document.querySelectorAll("#shoot-strips select.shot-status")) {
      const id = select.dataset.stripId;
      if (!select.value) continue;
      const entry = { scene: id, status: select.value };
      if (select.value === "partial") {
        const input = document.querySelector(`#shoot-strips input.shot-eighths[data-strip-id="${id}"]`);
        entry.eighths_done = Number(input.value || 0);
      }
      out.push(entry);
    }
    for (const r of shoot.extra || []) {
      const entry = { scene: r.scene_id, status: r.status };
      if (r.status === "partial") entry.eighths_done = r.eighths_done;
      out.push(entry);
    }
    for (const a of shoot.added) out.push({ scene: a.scene_id, status: "added", reshoot: a.reshoot });
    return out;
  }

  async function save() {
    const body = { entries: entries(), note: $("#shoot-note").value.trim() || null };
    if ($("#shoot-date").value) body.date = $("#shoot-date").value;
    const log = await app.request("PUT", `${boardPath()}/${shoot.day}`, body);
    shoot.log = log;
    app.toast(`Day ${shoot.day} logged.`);
    showDay(shoot.day);
    renderSummary();
    markStrips();
  }

  async function clearDay() {
    const day = shoot.log.days.find((d) => d.day === shoot.day);
    if (!day || !day.logged) return app.toast(`Day ${shoot.day} is not logged.`);
    shoot.log = await app.request("DELETE", `${boardPath()}/${shoot.day}`);
    app.toast(`The log of day ${shoot.day} is cleared.`);
    showDay(shoot.day);
    renderSummary();
    markStrips();
  }

  function showDay(n) {
    const count = shoot.log.days.length;
    if (!count) return;
    shoot.day = Math.max(1, Math.min(count, n));
    renderDays();
    renderEditor();
    const row = document.querySelector(`#shoot-days tr[data-day="${shoot.day}"]`);
    if (row) row.scrollIntoView({ block: "nearest" });
  }

  function dayOfSelection() {
    const id = app.state.anchor;
    if (!id || !shoot.log) return null;
    const day = shoot.log.days.find((d) => d.strip_ids.includes(id));
    return day ? day.day : null;
  }

  async function open() {
    if (!app.state.view) return;
    const log = await loadLog();
    if (!log) return;
    $("#shoot-board").textContent = app.state.view.board.name;
    if (!log.days.length) {
      $("#shoot-progress").textContent = "The board has no shoot days yet: add day breaks first.";
      $("#shoot-days").innerHTML = "";
      $("#shoot-form").hidden = true;
      $("#shoot-dialog").showModal();
      return;
    }
    $("#shoot-form").hidden = false;
    const firstOpen = (log.days.find((d) => !d.logged) || log.days[log.days.length - 1]).day;
    showDay(dayOfSelection() ?? firstOpen);
    $("#shoot-dialog").showModal();
    const first = document.querySelector("#shoot-strips select.shot-status");
    (first || $("#shoot-date")).focus();
  }

  function go(step) {
    if (shoot.dirty && !confirm("Leave this day without saving?")) return;
    showDay(shoot.day + step);
    const button = document.querySelector(`#shoot-days button[data-day="${shoot.day}"]`);
    if (button) button.focus();
  }

  // -- wiring -----------------------------------------------------------------------------
  $("#shoot-button").addEventListener("click", () => open().catch(() => {}));
  $("#shoot-days").addEventListener("click", (event) => {
    const button = event.target.closest("button.day-pick");
    if (!button) return;
    if (shoot.dirty && !confirm("Leave this day without saving?")) return;
    showDay(Number(button.dataset.day));
    document.querySelector(`#shoot-days button[data-day="${shoot.day}"]`)?.focus();
  });
  $("#shoot-strips").addEventListener("change", (event) => {
    const select = event.target.closest("select.shot-status");
    setDirty();
    if (!select) return;
    const input = document.querySelector(
      `#shoot-strips input.shot-eighths[data-strip-id="${select.dataset.stripId}"]`,
    );
    input.disabled = select.value !== "partial";
    if (select.value === "partial") input.focus();
    else input.value = "";
  });
  $("#shoot-strips").addEventListener("input", setDirty);
  $("#shoot-note").addEventListener("input", setDirty);
  $("#shoot-date").addEventListener("input", setDirty);
  $("#shoot-all").addEventListener("click", () => {
    document.querySelectorAll("#shoot-strips select.shot-status").forEach((s) => {
      s.value = "complete";
      s.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });
  $("#shoot-add-button").addEventListener("click", () => {
    const id = $("#shoot-add-scene").value;
    if (!id) return;
    if (shoot.added.some((a) => a.scene_id === id)) return app.toast("That scene is already added.");
    shoot.added.push({ scene_id: id, reshoot: $("#shoot-add-kind").value === "reshoot" });
    renderAdded();
    setDirty();
  });
  $("#shoot-form").addEventListener("submit", (event) => {
    event.preventDefault();
    save().catch(() => {});
  });
  $("#shoot-clear").addEventListener("click", () => clearDay().catch(() => {}));
  $("#shoot-close").addEventListener("click", () => $("#shoot-dialog").close());
  $("#shoot-dialog").addEventListener("keydown", (event) => {
    if (event.key === "PageUp" || (event.altKey && event.key === "ArrowUp")) {
      event.preventDefault();
      go(-1);
    } else if (event.key === "PageDown" || (event.altKey && event.key === "ArrowDown")) {
      event.preventDefault();
      go(1);
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      save().catch(() => {});
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("dialog, input, textarea, select")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "l" || event.key === "L") {
      event.preventDefault();
      open().catch(() => {});
    }
  });
  // the board was drawn (loaded, edited): refresh the marks and the numbers
  document.addEventListener("daybreak:board-rendered", () => {
    markStrips();
    loadLog().catch(() => {});
  });
  return { loadLog, open };
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}
