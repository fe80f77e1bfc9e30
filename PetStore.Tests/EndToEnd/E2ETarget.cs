using PetStore.Testing;

namespace PetStore.Tests.EndToEnd;

public enum E2ETargetKind
{
    /// <summary>No deployed app is configured and the Functions Core Tools are not installed.</summary>
    None,

    /// <summary><see cref="E2ETarget.BaseUrlVariable"/> names a deployed app.</summary>
    Deployed,

    /// <summary>
    /// The <c>func</c> CLI is on PATH or in the repository's node_modules, so the suite starts the app itself against a
    /// private Azurite.
    /// </summary>
    Local,

    /// <summary>A deployed app was asked for but the settings cannot work; the tests fail rather than skip.</summary>
    Misconfigured,
}

/// <summary>
/// Where the end-to-end tests send their requests, decided from the environment alone so that the test
/// attributes can skip during discovery without starting anything.
/// </summary>
public sealed record E2ETarget
{
    public const string BaseUrlVariable = "PETSTORE_E2E_BASE_URL";
    public const string FunctionKeyVariable = "PETSTORE_E2E_FUNCTION_KEY";
    public const string MasterKeyVariable = "PETSTORE_E2E_MASTER_KEY";

    public const string NoTargetReason =
        "Azure Functions Core Tools (func) is neither on PATH nor in node_modules (npm ci installs it where its download " +
        "works); install it (npm i -g azure-functions-core-tools@4) " +
        $"or set {BaseUrlVariable}/{FunctionKeyVariable} to run against a deployed app.";

    public const string NotDeployedReason =
        $"Function keys are only enforced by a deployed app (local func start admits every call); set {BaseUrlVariable}/{FunctionKeyVariable} to run this test.";

    public const string NoAdminApiReason =
        $"Triggering the purge timer on a deployed app needs its master key; set {MasterKeyVariable} to run this test.";

    private static readonly Lazy<E2ETarget> FromEnvironment = new(() => Resolve(
        Environment.GetEnvironmentVariable,
        File.Exists,
        OperatingSystem.IsWindows(),
        Repository.Root));

    private E2ETarget(E2ETargetKind kind) => Kind = kind;

    /// <summary>The target of this test run.</summary>
    public static E2ETarget Current => FromEnvironment.Value;

    public E2ETargetKind Kind { get; }

    /// <summary>The deployed app's root, ending in a slash.</summary>
    public Uri? BaseUrl { get; private init; }

    public string? FunctionKey { get; private init; }

    public string? MasterKey { get; private init; }

    /// <summary>The full path of the <c>func</c> executable, for <see cref="E2ETargetKind.Local"/>.</summary>
    public string? FuncPath { get; private init; }

    /// <summary>Why the settings cannot work, for <see cref="E2ETargetKind.Misconfigured"/>.</summary>
    public string? Problem { get; private init; }

    /// <summary>Why every end-to-end test is skipped, or null when they run.</summary>
    public string? SkipReason => Kind == E2ETargetKind.None ? NoTargetReason : null;

    /// <summary>
    /// Why a test that needs the host's admin API is skipped, or null when it runs. Locally the Core Tools host
    /// serves the admin API without a key; a deployed app needs the master key.
    /// </summary>
    public string? AdminApiSkipReason => SkipReason ?? (Kind == E2ETargetKind.Deployed && MasterKey is null ? NoAdminApiReason : null);

    /// <summary>Why a test that only means something against a deployed app is skipped, or null when it runs.</summary>
    public string? DeployedOnlySkipReason => SkipReason ?? (Kind == E2ETargetKind.Local ? NotDeployedReason : null);

    /// <summary>
    /// Decides the target the way <c>npm start</c> finds <c>func</c>: a deployed app if one is named, else a
    /// <c>func</c> on PATH, else the project's own (<see cref="FindInProject"/>).
    /// </summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="fileExists">Tells whether a file exists, to look for <c>func</c>.</param>
    /// <param name="isWindows">Whether to look for Windows executables.</param>
    /// <param name="repositoryRoot">The clone's root folder, whose node_modules may hold Core Tools; null to skip that.</param>
    public static E2ETarget Resolve(Func<string, string?> environment, Func<string, bool> fileExists, bool isWindows, string? repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // A deployed app wins over a local func: setting the variable is an explicit request for that app.
        var baseUrl = NullIfBlank(environment(BaseUrlVariable));
        if (baseUrl is not null)
        {
            return Deployed(baseUrl, NullIfBlank(environment(FunctionKeyVariable)), NullIfBlank(environment(MasterKeyVariable)));
        }

        var func = FindOnPath(environment("PATH"), fileExists, isWindows) ?? FindInProject(repositoryRoot, fileExists, isWindows);
        return func is null ? new E2ETarget(E2ETargetKind.None) : new E2ETarget(E2ETargetKind.Local) { FuncPath = func };
    }

    /// <summary>
    /// The first <c>func</c> in <paramref name="path"/>. On Windows npm installs a <c>func.cmd</c> shim next to a
    /// shell script named <c>func</c> that Windows cannot start, so only the .exe and .cmd count there. A
    /// node_modules/.bin entry is skipped: npm puts it on PATH for the scripts it runs, and the <c>func</c> there is
    /// the project's launcher, which starts an unbounded download when Core Tools is missing.
    /// </summary>
    public static string? FindOnPath(string? path, Func<string, bool> fileExists, bool isWindows)
    {
        ArgumentNullException.ThrowIfNull(fileExists);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string[] names = isWindows ? ["func.exe", "func.cmd"] : ["func"];
        var separator = isWindows ? ';' : ':';
        foreach (var entry in path.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var directory = entry.Trim('"');
            if (IsNpmBinFolder(directory))
            {
                continue;
            }

            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (fileExists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The Core Tools binary that <c>npm ci</c> installs with the optional dependency azure-functions-core-tools when
    /// its download works: node_modules/azure-functions-core-tools/bin/func (func.exe on Windows). Null when it is not
    /// there, which is also the case where the download failed: npm then removes the package.
    /// </summary>
    public static string? FindInProject(string? repositoryRoot, Func<string, bool> fileExists, bool isWindows)
    {
        ArgumentNullException.ThrowIfNull(fileExists);
        if (string.IsNullOrWhiteSpace(repositoryRoot))
        {
            return null;
        }

        var candidate = Path.Combine(repositoryRoot, "node_modules", "azure-functions-core-tools", "bin", isWindows ? "func.exe" : "func");
        return fileExists(candidate) ? candidate : null;
    }

    private static bool IsNpmBinFolder(string directory)
    {
        var normalized = directory.Replace('\\', '/').TrimEnd('/');
        return normalized.EndsWith("/node_modules/.bin", StringComparison.OrdinalIgnoreCase)
            || normalized.Equals("node_modules/.bin", StringComparison.OrdinalIgnoreCase);
    }

    private static E2ETarget Deployed(string baseUrl, string? functionKey, string? masterKey)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return new E2ETarget(E2ETargetKind.Misconfigured)
            {
                Problem = $"{BaseUrlVariable} must be the app's absolute http(s) URL, such as https://myapp.azurewebsites.net; it is '{baseUrl}'.",
            };
        }

        if (functionKey is null)
        {
            return new E2ETarget(E2ETargetKind.Misconfigured)
            {
                Problem = $"{BaseUrlVariable} is set but {FunctionKeyVariable} is not; every pet function needs a function key.",
            };
        }

        // Relative request paths resolve under the base only when it ends in a slash.
        var root = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return new E2ETarget(E2ETargetKind.Deployed) { BaseUrl = root, FunctionKey = functionKey, MasterKey = masterKey };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
