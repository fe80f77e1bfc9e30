namespace PetStore.Tests.E2E;

/// <summary>
/// Which running PetStore the end-to-end suite talks to. Set PETSTORE_E2E_BASE_URL (and, for an app in Azure,
/// PETSTORE_E2E_FUNCTION_KEY) to aim the suite at a deployed app instead of a local `func start`.
/// </summary>
internal sealed record E2ETarget(Uri BaseUrl, string? FunctionKey)
{
    public const string BaseUrlVariable = "PETSTORE_E2E_BASE_URL";
    public const string FunctionKeyVariable = "PETSTORE_E2E_FUNCTION_KEY";

    /// <summary>The header Azure Functions reads a function or host key from.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    public static E2ETarget? FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(BaseUrlVariable), Environment.GetEnvironmentVariable(FunctionKeyVariable));

    internal static E2ETarget? Parse(string? baseUrl, string? functionKey)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{BaseUrlVariable} must be an absolute http(s) URL such as https://func-abc.azurewebsites.net, not '{baseUrl}'.", nameof(baseUrl));
        }

        // A trailing slash makes relative paths such as "api/pets" resolve beneath the base, not beside it.
        var normalized = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return new E2ETarget(normalized, string.IsNullOrWhiteSpace(functionKey) ? null : functionKey.Trim());
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(100) };
        if (FunctionKey is not null)
        {
            client.DefaultRequestHeaders.Add(FunctionKeyHeader, FunctionKey);
        }

        return client;
    }
}

/// <summary>A fact that runs only when the environment names a deployed app and its function key.</summary>
internal sealed class DeployedAppFactAttribute : FactAttribute
{
    public DeployedAppFactAttribute()
    {
        if (E2ETarget.FromEnvironment() is not { FunctionKey: not null })
        {
            Skip = $"Set {E2ETarget.BaseUrlVariable} and {E2ETarget.FunctionKeyVariable} to run against a deployed app (see infra/README.md).";
        }
    }
}
