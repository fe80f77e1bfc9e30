using PetStore.Functions.Pets;

namespace PetStore.Tests.Pets;

/// <summary>
/// The names stored in Table Storage and sent on the wire are pinned per enum member, so reordering or adding a member
/// can never change what an existing row or client reads.
/// </summary>
public class PetNamesTests
{
    [Theory]
    [InlineData(Species.Dog, "dog")]
    [InlineData(Species.Cat, "cat")]
    [InlineData(Species.Bird, "bird")]
    [InlineData(Species.Other, "other")]
    public void Species_HasItsPinnedNameBothWays(Species species, string name)
    {
        Assert.Equal(name, species.ToName());
        Assert.True(PetNames.TryParseSpecies(name, out var parsed));
        Assert.Equal(species, parsed);
    }

    [Theory]
    [InlineData(PetStatus.New, "new")]
    [InlineData(PetStatus.Available, "available")]
    [InlineData(PetStatus.Pending, "pending")]
    [InlineData(PetStatus.Adopted, "adopted")]
    [InlineData(PetStatus.Deleted, "deleted")]
    public void Status_HasItsPinnedNameBothWays(PetStatus status, string name)
    {
        Assert.Equal(name, status.ToName());
        Assert.True(PetNames.TryParseStatus(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void EveryMember_HasAName()
    {
        Assert.Equal(Enum.GetValues<Species>().Length, PetNames.SpeciesNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enum.GetValues<PetStatus>().Length, PetNames.StatusNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Dog")]
    [InlineData("DOG")]
    [InlineData("dog ")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingButTheExactName_Fails(string? text)
    {
        Assert.False(PetNames.TryParseSpecies(text, out _));
        Assert.False(PetNames.TryParseStatus(text, out _));
    }
}
