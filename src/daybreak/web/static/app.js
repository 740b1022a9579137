// daybreak stripboard: plain JavaScript over the JSON API (/api/...).
// State: the production, the board on screen (with its version), its strips and cost.
import { wireShoot } from "./shoot.js";
import { wireRepair } from "./repair.js";

const $ = (sel) => document.querySelector(sel);
const api = (path) => `/api/productions/${encodeURIComponent(state.production.id)}${path}`;

const state = {
  production: null,
  cast: [],
  boards: [],
  view: null, // {board, strips, cost}
  selected: [], // strip ids in selection order
  anchor: null,
  lastTotal: null,
  elements: [],
  categories: [],
  job: null,
};

// -- HTTP -------------------------------------------------------------------------------
async function request(method, url, body) {
  const init = { method, headers: { "X-Daybreak-User": "web" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (response.status === 409 && data.current) {
    toast("The board changed meanwhile: showing the current state. Redo your edit.");
    await loadBoard(data.current.id);
    throw new Error("conflict");
  }
  if (!response.ok) {
    const detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail);
    toast(detail || `error ${response.status}`);
    throw new Error(detail);
  }
  return data;
}

function toast(text) {
  const el = $("#toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 4000);
}

const money = (value) =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(value);

// -- loading ----------------------------------------------------------------------------
async function start() {
  const productions = await request("GET", "/api/productions");
  if (!productions.length) {
    $("#board").textContent = "The project holds no production.";
    return;
  }
  state.production = productions[0];
  $("#production-name").textContent = state.production.name;
  const [cast, elements, categories, reports] = await Promise.all([
    request("GET", api("/cast")),
    request("GET", api("/elements")),
    request("GET", api("/categories")),
    request("GET", api("/reports")),
  ]);
  state.cast = cast;
  state.elements = elements;
  state.categories = categories;
  fillReports(reports);
  await loadBoards();
  const withDays = [...state.boards].reverse().find((b) => b.days > 0);
  await loadBoard((withDays || state.boards[state.boards.length - 1]).id);
}

async function loadBoards() {
  state.boards = await request("GET", api("/boards"));
  const select = $("#board-select");
  const current = state.view ? state.view.board.id : null;
  select.innerHTML = "";
  for (const b of state.boards) {
    const option = new Option(`${b.name} (${b.days} days)`, b.id);
    select.append(option);
  }
  if (current) select.value = current;
}

async function loadBoard(boardId) {
  const view = await request("GET", api(`/boards/${boardId}`));
  const same = state.view && state.view.board.id === boardId;
  state.view = view;
  if (!same) {
    state.selected = [];
    state.lastTotal = null;
  }
  $("#board-select").value = boardId;
  render();
}

// -- rendering ----------------------------------------------------------------------------
function stripClass(strip) {
  if (strip.kind === "banner") return "banner";
  const tod = (strip.time_of_day || "DAY").toUpperCase();
  const ie = (strip.int_ext || "INT").startsWith("EXT") ? "ext" : "int";
  if (tod.includes("DAWN") || tod.includes("MORNING")) return `${ie}-day dawn`;
  if (tod.includes("DUSK") || tod.includes("EVENING")) return `${ie}-night dusk`;
  return `${ie}-${strip.night ? "night" : "day"}`;
}

function cueText(strip) {
  const ie = strip.int_ext === "INT/EXT" ? "I/E" : strip.int_ext || "";
  const tod = (strip.time_of_day || "").slice(0, 5);
  return `${ie}<br>${tod}`;
}

function violatedStrips() {
  const bad = new Map();
  for (const v of state.view.cost.violations) {
    if (v.rule === "unscheduled") continue;
    for (const id of v.strip_ids) bad.set(id, [...(bad.get(id) || []), v.message]);
  }
  return bad;
}

function headerBoard(title) {
  const head = document.createElement("div");
  head.className = "header-board";
  const top = document.createElement("div");
  top.className = "head-top";
  top.innerHTML = `<b>${title}</b><span>Scene · I/E · D/N · pages</span><span>Set / synopsis ↑</span>`;
  head.append(top);
  for (const member of state.cast) {
    const row = document.createElement("div");
    row.className = "cast-row";
    row.textContent = `${member.board_id || ""}. ${member.name}`;
    head.append(row);
  }
  return head;
}

function stripElement(strip, place, bad) {
  const el = document.createElement("div");
  el.className = `strip ${stripClass(strip)}`;
  el.draggable = true;
  el.tabIndex = -1;
  el.dataset.stripId = strip.id;
  el.dataset.section = place.section;
  el.dataset.group = place.group;
  el.dataset.index = place.index;
  const problems = bad.get(strip.id);
  if (problems) {
    el.classList.add("violated");
    el.title = problems.join("\n");
  } else {
    el.title = `${strip.number || ""} ${strip.int_ext || ""} ${strip.set || ""} - ${strip.time_of_day || ""}\n${strip.synopsis || ""}`;
  }
  if (state.selected.includes(strip.id)) el.classList.add("selected");
  const top = document.createElement("div");
  top.className = "top";
  if (strip.kind === "banner") {
    top.innerHTML = `<div class="vtext"><span class="set"></span></div>`;
    top.querySelector(".set").textContent = strip.banner_text || "banner";
  } else {
    top.innerHTML =
      `<div class="num"></div><div class="cue">${cueText(strip)}</div>` +
      `<div class="pages"></div><div class="vtext"><span class="set"></span> <span class="syn"></span></div>`;
    top.querySelector(".num").textContent = strip.number || "";
    top.querySelector(".pages").textContent = strip.pages;
    top.querySelector(".set").textContent = strip.set || "";
    top.querySelector(".syn").textContent = strip.synopsis ? `— ${strip.synopsis}` : "";
  }
  el.append(top);
  const ids = new Set(strip.cast_ids);
  for (const member of state.cast) {
    const cell = document.createElement("div");
    cell.className = "cell";
    cell.textContent = ids.has(member.board_id || member.name) ? member.board_id || "•" : "";
    el.append(cell);
  }
  return el;
}

function dayBreakElement(group, place) {
  const el = document.createElement("div");
  el.className = "daybreak";
  el.dataset.section = place.section;
  el.dataset.group = place.group;
  el.dataset.index = place.index;
  el.dataset.day = group.day ?? "";
  const date = group.date ? new Date(`${group.date}T12:00:00`) : null;
  const when = date
    ? date.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric" })
    : "";
  const text = document.createElement("div");
  text.className = "vtext";
  const empty = !group.strip_ids.length;
  if (empty) el.classList.add("dark");
  text.textContent = empty
    ? `DAY ${group.day ?? ""} — ${when} — NO WORK`
    : `END OF DAY ${group.day ?? ""} — ${when} — ${group.pages} pgs`;
  el.title = text.textContent;
  el.append(text);
  return el;
}

function renderSection(container, section, title, bad) {
  container.innerHTML = "";
  const empty = !section.groups.some((g) => g.strip_ids.length || g.is_day);
  if (empty) {
    const note = document.createElement("div");
    note.className = "drop-end empty-yard";
    note.dataset.section = section.id;
    note.dataset.group = 0;
    note.dataset.index = 0;
    note.textContent = section.id === "boneyard" || title === "Boneyard"
      ? "Drop strips here to take them off the schedule."
      : "No strips.";
    container.append(note);
    return;
  }
  container.append(headerBoard(title));
  const strips = state.view.strips;
  section.groups.forEach((group, g) => {
    group.strip_ids.forEach((id, i) => {
      const strip = strips[id];
      if (strip) container.append(stripElement(strip, { section: section.id, group: g, index: i }, bad));
    });
    if (group.is_day) {
      container.append(dayBreakElement(group, { section: section.id, group: g, index: group.strip_ids.length }));
    }
  });
  const end = document.createElement("div");
  end.className = "drop-end";
  end.dataset.section = section.id;
  const last = section.groups.length - 1;
  const trailingLoose = last >= 0 && !section.groups[last].is_day;
  end.dataset.group = trailingLoose ? last : section.groups.length;
  end.dataset.index = trailingLoose ? section.groups[last].strip_ids.length : 0;
  container.append(end);
}

function render() {
  const { board } = state.view;
  const bad = violatedStrips();
  const main = board.sections.find((s) => !s.is_boneyard) || { id: "", groups: [] };
  const yard = board.sections.find((s) => s.is_boneyard) || { id: "boneyard", groups: [] };
  renderSection($("#board"), main, board.name, bad);
  renderSection($("#boneyard"), yard, "Boneyard", bad);
  renderCost();
  document.dispatchEvent(new CustomEvent("daybreak:board-rendered", { detail: { reload: true } }));
}

function renderCost() {
  const cost = state.view.cost;
  const total = $("#cost-total");
  total.dataset.total = cost.total ?? "";
  total.dataset.version = state.view.board.version;
  total.textContent = cost.available ? `${money(cost.total)} ${cost.currency}` : "–";
  const delta = $("#cost-delta");
  delta.className = "delta";
  delta.textContent = "";
  if (cost.available && state.lastTotal !== null && state.lastTotal !== cost.total) {
    const d = cost.total - state.lastTotal;
    delta.textContent = `${d > 0 ? "+" : "−"}${money(Math.abs(d))}`;
    delta.classList.add(d > 0 ? "up" : "down");
  }
  if (cost.available) state.lastTotal = cost.total;
  $("#cost-note").textContent = cost.note || (cost.feasible ? "Every rule holds." : "");
  const counts = [
    ["Shoot days", cost.counts.shoot_days],
    ["Hold days", cost.counts.hold_days],
    ["Company moves", cost.counts.company_moves],
    ["Set changes", cost.counts.set_changes],
    ["Drops", cost.counts.drops],
  ];
  $("#cost-counts").innerHTML = counts
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<tr><td>${k}</td><td class="num" data-count="${k}">${v}</td></tr>`)
    .join("");
  $("#cost-terms").innerHTML = Object.entries(cost.terms)
    .map(([k, v]) => `<tr><td>${k.replaceAll("_", " ")}</td><td class="num">${money(v)}</td></tr>`)
    .join("");
  const list = $("#violations");
  list.innerHTML = "";
  $("#violation-count").textContent = cost.violations.length ? `(${cost.violations.length})` : "";
  for (const v of cost.violations) {
    const li = document.createElement("li");
    li.textContent = v.message;
    li.addEventListener("click", () => select(v.strip_ids.filter((id) => v.rule !== "unscheduled").slice(0, 50)));
    list.append(li);
  }
}

// -- selection ----------------------------------------------------------------------------
function orderedStripIds() {
  return [...document.querySelectorAll(".strip[data-strip-id]")].map((el) => el.dataset.stripId);
}

function select(ids, anchor) {
  state.selected = ids;
  state.anchor = anchor ?? ids[ids.length - 1] ?? null;
  document.querySelectorAll(".strip.selected").forEach((el) => el.classList.remove("selected"));
  for (const id of ids) {
    const el = document.querySelector(`.strip[data-strip-id="${id}"]`);
    if (el) el.classList.add("selected");
  }
  const focus = document.querySelector(`.strip[data-strip-id="${state.anchor}"]`);
  if (focus) {
    focus.focus({ preventScroll: true });
    focus.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

function onStripClick(event) {
  const el = event.target.closest(".strip[data-strip-id]");
  if (!el) return;
  const id = el.dataset.stripId;
  if (event.shiftKey && state.anchor) {
    const order = orderedStripIds();
    const [a, b] = [order.indexOf(state.anchor), order.indexOf(id)].sort((x, y) => x - y);
    select(order.slice(a, b + 1), state.anchor);
  } else if (event.ctrlKey || event.metaKey) {
    const ids = state.selected.includes(id)
      ? state.selected.filter((s) => s !== id)
      : [...state.selected, id];
    select(ids, id);
  } else {
    select([id], id);
  }
}

// -- edits -----------------------------------------------------------------------------------
async function edit(method, path, body) {
  const result = await request(method, api(`/boards/${state.view.board.id}${path}`), body);
  state.view = { ...state.view, board: result.board, cost: result.cost };
  render();
  select(state.selected.filter((id) => id in state.view.strips));
  return result;
}

function placeOf(id) {
  for (const section of state.view.board.sections) {
    for (const [g, group] of section.groups.entries()) {
      const i = group.strip_ids.indexOf(id);
      if (i >= 0) return { section, g, i };
    }
  }
  return null;
}

// index in the target group once the moved strips are taken out of it
function adjustedIndex(sectionId, g, index, moving) {
  const section = state.view.board.sections.find((s) => s.id === sectionId);
  const group = section && section.groups[g];
  if (!group) return index;
  const before = group.strip_ids.slice(0, index).filter((id) => moving.includes(id)).length;
  return index - before;
}

async function moveTo(ids, sectionId, group, index) {
  const moving = orderedStripIds().filter((id) => ids.includes(id));
  if (!moving.length) return;
  await edit("POST", "/moves", {
    version: state.view.board.version,
    strip_ids: moving,
    section: sectionId,
    group,
    index: adjustedIndex(sectionId, group, index, moving),
  });
}

async function nudge(step) {
  if (!state.selected.length) return;
  const order = orderedStripIds().filter((id) => state.selected.includes(id));
  const lead = step < 0 ? order[0] : order[order.length - 1];
  const place = placeOf(lead);
  if (!place) return;
  const { section, g, i } = place;
  const groups = section.groups;
  let target;
  if (step < 0) {
    if (i > 0) target = { g, index: i - 1 };
    else if (g > 0) target = { g: g - 1, index: groups[g - 1].strip_ids.length };
  } else if (i < groups[g].strip_ids.length - 1) {
    target = { g, index: i + 2 };
  } else if (g + 1 < groups.length) {
    target = { g: g + 1, index: 0 };
  }
  if (!target) return;
  await moveTo(order, section.id, target.g, target.index);
}

async function undo() {
  const result = await request("POST", api(`/boards/${state.view.board.id}/undo`));
  toast(`Undone: ${result.action}`);
  await loadBoards();
  if (result.board) await loadBoard(result.board.id);
  else await loadBoard(state.boards[state.boards.length - 1].id);
}

async function insertBreak() {
  const id = state.selected[state.selected.length - 1];
  if (!id) return toast("Select the strip that ends the day.");
  await edit("POST", "/day-breaks", { version: state.view.board.version, after: id });
}

async function toBoneyard() {
  if (!state.selected.length) return;
  await edit("POST", "/boneyard", { version: state.view.board.version, strip_ids: state.selected });
}

// -- drag and drop ---------------------------------------------------------------------------
let dragIds = [];

function dropTarget(event) {
  const el = event.target.closest(".strip[data-strip-id], .daybreak, .drop-end");
  if (!el) return null;
  let index = Number(el.dataset.index);
  let side = "before";
  if (el.classList.contains("strip")) {
    const rect = el.getBoundingClientRect();
    if (event.clientX > rect.left + rect.width / 2) {
      index += 1;
      side = "after";
    }
  }
  return { el, section: el.dataset.section, group: Number(el.dataset.group), index, side };
}

function clearMarks() {
  document.querySelectorAll(".drop-before, .drop-after").forEach((el) => el.classList.remove("drop-before", "drop-after"));
}

function wireDrag(container) {
  container.addEventListener("dragstart", (event) => {
    const el = event.target.closest(".strip[data-strip-id]");
    if (!el) return;
    const id = el.dataset.stripId;
    if (!state.selected.includes(id)) select([id], id);
    dragIds = [...state.selected];
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragIds.join(","));
    el.classList.add("dragging");
  });
  container.addEventListener("dragend", (event) => {
    event.target.classList?.remove("dragging");
    clearMarks();
  });
  container.addEventListener("dragover", (event) => {
    const target = dropTarget(event);
    if (!target) return;
    event.preventDefault();
    clearMarks();
    target.el.classList.add(target.side === "after" ? "drop-after" : "drop-before");
  });
  container.addEventListener("drop", async (event) => {
    event.preventDefault();
    const target = dropTarget(event);
    clearMarks();
    const ids = dragIds.length ? dragIds : (event.dataTransfer.getData("text/plain") || "").split(",");
    dragIds = [];
    if (!target || !ids.length) return;
    await moveTo(ids, target.section, target.group, target.index);
  });
  container.addEventListener("click", onStripClick);
  container.addEventListener("dblclick", (event) => {
    const el = event.target.closest(".strip[data-strip-id]");
    if (el) openSheet(el.dataset.stripId);
  });
}

// -- keyboard ----------------------------------------------------------------------------------
function onKey(event) {
  if (event.target.closest("dialog, input, textarea, select")) return;
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && event.key.toLowerCase() === "z") {
    event.preventDefault();
    undo().catch(() => {});
    return;
  }
  const order = orderedStripIds();
  const current = order.indexOf(state.anchor);
  const arrows = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };
  if (event.key in arrows) {
    event.preventDefault();
    const step = arrows[event.key];
    if (event.altKey) {
      nudge(step).catch(() => {});
      return;
    }
    const next = order[Math.max(0, Math.min(order.length - 1, current < 0 ? 0 : current + step))];
    if (event.shiftKey && state.selected.length) {
      const anchorAt = order.indexOf(state.selected[0]);
      const to = order.indexOf(next);
      const [a, b] = [anchorAt, to].sort((x, y) => x - y);
      state.selected = order.slice(a, b + 1);
      state.anchor = next;
      select(state.selected, next);
    } else {
      select([next], next);
    }
    return;
  }
  const actions = {
    "[": () => nudge(-1),
    "]": () => nudge(1),
    b: insertBreak,
    B: insertBreak,
    Delete: toBoneyard,
    Enter: () => state.anchor && openSheet(state.anchor),
  };
  if (event.key in actions && !ctrl) {
    event.preventDefault();
    Promise.resolve(actions[event.key]()).catch(() => {});
  }
}

// -- breakdown sheet ---------------------------------------------------------------------------
let sheetScene = null;

async function openSheet(sceneId) {
  sheetScene = await request("GET", api(`/scenes/${sceneId}`));
  $("#sheet-title").textContent = `${sheetScene.number || ""} ${sheetScene.int_ext || ""} ${sheetScene.set || ""} – ${sheetScene.time_of_day || ""}`;
  $("#sheet-number").value = sheetScene.number || "";
  $("#sheet-eighths").value = sheetScene.eighths;
  $("#sheet-synopsis").value = sheetScene.synopsis || "";
  $("#sheet-comments").value = sheetScene.comments || "";
  renderSheetElements();
  const add = $("#sheet-add");
  add.innerHTML = '<option value="">—</option>';
  const categories = new Map(state.categories.map((c) => [c.id, c]));
  for (const e of state.elements) {
    const cat = categories.get(e.category_id);
    add.append(new Option(`${cat ? cat.name : e.category}: ${e.name}`, e.id));
  }
  $("#sheet-dialog").showModal();
}

function renderSheetElements() {
  const box = $("#sheet-elements");
  box.innerHTML = "";
  for (const e of sheetScene.elements) {
    const chip = document.createElement("span");
    chip.className = `chip ${e.board_id ? "cast" : ""}`;
    chip.textContent = `${e.category}: ${e.board_id ? e.board_id + ". " : ""}${e.name}`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.title = "Remove from the scene";
    remove.addEventListener("click", () => {
      sheetScene.elements = sheetScene.elements.filter((x) => x.id !== e.id);
      renderSheetElements();
    });
    chip.append(remove);
    box.append(chip);
  }
}

async function saveSheet() {
  const body = {
    number: $("#sheet-number").value || null,
    eighths: Number($("#sheet-eighths").value || 0),
    synopsis: $("#sheet-synopsis").value || null,
    comments: $("#sheet-comments").value || null,
    element_ids: sheetScene.elements.map((e) => e.id),
  };
  await request("PATCH", api(`/scenes/${sheetScene.id}`), body);
  toast("Breakdown saved.");
  await loadBoard(state.view.board.id);
}

// -- DOOD and compare ----------------------------------------------------------------------------
function doodCodes(p, days) {
  const codes = Array(days).fill("");
  const work = new Set(p.work_days);
  for (const d of p.hold_days) codes[d - 1] = "H";
  for (const [a, b] of p.drop_gaps) for (let d = a; d <= b; d++) codes[d - 1] = "D";
  for (const d of work) codes[d - 1] = "W";
  if (p.work_days.length) {
    const first = p.work_days[0];
    const last = p.work_days[p.work_days.length - 1];
    codes[first - 1] = first === last ? "SWF" : "SW";
    if (first !== last) codes[last - 1] = "WF";
  }
  return codes;
}

function showDood() {
  const cost = state.view.cost;
  const days = cost.counts.shoot_days !== undefined ? (cost.dates || []).length : 0;
  const box = $("#dood-table");
  if (!cost.available) {
    box.textContent = cost.note || "No shoot days yet.";
  } else {
    const head = Array.from({ length: days }, (_, i) => `<th>${i + 1}</th>`).join("");
    const rows = cost.performers
      .map((p) => {
        const cells = doodCodes(p, days).map((c) => `<td class="${c}">${c}</td>`).join("");
        return `<tr><td class="name">${p.name}</td>${cells}<td>${p.work_days.length}</td><td>${p.hold_days.length}</td><td>${p.paid_days}</td></tr>`;
      })
      .join("");
    box.innerHTML = `<table><tr><th>Cast</th>${head}<th>Work</th><th>Hold</th><th>Paid</th></tr>${rows}</table>`;
  }
  $("#dood-dialog").showModal();
}

function boardDays(view) {
  const main = view.board.sections.find((s) => !s.is_boneyard);
  if (!main) return "";
  return main.groups
    .filter((g) => g.is_day)
    .map((g) => {
      const nums = g.strip_ids.map((id) => view.strips[id]?.number || "?").join(", ");
      return `<tr><td>${g.day}</td><td>${g.date || ""}</td><td>${g.pages}</td><td style="text-align:left">${nums}</td></tr>`;
    })
    .join("");
}

async function showCompare() {
  const select = $("#compare-select");
  select.innerHTML = "";
  for (const b of state.boards) if (b.id !== state.view.board.id) select.append(new Option(b.name, b.id));
  $("#compare-dialog").showModal();
  await renderCompare();
}

async function renderCompare() {
  const otherId = $("#compare-select").value;
  const body = $("#compare-body");
  if (!otherId) {
    body.textContent = "There is no other board.";
    return;
  }
  const other = await request("GET", api(`/boards/${otherId}`));
  const mine = state.view;
  const column = (view, against) => {
    const c = view.cost;
    const rows = ["total", ...Object.keys(c.terms)]
      .map((k) => {
        const v = k === "total" ? c.total : c.terms[k];
        const w = k === "total" ? against.cost.total : against.cost.terms[k];
        const cls = v === null || w === null || v === w ? "" : v < w ? "better" : "worse";
        return `<tr><td>${k.replaceAll("_", " ")}</td><td class="${cls}">${money(v)}</td></tr>`;
      })
      .join("");
    const counts = Object.entries(c.counts).map(([k, v]) => `<tr><td>${k.replaceAll("_", " ")}</td><td>${v}</td></tr>`).join("");
    return `<div><h3>${view.board.name}</h3><table>${rows}${counts}</table>
      <div class="days"><table><tr><th>Day</th><th>Date</th><th>Pages</th><th>Scenes</th></tr>${boardDays(view)}</table></div></div>`;
  };
  body.innerHTML = column(mine, other) + column(other, mine);
}

// -- optimizer -----------------------------------------------------------------------------------
async function optimize() {
  const job = await request("POST", api("/jobs"), { board_id: state.view.board.id });
  state.job = job;
  $("#job-bar").hidden = false;
  $("#job-cancel").hidden = false;
  $("#optimize-button").disabled = true;
  $("#job-status").textContent = "Optimizing…";
  const events = new EventSource(api(`/jobs/${job.id}/events`));
  events.onmessage = async (message) => {
    const j = JSON.parse(message.data);
    state.job = j;
    $("#job-progress").value = Math.min(1, j.elapsed / j.time_limit);
    $("#job-best").textContent =
      j.best !== null ? `best ${money(j.best)} · bound ${money(j.bound)}` : "searching…";
    $("#job-status").textContent = `Optimizing… ${j.elapsed.toFixed(1)} s`;
    if (["done", "failed", "cancelled"].includes(j.status)) {
      events.close();
      await finishJob(j);
    }
  };
  events.onerror = () => {
    events.close();
    pollJob(job.id);
  };
}

async function pollJob(jobId) {
  const j = await request("GET", api(`/jobs/${jobId}`));
  if (["done", "failed", "cancelled"].includes(j.status)) return finishJob(j);
  setTimeout(() => pollJob(jobId), 500);
}

async function finishJob(j) {
  $("#optimize-button").disabled = false;
  $("#job-cancel").hidden = true;
  $("#job-status").textContent = `Optimizer ${j.status}: ${j.message || ""}`;
  $("#job-status").dataset.status = j.status;
  $("#job-progress").value = 1;
  if (j.new_board_id) {
    await loadBoards();
    await loadBoard(j.new_board_id);
    toast(`New board: ${state.view.board.name}`);
  }
}

// -- reports ---------------------------------------------------------------------------------------
function fillReports(kinds) {
  const select = $("#report-select");
  select.innerHTML = "";
  for (const k of kinds) for (const f of k.formats) select.append(new Option(`${k.kind} (${f})`, `${k.kind}|${f}|${k.needs_day ? 1 : 0}`));
  select.addEventListener("change", updateReportLink);
}

function updateReportLink() {
  const value = $("#report-select").value;
  if (!value || !state.view) return;
  const [kind, fmt, needsDay] = value.split("|");
  const params = new URLSearchParams({ fmt, board_id: state.view.board.id });
  if (needsDay === "1") params.set("day", "1");
  $("#report-link").href = api(`/reports/${kind}?${params}`);
}

// -- wiring ------------------------------------------------------------------------------------------
function wire() {
  wireDrag($("#board"));
  wireDrag($("#boneyard"));
  document.addEventListener("keydown", onKey);
  $("#board-select").addEventListener("change", (e) => loadBoard(e.target.value));
  $("#undo-button").addEventListener("click", () => undo().catch(() => {}));
  $("#break-button").addEventListener("click", () => insertBreak().catch(() => {}));
  $("#boneyard-button").addEventListener("click", () => toBoneyard().catch(() => {}));
  $("#sheet-button").addEventListener("click", () => state.anchor && openSheet(state.anchor));
  $("#dood-button").addEventListener("click", showDood);
  $("#compare-button").addEventListener("click", () => showCompare().catch(() => {}));
  $("#compare-select").addEventListener("change", () => renderCompare().catch(() => {}));
  $("#optimize-button").addEventListener("click", () => optimize().catch(() => {}));
  $("#job-cancel").addEventListener("click", () => {
    if (state.job) request("POST", api(`/jobs/${state.job.id}/cancel`)).catch(() => {});
  });
  $("#copy-button").addEventListener("click", async () => {
    const name = prompt("Name of the new board", `${state.view.board.name} (copy)`);
    if (!name) return;
    const board = await request("POST", api("/boards"), { source_id: state.view.board.id, name });
    await loadBoards();
    await loadBoard(board.id);
  });
  $("#sheet-add").addEventListener("change", (e) => {
    const el = state.elements.find((x) => x.id === e.target.value);
    if (el && !sheetScene.elements.some((x) => x.id === el.id)) {
      sheetScene.elements.push({ id: el.id, name: el.name, category: el.category, category_id: el.category_id, board_id: el.board_id });
      renderSheetElements();
    }
    e.target.value = "";
  });
  $("#sheet-form").addEventListener("submit", (e) => {
    if (e.submitter && e.submitter.value === "save") saveSheet().catch(() => {});
  });
  $("#palette-select").addEventListener("change", (e) => {
    document.body.classList.toggle("alternative", e.target.value === "alternative");
  });
  const observer = new MutationObserver(updateReportLink);
  observer.observe($("#cost-total"), { attributes: true });
}

wire();
wireShoot({ state, request, api, toast });
wireRepair({ state, request, api, toast, loadBoards, loadBoard });
start().catch((error) => toast(String(error)));
