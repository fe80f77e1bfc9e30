namespace PetStore.Functions.Storage;

/// <summary>The app's tables, bound from <c>Storage</c> (app settings <c>Storage__...</c>).</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The table of pets (Azure table naming: 3-63 letters or digits, starting with a letter).</summary>
    public string PetsTable { get; set; } = "pets";

    /// <summary>The table of the purge index; must differ from <see cref="PetsTable"/>.</summary>
    public string PurgeIndexTable { get; set; } = "petpurgeindex";
}
