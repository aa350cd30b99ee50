/// The OpenAPI 3.1 description of the JSON API, served at `GET /api/v1/openapi.json` (design.md §6).
/// A test fails when a registered `/api/v1` route is missing from it, so every new route adds itself here.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "QBBridge API",
    "version": "0.1.0",
    "description": "Company connections, Web Connector configuration files, payments, failure records, sync health and the audit log of a QBBridge server. Authenticate with 'Authorization: Bearer <token>' (create tokens with 'qbbridge token create'). Errors are {\"error\": {\"code\", \"message\", \"fields\"?}}."
  },
  "servers": [
    {
      "url": "/api/v1"
    }
  ],
  "security": [
    {
      "bearer": []
    }
  ],
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "fields": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "CompanyCreate": {
        "type": "object",
        "required": [
          "name",
          "username",
          "password"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 60,
            "pattern": "\\S"
          },
          "username": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": "^[A-Za-z0-9._@-]+$"
          },
          "password": {
            "type": "string",
            "minLength": 8,
            "maxLength": 72
          },
          "runEveryMinutes": {
            "type": ["integer", "null"],
            "minimum": 1,
            "maximum": 1440,
            "default": 15
          },
          "syncStartDate": {
            "type": ["string", "null"],
            "format": "date"
          },
          "readOnly": {
            "type": ["boolean", "null"],
            "default": false
          }
        }
      },
      "QuickBooksInfo": {
        "type": "object",
        "required": [
          "supportedQBXMLVersions"
        ],
        "properties": {
          "product": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "country": {
            "type": "string"
          },
          "fileMode": {
            "type": "string"
          },
          "supportedQBXMLVersions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "qbxmlVersion": {
            "type": "string"
          },
          "companyFile": {
            "type": "string"
          },
          "companyName": {
            "type": "string"
          },
          "autoApplyPayments": {
            "type": "boolean"
          },
          "reportedAt": {
            "type": "string",
            "format": "date-time"
          },
          "fileVerifiedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Company": {
        "type": "object",
        "required": [
          "id",
          "name",
          "username",
          "ownerId",
          "fileId",
          "runEveryMinutes",
          "readOnly",
          "createdAt",
          "updatedAt",
          "quickbooks"
        ],
        "properties": {
          "id": {
            "type": "string",
            "format": "uuid"
          },
          "name": {
            "type": "string"
          },
          "username": {
            "type": "string"
          },
          "ownerId": {
            "type": "string"
          },
          "fileId": {
            "type": "string"
          },
          "runEveryMinutes": {
            "type": "integer"
          },
          "syncStartDate": {
            "type": "string",
            "format": "date"
          },
          "readOnly": {
            "type": "boolean"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastSessionAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastSyncAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastSessionSummary": {
            "type": "string"
          },
          "connectionProblem": {
            "type": "string"
          },
          "quickbooks": {
            "$ref": "#/components/schemas/QuickBooksInfo"
          }
        }
      },
      "Activity": {
        "type": "object",
        "required": [
          "id",
          "at",
          "actor",
          "subject",
          "action",
          "detail"
        ],
        "properties": {
          "id": {
            "type": "integer"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "type": "string"
          },
          "companyId": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "subjectId": {
            "type": "string"
          },
          "action": {
            "type": "string"
          },
          "detail": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "PaymentCreate": {
        "type": "object",
        "required": [
          "externalId",
          "customer",
          "amount",
          "date"
        ],
        "properties": {
          "externalId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "Idempotency key: the same key and body return the existing payment (200); a different body is a 409.",
            "pattern": "\\S"
          },
          "customer": {
            "oneOf": [
              {
                "type": "object",
                "required": [
                  "listId"
                ],
                "not": {"required": ["fullName"]},
                "properties": {
                  "listId": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 36,
                    "pattern": "\\S"
                  }
                }
              },
              {
                "type": "object",
                "required": [
                  "fullName"
                ],
                "not": {"required": ["listId"]},
                "properties": {
                  "fullName": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 209,
                    "pattern": "\\S"
                  }
                }
              }
            ],
            "description": "Exactly one of listId or fullName."
          },
          "amount": {
            "type": "string",
            "pattern": "^(?:[1-9][0-9]{0,12}(?:\\.[0-9]{1,2})?|0\\.(?:[1-9][0-9]?|0[1-9]))$",
            "description": "A positive amount with at most two decimals, e.g. \"1500.00\""
          },
          "date": {
            "type": "string",
            "format": "date"
          },
          "paymentMethod": {
            "type": ["string", "null"],
            "maxLength": 31
          },
          "refNumber": {
            "type": ["string", "null"],
            "maxLength": 20
          },
          "memo": {
            "type": ["string", "null"],
            "maxLength": 4082
          },
          "depositToAccount": {
            "type": ["string", "null"],
            "maxLength": 159
          },
          "applications": {
            "type": ["array", "null"],
            "items": {
              "type": "object",
              "required": [
                "invoice",
                "amount"
              ],
              "properties": {
                "invoice": {
                  "oneOf": [
                    {
                      "type": "object",
                      "required": [
                        "txnId"
                      ],
                      "not": {"required": ["refNumber"]},
                      "properties": {
                        "txnId": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 36,
                          "pattern": "\\S"
                        }
                      }
                    },
                    {
                      "type": "object",
                      "required": [
                        "refNumber"
                      ],
                      "not": {"required": ["txnId"]},
                      "properties": {
                        "refNumber": {
                          "type": "string",
                          "minLength": 1,
                          "maxLength": 11,
                          "pattern": "\\S"
                        }
                      }
                    }
                  ]
                },
                "amount": {
                  "type": "string",
                  "pattern": "^(?:[1-9][0-9]{0,12}(?:\\.[0-9]{1,2})?|0\\.(?:[1-9][0-9]?|0[1-9]))$"
                }
              }
            },
            "description": "Must add up to amount. Empty: applied by exact amount match to one open invoice, else oldest first.",
            "uniqueItems": true
          }
        }
      },
      "Failure": {
        "type": "object",
        "required": [
          "id",
          "companyId",
          "category",
          "title",
          "summary",
          "evidence",
          "resolution",
          "actions",
          "autoRecheck",
          "status",
          "createdAt",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "companyId": {
            "type": "string"
          },
          "jobId": {
            "type": "string"
          },
          "category": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "summary": {
            "type": "string"
          },
          "evidence": {
            "type": "object"
          },
          "statusCode": {
            "type": "integer"
          },
          "statusMessage": {
            "type": "string"
          },
          "hresult": {
            "type": "string"
          },
          "resolution": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "actions": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "retry",
                "dismiss",
                "delete"
              ]
            }
          },
          "autoRecheck": {
            "type": "boolean"
          },
          "status": {
            "type": "string",
            "enum": [
              "open",
              "resolved",
              "dismissed",
              "deleted"
            ]
          },
          "reason": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Payment": {
        "type": "object",
        "required": [
          "id",
          "companyId",
          "status",
          "attempts",
          "createdAt",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "externalId": {
            "type": "string"
          },
          "companyId": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "in_flight",
              "uncertain",
              "posted",
              "failed",
              "dismissed",
              "reversing",
              "reversed"
            ]
          },
          "txnId": {
            "type": "string",
            "description": "QuickBooks TxnID once posted"
          },
          "failure": {
            "$ref": "#/components/schemas/Failure"
          },
          "customer": {
            "type": "object"
          },
          "amount": {
            "type": "string"
          },
          "date": {
            "type": "string"
          },
          "paymentMethod": {
            "type": "string"
          },
          "refNumber": {
            "type": "string"
          },
          "memo": {
            "type": "string"
          },
          "depositToAccount": {
            "type": "string"
          },
          "applications": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "attempts": {
            "type": "integer"
          },
          "note": {
            "type": "string"
          },
          "nextCheckAt": {
            "type": "string",
            "format": "date-time"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "companyId",
          "syncAgeAlert",
          "connection",
          "failureRate"
        ],
        "properties": {
          "companyId": {
            "type": "string"
          },
          "lastSyncAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastSessionAt": {
            "type": "string",
            "format": "date-time"
          },
          "lastSessionSummary": {
            "type": "string"
          },
          "hoursSinceLastSync": {
            "type": "number"
          },
          "syncAgeAlert": {
            "type": "string",
            "enum": [
              "none",
              "warning",
              "critical",
              "severe",
              "never_synced"
            ]
          },
          "connection": {
            "type": "object",
            "required": [
              "status"
            ],
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "ok",
                  "problem",
                  "never_connected"
                ]
              },
              "problem": {
                "type": "string"
              },
              "failure": {
                "$ref": "#/components/schemas/Failure"
              }
            }
          },
          "failureRate": {
            "type": "object",
            "required": [
              "windowDays",
              "payments",
              "failed",
              "rate"
            ],
            "properties": {
              "windowDays": {
                "type": "integer"
              },
              "payments": {
                "type": "integer"
              },
              "failed": {
                "type": "integer"
              },
              "rate": {
                "type": "number"
              }
            }
          },
          "alert": {
            "type": "object",
            "properties": {
              "message": {
                "type": "string"
              },
              "topCategories": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "category": {
                      "type": "string"
                    },
                    "count": {
                      "type": "integer"
                    }
                  }
                }
              },
              "whatToCheck": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "responses": {
      "Unauthorized": {
        "description": "Missing or invalid API token",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such record",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "BadRequest": {
        "description": "Malformed request",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Conflict": {
        "description": "Conflicts with the current state",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unprocessable": {
        "description": "Validation failed (fields name each problem)",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    }
  },
  "paths": {
    "/companies": {
      "get": {
        "summary": "List company connections",
        "responses": {
          "200": {
            "description": "All companies",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "companies"
                  ],
                  "properties": {
                    "companies": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Company"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "summary": "Create a company connection",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CompanyCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Company"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "409": {
            "description": "User name taken",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Body too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "422": {
            "description": "Validation failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/companies/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "One company connection",
        "responses": {
          "200": {
            "description": "The company",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Company"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/companies/{id}/qwc": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "Download the Web Connector configuration file (.qwc)",
        "responses": {
          "200": {
            "description": "The .qwc file as an attachment",
            "content": {
              "application/x-qwc": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "No valid .qwc can be made as configured (e.g. plain http public URL on a non-local host)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/activity": {
      "get": {
        "summary": "The audit log, newest first",
        "parameters": [
          {
            "name": "companyId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "before",
            "in": "query",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": -9223372036854775808,
              "maximum": 9223372036854775807
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of entries",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "activity"
                  ],
                  "properties": {
                    "activity": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Activity"
                      }
                    },
                    "nextBefore": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "security": [],
        "responses": {
          "200": {
            "description": "OpenAPI 3.1 document",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/companies/{id}/payments": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "summary": "Queue a payment for posting to QuickBooks",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PaymentCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": {
              "$ref": "#/components/schemas/Payment"
            }
          },
          "200": {
            "description": {
              "$ref": "#/components/schemas/Payment"
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "description": {
              "$ref": "#/components/schemas/Error"
            }
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        }
      }
    },
    "/payments": {
      "get": {
        "summary": "Payments, oldest change first, for cheap polling",
        "parameters": [
          {
            "name": "companyId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "pattern": "^((queued|in_flight|uncertain|posted|failed|dismissed|reversing|reversed)(,(queued|in_flight|uncertain|posted|failed|dismissed|reversing|reversed))*)?$"
            },
            "description": "comma-separated statuses; empty or absent: every status"
          },
          {
            "name": "updatedSince",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          }
        ],
        "responses": {
          "200": {
            "description": {
              "type": "object",
              "required": [
                "payments"
              ],
              "properties": {
                "payments": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Payment"
                  }
                },
                "nextUpdatedSince": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/payments/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "One payment with its open failure",
        "responses": {
          "200": {
            "description": {
              "$ref": "#/components/schemas/Payment"
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/payments/{id}/reverse": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "summary": "Refund: delete the posted ReceivePayment in QuickBooks so its invoices reopen",
        "responses": {
          "202": {
            "description": {
              "$ref": "#/components/schemas/Payment"
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          }
        }
      }
    },
    "/failures": {
      "get": {
        "summary": "Failure records, newest first (every status unless status is given)",
        "parameters": [
          {
            "name": "companyId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "pattern": "^((open|resolved|dismissed|deleted)(,(open|resolved|dismissed|deleted))*)?$"
            }
          },
          {
            "name": "category",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          }
        ],
        "responses": {
          "200": {
            "description": {
              "type": "object",
              "required": [
                "failures"
              ],
              "properties": {
                "failures": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Failure"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/failures/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "One failure record",
        "responses": {
          "200": {
            "description": {
              "$ref": "#/components/schemas/Failure"
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/failures/{id}/retry": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "summary": "Re-queue the job now",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": {
              "$ref": "#/components/schemas/Failure"
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        }
      }
    },
    "/failures/{id}/dismiss": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "summary": "Dismiss syncing: the job is never sent (reason required)",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": {
              "$ref": "#/components/schemas/Failure"
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        }
      }
    },
    "/failures/{id}/delete": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "summary": "Hide the record (kept in the audit log)",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": {
              "$ref": "#/components/schemas/Failure"
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          }
        }
      }
    },
    "/companies/{id}/health": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "Sync health: last sync, connection failure, failure rate and alert",
        "responses": {
          "200": {
            "description": {
              "$ref": "#/components/schemas/Health"
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    }
  }
}
"""#
}
