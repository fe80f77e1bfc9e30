namespace PetStore.Functions;

/// <summary>The app's storage connection, shared by the queue trigger and the storage clients.</summary>
internal static class StorageConnection
{
    /// <summary>
    /// The app-setting name of the connection to the app's own tables and queues: a connection string, or the
    /// identity-based settings <c>PetStorage__tableServiceUri</c>, <c>PetStorage__queueServiceUri</c>,
    /// <c>PetStorage__credential</c> and <c>PetStorage__clientId</c>, the same conventions the Functions host uses
    /// for the queue trigger. A constant because the trigger attribute needs one.
    /// </summary>
    public const string Name = "PetStorage";
}
