using PetStore.Functions.Pets;

namespace PetStore.Tests.Fakes;

internal static class TestPets
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static Pet New(string? id = null, string name = "Rex", Species species = Species.Dog, PetStatus status = PetStatus.New) =>
        new(id ?? Guid.CreateVersion7(Start).ToString("N"), name, species, 12, status, Start, Start);
}
