/// The OpenAPI 3.1 description of every route, served at `/openapi.json`. Generated with
/// docs/openapi.json by `python3 docs/make-openapi.py`: edit the script, never this file.
enum OpenAPIDocument {
    static let text = #"""
{
 "openapi": "3.1.0",
 "info": {
  "title": "meshreg",
  "version": "0.1.0",
  "description": "Data-mesh registry: domains, teams, data products (ODPS v1.1.0, v1.0.0), contracts (ODCS v3.2.0, v3.1.0, v3.0.x)."
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
         },
         "additionalProperties": false
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
    "summary": "Create or update a domain (platform admins only: a domain file names every team's members)",
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
      "description": "text in the id, name, purpose, a tag or an owner's username"
     },
     {
      "name": "classification",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "a classification of one of the product's output ports (public, internal, restricted, pii)"
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
         },
         "additionalProperties": false
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
  "/api/v1/access-requests": {
   "get": {
    "summary": "List access requests, newest first",
    "parameters": [
     {
      "name": "product",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
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
      "name": "status",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "pending",
        "approved",
        "rejected",
        "revoked"
       ]
      },
      "description": ""
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
     }
    ],
    "responses": {
     "200": {
      "description": "requests",
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
            "$ref": "#/components/schemas/AccessRequest"
           }
          }
         },
         "additionalProperties": false
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
   },
   "post": {
    "summary": "Request access to an output port for a team, with a purpose (public ports are granted at once)",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "product",
         "port",
         "team",
         "purpose"
        ],
        "properties": {
         "product": {
          "type": "string"
         },
         "port": {
          "type": "string"
         },
         "portVersion": {
          "type": "string"
         },
         "team": {
          "type": "string"
         },
         "purpose": {
          "type": "string"
         },
         "expires": {
          "type": "string",
          "description": "YYYY-MM-DD or RFC 3339"
         }
        }
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "the request",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
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
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
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
  "/api/v1/access-requests/{id}": {
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
    "summary": "One access request",
    "responses": {
     "200": {
      "description": "the request",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
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
  "/api/v1/access-requests/{id}/approve": {
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
   "post": {
    "summary": "Approve (owning team only; access.approve policies apply)",
    "responses": {
     "200": {
      "description": "the request",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
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
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/access-requests/{id}/reject": {
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
   "post": {
    "summary": "Reject (owning team only)",
    "responses": {
     "200": {
      "description": "the request",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
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
  "/api/v1/access-requests/{id}/revoke": {
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
   "post": {
    "summary": "Revoke a grant or withdraw a request (owning or consumer team)",
    "responses": {
     "200": {
      "description": "the request",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AccessRequest"
        }
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
  "/api/v1/policies": {
   "get": {
    "summary": "The enforced policy set: version and policies",
    "responses": {
     "200": {
      "description": "policies",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "version",
          "items"
         ],
         "properties": {
          "version": {
           "type": "string"
          },
          "items": {
           "type": "array",
           "items": {
            "type": "object",
            "required": [
             "name",
             "description",
             "events",
             "validationActions",
             "digest",
             "document"
            ],
            "properties": {
             "name": {
              "type": "string"
             },
             "description": {
              "type": "string"
             },
             "events": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "validationActions": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "digest": {
              "type": [
               "string",
               "null"
              ]
             },
             "document": {
              "type": "object",
              "description": "the policy as loaded (canonical form): its CEL match conditions, variables and validations"
             }
            },
            "additionalProperties": false
           }
          }
         },
         "additionalProperties": false
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
  "/api/v1/policies/evaluate": {
   "post": {
    "summary": "Dry-run the policies of one event on an input; writes nothing",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "event"
        ],
        "properties": {
         "event": {
          "type": "string"
         },
         "input": {
          "type": "object"
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the decision",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Decision"
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
  "/api/v1/audit": {
   "get": {
    "summary": "The audit log, oldest first",
    "parameters": [
     {
      "name": "since",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
     {
      "name": "until",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
     {
      "name": "actor",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
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
      "name": "policy",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
     {
      "name": "outcome",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "allowed",
        "warned",
        "denied",
        "refused",
        "failed"
       ]
      },
      "description": ""
     },
     {
      "name": "action",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
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
       "type": "integer",
       "minimum": 1
      },
      "description": ""
     }
    ],
    "responses": {
     "200": {
      "description": "entries",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "items",
          "nextCursor"
         ],
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/AuditEntry"
           }
          },
          "nextCursor": {
           "type": [
            "string",
            "null"
           ]
          }
         },
         "additionalProperties": false
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
  "/api/v1/audit/verify": {
   "get": {
    "summary": "Recompute the audit log's hash chain",
    "responses": {
     "200": {
      "description": "the verification",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "intact",
          "entries"
         ],
         "properties": {
          "intact": {
           "type": "boolean"
          },
          "entries": {
           "type": "integer"
          },
          "firstBroken": {
           "type": "object",
           "required": [
            "sequence",
            "reason"
           ],
           "properties": {
            "sequence": {
             "type": "integer"
            },
            "reason": {
             "type": "string"
            }
           },
           "additionalProperties": false
          }
         },
         "additionalProperties": false
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
  "/api/v1/audit/violations": {
   "get": {
    "summary": "Every current document evaluated against the current policies",
    "responses": {
     "200": {
      "description": "violations",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "policySetVersion",
          "documents",
          "items"
         ],
         "properties": {
          "policySetVersion": {
           "type": "string"
          },
          "documents": {
           "type": "integer"
          },
          "items": {
           "type": "array",
           "items": {
            "type": "object",
            "required": [
             "kind",
             "key",
             "violations"
            ],
            "properties": {
             "kind": {
              "type": "string"
             },
             "key": {
              "type": "string"
             },
             "violations": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/PolicyViolation"
              }
             }
            },
            "additionalProperties": false
           }
          }
         },
         "additionalProperties": false
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
           "protobuf",
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
  },
  "/apis/ccompat/v7/subjects": {
   "get": {
    "summary": "List subjects",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted subjects (true in any case; anything else is false)"
     },
     {
      "name": "deleted_only",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "only soft-deleted subjects (true in any case; anything else is false)"
     },
     {
      "name": "subjectPrefix",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": ""
     },
     {
      "name": "offset",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      },
      "description": ""
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      },
      "description": ""
     }
    ],
    "responses": {
     "200": {
      "description": "subject names",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/subjects/{subject}": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    }
   ],
   "post": {
    "summary": "Look up a schema in a subject",
    "parameters": [
     {
      "name": "normalize",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "match by the Avro Parsing Canonical Form (true in any case; anything else is false)"
     },
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the version holding it",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentSubjectVersion"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentSubjectVersion"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "415": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "delete": {
    "summary": "Soft-delete a subject, or with permanent=true remove a soft-deleted one",
    "parameters": [
     {
      "name": "permanent",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "hard delete (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "the deleted versions",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "500": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/subjects/{subject}/versions": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    }
   ],
   "get": {
    "summary": "A subject's versions",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "version numbers",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "post": {
    "summary": "Register a schema (the same schema has the same id in every subject)",
    "parameters": [
     {
      "name": "normalize",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "match by the Avro Parsing Canonical Form or Protobuf's normalized text (true in any case; anything else is false)"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "its global id",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "id"
         ],
         "properties": {
          "id": {
           "type": "integer"
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "id"
         ],
         "properties": {
          "id": {
           "type": "integer"
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "409": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "415": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "500": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/subjects/{subject}/versions/{version}": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    },
    {
     "name": "version",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "a version number, `latest` or `-1`"
    }
   ],
   "get": {
    "summary": "One version",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "serialized: a Protobuf schema as a base64 FileDescriptorProto; otherwise as stored"
     }
    ],
    "responses": {
     "200": {
      "description": "the version",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentSubjectVersion"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentSubjectVersion"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "delete": {
    "summary": "Soft-delete a version, or with permanent=true remove a soft-deleted one",
    "parameters": [
     {
      "name": "permanent",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "hard delete (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "the version number",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "integer"
        }
       },
       "application/json": {
        "schema": {
         "type": "integer"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "500": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/subjects/{subject}/versions/{version}/schema": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    },
    {
     "name": "version",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "a version number, `latest` or `-1`"
    }
   ],
   "get": {
    "summary": "One version's schema, raw",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "the schema",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {}
       },
       "application/json": {
        "schema": {}
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/subjects/{subject}/versions/{version}/referencedby": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    },
    {
     "name": "version",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "a version number, `latest` or `-1`"
    }
   ],
   "get": {
    "summary": "Ids of schemas whose live versions reference this version",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include schemas used only by soft-deleted versions (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "schema ids, ascending",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "integer"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/subjects/{subject}/metadata": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    }
   ],
   "get": {
    "summary": "The latest version whose metadata has every given property",
    "parameters": [
     {
      "name": "key",
      "in": "query",
      "required": true,
      "schema": {
       "type": "array",
       "items": {
        "type": "string"
       }
      },
      "description": "a metadata property name; repeat with `value` for each"
     },
     {
      "name": "value",
      "in": "query",
      "required": true,
      "schema": {
       "type": "array",
       "items": {
        "type": "string"
       }
      },
      "description": "the value of the `key` at the same position"
     },
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "serialized: a Protobuf schema as a base64 FileDescriptorProto; otherwise as stored"
     }
    ],
    "responses": {
     "200": {
      "description": "the version",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentSubjectVersion"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentSubjectVersion"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/schemas/ids/{id}": {
   "parameters": [
    {
     "name": "id",
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
    "summary": "A schema by global id",
    "parameters": [
     {
      "name": "subject",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "accepted and ignored: ids are global"
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "serialized: a Protobuf schema as a base64 FileDescriptorProto; otherwise as stored"
     }
    ],
    "responses": {
     "200": {
      "description": "the schema",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "schema"
         ],
         "properties": {
          "schema": {
           "type": "string"
          },
          "schemaType": {
           "type": "string",
           "enum": [
            "JSON",
            "PROTOBUF"
           ]
          },
          "references": {
           "$ref": "#/components/schemas/ConfluentReferences"
          },
          "metadata": {
           "$ref": "#/components/schemas/ConfluentMetadata"
          },
          "ruleSet": {
           "$ref": "#/components/schemas/ConfluentRuleSet"
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "schema"
         ],
         "properties": {
          "schema": {
           "type": "string"
          },
          "schemaType": {
           "type": "string",
           "enum": [
            "JSON",
            "PROTOBUF"
           ]
          },
          "references": {
           "$ref": "#/components/schemas/ConfluentReferences"
          },
          "metadata": {
           "$ref": "#/components/schemas/ConfluentMetadata"
          },
          "ruleSet": {
           "$ref": "#/components/schemas/ConfluentRuleSet"
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/schemas/ids/{id}/schema": {
   "parameters": [
    {
     "name": "id",
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
    "summary": "A schema by global id, raw",
    "responses": {
     "200": {
      "description": "the schema",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {}
       },
       "application/json": {
        "schema": {}
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/schemas/ids/{id}/subjects": {
   "parameters": [
    {
     "name": "id",
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
    "summary": "Subjects using a schema",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "subject names",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/schemas/ids/{id}/versions": {
   "parameters": [
    {
     "name": "id",
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
    "summary": "Subject versions using a schema",
    "parameters": [
     {
      "name": "deleted",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "include soft-deleted versions (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "subject versions",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "subject",
           "version"
          ],
          "properties": {
           "subject": {
            "type": "string"
           },
           "version": {
            "type": "integer"
           }
          },
          "additionalProperties": false
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "subject",
           "version"
          ],
          "properties": {
           "subject": {
            "type": "string"
           },
           "version": {
            "type": "integer"
           }
          },
          "additionalProperties": false
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/schemas/types": {
   "get": {
    "summary": "Supported schema types",
    "responses": {
     "200": {
      "description": "AVRO, JSON and PROTOBUF",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       },
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/compatibility/subjects/{subject}/versions/{version}": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    },
    {
     "name": "version",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "a version number, `latest` or `-1`"
    }
   ],
   "post": {
    "summary": "Test a schema's compatibility (verbose=true adds messages)",
    "parameters": [
     {
      "name": "verbose",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "list why it is incompatible (true in any case; anything else is false)"
     },
     {
      "name": "normalize",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": " (true in any case; anything else is false)"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the verdict",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "is_compatible"
         ],
         "properties": {
          "is_compatible": {
           "type": "boolean"
          },
          "messages": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "is_compatible"
         ],
         "properties": {
          "is_compatible": {
           "type": "boolean"
          },
          "messages": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "415": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/compatibility/subjects/{subject}/versions": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    }
   ],
   "post": {
    "summary": "Test a schema against what registration checks (the latest version, or all under a transitive level)",
    "parameters": [
     {
      "name": "verbose",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "list why it is incompatible (true in any case; anything else is false)"
     },
     {
      "name": "normalize",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": " (true in any case; anything else is false)"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentSchemaRequest"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the verdict",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "is_compatible"
         ],
         "properties": {
          "is_compatible": {
           "type": "boolean"
          },
          "messages": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "is_compatible"
         ],
         "properties": {
          "is_compatible": {
           "type": "boolean"
          },
          "messages": {
           "type": "array",
           "items": {
            "type": "string"
           }
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "415": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/config": {
   "get": {
    "summary": "The global config: compatibility level (BACKWARD unless set) and data-contract defaults and overrides",
    "responses": {
     "200": {
      "description": "the config",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfig"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfig"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "put": {
    "summary": "Change the global config (admin)",
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentConfigUpdate"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentConfigUpdate"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the settings given",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfigUpdate"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfigUpdate"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/config/{subject}": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    }
   ],
   "get": {
    "summary": "A subject's config",
    "parameters": [
     {
      "name": "defaultToGlobal",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "fall back to the global settings instead of 40408 (true in any case; anything else is false)"
     }
    ],
    "responses": {
     "200": {
      "description": "the config",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfig"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfig"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "put": {
    "summary": "Change a subject's config",
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentConfigUpdate"
       }
      },
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ConfluentConfigUpdate"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the settings given",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfigUpdate"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfigUpdate"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "delete": {
    "summary": "Remove a subject's config",
    "responses": {
     "200": {
      "description": "the removed config",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfig"
        }
       },
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ConfluentConfig"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/mode": {
   "get": {
    "summary": "The global mode",
    "responses": {
     "200": {
      "description": "the mode",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "put": {
    "summary": "Set the global mode (admin); IMPORT is not supported",
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "type": "object",
        "required": [
         "mode"
        ],
        "properties": {
         "mode": {
          "type": "string",
          "enum": [
           "READWRITE",
           "READONLY"
          ]
         }
        }
       }
      },
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "mode"
        ],
        "properties": {
         "mode": {
          "type": "string",
          "enum": [
           "READWRITE",
           "READONLY"
          ]
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the mode set",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/apis/ccompat/v7/mode/{subject}": {
   "parameters": [
    {
     "name": "subject",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "e.g. <topic>-value; writes need the team owning the topic's contract, else an admin"
    }
   ],
   "get": {
    "summary": "A subject's mode (the global one unless set)",
    "responses": {
     "200": {
      "description": "the mode",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "put": {
    "summary": "Set a subject's mode; READONLY refuses registration (42205)",
    "requestBody": {
     "required": true,
     "content": {
      "application/vnd.schemaregistry.v1+json": {
       "schema": {
        "type": "object",
        "required": [
         "mode"
        ],
        "properties": {
         "mode": {
          "type": "string",
          "enum": [
           "READWRITE",
           "READONLY"
          ]
         }
        }
       }
      },
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "mode"
        ],
        "properties": {
         "mode": {
          "type": "string",
          "enum": [
           "READWRITE",
           "READONLY"
          ]
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the mode set",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "422": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   },
   "delete": {
    "summary": "Remove a subject's mode",
    "responses": {
     "200": {
      "description": "the removed mode",
      "content": {
       "application/vnd.schemaregistry.v1+json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       },
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "mode"
         ],
         "properties": {
          "mode": {
           "type": "string",
           "enum": [
            "READWRITE",
            "READONLY"
           ]
          }
         },
         "additionalProperties": false
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "401": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "403": {
      "$ref": "#/components/responses/ConfluentError"
     },
     "404": {
      "$ref": "#/components/responses/ConfluentError"
     }
    }
   }
  },
  "/api/v1/lineage": {
   "post": {
    "summary": "Ingest one OpenLineage RunEvent, JobEvent or DatasetEvent (2-0-x), as Marquez does; a resent event is accepted again and changes nothing",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "description": "an OpenLineage event",
        "required": [
         "eventTime",
         "producer",
         "schemaURL"
        ]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "accepted (empty object)",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [],
         "properties": {},
         "additionalProperties": false
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
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "get": {
    "summary": "Marquez's lineage read: the graph around a node, both ways",
    "parameters": [
     {
      "name": "nodeId",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "dataset:NAMESPACE:NAME, job:NAMESPACE:NAME (namespaces may hold colons) or a canonical id such as product:ID"
     },
     {
      "name": "depth",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 0
      },
      "description": "edges to walk; larger values are capped at 20"
     }
    ],
    "responses": {
     "200": {
      "description": "the graph",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MarquezLineage"
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
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/lineage/runs/{runId}": {
   "parameters": [
    {
     "name": "runId",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "An OpenLineage run's merged state",
    "responses": {
     "200": {
      "description": "the run",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/LineageRun"
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
  "/api/v1/lineage/columns/{contractId}/{version}/{property}": {
   "parameters": [
    {
     "name": "contractId",
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
    },
    {
     "name": "property",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": "a property name of the contract's schema, dotted for nested ones"
    }
   ],
   "get": {
    "summary": "Column lineage of a contract property: the columns it is computed from (upstream) and that are computed from it (downstream), through the datasets of the contract's servers",
    "parameters": [
     {
      "name": "depth",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 0
      },
      "description": "edges to walk; larger values are capped at 20"
     }
    ],
    "responses": {
     "200": {
      "description": "the columns",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ColumnLineage"
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
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/lineage/{productId}": {
   "parameters": [
    {
     "name": "productId",
     "in": "path",
     "required": true,
     "schema": {
      "type": "string"
     },
     "description": ""
    }
   ],
   "get": {
    "summary": "A product's lineage",
    "parameters": [
     {
      "name": "direction",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "upstream",
        "downstream",
        "both"
       ],
       "default": "both"
      },
      "description": ""
     },
     {
      "name": "depth",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 0
      },
      "description": "edges to walk; larger values are capped at 20"
     },
     {
      "name": "format",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "enum": [
        "json",
        "dot",
        "mermaid",
        "svg"
       ],
       "default": "json"
      },
      "description": ""
     },
     {
      "name": "maxNodes",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 5000,
       "default": 500,
       "description": "svg: above this many nodes, nodes collapse into one box per owning domain"
      },
      "description": ""
     }
    ],
    "responses": {
     "200": {
      "description": "the lineage",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/LineageTraversal"
        }
       },
       "text/vnd.graphviz": {
        "schema": {
         "type": "string"
        }
       },
       "text/plain": {
        "schema": {
         "type": "string",
         "description": "Mermaid flowchart"
        }
       },
       "image/svg+xml": {
        "schema": {
         "type": "string",
         "description": "a layered left-to-right picture, collapsed by domain above 500 nodes"
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
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/whoami": {
   "get": {
    "summary": "The caller: user or team, and whether admin (a token, or the web UI's session cookie)",
    "responses": {
     "200": {
      "description": "the caller",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "name",
          "admin"
         ],
         "properties": {
          "name": {
           "type": "string"
          },
          "username": {
           "type": [
            "string",
            "null"
           ]
          },
          "team": {
           "type": [
            "string",
            "null"
           ]
          },
          "admin": {
           "type": "boolean"
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
  "/api/v1/impact": {
   "post": {
    "summary": "What a contract change breaks downstream: a proposed ODCS contract (checked against its registered line) or {contractId, version, properties}",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "oneOf": [
         {
          "type": "object",
          "description": "an ODCS contract"
         },
         {
          "type": "object",
          "required": [
           "contractId",
           "version"
          ],
          "properties": {
           "contractId": {
            "type": "string"
           },
           "version": {
            "type": "string"
           },
           "properties": {
            "type": "array",
            "items": {
             "type": "string"
            }
           }
          }
         }
        ]
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
      "description": "the impact, nearest first",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Impact"
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
     "404": {
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
  "/api/v1/apply": {
   "post": {
    "summary": "Apply a bundle of documents (a domain repository's tree) all or nothing, answering document by document as a plan; dryRun=true only plans. Refused: the problem carries documents and summary",
    "parameters": [
     {
      "name": "dryRun",
      "in": "query",
      "required": false,
      "schema": {
       "type": "boolean",
       "default": false
      },
      "description": "plan without writing"
     },
     {
      "name": "prune",
      "in": "query",
      "required": false,
      "schema": {
       "type": "boolean",
       "default": false
      },
      "description": "retire what the tree's domains no longer contain"
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "documents"
        ],
        "properties": {
         "documents": {
          "type": "array",
          "description": "at most 5,000 documents holding 8 MiB of text; a larger bundle answers 413 bundle-too-large",
          "items": {
           "type": "object",
           "required": [
            "path",
            "content"
           ],
           "properties": {
            "path": {
             "type": "string",
             "minLength": 1,
             "description": "the file's path in the repository; .json is JSON, anything else YAML"
            },
            "content": {
             "type": "string",
             "description": "the file's text"
            }
           }
          }
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "the plan, applied unless dryRun",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ApplyPlan"
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
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
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
  "/api/v1/events": {
   "get": {
    "summary": "Change events after a sequence, in commit order, as a CloudEvents JSON batch; refusals and access events only for the domain's teams and admins",
    "parameters": [
     {
      "name": "after",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "pattern": "^[0-9]+$"
      },
      "description": "the last sequence seen (default 0)"
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000,
       "default": 100
      },
      "description": ""
     },
     {
      "name": "types",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "comma-separated event types, short (product.updated) or full (io.meshreg.product.updated.v1)"
     },
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "only events of this domain"
     },
     {
      "name": "wait",
      "in": "query",
      "required": false,
      "schema": {
       "type": "number",
       "minimum": 0,
       "maximum": 30
      },
      "description": "seconds to wait for an event when there is none yet"
     }
    ],
    "responses": {
     "200": {
      "description": "the events (possibly none)",
      "content": {
       "application/cloudevents-batch+json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/CloudEvent"
         }
        }
       }
      }
     },
     "410": {
      "description": "events after `after` were removed by retention; `earliestAvailable` says where reading can resume",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
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
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/events/stream": {
   "get": {
    "summary": "The same events as Server-Sent Events, resuming after Last-Event-ID; the response ends after a batch (or 25 s without one) and the client reconnects",
    "parameters": [
     {
      "name": "Last-Event-ID",
      "in": "header",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "the last sequence received"
     },
     {
      "name": "after",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "pattern": "^[0-9]+$"
      },
      "description": ""
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000,
       "default": 100
      },
      "description": ""
     },
     {
      "name": "types",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "comma-separated event types, short (product.updated) or full (io.meshreg.product.updated.v1)"
     },
     {
      "name": "domain",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "only events of this domain"
     },
     {
      "name": "wait",
      "in": "query",
      "required": false,
      "schema": {
       "type": "number",
       "minimum": 0,
       "maximum": 30
      },
      "description": "seconds to wait for an event when there is none yet"
     }
    ],
    "responses": {
     "200": {
      "description": "an event stream: `id` is the sequence, `data` the CloudEvent",
      "content": {
       "text/event-stream": {
        "schema": {
         "type": "object",
         "required": [
          "id",
          "event",
          "data"
         ],
         "description": "one Server-Sent Event",
         "properties": {
          "id": {
           "type": "string",
           "pattern": "^[0-9]+$",
           "description": "the sequence"
          },
          "event": {
           "type": "string",
           "description": "the CloudEvents type"
          },
          "data": {
           "type": "string",
           "contentMediaType": "application/json",
           "description": "the CloudEvent"
          },
          "retry": {
           "type": "integer"
          }
         }
        }
       }
      }
     },
     "410": {
      "description": "events after the position were removed by retention",
      "content": {
       "application/problem+json": {
        "schema": {
         "$ref": "#/components/schemas/Problem"
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
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/webhooks": {
   "post": {
    "summary": "Subscribe a URL to change events; the answer holds the signing secret, shown only here. URLs reaching loopback, private, link-local or metadata addresses are refused",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/WebhookRequest"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "the subscription and its secret",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/WebhookCreated"
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
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   },
   "get": {
    "summary": "Subscriptions: all for admins, one's own for others",
    "responses": {
     "200": {
      "description": "subscriptions",
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
            "$ref": "#/components/schemas/Webhook"
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
  "/api/v1/webhooks/{id}": {
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
    "summary": "A subscription (never its secret)",
    "responses": {
     "200": {
      "description": "the subscription",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Webhook"
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
   "delete": {
    "summary": "Delete a subscription",
    "responses": {
     "204": {
      "description": "deleted"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/webhooks/{id}/pause": {
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
   "post": {
    "summary": "Stop delivering; the position is kept",
    "responses": {
     "200": {
      "description": "the subscription",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Webhook"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/webhooks/{id}/resume": {
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
   "post": {
    "summary": "Deliver again (also after failing)",
    "responses": {
     "200": {
      "description": "the subscription",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Webhook"
        }
       }
      }
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/webhooks/{id}/deliveries": {
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
    "summary": "Delivery attempts, newest first",
    "parameters": [
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000,
       "default": 100
      },
      "description": ""
     }
    ],
    "responses": {
     "200": {
      "description": "attempts",
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
            "$ref": "#/components/schemas/WebhookDelivery"
           }
          }
         }
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
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/webhooks/{id}/replay": {
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
   "post": {
    "summary": "Deliver every matching event again from a sequence on",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string",
       "pattern": "^[0-9]+$"
      },
      "description": "the first sequence to deliver again"
     }
    ],
    "responses": {
     "200": {
      "description": "the subscription",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Webhook"
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
     "404": {
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
    },
    "additionalProperties": false
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
       },
       "additionalProperties": false
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
     "decision": {
      "$ref": "#/components/schemas/Decision"
     },
     "violations": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PolicyViolation"
      }
     },
     "requestId": {
      "type": "string",
      "description": "on 500 (code internal) and failed readiness: the id under which the server logged the cause"
     },
     "documents": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PlannedDocument"
      }
     },
     "summary": {
      "$ref": "#/components/schemas/PlanSummary"
     }
    },
    "additionalProperties": false
   },
   "PolicyViolation": {
    "type": "object",
    "required": [
     "policy",
     "severity",
     "message"
    ],
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
     "reason": {
      "type": "string"
     },
     "message": {
      "type": "string"
     }
    },
    "additionalProperties": false
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
     "change": {
      "type": "string",
      "enum": [
       "created",
       "updated",
       "unchanged",
       "retired"
      ],
      "description": "what a write did"
     },
     "warnings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PolicyViolation"
      },
      "description": "Warn policies a write met"
     },
     "teams": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Team"
      },
      "description": "a domain's teams"
     },
     "document": {
      "type": "object",
      "description": "the ODPS, ODCS or Domain document as registered"
     }
    },
    "additionalProperties": false
   },
   "DomainSummary": {
    "type": "object",
    "required": [
     "name",
     "description",
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
    },
    "additionalProperties": false
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
       },
       "additionalProperties": false
      }
     }
    },
    "additionalProperties": false
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
     "updatedAt",
     "deprecated",
     "deprecatedPorts"
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
     },
     "deprecated": {
      "type": "boolean",
      "description": "ODPS v1.1.0 `deprecated` on the product"
     },
     "deprecatedPorts": {
      "type": "array",
      "items": {
       "type": "string"
      },
      "description": "output ports marked deprecated, as name@version"
     }
    },
    "additionalProperties": false
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
    },
    "additionalProperties": false
   },
   "RevisionSummary": {
    "type": "object",
    "required": [
     "revision",
     "registeredAt",
     "registeredBy",
     "digest",
     "version",
     "status"
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
     "version": {
      "description": "the document's version, null when it has none"
     },
     "status": {
      "description": "the document's status, null when it has none"
     }
    },
    "additionalProperties": false
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
        "oldPath",
        "newPath",
        "expected",
        "found",
        "verdict",
        "message",
        "direction",
        "previousIndex"
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
       },
       "additionalProperties": false
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
      "required": [
       "allowed"
      ],
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
      },
      "additionalProperties": false
     }
    },
    "additionalProperties": false
   },
   "AccessRequest": {
    "type": "object",
    "required": [
     "id",
     "product",
     "port",
     "portVersion",
     "team",
     "purpose",
     "requestedBy",
     "requestedAt",
     "expiresAt",
     "status",
     "decidedBy",
     "decidedAt",
     "note"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "product": {
      "type": "string"
     },
     "port": {
      "type": "string"
     },
     "portVersion": {
      "type": "string"
     },
     "team": {
      "type": "string"
     },
     "purpose": {
      "type": "string"
     },
     "requestedBy": {
      "type": "string"
     },
     "requestedAt": {
      "type": "string"
     },
     "expiresAt": {
      "type": [
       "string",
       "null"
      ]
     },
     "status": {
      "type": "string",
      "enum": [
       "pending",
       "approved",
       "rejected",
       "revoked",
       "expired"
      ]
     },
     "decidedBy": {
      "type": [
       "string",
       "null"
      ]
     },
     "decidedAt": {
      "type": [
       "string",
       "null"
      ]
     },
     "note": {
      "type": [
       "string",
       "null"
      ]
     },
     "warnings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PolicyViolation"
      },
      "description": "Warn policies the request met"
     }
    },
    "additionalProperties": false
   },
   "Decision": {
    "type": "object",
    "required": [
     "event",
     "policySetVersion",
     "outcome",
     "violations",
     "policies"
    ],
    "properties": {
     "event": {
      "type": "string"
     },
     "policySetVersion": {
      "type": "string"
     },
     "outcome": {
      "type": "string",
      "enum": [
       "allowed",
       "warned",
       "denied"
      ]
     },
     "violations": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PolicyViolation"
      }
     },
     "policies": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "name",
        "digest",
        "outcome",
        "violations"
       ],
       "properties": {
        "name": {
         "type": "string"
        },
        "digest": {
         "type": "string"
        },
        "outcome": {
         "type": "string",
         "enum": [
          "passed",
          "violated",
          "skipped",
          "error-ignored"
         ]
        },
        "violations": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/PolicyViolation"
         }
        },
        "ignoredErrors": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       },
       "additionalProperties": false
      }
     }
    },
    "additionalProperties": false
   },
   "AuditEntry": {
    "type": "object",
    "required": [
     "sequence",
     "at",
     "actor",
     "action",
     "targetKind",
     "target",
     "revision",
     "domain",
     "outcome",
     "code",
     "detail"
    ],
    "properties": {
     "sequence": {
      "type": "integer"
     },
     "at": {
      "type": "string"
     },
     "actor": {
      "type": "string"
     },
     "action": {
      "type": "string"
     },
     "targetKind": {
      "type": "string"
     },
     "target": {
      "type": "string"
     },
     "revision": {
      "type": [
       "integer",
       "null"
      ]
     },
     "domain": {
      "type": [
       "string",
       "null"
      ]
     },
     "outcome": {
      "type": "string",
      "enum": [
       "allowed",
       "warned",
       "denied",
       "refused",
       "failed"
      ]
     },
     "code": {
      "type": [
       "string",
       "null"
      ]
     },
     "detail": {
      "type": "object"
     }
    },
    "additionalProperties": false
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
       },
       "additionalProperties": false
      }
     }
    },
    "additionalProperties": false
   },
   "ConfluentSchemaRequest": {
    "type": "object",
    "required": [
     "schema"
    ],
    "properties": {
     "schema": {
      "type": "string",
      "description": "the schema as JSON text"
     },
     "schemaType": {
      "type": "string",
      "enum": [
       "AVRO",
       "JSON",
       "PROTOBUF"
      ],
      "default": "AVRO"
     },
     "references": {
      "type": "array",
      "maxItems": 64,
      "items": {
       "type": "object",
       "required": [
        "name",
        "subject",
        "version"
       ],
       "properties": {
        "name": {
         "type": "string",
         "minLength": 1,
         "description": "an Avro full name, a JSON Schema $ref address, a Protobuf import path"
        },
        "subject": {
         "type": "string",
         "minLength": 1
        },
        "version": {
         "type": "integer",
         "description": "a version number, or -1 for the latest"
        }
       }
      }
     },
     "metadata": {
      "type": [
       "object",
       "null"
      ],
      "description": "tags, properties, sensitive; omitted: the previous version's"
     },
     "ruleSet": {
      "type": [
       "object",
       "null"
      ],
      "description": "migrationRules and domainRules; CEL and CEL_FIELD expressions must compile"
     }
    }
   },
   "ConfluentSubjectVersion": {
    "type": "object",
    "required": [
     "subject",
     "version",
     "id",
     "schema"
    ],
    "properties": {
     "subject": {
      "type": "string"
     },
     "version": {
      "type": "integer"
     },
     "id": {
      "type": "integer"
     },
     "schemaType": {
      "type": "string",
      "enum": [
       "JSON",
       "PROTOBUF"
      ],
      "description": "omitted for AVRO"
     },
     "references": {
      "$ref": "#/components/schemas/ConfluentReferences"
     },
     "metadata": {
      "$ref": "#/components/schemas/ConfluentMetadata"
     },
     "ruleSet": {
      "$ref": "#/components/schemas/ConfluentRuleSet"
     },
     "schema": {
      "type": "string"
     }
    },
    "additionalProperties": false
   },
   "ConfluentReferences": {
    "type": "array",
    "description": "omitted when the schema has none",
    "items": {
     "type": "object",
     "required": [
      "name",
      "subject",
      "version"
     ],
     "properties": {
      "name": {
       "type": "string"
      },
      "subject": {
       "type": "string"
      },
      "version": {
       "type": "integer"
      }
     },
     "additionalProperties": false
    }
   },
   "ConfluentMetadata": {
    "type": "object",
    "required": [],
    "properties": {
     "tags": {
      "type": "object",
      "additionalProperties": {
       "type": "array",
       "items": {
        "type": "string"
       }
      }
     },
     "properties": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "sensitive": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "additionalProperties": false
   },
   "ConfluentRule": {
    "type": "object",
    "required": [
     "name",
     "kind",
     "mode",
     "type"
    ],
    "properties": {
     "name": {
      "type": "string"
     },
     "doc": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "CONDITION",
       "TRANSFORM"
      ]
     },
     "mode": {
      "type": "string",
      "enum": [
       "UPGRADE",
       "DOWNGRADE",
       "UPDOWN",
       "WRITE",
       "READ",
       "WRITEREAD"
      ]
     },
     "type": {
      "type": "string"
     },
     "tags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "params": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     },
     "expr": {
      "type": "string"
     },
     "onSuccess": {
      "type": "string"
     },
     "onFailure": {
      "type": "string"
     },
     "disabled": {
      "type": "boolean"
     }
    },
    "additionalProperties": false
   },
   "ConfluentRuleSet": {
    "type": "object",
    "required": [],
    "properties": {
     "migrationRules": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ConfluentRule"
      }
     },
     "domainRules": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ConfluentRule"
      }
     }
    },
    "additionalProperties": false
   },
   "ConfluentConfig": {
    "type": "object",
    "required": [],
    "properties": {
     "compatibilityLevel": {
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
     "defaultMetadata": {
      "$ref": "#/components/schemas/ConfluentMetadata"
     },
     "overrideMetadata": {
      "$ref": "#/components/schemas/ConfluentMetadata"
     },
     "defaultRuleSet": {
      "$ref": "#/components/schemas/ConfluentRuleSet"
     },
     "overrideRuleSet": {
      "$ref": "#/components/schemas/ConfluentRuleSet"
     }
    },
    "additionalProperties": false
   },
   "ConfluentConfigUpdate": {
    "type": "object",
    "description": "a data-contract setting left out is kept, null removes it; compatibility is required unless one is given",
    "properties": {
     "compatibility": {
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
     "defaultMetadata": {
      "type": [
       "object",
       "null"
      ]
     },
     "overrideMetadata": {
      "type": [
       "object",
       "null"
      ]
     },
     "defaultRuleSet": {
      "type": [
       "object",
       "null"
      ]
     },
     "overrideRuleSet": {
      "type": [
       "object",
       "null"
      ]
     }
    }
   },
   "ConfluentError": {
    "type": "object",
    "required": [
     "error_code",
     "message"
    ],
    "properties": {
     "error_code": {
      "type": "integer",
      "description": "e.g. 40401 subject not found; the HTTP status is its first three digits"
     },
     "message": {
      "type": "string"
     }
    },
    "additionalProperties": false
   },
   "LineageTraversal": {
    "type": "object",
    "required": [
     "root",
     "direction",
     "depth",
     "nodes",
     "edges"
    ],
    "properties": {
     "root": {
      "type": "string"
     },
     "direction": {
      "type": "string"
     },
     "depth": {
      "type": "integer"
     },
     "nodes": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id",
        "kind",
        "label",
        "distance"
       ],
       "properties": {
        "id": {
         "type": "string"
        },
        "kind": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "team": {
         "type": "string"
        },
        "distance": {
         "type": "integer"
        }
       },
       "additionalProperties": false
      }
     },
     "edges": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "from",
        "to",
        "kind"
       ],
       "properties": {
        "from": {
         "type": "string"
        },
        "to": {
         "type": "string"
        },
        "kind": {
         "type": "string"
        }
       },
       "additionalProperties": false
      }
     }
    },
    "additionalProperties": false
   },
   "MarquezLineage": {
    "type": "object",
    "required": [
     "graph"
    ],
    "properties": {
     "graph": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id",
        "type",
        "data",
        "inEdges",
        "outEdges"
       ],
       "properties": {
        "id": {
         "type": "string"
        },
        "type": {
         "type": "string",
         "enum": [
          "PRODUCT",
          "PORT",
          "CONTRACT",
          "DATASET",
          "JOB",
          "COLUMN",
          "TEAM"
         ]
        },
        "data": {
         "type": "object",
         "description": "the node's id parts, label and team"
        },
        "inEdges": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "origin",
           "destination"
          ],
          "properties": {
           "origin": {
            "type": "string"
           },
           "destination": {
            "type": "string"
           }
          },
          "additionalProperties": false
         }
        },
        "outEdges": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "origin",
           "destination"
          ],
          "properties": {
           "origin": {
            "type": "string"
           },
           "destination": {
            "type": "string"
           }
          },
          "additionalProperties": false
         }
        }
       },
       "additionalProperties": false
      }
     }
    },
    "additionalProperties": false
   },
   "LineageRun": {
    "type": "object",
    "required": [
     "runId",
     "job",
     "status",
     "statusTime",
     "startTime",
     "endTime",
     "inputs",
     "outputs"
    ],
    "properties": {
     "runId": {
      "type": "string"
     },
     "job": {
      "type": "object",
      "required": [
       "namespace",
       "name"
      ],
      "properties": {
       "namespace": {
        "type": "string"
       },
       "name": {
        "type": "string"
       }
      },
      "additionalProperties": false
     },
     "status": {
      "type": "string"
     },
     "statusTime": {
      "type": "string"
     },
     "startTime": {
      "type": [
       "string",
       "null"
      ]
     },
     "endTime": {
      "type": [
       "string",
       "null"
      ]
     },
     "inputs": {
      "type": "integer"
     },
     "outputs": {
      "type": "integer"
     }
    },
    "additionalProperties": false
   },
   "ColumnLineage": {
    "type": "object",
    "required": [
     "contractId",
     "version",
     "property",
     "columns"
    ],
    "properties": {
     "contractId": {
      "type": "string"
     },
     "version": {
      "type": "string"
     },
     "property": {
      "type": "string"
     },
     "columns": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id"
       ],
       "properties": {
        "id": {
         "type": "string"
        },
        "namespace": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "field": {
         "type": "string"
        },
        "distance": {
         "type": "integer"
        },
        "direction": {
         "type": "string",
         "enum": [
          "upstream",
          "downstream"
         ]
        },
        "product": {
         "type": [
          "string",
          "null"
         ]
        }
       },
       "additionalProperties": false
      }
     }
    },
    "additionalProperties": false
   },
   "Impact": {
    "type": "object",
    "required": [
     "breaks",
     "broken",
     "products",
     "columns",
     "teams"
    ],
    "properties": {
     "breaks": {
      "type": "boolean"
     },
     "broken": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "contractId",
        "version",
        "properties"
       ],
       "properties": {
        "contractId": {
         "type": "string"
        },
        "version": {
         "type": "string"
        },
        "properties": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       },
       "additionalProperties": false
      }
     },
     "products": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id",
        "name",
        "team",
        "distance",
        "ports",
        "columns"
       ],
       "properties": {
        "id": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "team": {
         "type": [
          "string",
          "null"
         ]
        },
        "distance": {
         "type": "integer"
        },
        "ports": {
         "type": "array",
         "items": {
          "type": "string"
         }
        },
        "columns": {
         "type": "array",
         "items": {
          "type": "object",
          "required": [
           "id"
          ],
          "properties": {
           "id": {
            "type": "string"
           },
           "namespace": {
            "type": "string"
           },
           "name": {
            "type": "string"
           },
           "field": {
            "type": "string"
           },
           "distance": {
            "type": "integer"
           },
           "direction": {
            "type": "string",
            "enum": [
             "upstream",
             "downstream"
            ]
           },
           "product": {
            "type": [
             "string",
             "null"
            ]
           }
          },
          "additionalProperties": false
         }
        }
       },
       "additionalProperties": false
      }
     },
     "columns": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "id"
       ],
       "properties": {
        "id": {
         "type": "string"
        },
        "namespace": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "field": {
         "type": "string"
        },
        "distance": {
         "type": "integer"
        },
        "direction": {
         "type": "string",
         "enum": [
          "upstream",
          "downstream"
         ]
        },
        "product": {
         "type": [
          "string",
          "null"
         ]
        }
       },
       "additionalProperties": false
      }
     },
     "teams": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    },
    "additionalProperties": false
   },
   "PlannedDocument": {
    "type": "object",
    "required": [
     "path",
     "kind",
     "id",
     "version",
     "action",
     "diff",
     "findings",
     "violations",
     "impact"
    ],
    "properties": {
     "path": {
      "type": [
       "string",
       "null"
      ]
     },
     "kind": {
      "type": [
       "string",
       "null"
      ]
     },
     "id": {
      "type": [
       "string",
       "null"
      ]
     },
     "version": {
      "type": [
       "string",
       "null"
      ]
     },
     "action": {
      "type": "string",
      "enum": [
       "add",
       "change",
       "unchanged",
       "retire",
       "refuse"
      ]
     },
     "diff": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "pointer"
       ],
       "properties": {
        "pointer": {
         "type": "string"
        },
        "old": {},
        "new": {}
       }
      }
     },
     "findings": {
      "type": "array",
      "items": {
       "type": "object"
      }
     },
     "compatibility": {
      "type": "object"
     },
     "semver": {
      "type": "object"
     },
     "violations": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "policy",
        "severity",
        "message"
       ],
       "properties": {
        "policy": {
         "type": "string"
        },
        "severity": {
         "type": "string"
        },
        "message": {
         "type": "string"
        }
       }
      }
     },
     "impact": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "product"
       ],
       "properties": {
        "product": {
         "type": "string"
        },
        "team": {
         "type": [
          "string",
          "null"
         ]
        },
        "distance": {
         "type": "integer"
        },
        "ports": {
         "type": "array",
         "items": {
          "type": "string"
         }
        },
        "columns": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       }
      }
     },
     "refusal": {
      "type": "object",
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       },
       "issues": {
        "type": "array",
        "items": {
         "type": "object"
        }
       }
      }
     }
    }
   },
   "PlanSummary": {
    "type": "object",
    "properties": {
     "add": {
      "type": "integer"
     },
     "change": {
      "type": "integer"
     },
     "unchanged": {
      "type": "integer"
     },
     "retire": {
      "type": "integer"
     },
     "refuse": {
      "type": "integer"
     }
    }
   },
   "ApplyPlan": {
    "type": "object",
    "required": [
     "documents",
     "summary",
     "applied"
    ],
    "properties": {
     "documents": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/PlannedDocument"
      }
     },
     "summary": {
      "$ref": "#/components/schemas/PlanSummary"
     },
     "applied": {
      "type": "boolean"
     }
    }
   },
   "CloudEvent": {
    "type": "object",
    "required": [
     "specversion",
     "id",
     "source",
     "type",
     "subject",
     "time",
     "datacontenttype",
     "sequence",
     "data"
    ],
    "properties": {
     "specversion": {
      "const": "1.0"
     },
     "id": {
      "type": "string"
     },
     "source": {
      "type": "string",
      "description": "/meshreg/<registry id>"
     },
     "type": {
      "type": "string",
      "description": "io.meshreg.<entity>.<action>.v1"
     },
     "subject": {
      "type": "string"
     },
     "time": {
      "type": "string",
      "format": "date-time"
     },
     "datacontenttype": {
      "const": "application/json"
     },
     "sequence": {
      "type": "string",
      "pattern": "^[0-9]+$"
     },
     "data": {
      "type": "object",
      "description": "id, revision or version, domain, team, actor, and for updates the changed fields"
     }
    }
   },
   "WebhookRequest": {
    "type": "object",
    "required": [
     "url"
    ],
    "properties": {
     "url": {
      "type": "string"
     },
     "types": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "domains": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "description": {
      "type": "string"
     }
    }
   },
   "Webhook": {
    "type": "object",
    "required": [
     "id",
     "url",
     "types",
     "domains",
     "status",
     "position"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "types": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "domains": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "description": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "active",
       "paused",
       "failing"
      ]
     },
     "position": {
      "type": "string",
      "description": "the last sequence delivered"
     },
     "attempts": {
      "type": "integer"
     },
     "nextAttemptAt": {
      "type": [
       "string",
       "null"
      ]
     },
     "failingSince": {
      "type": [
       "string",
       "null"
      ]
     },
     "createdBy": {
      "type": "string"
     },
     "createdAt": {
      "type": "string"
     }
    }
   },
   "WebhookCreated": {
    "type": "object",
    "required": [
     "id",
     "url",
     "status",
     "position",
     "secret"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "types": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "domains": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "description": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "active",
       "paused",
       "failing"
      ]
     },
     "position": {
      "type": "string",
      "description": "the last sequence delivered"
     },
     "attempts": {
      "type": "integer"
     },
     "nextAttemptAt": {
      "type": [
       "string",
       "null"
      ]
     },
     "failingSince": {
      "type": [
       "string",
       "null"
      ]
     },
     "createdBy": {
      "type": "string"
     },
     "createdAt": {
      "type": "string"
     },
     "secret": {
      "type": "string",
      "description": "whsec_<base64>: the Standard Webhooks signing secret, shown only once"
     }
    }
   },
   "WebhookDelivery": {
    "type": "object",
    "required": [
     "sequence",
     "attempt",
     "at",
     "succeeded"
    ],
    "properties": {
     "sequence": {
      "type": "string"
     },
     "attempt": {
      "type": "integer"
     },
     "at": {
      "type": "string"
     },
     "statusCode": {
      "type": [
       "integer",
       "null"
      ]
     },
     "error": {
      "type": [
       "string",
       "null"
      ]
     },
     "durationMs": {
      "type": "integer"
     },
     "succeeded": {
      "type": "boolean"
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
   },
   "ConfluentError": {
    "description": "a Confluent Schema Registry error",
    "content": {
     "application/vnd.schemaregistry.v1+json": {
      "schema": {
       "$ref": "#/components/schemas/ConfluentError"
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
