// The API description page: reads /openapi.json and lists every operation with its parameters, body and responses.
// Everything is built with textContent, never innerHTML, so nothing in the document can become markup.
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function resolve(doc, schema) {
    var seen = 0;
    while (schema && schema.$ref && seen < 20) {
      var parts = schema.$ref.replace(/^#\//, "").split("/");
      schema = parts.reduce(function (node, key) { return node ? node[key] : undefined; }, doc);
      seen++;
    }
    return schema || {};
  }

  function typeOf(schema) {
    if (schema === true || schema === undefined) { return "any"; }
    var type = schema.type;
    if (Array.isArray(type)) { return type.join(" | "); }
    if (type === "array") { return "array"; }
    return type || (schema.$ref ? schema.$ref.split("/").pop() : "any");
  }

  function schemaBlock(doc, schema, depth) {
    var resolved = resolve(doc, schema);
    var list = el("ul", "schema");
    var props = resolved.properties || (resolved.items && resolve(doc, resolved.items).properties);
    if (!props || depth > 2) {
      list.appendChild(el("li", null, typeOf(resolved)));
      return list;
    }
    var required = resolved.required || (resolved.items && resolve(doc, resolved.items).required) || [];
    Object.keys(props).forEach(function (name) {
      var item = el("li");
      item.appendChild(el("code", null, name));
      item.appendChild(el("span", "type", " " + typeOf(resolve(doc, props[name])) + (required.indexOf(name) >= 0 ? " (required)" : "")));
      var inner = resolve(doc, props[name]);
      if (inner.properties || (inner.items && resolve(doc, inner.items).properties)) { item.appendChild(schemaBlock(doc, inner, depth + 1)); }
      list.appendChild(item);
    });
    return list;
  }

  function operationCard(doc, path, method, op) {
    var card = el("details", "operation");
    card.dataset.search = [path, method, op.operationId, (op.tags || []).join(" "), op.summary].join(" ").toLowerCase();
    var head = el("summary");
    head.appendChild(el("span", "method method-" + method, method.toUpperCase()));
    head.appendChild(el("code", "path", path));
    head.appendChild(el("span", "access", op["x-autopilot-access"]));
    head.appendChild(el("span", "summary", op.summary));
    card.appendChild(head);
    if (op.parameters && op.parameters.length) {
      card.appendChild(el("h4", null, "Parameters"));
      var params = el("ul");
      op.parameters.forEach(function (p) {
        params.appendChild(el("li", null, p.name + " (" + p["in"] + ", " + typeOf(p.schema) + (p.required ? ", required" : "") + ")"));
      });
      card.appendChild(params);
    }
    if (op.requestBody) {
      card.appendChild(el("h4", null, "Request body"));
      card.appendChild(schemaBlock(doc, op.requestBody.content["application/json"].schema, 0));
    }
    card.appendChild(el("h4", null, "Responses"));
    Object.keys(op.responses).forEach(function (status) {
      var response = op.responses[status];
      var row = el("div", "response");
      row.appendChild(el("strong", null, status + " "));
      row.appendChild(el("span", null, response.description));
      var content = response.content || {};
      Object.keys(content).forEach(function (media) {
        row.appendChild(el("div", "media", media));
        row.appendChild(schemaBlock(doc, content[media].schema, 0));
      });
      card.appendChild(row);
    });
    return card;
  }

  function render(doc) {
    var root = document.getElementById("api-operations");
    Object.keys(doc.paths).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        root.appendChild(operationCard(doc, path, method, doc.paths[path][method]));
      });
    });
    var filter = document.getElementById("api-filter");
    filter.addEventListener("input", function () {
      var term = filter.value.toLowerCase();
      Array.prototype.forEach.call(root.children, function (card) {
        card.hidden = term.length > 0 && card.dataset.search.indexOf(term) < 0;
      });
    });
    document.body.setAttribute("data-rendered", "true");
  }

  fetch("/openapi.json", { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(render)
    .catch(function (error) {
      document.getElementById("api-operations").appendChild(el("p", "error", "Could not load /openapi.json: " + error));
    });
}());
