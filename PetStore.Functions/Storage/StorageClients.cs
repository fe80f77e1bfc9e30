using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PetStore.Functions.Storage;

/// <summary>
/// The service clients for the app's own tables and queues, built from the <c>PetStorage</c> connection with the
/// same conventions as the Functions host: a connection string (locally, Azurite), or, in Azure, identity-based
/// settings <c>PetStorage__tableServiceUri</c> and <c>PetStorage__queueServiceUri</c> with a managed identity
/// (<c>PetStorage__clientId</c> for a user-assigned one). Singletons: the SDK clients are thread-safe and pooled.
/// </summary>
internal sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues)
{
    public static StorageClients FromConnectionString(string connectionString) =>
        new(new TableServiceClient(connectionString, TableOptions()), new QueueServiceClient(connectionString, QueueOptions()));

    public static StorageClients FromConfiguration(IConfiguration configuration, string connectionName)
    {
        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        if (!Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out var tableUri)
            || !Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out var queueUri))
        {
            throw new InvalidOperationException(MissingConnectionMessage(connectionName));
        }

        var credential = Credential(section);
        return new(new TableServiceClient(tableUri, credential, TableOptions()), new QueueServiceClient(queueUri, credential, QueueOptions()));
    }

    public static bool IsConfigured(IConfiguration configuration, string connectionName)
    {
        var section = configuration.GetSection(connectionName);
        return !string.IsNullOrWhiteSpace(section.Value)
            || (Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out _)
                && Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out _));
    }

    public static string MissingConnectionMessage(string connectionName) =>
        $"Set '{connectionName}' to a storage connection string, or set '{connectionName}__tableServiceUri' and " +
        $"'{connectionName}__queueServiceUri' (with '{connectionName}__clientId' for a user-assigned identity).";

    private static TokenCredential Credential(IConfigurationSection section) =>
        section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();

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
