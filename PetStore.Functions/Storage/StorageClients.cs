using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace PetStore.Functions.Storage;

/// <summary>
/// The service clients for the app's own tables and queues, built from the <c>PetStorage</c> connection with the
/// same conventions as the Functions host: a connection string (locally, Azurite), or, in Azure, identity-based
/// settings <c>PetStorage__tableServiceUri</c> and <c>PetStorage__queueServiceUri</c> with the credential the
/// section describes (<c>PetStorage__credential=managedidentity</c>, <c>PetStorage__clientId</c> for a
/// user-assigned identity), read by <see cref="AzureComponentFactory"/> exactly as the host reads it.
/// Singletons: the SDK clients are thread-safe and pooled.
/// </summary>
internal sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues, TokenCredential? Credential)
{
    public static StorageClients FromConnectionString(string connectionString) =>
        new(new TableServiceClient(connectionString, TableOptions()), new QueueServiceClient(connectionString, QueueOptions()), null);

    /// <exception cref="InvalidOperationException">The section is neither a connection string nor both service URIs.</exception>
    public static StorageClients FromConfiguration(IConfigurationSection section, AzureComponentFactory components)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(components);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        if (!TryGetServiceUris(section, out var tableUri, out var queueUri))
        {
            throw new InvalidOperationException(MissingConnectionMessage(section.Key));
        }

        var credential = components.CreateTokenCredential(section);
        return new(new TableServiceClient(tableUri, credential, TableOptions()), new QueueServiceClient(queueUri, credential, QueueOptions()), credential);
    }

    public static bool IsConfigured(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return !string.IsNullOrWhiteSpace(section.Value) || TryGetServiceUris(section, out _, out _);
    }

    public static string MissingConnectionMessage(string connectionName) =>
        $"Set '{connectionName}' to a storage connection string, or set '{connectionName}__tableServiceUri' and " +
        $"'{connectionName}__queueServiceUri' (with '{connectionName}__credential=managedidentity' and " +
        $"'{connectionName}__clientId' for a user-assigned identity).";

    private static bool TryGetServiceUris(IConfigurationSection section, out Uri? tableUri, out Uri? queueUri)
    {
        queueUri = null;
        return Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out tableUri)
            && Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out queueUri);
    }

    private static TableClientOptions TableOptions()
    {
        var options = new TableClientOptions();
        ConfigureRetry(options.Retry);
        return options;
    }

    private static QueueClientOptions QueueOptions()
    {
        // The Functions queue trigger decodes base64 by default; plain text would land in the poison queue.
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        ConfigureRetry(options.Retry);
        return options;
    }

    private static void ConfigureRetry(RetryOptions retry)
    {
        // An HTTP caller is waiting: fail within seconds and say so, rather than hold the request for the
        // SDK's default 100-second network timeout.
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
