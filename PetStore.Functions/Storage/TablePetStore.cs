using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Pets;

namespace PetStore.Functions.Storage;

/// <summary>Pets on Azure Table Storage, one partition a pet (see <see cref="PetEntity"/>).</summary>
internal sealed class TablePetStore : IPetStore
{
    private readonly TableClient _pets;
    private readonly StorageCalls _calls;

    public TablePetStore(TableClient pets, ILogger<TablePetStore> logger)
    {
        _pets = pets;
        _calls = new StorageCalls("Table storage", ct => _pets.CreateIfNotExistsAsync(ct), logger);
    }

    public Task<StoredPet?> FindAsync(string id, CancellationToken cancellationToken) =>
        _calls.RunAsync("read a pet", async ct =>
        {
            var response = await _pets.GetEntityIfExistsAsync<PetEntity>(id, PetEntity.PetRowKey, cancellationToken: ct);
            return response.HasValue ? ToStored(response.Value!) : null;
        }, cancellationToken);

    public Task<StoredPet> AddAsync(Pet pet, CancellationToken cancellationToken) =>
        _calls.RunAsync("add a pet", async ct =>
        {
            try
            {
                var response = await _pets.AddEntityAsync(PetEntity.FromPet(pet), ct);
                return new StoredPet(pet, response.Headers.ETag.ToString()!);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                throw new PetAlreadyExistsException(pet.Id, ex);
            }
        }, cancellationToken);

    public Task<StoredPet> ReplaceAsync(Pet pet, string eTag, CancellationToken cancellationToken) =>
        _calls.RunAsync("update a pet", async ct =>
        {
            try
            {
                var response = await _pets.UpdateEntityAsync(PetEntity.FromPet(pet), new ETag(eTag), TableUpdateMode.Replace, ct);
                return new StoredPet(pet, response.Headers.ETag.ToString()!);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                throw new PetChangedException(pet.Id, ex);
            }
        }, cancellationToken);

    public Task RemoveAsync(string id, string eTag, CancellationToken cancellationToken) =>
        _calls.RunAsync("remove a pet", async ct =>
        {
            try
            {
                await _pets.DeleteEntityAsync(id, PetEntity.PetRowKey, new ETag(eTag), ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Already gone: removing is idempotent.
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                throw new PetChangedException(id, ex);
            }
        }, cancellationToken);

    public Task<PetPage> ListAsync(PetQuery query, CancellationToken cancellationToken)
    {
        var continuation = DecodeContinuationToken(query.ContinuationToken);
        return _calls.RunAsync("list pets", async ct =>
        {
            try
            {
                var pages = _pets.QueryAsync<PetEntity>(ListFilter(query), query.PageSize, cancellationToken: ct)
                    .AsPages(continuation, query.PageSize);
                await foreach (var page in pages)
                {
                    return new PetPage([.. page.Values.Select(ToStored)], EncodeContinuationToken(page.ContinuationToken));
                }

                return new PetPage([], null);
            }
            catch (RequestFailedException ex) when (ex.Status == 400 && continuation is not null)
            {
                throw new InvalidContinuationTokenException(ex);
            }
        }, cancellationToken);
    }

    private static string ListFilter(PetQuery query)
    {
        List<string> clauses = [];
        if (query.Species is { } species)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Species eq {species.ToName()}"));
        }

        if (query.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToName()}"));
        }
        else if (!query.IncludeDeleted)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status ne {PetStatus.Deleted.ToName()}"));
        }

        return clauses.Count == 0 ? "" : string.Join(" and ", clauses);
    }

    private static StoredPet ToStored(PetEntity entity) => new(entity.ToPet(), entity.ETag.ToString());

    // Storage's continuation token holds the next keys; base64url makes it opaque to clients and safe in a URL.
    private static string? EncodeContinuationToken(string? token) =>
        token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? DecodeContinuationToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            // Storage's tokens are "<next partition key> <next row key>"; anything else was not issued here.
            return decoded.Split(' ') is [{ Length: > 0 }, _] ? decoded : throw new InvalidContinuationTokenException();
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException(ex);
        }
    }
}
