namespace PetStore.Tests;

/// <summary>The clone this test build sits in: the folder above it that holds PetStore.sln.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root folder, or null when the test build is not inside a clone.</summary>
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PetStore.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
