using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;

namespace PetStore.Tests.Fakes;

/// <summary>The functions wired to fakes of the storage seam and a fake clock, for unit tests.</summary>
internal sealed class App
{
    public FakeTimeProvider Time { get; } = new(TestPets.Start);

    public InMemoryPetStore Store { get; } = new();

    public RecordingReminderQueue Queue { get; } = new();

    public PetOptions PetOptions { get; } = new();

    public ReminderOptions ReminderOptions { get; } = new();

    public CreatePet CreatePet() => new(Store, Queue, Time, NullLogger<CreatePet>.Instance);

    public GetPet GetPet() => new(Store);

    public ListPets ListPets() => new(Store);

    public UpdatePet UpdatePet() => new(Store, Time, NullLogger<UpdatePet>.Instance);

    public DeletePet DeletePet() => new(Store, Time, Options.Create(PetOptions), NullLogger<DeletePet>.Instance);

    public RestorePet RestorePet() => new(Store, Time, NullLogger<RestorePet>.Instance);

    public SetFeedingReminder SetFeedingReminder() =>
        new(Store, Queue, Time, Options.Create(ReminderOptions), NullLogger<SetFeedingReminder>.Instance);

    public PurgeDeletedPets PurgeDeletedPets() =>
        new(Store, Time, Options.Create(new PurgeOptions { MaxConcurrency = 4 }), NullLogger<PurgeDeletedPets>.Instance);
}
