using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PetStore.Functions.Http;

/// <summary>
/// The RFC 9457 problem responses every HTTP function can give, each with a detail a person can act on. All are
/// <see cref="ProblemHttpResult"/>, a 400 too (its body is an <see cref="HttpValidationProblemDetails"/> with the
/// <c>errors</c> map), so a function's result type names one problem type whatever went wrong.
/// </summary>
internal static class Problems
{
    /// <summary>400 with <c>errors</c>: each field (or query parameter, or <c>body</c>) at fault, with its messages.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "Correct the fields listed in 'errors' and send the request again.",
        });

    /// <summary>400 naming one field.</summary>
    public static ProblemHttpResult Field(string field, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult PreconditionFailed(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: title, detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            detail: string.IsNullOrEmpty(contentType)
                ? "Send the body as JSON with 'Content-Type: application/json'."
                : "Send the body as UTF-8 JSON with 'Content-Type: application/json'; the request's content type is not JSON.");

    public static ProblemHttpResult NotUtf8() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            detail: "JSON bodies must be encoded as UTF-8: send 'Content-Type: application/json' or 'application/json; charset=utf-8'.");

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
