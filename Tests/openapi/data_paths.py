#!/usr/bin/env python3
"""Writes Sources/Server/OpenAPI/OpenAPIDocument+Data.swift: the OpenAPI paths and schemas of pulls,
snapshots, raw requests, customer mappings, the deposit report and company settings. Kept as a Python
dict so the JSON is always well formed; run it after changing the dict and commit both."""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def resp(name): return {"$ref": f"#/components/responses/{name}"}
def ok(desc, schema): return {"description": desc, "content": {"application/json": {"schema": schema}}}
def idparam(name="id", desc="id"):
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}, "description": desc}
def q(name, desc, schema=None): return {"name": name, "in": "query", "required": False, "schema": schema or {"type": "string"}, "description": desc}
S = {"type": "string"}
NS = {"type": ["string", "null"]}
money = {"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$"}
limit = q("limit", "Page size, 1–1000 (default 100).", {"type": "integer", "minimum": 1, "maximum": 1000})
std = {"401": resp("Unauthorized"), "404": resp("NotFound")}
body = lambda schema: {"required": True, "content": {"application/json": {"schema": schema}}}

def nullable(schema):
    """Optional request fields may be null: the server reads null as absent."""
    out = dict(schema)
    t = out.get("type")
    if isinstance(t, str): out["type"] = [t, "null"]
    return out

def request_object(required, properties):
    return {"type": "object", "required": required,
            "properties": {k: (v if k in required or "$ref" in v else nullable(v)) for k, v in properties.items()}}

schemas = {
  "DepositSettings": request_object([], {
      "cardBusinessDays": {"type": "integer", "minimum": 0, "maximum": 10, "default": 2},
      "achBusinessDays": {"type": "integer", "minimum": 0, "maximum": 10, "default": 3},
      "achLatestBusinessDays": {"type": "integer", "minimum": 0, "maximum": 10, "default": 4},
      "cardMethods": {"type": "array", "items": S, "maxItems": 100},
      "achMethods": {"type": "array", "items": S, "maxItems": 100},
      "holidays": {"type": "array", "items": {"type": "string", "format": "date"}}}),
  "CompanySettings": request_object([], {
      "name": {"type": "string", "minLength": 1, "maxLength": 60, "pattern": "\\S"},
      "runEveryMinutes": {"type": "integer", "minimum": 1, "maximum": 1440},
      "syncStartDate": {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}, {"type": "null"}],
                        "description": "YYYY-MM-DD; an empty string clears it"},
      "pullInvoicesEverySync": {"type": "boolean"},
      "depositSettings": {"anyOf": [ref("DepositSettings"), {"type": "null"}]}}),
  "PullCreate": request_object(["kind"], {
      "kind": {"type": "string", "enum": ["invoices", "customers"]},
      "open": {"type": "boolean", "description": "Invoices: open ones only (default true)"},
      "fromDate": {"type": "string", "format": "date", "description": "Invoices dated on or after (default: the sync start date)"},
      "modifiedSince": {"type": "string", "description": "QuickBooks host time YYYY-MM-DDThh:mm:ss"},
      "incremental": {"type": "boolean", "description": "Only what changed since the newest record stored"},
      "pageSize": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 500}}),
  "Pull": {"type": "object", "required": ["id", "companyId", "status", "incremental", "received", "stored", "pages", "restarts", "createdAt", "updatedAt"],
    "properties": {
      "id": S, "companyId": S, "kind": {"type": "string", "enum": ["invoices", "customers"]},
      "status": {"type": "string", "enum": ["queued", "running", "done", "failed", "cancelled"]},
      "openOnly": {"type": "boolean"}, "fromDate": S, "modifiedSince": S, "incremental": {"type": "boolean"},
      "pageSize": {"type": "integer"}, "origin": S, "received": {"type": "integer"}, "stored": {"type": "integer"},
      "pages": {"type": "integer"}, "restarts": {"type": "integer"}, "remaining": {"type": "integer"},
      "percent": {"type": "integer", "minimum": 0, "maximum": 100}, "removed": {"type": "integer"},
      "mode": {"type": "string", "enum": ["full", "incremental"]}, "fromModified": S, "error": S,
      "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}}},
  "Invoice": {"type": "object", "required": ["txnId", "customer", "balance", "isPaid", "isOpen", "pulledAt", "pullId"], "properties": {
      "txnId": S, "refNumber": S, "customer": {"type": "object", "properties": {"listId": S, "fullName": S}},
      "txnDate": S, "dueDate": S, "subtotal": money, "salesTax": money, "appliedAmount": money, "balance": money,
      "isPaid": {"type": "boolean"}, "isOpen": {"type": "boolean"}, "memo": S, "editSequence": S, "timeModified": S,
      "pulledAt": {"type": "string", "format": "date-time"}, "pullId": S}},
  "Customer": {"type": "object", "required": ["listId", "isActive", "pulledAt"], "properties": {
      "listId": S, "name": S, "fullName": S, "companyName": S, "email": S, "phone": S, "isActive": {"type": "boolean"},
      "balance": money, "totalBalance": money, "editSequence": S, "timeModified": S, "pulledAt": {"type": "string", "format": "date-time"}}},
  "RawRequestCreate": request_object(["qbxml"], {
      "qbxml": {"type": "string", "minLength": 1, "description": "One qbXML request element (or a qbXML document holding exactly one)"},
      "minimumVersion": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+$"},
      "externalId": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "\\S"}}),
  "RawRequest": {"type": "object", "required": ["id", "companyId", "status", "attempts", "createdAt", "updatedAt"], "properties": {
      "id": S, "companyId": S, "externalId": S,
      "status": {"type": "string", "enum": ["queued", "sent", "answered", "failed", "cancelled"]},
      "element": S, "requestId": S, "minimumVersion": S, "qbxml": S,
      "response": {"type": "object", "properties": {"statusCode": {"type": "integer"}, "statusSeverity": S, "statusMessage": S, "qbxml": S, "error": S}},
      "failure": ref("Failure"), "attempts": {"type": "integer"},
      "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}}},
  "CustomerMappingCreate": request_object(["externalId"], {
      "externalId": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "\\S"},
      "listId": {"type": "string", "minLength": 1, "maxLength": 36, "pattern": "\\S"},
      "name": S, "email": S, "replace": {"type": "boolean", "default": False}}),
  "CustomerMapping": {"type": "object", "required": ["externalId", "listId", "source", "createdAt", "updatedAt"], "properties": {
      "externalId": S, "listId": S, "fullName": S, "source": {"type": "string", "enum": ["explicit", "matched"]},
      "matchedBy": {"type": "string", "enum": ["email", "name"]},
      "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"}}},
  "DepositReport": {"type": "object", "required": ["companyId", "from", "to", "settings", "deposits", "totals"], "properties": {
      "companyId": S, "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
      "settings": ref("DepositSettings"),
      "deposits": {"type": "array", "items": {"type": "object",
          "required": ["channel", "batchDate", "expectedDate", "latestDate", "count", "total", "payments"], "properties": {
          "channel": {"type": "string", "enum": ["card", "ach", "other"]}, "batchDate": {"type": "string", "format": "date"},
          "expectedDate": {"type": "string", "format": "date"}, "latestDate": {"type": "string", "format": "date"},
          "count": {"type": "integer"}, "total": money,
          "payments": {"type": "array", "items": {"type": "object", "required": ["id", "externalId", "amount", "date"], "properties": {
              "id": S, "externalId": S, "txnId": S, "refNumber": S, "customer": S, "amount": money, "paymentMethod": S,
              "date": {"type": "string", "format": "date"}, "depositToAccount": S}}}}}},
      "totals": {"type": "object", "required": ["card", "ach", "other", "all", "deposits", "payments"], "properties": {
          "card": money, "ach": money, "other": money, "all": money, "deposits": {"type": "integer"}, "payments": {"type": "integer"}}}}},
}

company_id = idparam("id", "Company id")
paths = {
  "/companies/{id}": {"patch": {"summary": "Change a company's settings (schedule, sync start date, scheduled invoice pulls, deposit report)",
      "requestBody": body(ref("CompanySettings")),
      "responses": {"200": ok("The company", ref("Company")), "400": resp("BadRequest"), **std, "422": resp("Unprocessable")}}},
  "/companies/{id}/pulls": {"parameters": [company_id],
      "post": {"summary": "Queue a pull of invoices or customers out of QuickBooks (runs with iterators over as many round trips and sessions as needed)",
          "requestBody": body(ref("PullCreate")),
          "responses": {"202": ok("Queued", ref("Pull")), "400": resp("BadRequest"), **std,
                        "409": resp("Conflict"), "422": resp("Unprocessable")}},
      "get": {"summary": "The company's latest pulls", "parameters": [limit],
          "responses": {"200": ok("Pulls, newest first", {"type": "object", "required": ["pulls"], "properties": {"pulls": {"type": "array", "items": ref("Pull")}}}),
                        "400": resp("BadRequest"), **std}}},
  "/pulls/{id}": {"parameters": [idparam("id", "Pull id")],
      "get": {"summary": "A pull's progress and outcome", "responses": {"200": ok("The pull", ref("Pull")), **std}}},
  "/companies/{id}/invoices": {"parameters": [company_id],
      "get": {"summary": "Invoices as QuickBooks last reported them (from pulls)",
          "parameters": [q("customer", "A QuickBooks ListID, a mapped upstream customer id, or a full name"),
                         q("open", "true: open only; false: paid only", {"type": "boolean"}), limit,
                         q("after", "Continue after this TxnID (the previous page's next)")],
          "responses": {"200": ok("A page of invoices", {"type": "object", "required": ["invoices"], "properties": {
              "invoices": {"type": "array", "items": ref("Invoice")}, "next": S}}), "400": resp("BadRequest"), **std}}},
  "/companies/{id}/customers": {"parameters": [company_id],
      "get": {"summary": "Customers as QuickBooks last reported them (from pulls)",
          "parameters": [q("search", "Part of the name, company name or email"), q("active", "true: active customers only", {"type": "boolean"}),
                         limit, q("after", "Continue after this ListID")],
          "responses": {"200": ok("A page of customers", {"type": "object", "required": ["customers"], "properties": {
              "customers": {"type": "array", "items": ref("Customer")}, "next": S}}), "400": resp("BadRequest"), **std}}},
  "/companies/{id}/requests": {"parameters": [company_id],
      "post": {"summary": "Queue a raw qbXML request, checked against QBBridge's schema first (422 names the element)",
          "requestBody": {"required": True, "content": {"application/json": {"schema": ref("RawRequestCreate")},
                                                        "application/xml": {"schema": {"type": "string"}}}},
          "responses": {"202": ok("Queued", ref("RawRequest")), "200": ok("The same externalId and text again", ref("RawRequest")),
                        "400": resp("BadRequest"), **std, "409": resp("Conflict"), "413": resp("BadRequest"), "422": resp("Unprocessable")}}},
  "/requests/{id}": {"parameters": [idparam("id", "Raw request id")],
      "get": {"summary": "A raw request and QuickBooks' answer", "responses": {"200": ok("The request", ref("RawRequest")), **std}}},
  "/companies/{id}/customer-mappings": {"parameters": [company_id],
      "post": {"summary": "Map an upstream customer id to a QuickBooks customer, by ListID or by an exact name/email match among pulled customers",
          "requestBody": body(ref("CustomerMappingCreate")),
          "responses": {"201": ok("Mapped", ref("CustomerMapping")), "200": ok("Already mapped so", ref("CustomerMapping")),
                        "400": resp("BadRequest"), **std,
                        "409": ok("Several customers matched (a mapping_conflict failure record lists them), or already mapped elsewhere",
                                  {"type": "object", "required": ["error"], "properties": {"error": {"type": "object"}, "failure": ref("Failure")}}),
                        "422": resp("Unprocessable")}},
      "get": {"summary": "The company's customer mappings", "parameters": [limit, q("after", "Continue after this externalId")],
          "responses": {"200": ok("Mappings", {"type": "object", "required": ["mappings"], "properties": {"mappings": {"type": "array", "items": ref("CustomerMapping")}}}),
                        "400": resp("BadRequest"), **std}}},
  "/companies/{id}/customer-mappings/{externalId}": {"parameters": [company_id, idparam("externalId", "Upstream customer id")],
      "get": {"summary": "One mapping", "responses": {"200": ok("The mapping", ref("CustomerMapping")), **std}},
      "delete": {"summary": "Remove a mapping", "responses": {"204": {"description": "Removed"}, **std}}},
  "/companies/{id}/deposits": {"parameters": [company_id],
      "get": {"summary": "Posted payments grouped into expected bank deposits (card batches, ACH), for QuickBooks' Record Deposits window",
          "parameters": [q("from", "First expected deposit date (default: two weeks ago)", {"type": "string", "format": "date"}),
                         q("to", "Last expected deposit date (default: a week ahead)", {"type": "string", "format": "date"})],
          "responses": {"200": ok("The report", ref("DepositReport")), "400": resp("BadRequest"), **std, "422": resp("Unprocessable")}}},
}
company_extra = {"pullInvoicesEverySync": {"type": "boolean"}, "depositSettings": ref("DepositSettings")}

extension = json.dumps({"schemas": schemas, "paths": paths, "companyProperties": company_extra}, indent=2, sort_keys=True)
out = pathlib.Path(__file__).resolve().parents[2] / "Sources/Server/OpenAPI/OpenAPIDocument+Data.swift"
out.write_text(f'''/// The OpenAPI paths and schemas of pulls, snapshots, raw requests, customer mappings, the deposit report and
/// company settings, merged into `OpenAPIDocument.json` when served. Generated by Tests/openapi/data_paths.py
/// (a Python dict, so the JSON is always well formed): change it there and run it.
extension OpenAPIDocument {{
    static let dataExtension = #"""
{extension}
"""#
}}
''')
print(f"wrote {out}")
