using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using PetStore.Functions.Http;
using PetStore.Functions.Pets;

namespace PetStore.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API, built with Microsoft.OpenApi from the same constants the functions
/// enforce (name length, age range, page size, body size, correlation id, Retry-After), so a changed limit changes the
/// document too. The tests check it against the functions.metadata routes, lint it, and validate the real functions'
/// responses against it.
/// </summary>
internal static class PetStoreApiDocument
{
    /// <summary>The route of <see cref="GetOpenApiDocument"/>, under the host's <c>/api</c> prefix.</summary>
    public const string Route = "openapi.json";

    public const string ContentType = "application/json";

    /// <summary>
    /// The schema keyword that carries the name limit. JSON Schema's <c>maxLength</c> counts code points, while a name
    /// is limited in text elements (what a person sees as one character), so the limit is stated in its own keyword.
    /// </summary>
    public const string MaxTextElementsKeyword = "x-maxTextElements";

    private const string ProblemJson = "application/problem+json";

    private static readonly Lazy<string> Serialized = new(() => Serialize(Build()));

    /// <summary>The document as served: OpenAPI 3.1 JSON, serialised once.</summary>
    public static string Json => Serialized.Value;

    public static OpenApiDocument Build()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "PetStore API",
                Version = "1.0.0",
                Description =
                    "Pets on Azure Table Storage, served by Azure Functions. Creating a pet queues its feeding reminder; " +
                    "a deleted pet can be restored until its retention ends, when the nightly purge removes it for good. " +
                    "Errors are RFC 9457 problem details. Send `x-correlation-id` to follow a request through the logs.",
            },
            Servers = [new OpenApiServer { Url = "/api", Description = "The Function App that serves this document (relative to it)." }],
            Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Pets", Description = "Create, read, list, change, soft-delete and restore pets." },
                new() { Name = "API description", Description = "This document." },
            },
        };
        document.Components = new OpenApiComponents
        {
            SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["functionKeyHeader"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "x-functions-key",
                    Description = "A function key (or the host key) of the Function App. Local `func start` checks no key.",
                },
                ["functionKeyQuery"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Query,
                    Name = "code",
                    Description = "The same key as a query parameter. Prefer the header: URLs end up in logs; `nextLink` never carries it.",
                },
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("functionKeyHeader", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("functionKeyQuery", document)] = [] },
        ];

        AddSchemas(document);
        AddHeaders(document);
        AddParameters(document);
        AddResponses(document);
        AddPaths(document);
        return document;
    }

    private static string Serialize(OpenApiDocument document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }

    private static void AddSchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schemas["PetId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = $"^[0-9a-f]{{{PetIds.Length}}}$",
            Description = $"Server-generated, time-ordered: {PetIds.Length} lower-case hex characters. Any other id names no pet (404).",
        };
        schemas["PetName"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MinLength = 1,
            Pattern = "\\S",
            Description =
                $"Trimmed of surrounding white space; then 1-{PetFields.MaxNameLength} text elements (what a person sees as one " +
                $"character), at least one of them visible (a name of only zero-width, format or other invisible characters is blank), " +
                $"with no control characters, and at most {PetFields.MaxNameUtf16Length} UTF-16 code units stored. " +
                $"The upper limit is `{MaxTextElementsKeyword}`: JSON Schema's maxLength counts code points.",
            Extensions = new Dictionary<string, IOpenApiExtension>
            {
                [MaxTextElementsKeyword] = new JsonNodeExtension(JsonValue.Create(PetFields.MaxNameLength)),
            },
        };
        schemas["AgeMonths"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Minimum = "0",
            Maximum = PetFields.MaxAgeMonths.ToString(CultureInfo.InvariantCulture),
            Description = "Age in whole months. Any JSON number with a whole value is accepted (24 or 24.0).",
        };
        schemas["Species"] = Enumeration(PetNames.SpeciesNames, "The species, in lower case.");
        schemas["PetStatus"] = Enumeration(PetNames.StatusNames, "`deleted` while the pet is soft-deleted and can be restored.");
        schemas["WritableStatus"] = Enumeration(
            PetNames.StatusNames.Where(s => s != PetStatus.Deleted.ToName()),
            "A status a client may set; delete a pet with DELETE, which keeps it restorable.");
        schemas["UtcTime"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = "date-time",
            Pattern = "Z$",
            Description = "An instant in UTC, ISO 8601 with a trailing Z.",
        };

        schemas["Pet"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A pet. Optional fields are omitted while unset, never null.",
            Required = Set("id", "name", "species", "ageMonths", "status", "createdAt", "updatedAt"),
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["id"] = Ref("PetId", document),
                ["name"] = Ref("PetName", document),
                ["species"] = Ref("Species", document),
                ["ageMonths"] = Ref("AgeMonths", document),
                ["status"] = Ref("PetStatus", document),
                ["createdAt"] = Ref("UtcTime", document),
                ["updatedAt"] = Ref("UtcTime", document),
                ["notes"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Set by the reminder job." },
                ["nextFeedingAt"] = Ref("UtcTime", document, "When the pet is next due to be fed; set by the reminder job a moment after creation."),
                ["deletedAt"] = Ref("UtcTime", document, "When the pet was soft-deleted; present only while it is."),
                ["purgeAt"] = Ref("UtcTime", document, "When the pet will be purged for good unless restored; present only while it is deleted."),
            },
        };
        schemas["PetList"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One page of pets (Azure REST paging). A page may be short, even empty, and still have a nextLink.",
            Required = Set("value"),
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["value"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref("Pet", document), Description = "List items carry no ETag; GET a pet before changing it." },
                ["nextLink"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "uri",
                    Description = "Absent on the last page. GET it, with the same key header, for the next page; it keeps the filters and never contains the function key.",
                },
            },
        };
        schemas["CreatePetRequest"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A new pet. Every field is required; any other field (including `status`) is a 400 naming it.",
            Required = Set("name", "species", "ageMonths"),
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["name"] = Ref("PetName", document),
                ["species"] = Ref("Species", document),
                ["ageMonths"] = Ref("AgeMonths", document),
            },
        };
        schemas["UpdatePetRequest"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A partial update: fields left out keep their value. At least one field; any other field is a 400 naming it.",
            MinProperties = 1,
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["name"] = Ref("PetName", document),
                ["species"] = Ref("Species", document),
                ["ageMonths"] = Ref("AgeMonths", document),
                ["status"] = Ref("WritableStatus", document),
            },
        };
        schemas["DeletePetResponse"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The pet is soft-deleted until purgeAt; deleting it again answers the same purgeAt.",
            Required = Set("message", "petId", "purgeAt"),
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What happened and how to undo it, for a person." },
                ["petId"] = Ref("PetId", document),
                ["purgeAt"] = Ref("UtcTime", document),
            },
        };
        schemas["Problem"] = Problem(validation: false);
        schemas["ValidationProblem"] = Problem(validation: true);
    }

    /// <summary>RFC 9457 problem details as ASP.NET Core writes them; a validation problem adds the <c>errors</c> map.</summary>
    private static OpenApiSchema Problem(bool validation)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Description = "Identifies the kind of problem (the status code's section of RFC 9110)." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the kind of problem." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request, and what to do about it." },
        };
        if (validation)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                MinProperties = 1,
                Description =
                    "Each field at fault with its messages: a body field (an unknown field by its own name), a query parameter, " +
                    "or `body` for a body that is empty, not JSON or not a JSON object.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MinItems = 1,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation
                ? "A 400: the request was not valid, and nothing was changed."
                : "RFC 9457 problem details. Nothing was changed.",
            Required = validation ? Set("type", "title", "status", "detail", "errors") : Set("type", "title", "status", "detail"),
            AdditionalPropertiesAllowed = false,
            Properties = properties,
        };
    }

    private static void AddHeaders(OpenApiDocument document) =>
        document.Components!.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            ["ETag"] = new OpenApiHeader
            {
                Required = true,
                Description = "The pet's version: Table Storage's weak entity tag. Send it back as If-Match to change this version only.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"[^\"]*\"$" },
            },
            ["Location"] = new OpenApiHeader
            {
                Required = true,
                Description = "The pet's URL, relative to the host.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            },
            ["RetryAfter"] = new OpenApiHeader
            {
                Required = true,
                Description = "Seconds to wait before trying again (RFC 9110 §10.2.3).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Examples = [JsonValue.Create(ProblemMiddleware.RetryAfterSeconds)] },
            },
            ["CorrelationId"] = new OpenApiHeader
            {
                Required = true,
                Description = "The request's correlation id: the one sent, or else the request's trace id. It is on every log line of the work the request causes.",
                Schema = CorrelationIdSchema(),
            },
        };

    private static OpenApiSchema CorrelationIdSchema() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = $"^[A-Za-z0-9._-]{{1,{CorrelationId.MaxLength}}}$",
    };

    private static void AddParameters(OpenApiDocument document) =>
        document.Components!.Parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal)
        {
            ["PetId"] = new OpenApiParameter
            {
                Name = "id",
                In = ParameterLocation.Path,
                Required = true,
                Description = "The pet's id.",
                Schema = Ref("PetId", document),
            },
            ["IfMatch"] = new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description =
                    "Change the pet only if it is still at one of these ETags (RFC 9110 §13.1.1), else 412: `*`, or a comma-separated list of entity tags, " +
                    "over one or more header lines. Compared exactly as the service issued them, weak prefix included. A malformed value is a 400 naming If-Match. " +
                    "Without it the change applies to the current version.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            ["IfNoneMatch"] = new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "Answer 304 with no body if the pet is still at one of these ETags (RFC 9110 §13.1.2; weak comparison): `*`, or a comma-separated list of entity tags. A malformed value is a 400 naming If-None-Match.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            ["CorrelationId"] = new OpenApiParameter
            {
                Name = CorrelationId.HeaderName,
                In = ParameterLocation.Header,
                Description = $"Your id for this request: up to {CorrelationId.MaxLength} letters, digits, `-`, `_`, `.`. Another value is replaced by the trace id, not rejected.",
                Schema = CorrelationIdSchema(),
            },
        };

    private static void AddResponses(OpenApiDocument document)
    {
        OpenApiResponse Problem(string description, string schema = "Problem", bool retryAfter = false)
        {
            var headers = ResponseHeaders(document);
            if (retryAfter)
            {
                headers["Retry-After"] = new OpenApiHeaderReference("RetryAfter", document);
            }

            return new OpenApiResponse
            {
                Description = description,
                Headers = headers,
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { [ProblemJson] = new OpenApiMediaType { Schema = Ref(schema, document) } },
            };
        }

        document.Components!.Responses = new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal)
        {
            ["ValidationProblem"] = Problem("The request is not valid: `errors` names each field or query parameter at fault.", "ValidationProblem"),
            ["NotFound"] = Problem("No pet has this id: it never existed, was purged, or the id cannot name a pet."),
            ["Conflict"] = Problem("The pet's state does not allow this (it is deleted, or not deleted), or other requests kept changing it; `detail` says which."),
            ["PreconditionFailed"] = Problem("The pet no longer matches If-Match: read it again and retry with the new ETag."),
            ["ContentTooLarge"] = Problem($"The body is over {JsonRequest.MaxBodyBytes / 1024} KiB."),
            ["UnsupportedMediaType"] = Problem("The body is not JSON, or not UTF-8: send it with `Content-Type: application/json`."),
            ["ServiceUnavailable"] = Problem("Storage or the reminder queue is unavailable; nothing was changed. Retry after Retry-After seconds.", retryAfter: true),
            ["InternalError"] = Problem("Unexpected; logged, without internals in the answer."),
            ["Unauthorized"] = new OpenApiResponse { Description = "No valid function key (Azure only; the platform answers before the app runs, with no body)." },
        };
    }

    private static void AddPaths(OpenApiDocument document)
    {
        var json = (string schema) => JsonContent(schema, document);
        var pet = (string description) => PetResponse(description, document);
        var body = (string schema) => Body(schema, document);

        document.Paths = new OpenApiPaths
        {
            ["/pets"] = new OpenApiPathItem
            {
                Parameters = [Param("CorrelationId", document)],
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Get] = Operation(document, "ListPets", "List pets, a page at a time", new Dictionary<string, IOpenApiResponse>
                    {
                        ["200"] = new OpenApiResponse { Description = "A page of pets; follow nextLink until it is absent.", Headers = ResponseHeaders(document), Content = json("PetList") },
                        ["400"] = Shared("ValidationProblem", document),
                        ["503"] = Shared("ServiceUnavailable", document),
                    }, parameters: ListParameters(document),
                    description: "Every matching pet is returned exactly once across the pages, in no particular order. Soft-deleted pets are left out unless `includeDeleted=true` or `status=deleted`."),
                    [HttpMethod.Post] = Operation(document, "CreatePet", "Create a pet", new Dictionary<string, IOpenApiResponse>
                    {
                        ["201"] = PetResponse("The pet, with status `new`. Its reminder job changes it a moment later, so its ETag soon goes stale.", document, location: true),
                        ["400"] = Shared("ValidationProblem", document),
                        ["413"] = Shared("ContentTooLarge", document),
                        ["415"] = Shared("UnsupportedMediaType", document),
                        ["503"] = Shared("ServiceUnavailable", document),
                    }, requestBody: body("CreatePetRequest"),
                    description: "Stores the pet and queues its feeding reminder. If the reminder cannot be queued, the pet is removed again and the answer is 503."),
                },
            },
            ["/pets/{id}"] = new OpenApiPathItem
            {
                Parameters = [Param("PetId", document), Param("CorrelationId", document)],
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Get] = Operation(document, "GetPet", "Get a pet", new Dictionary<string, IOpenApiResponse>
                    {
                        ["200"] = pet("The pet, soft-deleted or not, with its ETag."),
                        ["304"] = new OpenApiResponse { Description = "The pet is still at an ETag sent in If-None-Match; no body.", Headers = ResponseHeaders(document, eTag: true) },
                        ["400"] = Shared("ValidationProblem", document),
                        ["404"] = Shared("NotFound", document),
                        ["503"] = Shared("ServiceUnavailable", document),
                    }, parameters: [Param("IfNoneMatch", document)]),
                    [HttpMethod.Patch] = Update(document, "UpdatePet", "Change some of a pet's fields"),
                    [HttpMethod.Put] = Update(document, "UpdatePetWithPut", "Change some of a pet's fields (PUT is a partial update too)"),
                    [HttpMethod.Delete] = Operation(document, "DeletePet", "Soft-delete a pet", new Dictionary<string, IOpenApiResponse>
                    {
                        ["202"] = new OpenApiResponse
                        {
                            Description = "The pet is deleted until purgeAt and can be restored until then. Deleting it again answers the same purgeAt.",
                            Headers = ResponseHeaders(document, eTag: true, location: true),
                            Content = json("DeletePetResponse"),
                        },
                        ["400"] = Shared("ValidationProblem", document),
                        ["404"] = Shared("NotFound", document),
                        ["409"] = Shared("Conflict", document),
                        ["412"] = Shared("PreconditionFailed", document),
                        ["503"] = Shared("ServiceUnavailable", document),
                    }, parameters: [Param("IfMatch", document)]),
                },
            },
            ["/pets/{id}/restore"] = new OpenApiPathItem
            {
                Parameters = [Param("PetId", document), Param("CorrelationId", document)],
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = Operation(document, "RestorePet", "Restore a soft-deleted pet", new Dictionary<string, IOpenApiResponse>
                    {
                        ["200"] = pet("The pet, back to the status it had before it was deleted."),
                        ["400"] = Shared("ValidationProblem", document),
                        ["404"] = Shared("NotFound", document),
                        ["409"] = Shared("Conflict", document),
                        ["412"] = Shared("PreconditionFailed", document),
                        ["503"] = Shared("ServiceUnavailable", document),
                    }, parameters: [Param("IfMatch", document)]),
                },
            },
            ["/" + Route] = new OpenApiPathItem
            {
                Parameters = [Param("CorrelationId", document)],
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Get] = new OpenApiOperation
                    {
                        OperationId = nameof(GetOpenApiDocument),
                        Summary = "This OpenAPI document",
                        Description = "Needs no key: it holds no data and no secret, and every operation it describes still needs one.",
                        Tags = new HashSet<OpenApiTagReference> { new("API description", document) },
                        Security = [],
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse
                            {
                                Description = "The OpenAPI 3.1 document.",
                                Headers = ResponseHeaders(document),
                                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
                                {
                                    [ContentType] = new OpenApiMediaType
                                    {
                                        Schema = new OpenApiSchema
                                        {
                                            Type = JsonSchemaType.Object,
                                            Description = "An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1).",
                                            Required = Set("openapi", "info", "paths"),
                                            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                                            {
                                                ["openapi"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^3\\.1\\." },
                                                ["info"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                                                ["paths"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        };
    }

    private static Dictionary<string, IOpenApiMediaType> JsonContent(string schema, OpenApiDocument document) =>
        new(StringComparer.Ordinal) { [ContentType] = new OpenApiMediaType { Schema = Ref(schema, document) } };

    /// <summary>A response with the pet and its ETag.</summary>
    private static OpenApiResponse PetResponse(string description, OpenApiDocument document, bool location = false) => new()
    {
        Description = description,
        Headers = ResponseHeaders(document, eTag: true, location: location),
        Content = JsonContent("Pet", document),
    };

    private static OpenApiRequestBody Body(string schema, OpenApiDocument document) => new()
    {
        Required = true,
        Description = $"One UTF-8 JSON object of at most {JsonRequest.MaxBodyBytes / 1024} KiB ({JsonRequest.MaxBodyBytes} bytes), sent as `application/json`.",
        Content = JsonContent(schema, document),
    };

    private static OpenApiOperation Update(
        OpenApiDocument document,
        string operationId,
        string summary) =>
        Operation(document, operationId, summary, new Dictionary<string, IOpenApiResponse>
        {
            ["200"] = PetResponse("The pet as changed.", document),
            ["400"] = Shared("ValidationProblem", document),
            ["404"] = Shared("NotFound", document),
            ["409"] = Shared("Conflict", document),
            ["412"] = Shared("PreconditionFailed", document),
            ["413"] = Shared("ContentTooLarge", document),
            ["415"] = Shared("UnsupportedMediaType", document),
            ["503"] = Shared("ServiceUnavailable", document),
        }, parameters: [Param("IfMatch", document)], requestBody: Body("UpdatePetRequest", document),
        description: "A deleted pet cannot be changed (409) until it is restored. Without If-Match the change is applied on top of the current version and never overwrites a concurrent change it did not see.");

    /// <summary>An operation of a pet function: function key required, and the 401 and 500 every one of them can give.</summary>
    private static OpenApiOperation Operation(
        OpenApiDocument document,
        string operationId,
        string summary,
        Dictionary<string, IOpenApiResponse> responses,
        List<IOpenApiParameter>? parameters = null,
        OpenApiRequestBody? requestBody = null,
        string? description = null)
    {
        responses["401"] = Shared("Unauthorized", document);
        responses["500"] = Shared("InternalError", document);
        var ordered = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            ordered[status] = response;
        }

        return new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new("Pets", document) },
            Parameters = parameters,
            RequestBody = requestBody,
            Responses = ordered,
        };
    }

    private static List<IOpenApiParameter> ListParameters(OpenApiDocument document) =>
    [
        Query("species", Ref("Species", document), "Only pets of this species."),
        Query("status", Ref("PetStatus", document), "Only pets with this status; `deleted` lists the soft-deleted pets."),
        Query("includeDeleted", new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(false) }, "Include soft-deleted pets."),
        Query(
            "pageSize",
            new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = "1",
                Maximum = ListPetsRequest.MaxPageSize.ToString(CultureInfo.InvariantCulture),
                Default = JsonValue.Create(ListPetsRequest.DefaultPageSize),
            },
            "At most this many pets in the page."),
        Query(
            "continuationToken",
            new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
            "Where the next page starts: take it from nextLink (or just GET nextLink). A token this API did not issue is a 400."),
    ];

    private static OpenApiParameter Query(string name, IOpenApiSchema schema, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description + " Give it at most once.",
        Schema = schema,
    };

    /// <summary>The headers of a response: x-correlation-id, which the correlation middleware puts on every one, and those asked for.</summary>
    private static Dictionary<string, IOpenApiHeader> ResponseHeaders(OpenApiDocument document, bool eTag = false, bool location = false)
    {
        var headers = new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase)
        {
            [CorrelationId.HeaderName] = new OpenApiHeaderReference("CorrelationId", document),
        };
        if (eTag)
        {
            headers["ETag"] = new OpenApiHeaderReference("ETag", document);
        }

        if (location)
        {
            headers["Location"] = new OpenApiHeaderReference("Location", document);
        }

        return headers;
    }

    private static OpenApiSchema Enumeration(IEnumerable<string> values, string description) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
        Description = description,
    };

    private static OpenApiSchemaReference Ref(string id, OpenApiDocument document, string? description = null) =>
        new(id, document) { Description = description };

    private static OpenApiParameterReference Param(string id, OpenApiDocument document) => new(id, document);

    private static OpenApiResponseReference Shared(string id, OpenApiDocument document) => new(id, document);

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
