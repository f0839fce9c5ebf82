/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. Kept by hand beside
/// the routes; `OpenAPITests` fails when a route and this document disagree.
enum OpenAPIDocument {
    static let text = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "meshreg",
  "version": "0.1.0",
  "description": "Data-mesh registry: domains, teams, data products (ODPS v1.0.0), contracts (ODCS v3.1.0)."
 },
 "security": [
  {
   "bearer": []
  },
  {
   "basic": []
  }
 ],
 "paths": {
  "/healthz": {
   "get": {
    "summary": "Liveness",
    "security": [],
    "responses": {
     "200": {
      "description": "alive",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Status"
        }
       }
      }
     }
    }
   }
  },
  "/readyz": {
   "get": {
    "summary": "Readiness: the database can be read",
    "security": [],
    "responses": {
     "200": {
      "description": "ready",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Status"
        }
       }
      }
     },
     "503": {
      "$ref": "#/components/responses/Problem"
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
      "description": "OpenAPI 3.1",
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
  "/metrics": {
   "get": {
    "summary": "Prometheus metrics",
    "responses": {
     "200": {
      "description": "text exposition format",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/domains": {
   "get": {
    "summary": "List domains",
    "responses": {
     "200": {
      "description": "domains",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "items"
         ],
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/DomainSummary"
           }
          }
         }
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/domains/{name}": {
   "parameters": [
    {
     "name": "name",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "Get a domain with its teams",
    "responses": {
     "200": {
      "description": "the domain",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "put": {
    "summary": "Create or update a domain (admin, or an owner of one of its teams)",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object"
       }
      },
      "application/yaml": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "updated or unchanged",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "201": {
      "description": "created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/teams/{name}": {
   "parameters": [
    {
     "name": "name",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "Get a team and its members",
    "responses": {
     "200": {
      "description": "the team",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Team"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/products": {
   "get": {
    "summary": "List products",
    "parameters": [
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
     {
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "proposed",
        "draft",
        "active",
        "deprecated",
        "retired"
       ]
      },
      "description": ""
     },
     {
      "name": "team",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
     {
      "name": "q",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "text in the id, name or purpose"
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      },
      "description": ""
     },
     {
      "name": "cursor",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "nextCursor of the previous page"
     }
    ],
    "responses": {
     "200": {
      "description": "a page of products",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ProductPage"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/products/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "Get a product (ODPS) in its envelope",
    "responses": {
     "200": {
      "description": "the product",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "put": {
    "summary": "Register or update a product",
    "parameters": [
     {
      "name": "If-Match",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "the ETag last read; 412 when it is stale"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object"
       }
      },
      "application/yaml": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "updated or unchanged",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "201": {
      "description": "registered",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "412": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "delete": {
    "summary": "Retire a product (refused while others read it)",
    "responses": {
     "200": {
      "description": "retired",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/products/{id}/revisions": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "A product's revisions, oldest first",
    "responses": {
     "200": {
      "description": "revisions",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "items"
         ],
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/RevisionSummary"
           }
          }
         }
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/products/{id}/revisions/{revision}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    },
    {
     "name": "revision",
     "in": "path",
     "required": true,
     "schema": {
      "type": "integer",
      "minimum": 1
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "One revision of a product",
    "responses": {
     "200": {
      "description": "the revision",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/contracts/{id}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "A contract's published versions",
    "responses": {
     "200": {
      "description": "versions",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ContractVersions"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "put": {
    "summary": "Publish a contract version (ODCS); the version comes from the document",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object"
       }
      },
      "application/yaml": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "updated or unchanged",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "201": {
      "description": "published",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/compatibility": {
   "post": {
    "summary": "Check a proposed schema or contract without writing: an ODCS contract against its registered major line (with the semver gate), or {type, schema, against, mode}",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "type": {
          "type": "string",
          "enum": [
           "avro",
           "json",
           "odcs"
          ]
         },
         "mode": {
          "type": "string",
          "enum": [
           "NONE",
           "BACKWARD",
           "BACKWARD_TRANSITIVE",
           "FORWARD",
           "FORWARD_TRANSITIVE",
           "FULL",
           "FULL_TRANSITIVE"
          ]
         },
         "schema": {},
         "against": {
          "type": "array"
         }
        }
       }
      },
      "application/yaml": {
       "schema": {
        "type": "string"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the compatibility report",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/CompatibilityReport"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/contracts/{id}/versions/{version}": {
   "parameters": [
    {
     "name": "id",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    },
    {
     "name": "version",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "One contract version (ODCS) in its envelope",
    "responses": {
     "200": {
      "description": "the contract version",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "delete": {
    "summary": "Retire a contract version (refused while products use it)",
    "responses": {
     "200": {
      "description": "retired",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Envelope"
        }
       }
      },
      "headers": {
       "ETag": {
        "schema": {
         "type": "string"
        },
        "description": "The document's revision, for If-Match."
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "Status": {
    "type": "object",
    "required": [
     "status"
    ],
    "properties": {
     "status": {
      "type": "string"
     }
    }
   },
   "Problem": {
    "type": "object",
    "required": [
     "type",
     "title",
     "status",
     "code",
     "detail"
    ],
    "properties": {
     "type": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "code": {
      "type": "string"
     },
     "detail": {
      "type": "string"
     },
     "issues": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "pointer",
        "code",
        "message"
       ],
       "properties": {
        "pointer": {
         "type": "string"
        },
        "code": {
         "type": "string"
        },
        "message": {
         "type": "string"
        },
        "location": {
         "type": "string"
        }
       }
      }
     },
     "dependants": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "report": {
      "$ref": "#/components/schemas/CompatibilityReport"
     },
     "suggestedVersion": {
      "type": "string"
     },
     "violations": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "policy": {
         "type": "string"
        },
        "severity": {
         "type": "string"
        },
        "path": {
         "type": "string"
        },
        "message": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Envelope": {
    "type": "object",
    "required": [
     "kind",
     "key",
     "revision",
     "registeredAt",
     "registeredBy",
     "digest",
     "document"
    ],
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "domain",
       "product",
       "contract"
      ]
     },
     "key": {
      "type": "string"
     },
     "revision": {
      "type": "integer",
      "minimum": 1
     },
     "registeredAt": {
      "type": "string",
      "format": "date-time"
     },
     "registeredBy": {
      "type": "string"
     },
     "digest": {
      "type": "string"
     },
     "document": {
      "type": "object",
      "description": "the ODPS, ODCS or Domain document as registered"
     },
     "change": {
      "type": "string",
      "enum": [
       "created",
       "updated",
       "unchanged",
       "retired"
      ]
     },
     "teams": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Team"
      }
     }
    }
   },
   "DomainSummary": {
    "type": "object",
    "required": [
     "name",
     "teams"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "description": {
      "type": [
       "string",
       "null"
      ]
     },
     "teams": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "Team": {
    "type": "object",
    "required": [
     "name",
     "domain",
     "members"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "domain": {
      "type": "string"
     },
     "members": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "username",
        "role"
       ],
       "properties": {
        "username": {
         "type": "string"
        },
        "role": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "ProductSummary": {
    "type": "object",
    "required": [
     "id",
     "name",
     "domain",
     "team",
     "version",
     "status",
     "revision",
     "updatedAt"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "domain": {
      "type": "string"
     },
     "team": {
      "type": "string"
     },
     "version": {
      "type": "string"
     },
     "status": {
      "type": "string"
     },
     "revision": {
      "type": "integer"
     },
     "updatedAt": {
      "type": "string"
     }
    }
   },
   "ProductPage": {
    "type": "object",
    "required": [
     "items",
     "nextCursor"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ProductSummary"
      }
     },
     "nextCursor": {
      "type": [
       "string",
       "null"
      ]
     }
    }
   },
   "RevisionSummary": {
    "type": "object",
    "required": [
     "revision",
     "registeredAt",
     "registeredBy",
     "digest"
    ],
    "properties": {
     "revision": {
      "type": "integer"
     },
     "registeredAt": {
      "type": "string"
     },
     "registeredBy": {
      "type": "string"
     },
     "digest": {
      "type": "string"
     },
     "version": {},
     "status": {}
    }
   },
   "CompatibilityReport": {
    "type": "object",
    "required": [
     "mode",
     "isCompatible",
     "changeClass",
     "findings"
    ],
    "properties": {
     "mode": {
      "type": "string"
     },
     "isCompatible": {
      "type": "boolean"
     },
     "changeClass": {
      "type": "string",
      "enum": [
       "none",
       "metadata",
       "additive",
       "breaking"
      ]
     },
     "findings": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "rule",
        "verdict",
        "message"
       ],
       "properties": {
        "rule": {
         "type": "string"
        },
        "oldPath": {
         "type": [
          "string",
          "null"
         ]
        },
        "newPath": {
         "type": [
          "string",
          "null"
         ]
        },
        "expected": {
         "type": "string"
        },
        "found": {
         "type": "string"
        },
        "verdict": {
         "type": "string",
         "enum": [
          "metadata",
          "additive",
          "breaking"
         ]
        },
        "message": {
         "type": "string"
        },
        "direction": {
         "type": "string"
        },
        "previousIndex": {
         "type": "integer"
        }
       }
      }
     },
     "contractId": {
      "type": "string"
     },
     "version": {
      "type": "string"
     },
     "previousVersion": {
      "type": [
       "string",
       "null"
      ]
     },
     "semver": {
      "type": "object",
      "properties": {
       "allowed": {
        "type": "boolean"
       },
       "needed": {
        "type": "string"
       },
       "suggestedVersion": {
        "type": "string"
       }
      }
     }
    }
   },
   "ContractVersions": {
    "type": "object",
    "required": [
     "id",
     "versions"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "versions": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "version",
        "status"
       ],
       "properties": {
        "version": {
         "type": "string"
        },
        "status": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "responses": {
   "Problem": {
    "description": "an error (RFC 9457 problem details)",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  },
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   },
   "basic": {
    "type": "http",
    "scheme": "basic",
    "description": "any username, the token as password"
   }
  }
 }
}
"""#
}
