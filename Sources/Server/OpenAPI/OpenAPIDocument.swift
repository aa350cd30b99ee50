/// The OpenAPI 3.1 description of the JSON API, served at `GET /api/v1/openapi.json` (design.md §6).
/// A test fails when a registered `/api/v1` route is missing from it, so every new route adds itself here.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "QBBridge API",
    "version": "0.1.0",
    "description": "Company connections, Web Connector configuration files and the audit log of a QBBridge server. Authenticate with 'Authorization: Bearer <token>' (create tokens with 'qbbridge token create'). Errors are {\"error\": {\"code\", \"message\", \"fields\"?}}."
  },
  "servers": [{"url": "/api/v1"}],
  "security": [{"bearer": []}],
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
          "code": {"type": "string"}, "message": {"type": "string"},
          "fields": {"type": "object", "additionalProperties": {"type": "string"}}}}}
      },
      "CompanyCreate": {
        "type": "object", "required": ["name", "username", "password"],
        "properties": {
          "name": {"type": "string", "minLength": 1, "maxLength": 60},
          "username": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9._@-]+$"},
          "password": {"type": "string", "minLength": 8, "maxLength": 72},
          "runEveryMinutes": {"type": "integer", "minimum": 1, "maximum": 1440, "default": 15},
          "syncStartDate": {"type": "string", "format": "date"},
          "readOnly": {"type": "boolean", "default": false}
        }
      },
      "QuickBooksInfo": {
        "type": "object", "required": ["supportedQBXMLVersions"],
        "properties": {
          "product": {"type": "string"}, "version": {"type": "string"}, "country": {"type": "string"},
          "fileMode": {"type": "string"}, "supportedQBXMLVersions": {"type": "array", "items": {"type": "string"}},
          "qbxmlVersion": {"type": "string"}, "companyFile": {"type": "string"}, "companyName": {"type": "string"},
          "autoApplyPayments": {"type": "boolean"}, "reportedAt": {"type": "string", "format": "date-time"},
          "fileVerifiedAt": {"type": "string", "format": "date-time"}
        }
      },
      "Company": {
        "type": "object",
        "required": ["id", "name", "username", "ownerId", "fileId", "runEveryMinutes", "readOnly", "createdAt", "updatedAt", "quickbooks"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "username": {"type": "string"},
          "ownerId": {"type": "string"}, "fileId": {"type": "string"},
          "runEveryMinutes": {"type": "integer"}, "syncStartDate": {"type": "string", "format": "date"},
          "readOnly": {"type": "boolean"},
          "createdAt": {"type": "string", "format": "date-time"}, "updatedAt": {"type": "string", "format": "date-time"},
          "lastSessionAt": {"type": "string", "format": "date-time"}, "lastSyncAt": {"type": "string", "format": "date-time"},
          "lastSessionSummary": {"type": "string"}, "connectionProblem": {"type": "string"},
          "quickbooks": {"$ref": "#/components/schemas/QuickBooksInfo"}
        }
      },
      "Activity": {
        "type": "object", "required": ["id", "at", "actor", "subject", "action", "detail"],
        "properties": {
          "id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "actor": {"type": "string"},
          "companyId": {"type": "string"}, "subject": {"type": "string"}, "subjectId": {"type": "string"},
          "action": {"type": "string"}, "detail": {"type": "object", "additionalProperties": {"type": "string"}}
        }
      }
    },
    "responses": {
      "Unauthorized": {"description": "Missing or invalid API token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "BadRequest": {"description": "Malformed request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/companies": {
      "get": {
        "summary": "List company connections",
        "responses": {
          "200": {"description": "All companies", "content": {"application/json": {"schema": {"type": "object", "required": ["companies"], "properties": {"companies": {"type": "array", "items": {"$ref": "#/components/schemas/Company"}}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      },
      "post": {
        "summary": "Create a company connection",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CompanyCreate"}}}},
        "responses": {
          "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Company"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"description": "User name taken", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "413": {"description": "Body too large", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "422": {"description": "Validation failed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/companies/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {
        "summary": "One company connection",
        "responses": {
          "200": {"description": "The company", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Company"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/companies/{id}/qwc": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {
        "summary": "Download the Web Connector configuration file (.qwc)",
        "responses": {
          "200": {"description": "The .qwc file as an attachment", "content": {"application/x-qwc": {"schema": {"type": "string"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "No valid .qwc can be made as configured (e.g. plain http public URL on a non-local host)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/activity": {
      "get": {
        "summary": "The audit log, newest first",
        "parameters": [
          {"name": "companyId", "in": "query", "schema": {"type": "string"}},
          {"name": "before", "in": "query", "schema": {"type": "integer"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}
        ],
        "responses": {
          "200": {"description": "A page of entries", "content": {"application/json": {"schema": {"type": "object", "required": ["activity"], "properties": {"activity": {"type": "array", "items": {"$ref": "#/components/schemas/Activity"}}, "nextBefore": {"type": "integer"}}}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "security": [],
        "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    }
  }
}
"""#
}
