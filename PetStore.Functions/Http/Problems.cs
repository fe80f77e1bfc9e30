using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PetStore.Functions.Http;

/// <summary>The RFC 9457 problem responses of the API, each with a detail a person can act on.</summary>
internal static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "Correct the fields listed in 'errors' and send the request again.");

    public static ValidationProblem Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult PetNotFound() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Pet not found",
            detail: "No pet has this id. It may never have existed, or it was purged after its retention period.");

    public static ProblemHttpResult PetChanged() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The pet has changed",
            detail: "The pet no longer matches the If-Match ETag. Read it again and retry with the new ETag.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            detail: string.IsNullOrEmpty(contentType)
                ? "Send the body as JSON with 'Content-Type: application/json'."
                : "Send the body as UTF-8 JSON with 'Content-Type: application/json'; the request's content type is not JSON.");

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The body may be at most {maxBytes / 1024} KiB.");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", detail: detail);

    public static ProblemHttpResult Unexpected() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Unexpected error",
            detail: "The request failed on our side and was logged. Try again; if it keeps failing, contact the operators.");
}
