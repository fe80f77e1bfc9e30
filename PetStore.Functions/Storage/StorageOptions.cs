namespace PetStore.Functions.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// The name of the connection the app's own tables and queues use: a connection string locally, or
    /// <c>PetStorage__tableServiceUri</c>/<c>PetStorage__queueServiceUri</c> with a managed identity in Azure.
    /// A constant because the queue trigger attribute needs one.
    /// </summary>
    public const string ConnectionName = "PetStorage";

    public string PetsTable { get; set; } = "pets";

    public string PurgeIndexTable { get; set; } = "petpurgeindex";
}
