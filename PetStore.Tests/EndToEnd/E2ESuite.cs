namespace PetStore.Tests.EndToEnd;

/// <summary>All end-to-end tests share one running app; starting the Functions host takes tens of seconds.</summary>
[CollectionDefinition(Name)]
public sealed class E2ESuite : ICollectionFixture<E2EHost>
{
    public const string Name = "End-to-end";
}
