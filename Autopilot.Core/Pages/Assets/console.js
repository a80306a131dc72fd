// The web console (/app, /chat, /tester, /tester-app): one page, views on hash routes. It reads the caller's identity from
// localStorage (org, user, role in headers mode; a bearer token in jwt mode) and sends it on every API call. API data is
// only ever written with textContent: nothing the API returns can become markup.
(function () {
  "use strict";

  var root = document.getElementById("console");
  var viewEl = document.getElementById("view");
  var authMode = root.dataset.authMode;
  var FINAL = ["success", "partial_failure", "failed", "cancelled", "dead_letter"];
  var pollers = [];

  // ---- identity -------------------------------------------------------------------------------------------------
  var identity = {
    org: localStorage.getItem("autopilot.org") || "",
    user: localStorage.getItem("autopilot.user") || "",
    role: localStorage.getItem("autopilot.role") || "member",
    token: localStorage.getItem("autopilot.token") || ""
  };
  root.classList.add(authMode === "jwt" ? "mode-jwt" : "mode-headers");
  var form = document.getElementById("identity");
  form.org.value = identity.org;
  form.user.value = identity.user;
  form.role.value = identity.role;
  form.token.value = identity.token;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    identity = { org: form.org.value.trim(), user: form.user.value.trim(), role: form.role.value, token: form.token.value.trim() };
    ["org", "user", "role", "token"].forEach(function (key) { localStorage.setItem("autopilot." + key, identity[key]); });
    toast("Saved");
    route();
  });

  function headers(json) {
    var h = { Accept: "application/json" };
    if (json) { h["Content-Type"] = "application/json"; }
    if (authMode === "jwt") {
      if (identity.token) { h.Authorization = "Bearer " + identity.token; }
    } else {
      h["X-Tenant-Id"] = identity.org;
      h["X-User-Role"] = identity.role;
    }
    return h;
  }

  function org() { return encodeURIComponent(identity.org); }

  function api(method, path, body) {
    return fetch(path, { method: method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = { detail: text }; }
          if (!response.ok) {
            var detail = data && data.detail !== undefined ? data.detail : response.statusText;
            throw new Error(response.status + ": " + (typeof detail === "string" ? detail : JSON.stringify(detail)));
          }
          return { status: response.status, body: data };
        });
      });
  }

  // ---- DOM helpers (textContent only) ----------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key] === null || attrs[key] === undefined ? "" : String(attrs[key]); }
      else if (key === "class") { node.className = attrs[key]; }
      else if (key.indexOf("on") === 0) { node.addEventListener(key.slice(2), attrs[key]); }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function table(columns, rows, cells) {
    var head = el("tr", {}, columns.map(function (c) { return el("th", { text: c }); }));
    var body = rows.map(function (row) { return el("tr", {}, cells(row).map(function (c) { return c instanceof Node ? el("td", {}, [c]) : el("td", { text: c }); })); });
    return el("table", { class: "grid" }, [el("thead", {}, [head]), el("tbody", {}, body)]);
  }

  function button(label, handler, cls) {
    return el("button", { type: "button", text: label, class: cls || "", onclick: function (event) {
      var b = event.currentTarget;
      b.disabled = true;
      Promise.resolve(handler()).catch(showError).then(function () { b.disabled = false; });
    } });
  }

  function toast(text) {
    var t = document.getElementById("toast");
    t.textContent = text;
    t.classList.add("show");
    setTimeout(function () { t.classList.remove("show"); }, 2500);
  }

  function showError(error) {
    var message = error && error.message ? error.message : String(error);
    viewEl.insertBefore(el("p", { class: "error", text: message }), viewEl.firstChild);
  }

  function section(title, children) {
    viewEl.textContent = "";
    viewEl.appendChild(el("h2", { text: title }));
    (children || []).forEach(function (c) { viewEl.appendChild(c); });
  }

  function needIdentity() {
    if (identity.org && (authMode === "jwt" ? identity.token : identity.role)) { return false; }
    section("Who are you?", [el("p", { text: authMode === "jwt" ? "Enter your org id and a bearer token above." : "Enter your org id, user id and role above." })]);
    return true;
  }

  // ---- Workflows: runs, start, live progress ---------------------------------------------------------------------
  function progressText(status) {
    var p = status.progress;
    if (p && typeof p === "object") {
      var parts = [];
      ["stage", "step", "current_step", "message"].forEach(function (k) { if (p[k] !== undefined && p[k] !== null) { parts.push(String(p[k])); } });
      if (p.completed !== undefined && p.total !== undefined) { parts.push(p.completed + "/" + p.total); }
      if (parts.length) { return parts.join(" · "); }
      return JSON.stringify(p);
    }
    var done = (status.steps || []).filter(function (s) { return s.status === "success" || s.status === "completed"; }).length;
    return (status.steps || []).length ? done + "/" + status.steps.length + " steps" : "";
  }

  function follow(workflowId, row) {
    var delay = 500;
    var stopped = false;
    var statusCell = row.querySelector(".run-status");
    var progressCell = row.querySelector(".run-progress");
    function tick() {
      if (stopped) { return; }
      api("GET", "/api/v1/workflows/" + encodeURIComponent(workflowId) + "/status?org_id=" + org()).then(function (r) {
        statusCell.textContent = r.body.status;
        progressCell.textContent = progressText(r.body);
        row.dataset.status = r.body.status;
        if (FINAL.indexOf(r.body.status) >= 0) { stopped = true; row.classList.add("done"); return; }
        delay = Math.min(delay * 1.5, 5000);
        setTimeout(tick, delay);
      }).catch(function () { delay = Math.min(delay * 2, 10000); setTimeout(tick, delay); });
    }
    pollers.push(function () { stopped = true; });
    tick();
  }

  function runRow(run) {
    var row = el("tr", { "data-workflow-id": run.workflow_id, "data-status": run.status }, [
      el("td", { text: run.workflow_id, class: "mono" }), el("td", { text: run.workflow_type }),
      el("td", { text: run.status, class: "run-status" }), el("td", { text: "", class: "run-progress" }),
      el("td", { text: run.started_at || "" })
    ]);
    if (FINAL.indexOf(run.status) < 0) { follow(run.workflow_id, row); } else { row.classList.add("done"); }
    return row;
  }

  function workflows() {
    if (needIdentity()) { return; }
    var body = el("tbody", { id: "runs" });
    var start = function (kind) {
      return function () {
        return api("POST", "/api/v1/workflows/" + kind + "?wait_seconds=0&org_id=" + org()).then(function (r) {
          toast(kind + " " + (r.body.workflow_status || r.body.status || "started"));
          if (r.body.workflow_id) {
            var existing = body.querySelector('tr[data-workflow-id="' + CSS.escape(r.body.workflow_id) + '"]');
            if (existing) { existing.remove(); }
            body.insertBefore(runRow({ workflow_id: r.body.workflow_id, workflow_type: kind, status: r.body.workflow_status || "running" }), body.firstChild);
          }
        });
      };
    };
    section("Workflows", [
      el("div", { class: "actions" }, [button("Profile warehouse", start("profile"), "start-profile"), button("Build dashboard", start("dashboard"), "start-dashboard"), button("Generate memo", start("memo"), "start-memo")]),
      el("table", { class: "grid" }, [el("thead", {}, [el("tr", {}, ["Workflow", "Type", "Status", "Progress", "Started"].map(function (c) { return el("th", { text: c }); }))]), body])
    ]);
    return api("GET", "/api/v1/workflows/runs?limit=50&org_id=" + org()).then(function (r) {
      r.body.items.forEach(function (run) { body.appendChild(runRow(run)); });
    }).catch(showError);
  }

  // ---- Queue and dead letters -------------------------------------------------------------------------------------
  function queue() {
    if (needIdentity()) { return; }
    section("Queue", [el("div", { class: "actions" }, [button("Process queue", function () { return api("POST", "/api/v1/workflows/process-queue?org_id=" + org()).then(function () { toast("Queue processed"); queue(); }); })])]);
    return api("GET", "/api/v1/workflows/queue?org_id=" + org()).then(function (r) {
      viewEl.appendChild(el("p", { text: r.body.queued_total + " queued" }));
      viewEl.appendChild(table(["Position", "Workflow", "Type", "Reason", "Queued at"], r.body.items, function (q) { return [String(q.position), q.workflow_id, q.workflow_type, q.reason || "", q.created_at || ""]; }));
    }).catch(showError);
  }

  function deadLetters() {
    if (needIdentity()) { return; }
    section("Dead letters");
    return api("GET", "/api/v1/workflows/dead-letters?org_id=" + org()).then(function (r) {
      var grid = table(["Dead letter", "Workflow", "Type", "Failure", "Last error", "Status", ""], r.body.items, function (d) {
        var last = d.error_history && d.error_history.length ? d.error_history[d.error_history.length - 1].error : "";
        var action = d.status === "dead_letter"
          ? button("Re-queue", function () {
              return api("POST", "/api/v1/workflows/dead-letters/" + encodeURIComponent(d.dead_letter_id) + "/requeue?wait_seconds=0&org_id=" + org())
                .then(function (res) { toast("Re-queued " + (res.body.workflow_status || res.body.status || "")); deadLetters(); });
            }, "requeue")
          : el("span", { text: "re-queued " + (d.requeued_at || "") });
        return [d.dead_letter_id, d.workflow_id, d.workflow_type, d.failure_class || "", last || "", d.status, action];
      });
      grid.querySelectorAll("tbody tr").forEach(function (tr, i) { tr.dataset.deadLetterId = r.body.items[i].dead_letter_id; tr.dataset.status = r.body.items[i].status; });
      viewEl.appendChild(grid);
    }).catch(showError);
  }

  // ---- Artifacts: pages need identity, so the console fetches them with it and opens the copy ---------------------
  function openPage(path) {
    var tab = window.open("", "_blank");
    return fetch(path + (path.indexOf("?") < 0 ? "?" : "&") + "org_id=" + org(), { headers: headers(false) })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        // The copy is a blob document: its asset URLs must be absolute (a blob URL is no base for relative ones).
        var absolute = html.replace(/(src|href)="\/(?!\/)/g, '$1="' + location.origin + "/");
        var url = URL.createObjectURL(new Blob([absolute], { type: "text/html" }));
        if (tab) { tab.location.href = url; } else { location.href = url; }
      });
  }

  function artifacts() {
    if (needIdentity()) { return; }
    section("Dashboards & memos");
    return api("GET", "/api/v1/artifacts?org_id=" + org()).then(function (r) {
      var grid = table(["Artifact", "Type", "Version", "Stale", "Created", ""], r.body.items, function (a) {
        var page = a.type === "dashboard" ? "/dashboards/" : a.type === "memo" ? "/memos/" : null;
        var open = page ? el("a", { href: page + encodeURIComponent(a.artifact_id), class: "open-artifact", text: "Open", onclick: function (event) {
          event.preventDefault();
          openPage(page + encodeURIComponent(a.artifact_id)).catch(showError);
        } }) : el("span", { text: "" });
        return [a.artifact_id, a.type, String(a.version), a.stale ? "yes" : "no", a.created_at || "", open];
      });
      viewEl.appendChild(grid);
    }).catch(showError);
  }

  // ---- Alerts ---------------------------------------------------------------------------------------------------
  function alerts() {
    if (needIdentity()) { return; }
    section("Alerts");
    return api("GET", "/api/v1/alerts?org_id=" + org()).then(function (r) {
      var user = identity.user || "console";
      var act = function (a, what, body) {
        return function () {
          return api("POST", "/api/v1/alerts/" + encodeURIComponent(a.alert_id) + "/" + what + "?org_id=" + org(), body).then(function (res) { toast(a.alert_id + " " + res.body.status); alerts(); });
        };
      };
      var grid = table(["Alert", "Severity", "Title", "Message", "Status", "Escalations", ""], r.body.items, function (a) {
        var actions = a.status === "resolved" ? el("span", { text: "" }) : el("span", { class: "row-actions" }, [
          button("Ack", act(a, "ack", { user_id: user }), "ack"),
          button("Snooze 1h", act(a, "snooze", { user_id: user, duration_minutes: 60 }), "snooze"),
          button("Resolve", act(a, "resolve", {}), "resolve")
        ]);
        return [a.alert_id, a.severity, a.title, a.message, a.status + (a.snoozed_until ? " (snoozed until " + a.snoozed_until + ")" : ""), String(a.escalated_count), actions];
      });
      grid.querySelectorAll("tbody tr").forEach(function (tr, i) { tr.dataset.alertId = r.body.items[i].alert_id; tr.dataset.status = r.body.items[i].status; });
      viewEl.appendChild(grid);
    }).catch(showError);
  }

  // ---- PII review -----------------------------------------------------------------------------------------------
  function pii() {
    if (needIdentity()) { return; }
    section("PII review");
    return api("GET", "/api/v1/pii/review?org_id=" + org()).then(function (r) {
      var pending = r.body.needs_review_low_confidence.concat(r.body.auto_tagged_high_confidence);
      var choices = [];
      var grid = table(["Dataset", "Table", "Column", "Confidence", "Type", "Evidence", "PII?"], pending, function (c) {
        var box = el("input", { type: "checkbox", class: "pii-choice" });
        box.checked = !!c.is_pii;
        choices.push({ column: c, box: box });
        return [c.dataset, c.table, c.column, String(c.confidence), c.pii_type || "", c.evidence || "", box];
      });
      viewEl.appendChild(el("p", { text: pending.length + " columns to review · " + r.body.reviewed.length + " reviewed" }));
      viewEl.appendChild(grid);
      viewEl.appendChild(el("div", { class: "actions" }, [button("Confirm decisions", function () {
        var decisions = choices.map(function (c) { return { dataset: c.column.dataset, table: c.column.table, column: c.column.column, is_pii: c.box.checked }; });
        return api("POST", "/api/v1/pii/review/confirm?org_id=" + org(), decisions).then(function (res) {
          toast("Updated " + res.body.updated);
          viewEl.appendChild(el("p", { class: "confirmed", text: "Confirmed: " + res.body.updated + " columns updated" }));
        });
      }, "confirm-pii")]));
    }).catch(showError);
  }

  // ---- Query preview -> approve-run -------------------------------------------------------------------------------
  function query() {
    if (needIdentity()) { return; }
    var sql = el("textarea", { id: "sql", rows: "5", placeholder: "SELECT ... (read-only BigQuery SQL)" });
    var out = el("div", { id: "query-result" });
    section("Query", [sql, el("div", { class: "actions" }, [button("Preview", function () {
      out.textContent = "";
      return api("POST", "/api/v1/queries/preview", { org_id: identity.org, sql: sql.value }).then(function (r) {
        var p = r.body;
        out.appendChild(el("p", { class: "preview-status", text: "Status: " + p.status }));
        (p.reasons || []).forEach(function (reason) { out.appendChild(el("p", { class: "reason", text: reason })); });
        if (!p.preview_id) { return; }
        out.appendChild(el("pre", { class: "sql", text: p.sql }));
        out.appendChild(el("p", { text: "Estimated " + p.estimated_bytes + " bytes, $" + p.estimated_cost_usd + (p.requires_approval ? " — needs approval" : "") }));
        out.appendChild(button("Approve & run", function () {
          return api("POST", "/api/v1/queries/approve-run", { org_id: identity.org, preview_id: p.preview_id }).then(function (res) { showRows(out, res.body); });
        }, "approve-run"));
      });
    }, "preview")]), out]);
  }

  function showRows(out, result) {
    out.appendChild(el("p", { class: "run-status", text: "Run: " + result.status }));
    if (!result.columns) { return; }
    var cols = result.columns.map(function (c) { return typeof c === "string" ? c : c.name; });
    var grid = table(cols, result.rows || [], function (row) {
      return Array.isArray(row) ? row.map(function (v) { return v === null ? "" : String(v); }) : cols.map(function (c) { return row[c] === null || row[c] === undefined ? "" : String(row[c]); });
    });
    grid.id = "query-rows";
    out.appendChild(grid);
  }

  // ---- Chat and tester --------------------------------------------------------------------------------------------
  function chat() {
    if (needIdentity()) { return; }
    var log = el("div", { id: "chat-log", class: "chat-log" });
    var input = el("textarea", { id: "chat-input", rows: "2", placeholder: "Message (Enter sends, Shift+Enter newline)" });
    var send = function () {
      var message = input.value.trim();
      if (!message) { return Promise.resolve(); }
      input.value = "";
      log.appendChild(el("p", { class: "me", text: message }));
      return api("POST", "/api/v1/chat/run", { org_id: identity.org, user_id: identity.user || "console", message: message }).then(function (r) {
        log.appendChild(el("p", { class: "bot", text: "[" + r.body.response_type + "] " + r.body.summary }));
        (r.body.warnings || []).forEach(function (w) { log.appendChild(el("p", { class: "warning", text: w })); });
      }).catch(function (e) { log.appendChild(el("p", { class: "error", text: e.message })); });
    };
    input.addEventListener("keydown", function (event) { if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); send(); } });
    var chips = ["Profile my warehouse", "Build a dashboard", "Write the weekly memo", "How many orders were placed in the last 30 days?"].map(function (text) {
      return button(text, function () { input.value = text; return send(); }, "chip");
    });
    section("Chat", [el("div", { class: "chips" }, chips), log, input, el("div", { class: "actions" }, [button("Send", send)])]);
    status(viewEl);
  }

  function status(parent) {
    var card = el("div", { class: "status-card" });
    parent.insertBefore(card, parent.children[1] || null);
    fetch("/ready").then(function (r) { return r.json(); }).then(function (b) { card.appendChild(el("span", { text: "Ready: " + (b.ok ? "yes" : "no") })); }).catch(function () {});
    fetch("/api/v1/llm/status").then(function (r) { return r.json(); }).then(function (b) { card.appendChild(el("span", { text: " · Model: " + (b.configured ? b.model : "deterministic fallback") })); }).catch(function () {});
  }

  function tester() {
    if (needIdentity()) { return; }
    section("Tester", []);
    status(viewEl);
    var usage = el("div", { class: "usage" });
    viewEl.appendChild(el("h3", { text: "LLM Usage" }));
    viewEl.appendChild(usage);
    api("GET", "/api/v1/llm/usage?org_id=" + org()).then(function (r) {
      usage.appendChild(el("p", { text: r.body.total_requests + " requests, $" + r.body.total_estimated_cost_usd }));
    }).catch(function (e) { usage.appendChild(el("p", { class: "error", text: e.message })); });
    api("GET", "/api/v1/llm/budget?org_id=" + org()).then(function (r) {
      usage.appendChild(el("p", { text: "Budget: $" + r.body.total_cost_usd + " of $" + r.body.budget_usd + " this month" }));
    }).catch(function () {});
    viewEl.appendChild(el("p", {}, [el("a", { href: "#workflows", text: "Workflows" }), el("span", { text: " · " }), el("a", { href: "#artifacts", text: "Artifacts" }), el("span", { text: " · " }), el("a", { href: "#chat", text: "Chat" })]));
  }

  // ---- Ask box (agent run) and router -----------------------------------------------------------------------------
  document.getElementById("ask").addEventListener("submit", function (event) {
    event.preventDefault();
    var box = document.getElementById("ask-box");
    var message = box.value.trim();
    if (!message || needIdentity()) { return; }
    section("Answer", [el("p", { class: "question", text: message }), el("p", { class: "pending", text: "Working…" })]);
    api("POST", "/api/v1/agent/run", { org_id: identity.org, user_id: identity.user || "console", message: message }).then(function (r) {
      viewEl.lastChild.remove();
      viewEl.appendChild(el("p", { class: "answer", text: r.body.summary || r.body.status || "" }));
      if (r.body.data && r.body.data.columns) { showRows(viewEl, { status: r.body.response_type, columns: r.body.data.columns, rows: r.body.data.rows }); }
    }).catch(showError);
  });
  document.addEventListener("keydown", function (event) {
    if ((event.metaKey || event.ctrlKey) && (event.key === "k" || event.key === "K")) {
      event.preventDefault();
      document.getElementById("ask-box").focus();
    }
    if (event.key === "Escape") { document.activeElement.blur(); }
  });

  var views = { workflows: workflows, queue: queue, "dead-letters": deadLetters, artifacts: artifacts, alerts: alerts, pii: pii, query: query, chat: chat, tester: tester };

  // Views render one at a time, and only the newest asked for: an earlier view whose data arrived later (saving the
  // identity renders the current view, then a hash change asks for another) would otherwise overwrite the view the user
  // chose last. A view's pollers stop just before the next view renders, once the view has started all of them.
  var generation = 0;
  var rendering = Promise.resolve();

  function route() {
    var token = ++generation;
    var name = location.hash.replace(/^#/, "") || root.dataset.startView;
    if (!views[name]) { name = root.dataset.startView; }
    document.querySelectorAll(".console-nav a[data-view]").forEach(function (a) { a.classList.toggle("active", a.dataset.view === name); });
    rendering = rendering.then(function () {
      if (token !== generation) { return undefined; }
      pollers.splice(0).forEach(function (stop) { stop(); });
      return Promise.resolve(views[name]()).then(function () {
        if (token === generation) { document.body.setAttribute("data-rendered", name); }
      }, showError);
    });
  }

  window.addEventListener("hashchange", route);
  route();
}());
